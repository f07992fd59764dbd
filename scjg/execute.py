"""Run a notebook top to bottom with nbclient and list what went wrong (errors, stderr output)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat


@dataclass
class RunResult:
    """The executed notebook and the problems found in its outputs."""

    notebook: nbformat.NotebookNode
    errors: list[str] = field(default_factory=list)   # "cell N: ename: evalue"
    stderr: list[str] = field(default_factory=list)   # "cell N: text"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.stderr

    def outputs_text(self, cell_index: int) -> str:
        """All text a code cell showed (streams, text/plain, text/html)."""
        parts = []
        for out in self.notebook.cells[cell_index].get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type in ("execute_result", "display_data"):
                parts.append(out.data.get("text/plain", ""))
                parts.append(out.data.get("text/html", ""))
            elif out.output_type == "error":
                parts.append(f"{out.ename}: {out.evalue}")
        return "\n".join(parts)


def run_notebook(path: str | Path, *, timeout: int = 120, allow_errors: bool = True) -> RunResult:
    """Execute `path` in its own folder; never raises for cell errors (they are listed instead)."""
    import time

    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    result = RunResult(nb, seconds=time.perf_counter() - start)
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                result.errors.append(f"cell {index}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                result.stderr.append(f"cell {index}: {out.text.strip()}")
    return result
