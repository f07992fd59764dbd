"""Who handed in a notebook: its path's layout, else the roster, else the notebook's 学员信息 cell.

The 学员信息 cell (contract 3) is read from the file without running it: the code cell whose metadata
says `{"scjg": {"role": "learner-info"}}`, else the first code cell whose first line is `%%learner`;
its lines `学员编号：…` and `姓名：…` (full-width ： or ASCII :, spaces tolerated).

`resolve` never guesses: where the clues disagree or point at nobody it says so, in Chinese, for the
trainer to decide (`Identity.question`); where they agree but one of them is odd it notes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layouts import ID, PLATFORM_LAYOUT, PathClue

FIELD = re.compile(r"^\s*(学员编号|编号|学号|姓名)\s*[:：]\s*(.*?)\s*$")


@dataclass(frozen=True)
class LearnerInfo:
    """What a learner typed in the 学员信息 cell ("" where nothing)."""

    learner: str = ""
    name: str = ""


def learner_info_cell(nb):
    """The 学员信息 cell of a notebook (by metadata role, else by `%%learner` first line), or None."""
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    for cell in code:
        if cell.get("metadata", {}).get("scjg", {}).get("role") == "learner-info":
            return cell
    for cell in code:
        lines = _source(cell).lstrip().splitlines()
        if lines and lines[0].strip().startswith("%%learner"):
            return cell
    return None


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def read_learner_info(nb) -> LearnerInfo:
    """The id (lower case) and name a learner typed in the notebook's 学员信息 cell."""
    cell = learner_info_cell(nb)
    if cell is None:
        return LearnerInfo()
    found = {}
    for line in _source(cell).splitlines():
        match = FIELD.match(line)
        if match and match.group(2):
            key = "name" if match.group(1) == "姓名" else "learner"
            found.setdefault(key, match.group(2))
    return LearnerInfo(found.get("learner", "").lower(), found.get("name", ""))


@dataclass
class Identity:
    """The learner a notebook is collected for (None: not collected), with notes and a question for the trainer."""

    learner: str | None
    name: str = ""
    how: str = ""                                   # Chinese: where the id came from
    notes: list[str] = field(default_factory=list)  # collected, but the trainer should look
    question: str = ""                              # not collected: what the trainer must decide


def _by_name(name: str, roster: dict[str, str]) -> list[str]:
    return sorted(learner for learner, roster_name in roster.items() if name and roster_name == name)


def _named(learner: str, name: str, roster: dict[str, str], how: str, notes: list[str]) -> Identity:
    roster_name = roster.get(learner, "")
    if roster_name and name and roster_name != name:
        notes.append(f"名单中 {learner} 的姓名是“{roster_name}”，提交中写的是“{name}”，请核实是否为同一人")
    return Identity(learner, roster_name or name, how, notes)


def resolve(clue: PathClue, info: LearnerInfo, roster: dict[str, str]) -> Identity:
    """The learner of a notebook from its path clue, the roster and its 学员信息 (see the module docstring)."""
    notes: list[str] = []
    cell_id = info.learner if ID.match(info.learner or "-") else ""
    # a platform's number may be its own (not the 学员编号): off the roster it is matched by name instead
    if clue.learner and (not roster or clue.learner in roster or clue.layout != PLATFORM_LAYOUT):
        if cell_id and cell_id != clue.learner:
            notes.append(f"作业中学员信息填写的编号是 {info.learner}，与{clue.layout}的 {clue.learner} 不一致，"
                         f"已按{clue.layout}收取，请核实")
        if roster and clue.learner not in roster:
            notes.append("不在学员名单 roster.csv 中")
        return _named(clue.learner, clue.name or info.name, roster, clue.layout, notes)
    name = clue.name or info.name
    if roster:
        matches = _by_name(clue.name, roster) or _by_name(info.name, roster)
        if len(matches) == 1:
            via = f"，{clue.layout}中的编号 {clue.learner} 不在名单中" if clue.learner else ""
            return _named(matches[0], name, roster, f"按姓名“{roster[matches[0]]}”对应学员名单{via}", notes)
        if len(matches) > 1:
            return Identity(None, name, question=f"学员名单中有 {len(matches)} 名“{name}”（{'、'.join(matches)}），"
                            "无法确定是谁的作业：请把文件改名为“学员编号.ipynb”后重新收取")
        if cell_id in roster:
            return _named(cell_id, name, roster, "作业中的学员信息", notes)
        if clue.learner:
            return Identity(None, name, question=f"{clue.layout}中的编号 {clue.learner}"
                            f"{'（姓名“' + name + '”）' if name else ''}不在学员名单中，姓名也对不上："
                            "请确认是哪名学员，把文件改名为“学员编号.ipynb”后重新收取，或把该学员加入 roster.csv")
    elif cell_id:
        return _named(cell_id, name, roster, "作业中的学员信息", notes)
    if cell_id:
        return Identity(None, name, question=f"作业中学员信息填写的编号 {info.learner} 不在学员名单中："
                        "请确认是哪名学员，把文件改名为“学员编号.ipynb”后重新收取")
    hint = f"（姓名“{name}”不在学员名单中）" if name and roster else (f"（只有姓名“{name}”，没有学员编号）" if name else "")
    return Identity(None, name, question=f"无法确定是哪名学员的作业{hint}：文件名、文件夹名和作业中的学员信息都没有可用的"
                    "学员编号。请让学员在作业开头的学员信息中填写编号，或把文件改名为“学员编号.ipynb”后重新收取")
