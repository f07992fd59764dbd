"""The course index, lessons/catalog.yaml: lesson id, Chinese title, hours, laws, points."""
from __future__ import annotations

from functools import lru_cache

import yaml

from .paths import LESSONS


@lru_cache(maxsize=1)
def lessons() -> list[dict]:
    """All lessons in course order."""
    with open(LESSONS / "catalog.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return list(data.get("lessons", []))


def ids(include_planned: bool = False) -> list[str]:
    """Ids of the available lessons (all lessons with include_planned) in course order."""
    return [item["id"] for item in lessons() if include_planned or item.get("status") == "available"]


def lesson(lesson_id: str) -> dict:
    """One lesson's catalog entry; ValueError (Chinese) if unknown."""
    for item in lessons():
        if item["id"] == lesson_id:
            return item
    raise ValueError(f"课程目录中没有“{lesson_id}”。已发布的课程：{'、'.join(ids())}")
