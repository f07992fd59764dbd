"""The course index, lessons/catalog.yaml: lesson id, Chinese title, hours, laws, points.

Every function reads the workspace's lessons/ by default (resolved at call time), or the `lessons_dir` of another course folder
(`scjg grade --course DIR`). The file is parsed once per version (path and modification time).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from . import paths


@lru_cache(maxsize=8)
def _read(path: str, _mtime_ns: int) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return tuple(data.get("lessons", []))


def lessons(lessons_dir: Path | None = None) -> list[dict]:
    """All lessons in course order."""
    path = Path(lessons_dir or paths.lessons_dir()) / "catalog.yaml"
    return list(_read(str(path), path.stat().st_mtime_ns))


def ids(include_planned: bool = False, lessons_dir: Path | None = None) -> list[str]:
    """Ids of the available lessons (all lessons with include_planned) in course order."""
    return [item["id"] for item in lessons(lessons_dir) if include_planned or item.get("status") == "available"]


def lesson(lesson_id: str, lessons_dir: Path | None = None) -> dict:
    """One lesson's catalog entry; ValueError (Chinese) if unknown."""
    for item in lessons(lessons_dir):
        if item["id"] == lesson_id:
            return item
    raise ValueError(f"课程目录中没有“{lesson_id}”。已发布的课程：{'、'.join(ids(lessons_dir=lessons_dir))}")
