"""Article references written in lesson prose and plans exist in the laws the lesson teaches."""
from __future__ import annotations

import re

import nbformat
import pytest

from scjg import catalog, laws
from scjg.answers import article_ref
from scjg.paths import LESSONS

NUM = r"[0-9零〇一二两三四五六七八九十百千]+"
REF = re.compile(rf"第{NUM}条(?:之[一二三四五六七八九十])?(?:第{NUM}款)?(?:第[（(]?{NUM}[）)]?项)?")


def prose(lesson_id: str) -> str:
    """Markdown cells of the lecture and the graded notebook and plan.md of a lesson, with code spans and
    code blocks removed (they hold examples)."""
    parts = []
    for name in ("lecture.ipynb", f"{lesson_id}.ipynb"):
        nb = nbformat.read(str(LESSONS / lesson_id / name), as_version=4)
        parts += [c.source for c in nb.cells if c.cell_type == "markdown"]
    plan = LESSONS / lesson_id / "plan.md"
    if plan.exists():
        parts.append(plan.read_text(encoding="utf-8"))
    text = "\n".join(parts)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`]*`", "", text)


def exists(law: str, ref) -> bool:
    try:
        art = laws.article(law, ref.article)
        if ref.paragraph:
            para = art.paragraph(ref.paragraph)
            if ref.item:
                para.item(ref.item)
        elif ref.item:
            art.item(ref.item)
    except (ValueError, IndexError, KeyError):
        return False
    return True


@pytest.mark.parametrize("lesson_id", [i for i in catalog.ids() if catalog.lesson(i).get("laws")])
def test_every_cited_provision_exists(lesson_id):
    """Does every 第…条(第…款)(第…项) in the lesson's text and plan exist in one of the laws it teaches?"""
    taught = catalog.lesson(lesson_id)["laws"]
    missing = []
    for match in sorted(set(REF.findall(prose(lesson_id)))):
        if "之" in match:
            continue  # 刑法 第一百三十三条之一 style: looked up by the lessons through scjg.laws directly
        ref = article_ref(match)
        if not any(exists(law, ref) for law in taught):
            missing.append(match)
    assert missing == [], f"这些条款在 {taught} 中都找不到：{missing}"


def test_a_wrong_reference_is_caught():
    """Would provisions that 食品安全法 does not have (a fourth paragraph of 第一百二十四条, a 14th item) be reported?"""
    assert not exists("食品安全法", article_ref("第一百二十四条第四款"))
    assert not exists("食品安全法", article_ref("第一百二十四条第一款第十四项"))
    assert not exists("食品安全法", article_ref("第一百六十条"))
    assert exists("食品安全法", article_ref("第一百二十四条第一款第五项"))
