"""What the path of a returned notebook says about its learner, layout by layout.

The layouts a trainer meets, each recognised explicitly (nearest folder first):
- nbgrader exchange: `inbound/<id>+<lesson>+<time>/<lesson>.ipynb` (id and hand-in time);
- a learning platform's bulk download (Moodle style): `<姓名>_<编号>_assignsubmission_file_/<any>.ipynb`,
  also `<姓名>_<编号>_提交/` (name and number);
- one folder per learner: `<id>/<lesson>.ipynb` (also nbgrader's `<id>/<lesson>/<lesson>.ipynb`);
- the file name: `<id>.ipynb`, `<id>_<姓名>.ipynb`, `<姓名>_<id>.ipynb`.
A browser's rename (` (1)`, `（2）`, ` - 副本`) and a version tag (`-v2`, `_最终版`) are taken off a name before
it is read, so they never become an id; a name that is a lesson id is the lesson, never a learner.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
LESSON_LIKE = re.compile(r"^\d{2}-[a-z][a-z0-9-]*$")
HAN_NAME = re.compile(r"^[\u3400-\u9fff·]{2,8}$")
EXCHANGE = re.compile(r"^(?P<id>[^+]+)\+(?P<lesson>[^+]+)\+(?P<time>.+)$")
PLATFORM = re.compile(r"^(?P<name>.+?)_(?P<number>[A-Za-z0-9.-]+)_(?:assignsubmission_\w*|提交|作业|submission)$",
                      re.IGNORECASE)
SUFFIX = re.compile(
    r"(?:\s*[(（]\d+[)）]"                                       # browser: "x (1)", "x（2）"
    r"|\s*-\s*(?:副本|copy)(?:\s*[(（]?\d+[)）]?)?"              # "x - 副本", "x - Copy (2)"
    r"|[\s_-]+(?:v|ver|version)\.?\d+"                           # "x-v2", "x_v3", "x ver2"
    r"|[\s_-]*(?:最终版|修改版|终稿|定稿|第\d+版)"                  # "x_最终版", "x第2版"
    r"|[\s_-]+(?:copy|final|new|old)(?:\s*\d+)?)$",              # "x_copy", "x final"
    re.IGNORECASE)
EXCHANGE_LAYOUT = "nbgrader 交换目录"
PLATFORM_LAYOUT = "学习平台批量下载（姓名_编号 文件夹）"


@dataclass(frozen=True)
class PathClue:
    """What a path tells: the learner id (lower case) or None, a name, a lesson named in it, a time, the layout."""

    learner: str | None = None
    name: str = ""
    lesson: str | None = None
    time: str = ""
    layout: str = ""     # Chinese, for the collect report
    tagged: bool = False  # the file name carried a browser suffix or a version tag


def clean_stem(stem: str) -> tuple[str, bool]:
    """The file stem without browser suffixes and version tags, and whether any were there."""
    cleaned = stem.strip()
    while True:
        shorter = SUFFIX.sub("", cleaned).strip()
        if shorter == cleaned or not shorter:
            return cleaned, cleaned != stem.strip()
        cleaned = shorter


def is_lesson_name(text: str, lesson_ids: set[str]) -> bool:
    return text.lower() in lesson_ids or bool(LESSON_LIKE.match(text.lower()))


def id_like(text: str, roster: dict[str, str]) -> bool:
    """An ASCII learner id: on the roster, or (the roster aside) letters/digits holding at least one digit."""
    low = text.lower()
    return bool(ID.match(text)) and (low in roster or any(ch.isdigit() for ch in text))


def _from_stem(stem: str, lesson_ids: set[str], roster: dict[str, str]) -> PathClue | None:
    if is_lesson_name(stem, lesson_ids):
        return PathClue(lesson=stem.lower())
    if id_like(stem, roster):
        return PathClue(learner=stem.lower(), layout="文件名为学员编号")
    for first, second in ((1, 2), (2, 1)):
        match = re.match(r"^(.+?)[_\s-]+(.+)$", stem)
        if match:
            ident, name = match.group(first), match.group(second)
            if id_like(ident, roster) and HAN_NAME.match(name):
                return PathClue(learner=ident.lower(), name=name, layout="文件名为“学员编号_姓名”")
    if HAN_NAME.match(stem):
        return PathClue(name=stem, layout="文件名为姓名")
    return None


def _from_folder(folder: str, lesson_ids: set[str], roster: dict[str, str]) -> PathClue | None:
    match = EXCHANGE.match(folder)
    if match:
        time = match.group("time")
        return PathClue(learner=match.group("id").lower(), lesson=match.group("lesson"),
                        time=time if "UTC" in time else time + " UTC", layout=EXCHANGE_LAYOUT)
    match = PLATFORM.match(folder)
    if match:
        return PathClue(learner=match.group("number").lower(), name=match.group("name").strip(),
                        layout=PLATFORM_LAYOUT)
    if id_like(folder, roster) and not is_lesson_name(folder, lesson_ids):
        return PathClue(learner=folder.lower(), layout="每名学员一个文件夹")
    if HAN_NAME.match(folder):
        return PathClue(name=folder, layout="文件夹名为姓名")
    return None


def read_path(parts: list[str], lesson_ids: set[str], roster: dict[str, str]) -> PathClue:
    """The clue of a notebook's relative path `parts` (folders..., file name)."""
    stem, tagged = clean_stem(parts[-1].rsplit(".", 1)[0])
    from_stem = _from_stem(stem, lesson_ids, roster)
    lesson = from_stem.lesson if from_stem else None
    folders = list(reversed(parts[:-1]))
    if folders and is_lesson_name(folders[0], lesson_ids):   # nbgrader's <id>/<lesson>/<lesson>.ipynb
        lesson = lesson or folders[0].lower()
        folders = folders[1:]
    for folder in folders:
        clue = _from_folder(folder, lesson_ids, roster)
        if clue and clue.layout in (EXCHANGE_LAYOUT, PLATFORM_LAYOUT):
            return PathClue(clue.learner, clue.name or (from_stem.name if from_stem else ""), clue.lesson or lesson,
                            clue.time, clue.layout, tagged)
    if from_stem and from_stem.learner:
        return PathClue(from_stem.learner, from_stem.name, lesson, "", from_stem.layout, tagged)
    parent = _from_folder(folders[0], lesson_ids, roster) if folders else None
    name = (from_stem.name if from_stem else "") or (parent.name if parent else "")
    if parent and parent.learner:
        return PathClue(parent.learner, name, lesson, "", parent.layout, tagged)
    layout = (from_stem.layout if from_stem and from_stem.name else "") or (parent.layout if parent else "")
    return PathClue(None, name, lesson, "", layout, tagged)
