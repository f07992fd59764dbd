"""`scjg slides LESSON`: the lecture notebook as one offline HTML deck for a projector.

The notebook is executed first, then exported with nbconvert's reveal.js layout (a section per
slide from the cells' slide metadata): outputs shown, code hidden, every asset inlined (reveal.js
from the `rise` package, styles, charts as data URIs), so the file opens on a laptop with no
network. Graded cells (nbgrader solutions, tests, written answers) are dropped even when the
lesson has no separate lecture notebook yet, and live widgets become a note to demonstrate them
in JupyterLab (jupyterlab-rise keeps working for that).
"""
from __future__ import annotations

import argparse
import copy
import re
from pathlib import Path

import nbformat

from . import catalog, paths

TEMPLATES = Path(__file__).parent / "templates"
WIDGET_NOTE = ("<div class='scjg-widget-note'>🖱️ 此处是互动工具（罚款计算器、案例浏览器、自测题等），"
               "请在 JupyterLab 中打开讲授笔记本现场演示。</div>")
DECK_CSS = """
html, body, main { width: 100%; height: 100%; margin: 0; padding: 0; overflow: hidden; }
.reveal { width: 100%; height: 100%; }
:root { --jp-content-font-size1: 24px; --jp-ui-font-size1: 22px; --jp-code-font-size: 20px; }
a.anchor-link { display: none; }
.reveal, .reveal h1, .reveal h2, .reveal h3, .reveal h4, .reveal p, .reveal li, .reveal table {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
               "PingFang SC", sans-serif; }
.reveal { font-size: 26px; }
.reveal h1 { font-size: 1.7em; } .reveal h2 { font-size: 1.4em; } .reveal h3 { font-size: 1.2em; }
.reveal h4 { font-size: 1.05em; }
.reveal .slides { text-align: left; }
.reveal .slides > section, .reveal .slides > section > section { height: 100%; overflow-y: auto; }
.reveal table { font-size: 0.8em; border-collapse: collapse; }
.reveal table th, .reveal table td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
.scjg-widget-note { border: 1px dashed #2f6f9f; padding: 0.5em 1em; color: #2f6f9f; }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
"""


class SlidesError(ValueError):
    """A deck that cannot be made; the message is Chinese."""


def lecture_notebook(lesson_id: str, lessons: Path | None = None) -> Path:
    """The lesson's lecture notebook: lessons/<id>/lecture.ipynb, or the lesson notebook until it is split."""
    folder = (lessons or paths.lessons_dir()) / lesson_id
    for path in (folder / "lecture.ipynb", folder / f"{lesson_id}.ipynb"):
        if path.exists():
            return path
    raise SlidesError(f"找不到第 {lesson_id} 课的笔记本：{folder} 下没有 lecture.ipynb 或 {lesson_id}.ipynb。")


def is_graded(cell) -> bool:
    """Is this an nbgrader cell that holds a solution, a test or a written answer?"""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("solution") or meta.get("grade") or meta.get("task"))


_REGION = re.compile(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END (?:SOLUTION|HIDDEN TESTS)", re.S)


def solution_texts(graded: nbformat.NotebookNode) -> list[str]:
    """What the graded notebook knows and a learner must not see: each line of its solution and
    hidden-test regions and each paragraph of its written reference answers (stripped, in order)."""
    found = []
    for cell in graded.cells:
        if not is_graded(cell):
            continue
        if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
            parts = cell.source.split("\n")
        else:
            parts = [line for region in _REGION.findall(cell.source) for line in region.split("\n")]
        found += [part.strip() for part in parts if part.strip()]
    return found


def lecture_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of `nb` without graded cells; a dropped cell that opened a slide hands that over to the next cell."""
    nb = copy.deepcopy(nb)
    kept, pending = [], None
    for cell in nb.cells:
        slide_type = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        if is_graded(cell):
            if slide_type in ("slide", "subslide"):
                pending = slide_type if pending != "slide" else pending
            continue
        if pending and slide_type not in ("slide", "subslide"):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = pending
        pending = None
        kept.append(cell)
    nb.cells = kept
    return nb


def execute(nb: nbformat.NotebookNode, folder: Path, timeout: int = 300, *, what: str = "讲授笔记本") -> None:
    """Run `nb` in `folder` (outputs stay in memory); SlidesError naming the cells that failed."""
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    failed = [f"第 {i + 1} 个单元格：{out.ename}: {out.evalue}"
              for i, cell in enumerate(nb.cells) for out in cell.get("outputs", []) if out.output_type == "error"]
    if failed:
        raise SlidesError(f"{what}运行出错，未生成材料：\n" + "\n".join(failed))


def static_outputs(nb: nbformat.NotebookNode, note: str = WIDGET_NOTE) -> None:
    """Outputs a static page can show: a widget becomes the static HTML it offers (text/html beside its
    view), else `note`; stderr and errors are dropped."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stderr" or out.output_type == "error":
                continue
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:  # a widget's own static HTML, else the note
                out = nbformat.v4.new_output("display_data", data={"text/html": data.get("text/html", note)})
            outputs.append(out)
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)


def _reveal_assets() -> dict[str, str]:
    """reveal.js and its theme from the `rise` package, with web-font imports removed (nothing loads at view time)."""
    import rise

    root = Path(rise.__file__).parent / "static" / "reveal.js"
    theme = (root / "css" / "theme" / "simple.css").read_text(encoding="utf-8")
    theme = re.sub(r"@import url\([^)]*\);", "", theme)
    return {"reveal_js": (root / "js" / "reveal.js").read_text(encoding="utf-8"),
            "reveal_css": (root / "css" / "reveal.css").read_text(encoding="utf-8"),
            "theme_css": theme}


def render(nb: nbformat.NotebookNode, title: str) -> str:
    """The deck's HTML for an executed notebook."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="slides",
                              exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                              embed_images=True)
    resources = {"scjg": {"title": title, "deck_css": DECK_CSS, **_reveal_assets()}}
    html, _ = exporter.from_notebook_node(nb, resources=resources)
    return html


def build(notebook: Path, out: Path, *, title: str, run: bool = True) -> Path:
    """Write the offline deck of `notebook` to `out` and return it."""
    nb = lecture_cells(nbformat.read(str(notebook), as_version=4))
    if run:
        execute(nb, notebook.parent)
    static_outputs(nb)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(nb, title), encoding="utf-8")
    return out


def materials_dir(lesson_id: str) -> Path:
    """Where the printed and projected materials of a lesson go in the workspace (git-ignored)."""
    return paths.repo_root() / "materials" / lesson_id


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lesson", help="课程编号，例如 02-food-safety")
    parser.add_argument("--notebook", type=Path, help="讲授笔记本（默认 lessons/<课程编号>/lecture.ipynb）")
    parser.add_argument("--out", type=Path, help="输出的 HTML 文件（默认 materials/<课程编号>/slides.html）")
    parser.add_argument("--no-execute", action="store_true", help="不重新运行笔记本，直接使用其中已有的输出")


def run(args) -> int:
    try:
        info = catalog.lesson(args.lesson)
        notebook = args.notebook or lecture_notebook(args.lesson)
        out = args.out or materials_dir(args.lesson) / "slides.html"
        build(notebook, out, title=info["title"], run=not args.no_execute)
    except (ValueError, FileNotFoundError) as err:
        print(f"未生成幻灯片：{err.args[0] if err.args else err}")
        return 1
    print(f"已生成离线幻灯片：{out}（用浏览器打开，方向键翻页；无需网络）")
    return 0
