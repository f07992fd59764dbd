"""The learner's 我的作业 panel on a hub: released lessons with 获取 and 提交, hand-ins and released feedback.

nbgrader's own Assignment List is English only, so this panel drives nbgrader's exchange API
(nbgrader.exchange: List, FetchAssignment, Submit, FetchFeedback) from the learner's kernel, with the same
configuration nbgrader's panel reads (the Jupyter config path and the home folder). `LearnerExchange` is
the logic (tested on its own); `panel()` is the ipywidgets view of it.

    from scjg.widgets.assignments import panel
    panel()
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import catalog

QUIET = logging.getLogger("scjg.exchange")
QUIET.addHandler(logging.NullHandler())
QUIET.propagate = False


@dataclass
class Lesson:
    """One lesson as the learner sees it."""
    lesson_id: str
    title: str
    released: bool = False
    fetched: bool = False
    path: str | None = None                                        # the fetched folder
    submissions: list[str] = field(default_factory=list)           # timestamps, oldest first
    feedback: dict[str, str] = field(default_factory=dict)         # timestamp -> fetched feedback folder
    feedback_ready: bool = False                                   # released feedback not fetched yet

    @property
    def status(self) -> str:
        if self.feedback:
            return "已收到反馈"
        if self.feedback_ready:
            return "反馈已发布，请点“获取反馈”"
        if self.submissions:
            return f"已提交 {len(self.submissions)} 次，最近一次 {self.submissions[-1][:16]}"
        if self.fetched:
            return "已获取，尚未提交"
        return "已发布，尚未获取"


class ExchangeProblem(Exception):
    """A Chinese message for the learner (nbgrader's own errors are English)."""


def _title(lesson_id: str) -> str:
    try:
        return catalog.lesson(lesson_id)["title"]
    except (ValueError, KeyError):
        return lesson_id


class LearnerExchange:
    """nbgrader's exchange for the learner running this kernel, in their home (or `root`)."""

    def __init__(self, root: str | Path | None = None):
        self.root = Path(root or os.path.expanduser("~")).resolve()

    def _config(self, lesson_id: str | None = None, **exchange):
        from jupyter_core.paths import jupyter_config_path
        from nbgrader.apps import NbGrader

        cwd = os.getcwd()
        os.chdir(self.root)
        try:
            app = NbGrader()
            app.config_file_paths.append([str(self.root), *jupyter_config_path()])
            app.load_config_file()
        finally:
            os.chdir(cwd)
        config = app.config
        config.Exchange.assignment_dir = str(self.root)
        if lesson_id:
            config.CourseDirectory.assignment_id = lesson_id
        for key, value in exchange.items():
            setattr(config.ExchangeList, key, value)
        return config

    def _exchange(self, kind: str, lesson_id: str | None = None, **options):
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange import ExchangeFactory

        config = self._config(lesson_id, **options)
        coursedir = CourseDirectory(config=config, log=QUIET)
        factory = ExchangeFactory(config=config)
        return getattr(factory, kind)(coursedir=coursedir, authenticator=Authenticator(config=config, log=QUIET),
                                      config=config, log=QUIET)

    def _start(self, kind: str, lesson_id: str | None = None, **options):
        from nbgrader.exchange import ExchangeError

        try:
            return self._exchange(kind, lesson_id, **options).start()
        except ExchangeError as err:
            raise ExchangeProblem(self._chinese(kind, lesson_id, str(err))) from None
        except OSError as err:
            raise ExchangeProblem(f"无法访问作业交换目录（{err.strerror}）：请联系培训管理员。") from None

    @staticmethod
    def _chinese(kind: str, lesson_id: str | None, text: str) -> str:
        if "already" in text and kind == "FetchAssignment":
            return f"你已经获取过“{_title(lesson_id)}”，文件在你的主目录 {lesson_id}/ 中。"
        if kind == "Submit":
            return f"提交失败：请先获取“{_title(lesson_id)}”并在 {lesson_id}/ 文件夹中作答后再提交。"
        if "does not exist" in text or "not exist" in text:
            return "作业交换目录不存在或课程尚未发布：请联系教员。"
        return "操作未完成，请稍后再试；如仍不行请联系教员。"

    def lessons(self) -> list[Lesson]:
        """Every lesson released to this learner's course, with what they fetched, handed in and got back."""
        found: dict[str, Lesson] = {}
        for item in self._start("List") or []:
            lesson = found.setdefault(item["assignment_id"], Lesson(item["assignment_id"], _title(item["assignment_id"])))
            lesson.released = True
            lesson.fetched = item["status"] == "fetched"
            lesson.path = item["path"] if lesson.fetched else None
        for item in self._start("List", cached=True) or []:
            lesson = found.setdefault(item["assignment_id"], Lesson(item["assignment_id"], _title(item["assignment_id"])))
            for submission in item["submissions"]:
                lesson.submissions.append(submission["timestamp"])
                # the graded notebook's own feedback (the lecture handed in beside it never has any)
                graded = [nb for nb in submission.get("notebooks", []) if nb["notebook_id"] == lesson.lesson_id]
                for nb in graded or submission.get("notebooks", []):
                    if nb.get("has_local_feedback") and nb.get("local_feedback_path"):
                        lesson.feedback[submission["timestamp"]] = os.path.dirname(nb["local_feedback_path"])
                    elif nb.get("has_exchange_feedback"):
                        lesson.feedback_ready = True
        return sorted(found.values(), key=lambda lesson: lesson.lesson_id)

    def fetch(self, lesson_id: str) -> Path:
        """Copy the released lesson into the home folder; returns the folder."""
        self._start("FetchAssignment", lesson_id)
        return self.root / lesson_id

    def submit(self, lesson_id: str) -> str:
        """Hand in the lesson folder; returns the submission's timestamp."""
        if not (self.root / lesson_id).is_dir():
            raise ExchangeProblem(f"找不到 {lesson_id}/ 文件夹：请先点“获取”，作答并保存后再提交。")
        submit = self._exchange("Submit", lesson_id)
        from nbgrader.exchange import ExchangeError
        try:
            submit.start()
        except ExchangeError as err:
            raise ExchangeProblem(self._chinese("Submit", lesson_id, str(err))) from None
        return submit.timestamp

    def fetch_feedback(self, lesson_id: str) -> list[Path]:
        """Copy the feedback released for this learner's hand-ins; returns the feedback files now at home."""
        self._start("FetchFeedback", lesson_id)
        return sorted((self.root / lesson_id / "feedback").glob("*/*.html"))


def panel(root: str | Path | None = None):
    """The 我的作业 panel (ipywidgets): one row per lesson with 获取 / 提交 / 获取反馈 and links."""
    import html

    import ipywidgets as w

    exchange = LearnerExchange(root)
    message = w.HTML()
    rows = w.VBox()

    def link(path: str | Path, text: str) -> str:
        rel = os.path.relpath(path, exchange.root)
        return f'<a href="{html.escape(rel)}" target="_blank">{html.escape(text)}</a>'

    def refresh(note: str = "") -> None:
        try:
            lessons = exchange.lessons()
        except ExchangeProblem as err:
            message.value = f"<b>{html.escape(str(err))}</b>"
            rows.children = ()
            return
        message.value = html.escape(note) if note else ("" if lessons else "教员还没有发布课程。")
        rows.children = tuple(row(lesson) for lesson in lessons)

    def act(action, lesson: Lesson, done: str):
        def handler(_button):
            try:
                action(lesson.lesson_id)
            except ExchangeProblem as err:
                refresh(str(err))
                return
            refresh(done.format(title=lesson.title))
        return handler

    def row(lesson: Lesson):
        fetch = w.Button(description="获取", disabled=lesson.fetched or not lesson.released, button_style="primary")
        submit = w.Button(description="提交", disabled=not lesson.fetched, button_style="success")
        feedback = w.Button(description="获取反馈", disabled=not lesson.feedback_ready)
        fetch.on_click(act(exchange.fetch, lesson, "已获取“{title}”：请打开主目录中的同名文件夹作答。"))
        submit.on_click(act(exchange.submit, lesson, "已提交“{title}”。可以多次提交，教员以最后一次为准。"))
        feedback.on_click(act(exchange.fetch_feedback, lesson, "已获取“{title}”的反馈。"))
        links = []
        if lesson.path:
            links.append(link(Path(lesson.path) / f"{lesson.lesson_id}.ipynb", "打开作业"))
        for stamp, folder in sorted(lesson.feedback.items()):
            links.append(link(Path(folder) / f"{lesson.lesson_id}.html", f"反馈（{stamp[:16]} 提交）"))
        info = w.HTML(f"<b>{html.escape(lesson.title)}</b><br>{html.escape(lesson.status)}　{'　'.join(links)}")
        return w.HBox([info, fetch, submit, feedback])

    reload = w.Button(description="刷新")
    reload.on_click(lambda _b: refresh())
    refresh()
    return w.VBox([w.HTML("<h3>我的作业</h3>"), rows, w.HBox([reload]), message])
