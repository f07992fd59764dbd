"""The graded questions of a lesson and their key, read from the graded notebook for the printed materials.

Questions come from the visible checks of the graded test cells (contract: `check("第1题", q1, "article")`)
and from the written (说理) cells; the key from the solution's values, read the way the checks read them,
written as a county officer would write them. The lesson's plan.md adds what only a trainer can write:
the 解析 column of its answer table (`| 第N题 | 题型 | 分值 | 答案 | 解析 |`) and, for a written answer,
its `## 第N题 说理评分标准` table (`| 要点 | 分值 | 给分标准 |`) as the 评分细则.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import checks, laws
from .money import yuan
from .slides import execute, is_graded

KINDS = {"article": "条款", "amount": "金额", "choice": "单选", "multi": "多选", "yes_no": "判断",
         "text": "文字", "number": "数字", "date": "日期"}
_CHECK = re.compile(r"""check\(\s*["'](第(\d+)题[^"']*)["']\s*,\s*(\w+)\s*,\s*["'](\w+)["']""")


@dataclass
class Part:
    """One answer of a question: `第3题 最低额` in q3_min, read as an amount."""

    label: str
    variable: str
    kind: str


@dataclass
class Question:
    """A graded question: its number, points, parts (empty for 说理), text and key."""

    number: int
    points: float
    text: str
    parts: list[Part] = field(default_factory=list)
    written: bool = False
    reference: str = ""          # 说理: the reference answer from the solution cell
    answer: str = ""             # the key in legal language
    explain: str = ""
    rubric: str = ""

    @property
    def label(self) -> str:
        return f"第{self.number}题"

    @property
    def stem(self) -> str:
        """The question itself: its text from the last `第N题` heading on (the case before it excluded)."""
        at = self.text.rfind(self.label)
        return self.text[at:] if at >= 0 else self.text

    @property
    def kind_name(self) -> str:
        if self.written:
            return "说理"
        if len(self.parts) == 2 and all(p.kind == "amount" for p in self.parts):
            return "计算"
        return KINDS.get(self.parts[0].kind, "") if self.parts else ""


def _written_number(cell, index: int) -> int:
    found = re.search(r"q(\d+)", cell.metadata["nbgrader"].get("grade_id", "")) or re.search(r"第(\d+)题", cell.source)
    return int(found[1]) if found else index


def questions(graded: nbformat.NotebookNode) -> list[Question]:
    """The graded questions in notebook order, each with the markdown that asks it."""
    found: dict[int, Question] = {}
    text: list[str] = []
    for index, cell in enumerate(graded.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and not is_graded(cell):
            text.append(cell.source)
            continue
        if cell.cell_type == "code" and not is_graded(cell):
            text = []  # lecture code or the 学员信息 cell: what follows asks afresh
            continue
        if cell.cell_type == "markdown" and meta.get("grade"):
            number = _written_number(cell, index)
            found[number] = Question(number, float(meta.get("points", 0)), "\n\n".join(text), written=True,
                                     reference=cell.source.strip())
        elif cell.cell_type == "code" and meta.get("grade"):
            question = None
            for label, number, variable, kind in _CHECK.findall(cell.source):
                question = found.setdefault(int(number), Question(int(number), 0.0, "\n\n".join(text)))
                question.parts.append(Part(label, variable, kind))
            if question:
                question.points += float(meta.get("points", 0))
        else:
            continue
        text = []
    return sorted(found.values(), key=lambda q: q.number)


def solution_values(graded_path: Path, graded: nbformat.NotebookNode, variables: list[str]) -> dict:
    """The key's values: the graded notebook (with its solutions) run once, its answer variables read back."""
    nb = nbformat.from_dict(graded)
    probe = ("import json as _j\nprint('SCJG-KEY' + _j.dumps({_n: globals().get(_n) for _n in %r}, "
             "ensure_ascii=False, default=lambda v: v.item() if hasattr(v, 'item') else str(v)))" % variables)
    nb.cells.append(nbformat.v4.new_code_cell(probe))
    execute(nb, graded_path.parent, what=f"评分笔记本 {graded_path.name}（含参考答案）")
    text = "".join(out.get("text", "") for out in nb.cells[-1].outputs if out.output_type == "stream")
    return json.loads(text.split("SCJG-KEY", 1)[1])


def _law_title(question_text: str) -> str:
    """《中华人民共和国食品安全法》 for the first law the question names, '' if none is known."""
    for name in re.findall(r"《([^》]+)》", question_text):
        try:
            return f"《{laws.law_info(name).title}》"
        except ValueError:
            continue
    return ""


def _option(question_text: str, letter: str) -> str:
    found = re.search(rf"^\s*[-*]?\s*{letter}[.．、]\s*(.+)$", question_text, flags=re.M)
    return f"{letter}. {re.sub(r'[*_`]{1,2}', '', found[1]).strip()}" if found else letter


def _part_key(question: Question, part: Part, value) -> str:
    """One part's answer in words an officer uses."""
    read = checks.read(part.kind, value)
    if part.kind == "article":
        cited = (_law_title(question.stem) or _law_title(question.text)) + str(read)
        if "违反" in question.stem and "依据" not in question.stem:
            return f"违反{cited}的规定。"
        return f"依据{cited}。"
    if part.kind == "amount":
        return f"{yuan(read)}（{read:.0f}元）"
    if part.kind in ("choice", "multi"):
        letters = sorted(read) if part.kind == "multi" else [read]
        return "；".join(_option(question.stem, letter) for letter in letters)
    if part.kind == "yes_no":
        return "是（正确）" if read else "否（错误）"
    if part.kind == "date":
        return f"{read.year}年{read.month}月{read.day}日"
    return f"{read:g}" if isinstance(read, float) else str(read)


def _rubric(question: Question) -> str:
    if question.written:
        points = re.search(r"评分要点.*?(?=\n\s*\n|$)", question.stem, flags=re.S)
        return re.sub(r"\s*\n\s*", "", points[0]) if points else "按说理的完整性和准确性给分。"
    kinds = {p.kind for p in question.parts}
    if "multi" in kinds:
        return "须全部选对，多选、漏选均不得分。"
    if len(question.parts) > 1:
        return "各项须全部正确方得分（写法不限，如 100000、10万元、十万元均可）。"
    if "article" in kinds:
        return "条、款、项须与参考答案一致；法律名称可写简称，数字可写阿拉伯数字（如 第124条第1款第5项）。"
    if "amount" in kinds:
        return "金额与参考答案一致得分（写法不限，如 50000、5万元、五万元均可）。"
    return "答对得分。"


def with_key(items: list[Question], values: dict, plan: dict | None = None) -> list[Question]:
    """Fill each question's answer, 解析 and 评分细则: from the solution values, then from the plan's key."""
    for question in items:
        if question.written:
            question.answer = re.sub(r"^（参考答案[^）]*）", "", question.reference).strip()
        elif len(question.parts) == 2 and all(p.kind == "amount" for p in question.parts):
            low, high = (checks.read("amount", values[p.variable]) for p in question.parts)
            question.answer = f"法定罚款幅度为{yuan(low)}以上{yuan(high)}以下（{low:.0f}元至{high:.0f}元）。"
        else:
            question.answer = "；".join(
                (f"{p.label.removeprefix(question.label).strip()}：" if len(question.parts) > 1 else "")
                + _part_key(question, p, values[p.variable]) for p in question.parts)
        question.rubric = _rubric(question)
        for name, text in ((plan or {}).get(question.label) or {}).items():
            setattr(question, name, text.rstrip("。") + "。")
    return items


def plan_key(plan_text: str) -> dict[str, dict[str, str]]:
    """第N题 -> {"explain": 解析} from plan.md's answer table (read as the feedback reads it) and
    {"rubric": ...} from its `## 第N题 说理评分标准` tables."""
    from .grading.feedback import answer_key

    key = {label: {"explain": explain} for label, (_answer, explain) in answer_key(plan_text).items() if explain}
    rubric_of = None
    for line in plan_text.splitlines():
        if line.startswith("#"):
            found = re.search(r"(第\d+题)\s*说理评分标准", line)
            rubric_of = found[1] if found else None
            continue
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if rubric_of and line.lstrip().startswith("|") and len(cols) == 3 and re.fullmatch(r"\d+(?:\.\d+)?", cols[1]):
            rubric = key.setdefault(rubric_of, {})
            rubric["rubric"] = rubric.get("rubric", "") + f"{cols[0]}（{cols[1]}分）：{cols[2]}。"
    return key


def read_plan_key(folder: Path) -> dict[str, dict[str, str]]:
    """The key additions of the lesson's plan.md ({} if it has none)."""
    path = folder / "plan.md"
    return plan_key(path.read_text(encoding="utf-8")) if path.exists() else {}


def answer_forms(kind: str) -> str:
    """What the paper answer sheet prints for one answer of `kind`."""
    return {
        "article": "《＿＿＿＿＿＿＿》第＿＿＿＿条 第＿＿＿款 第＿＿＿项",
        "amount": "＿＿＿＿＿＿＿＿＿＿ 元",
        "choice": "Ａ　　Ｂ　　Ｃ　　Ｄ　（圈选一项）",
        "multi": "Ａ　　Ｂ　　Ｃ　　Ｄ　（可圈选多项）",
        "yes_no": "是（对）　　否（错）　（圈选）",
        "date": "＿＿＿＿年＿＿月＿＿日",
    }.get(kind, "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿")
