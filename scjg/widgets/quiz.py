"""Practice and self-test quiz: ungraded questions that answer right or wrong at once with a 解析
(随堂练习 after each lecture section, 小结与自测 at the end). Every question must carry its 解析."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as w
import yaml


@dataclass
class Question:
    """One 单选/多选/判断 question; `answer` is the letters of the right options ("B", "AC")."""

    text: str
    options: list[str]
    answer: str
    explain: str = ""
    multiple: bool = field(default=False)

    @property
    def letters(self) -> str:
        return "ABCDEFGH"[: len(self.options)]


class Quiz(w.VBox):
    """A column of questions, each with its own 检查 button and feedback line."""

    def __init__(self, questions: list[Question | dict], title: str = "自测题（不计分）"):
        self.questions = [q if isinstance(q, Question) else Question(**q) for q in questions]
        for q in self.questions:
            if not set(q.answer) <= set(q.letters):
                raise ValueError(f"自测题“{q.text}”的答案 {q.answer} 不在选项中")
            if not q.explain.strip():
                raise ValueError(f"自测题“{q.text}”缺少解析（explain）")
        self.inputs: list[w.Widget] = []
        self.feedback: list[w.HTML] = []
        self.buttons: list[w.Button] = []
        boxes = [w.HTML(f"<h4>{title}</h4>")]
        for n, q in enumerate(self.questions, 1):
            labels = [f"{letter}. {text}" for letter, text in zip(q.letters, q.options)]
            if q.multiple:
                picker = w.VBox([w.Checkbox(description=label, indent=False, value=False) for label in labels])
            else:
                picker = w.RadioButtons(options=labels, value=None, layout=w.Layout(width="auto"))
            button = w.Button(description="检查", button_style="info")
            out = w.HTML()
            button.on_click(lambda _b, i=n - 1: self.grade(i))
            self.inputs.append(picker)
            self.feedback.append(out)
            self.buttons.append(button)
            kind = "（多选）" if q.multiple else ""
            boxes.append(w.VBox([w.HTML(f"<b>{n}. {q.text}</b>{kind}"), picker, w.HBox([button, out])]))
        super().__init__(boxes)

    @classmethod
    def from_yaml(cls, path: str | Path, title: str = "自测题（不计分）") -> "Quiz":
        """Questions from a YAML list of {text, options, answer, explain, multiple}."""
        with open(path, encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh), title=title)

    def chosen(self, index: int) -> str:
        """The letters currently selected for question `index`."""
        q, picker = self.questions[index], self.inputs[index]
        if q.multiple:
            return "".join(letter for letter, box in zip(q.letters, picker.children) if box.value)
        if picker.value is None:
            return ""
        return picker.value.split(".", 1)[0]

    def grade(self, index: int) -> bool:
        """Show the feedback for question `index`; True if answered correctly."""
        q = self.questions[index]
        got = self.chosen(index)
        if not got:
            self.feedback[index].value = "<span style='color:#a60'>请先选择答案。</span>"
            return False
        right = set(got) == set(q.answer)
        verdict = "✅ 回答正确。" if right else f"❌ 不对，正确答案是 {q.answer}。"
        colour = "#1a7f37" if right else "#b42318"
        self.feedback[index].value = f"<span style='color:{colour}'>{verdict}</span> 解析：{q.explain}"
        return right
