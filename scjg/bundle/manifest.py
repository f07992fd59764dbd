"""The bundle's record of itself: what it holds, for which targets, and each file's sha256."""
from __future__ import annotations

import json
from pathlib import Path

from .wheels import sha256

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"


def write(folder: Path, info: dict) -> dict:
    """Write manifest.json (info plus every file's checksum) and SHA256SUMS (for `sha256sum -c`)."""
    files = {path.relative_to(folder).as_posix(): sha256(path)
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name not in (MANIFEST, SUMS)}
    data = {**info, "files": files}
    (folder / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / SUMS).write_text("".join(f"{digest}  {name}\n" for name, digest in files.items()), encoding="utf-8")
    return data


def read(folder: Path) -> dict:
    """The manifest of the bundle in `folder`; ValueError in Chinese if there is none."""
    path = folder / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{folder} 不是工具包安装包（缺少 {MANIFEST}）。") from None
    except json.JSONDecodeError:
        raise ValueError(f"{path} 已损坏，请重新拷贝安装包。") from None


def damaged(folder: Path, data: dict, prefix: str = "") -> list[str]:
    """The files under `prefix` whose content no longer matches the manifest (or that are missing)."""
    bad = []
    for name, digest in data["files"].items():
        if name.startswith(prefix):
            path = folder / name
            if not path.is_file() or sha256(path) != digest:
                bad.append(name)
    return bad
