"""`scjg slides`: the lecture deck is one offline HTML file, shows outputs not code, and never an answer."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from scjg import answers, catalog, slides
from scjg.cli import main as scjg
from scjg.paths import LESSONS

LESSON_IDS = catalog.ids()


def graded_notebook(lesson_id: str) -> nbformat.NotebookNode:
    return nbformat.read(str(LESSONS / lesson_id / f"{lesson_id}.ipynb"), as_version=4)


def _is_reading(text: str) -> bool:
    """Is `text` a bare citation or amount (the lecture may teach 第三十四条第（十）项 without giving an answer)?"""
    for read in (answers.article_ref, answers.amount):
        try:
            read(text)
            return True
        except ValueError:
            pass
    return False


def secret_texts(lesson_id: str) -> list[str]:
    """The solution and hidden-test texts of the graded notebook that only an answer key would contain."""
    texts = [t for t in slides.solution_texts(graded_notebook(lesson_id)) if len(t) >= 6 and not _is_reading(t)]
    assert texts, "评分笔记本中应有参考答案"
    return texts + ["BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "expect_", "系统读作"]


def leaked(document: str, lesson_id: str) -> list[str]:
    return [t for t in secret_texts(lesson_id) if t in document or html.escape(t, quote=False) in document]


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Each released lesson's deck, made by the command a trainer runs."""
    out = tmp_path_factory.mktemp("decks")
    made = {}
    for lesson_id in LESSON_IDS:
        path = out / f"{lesson_id}.html"
        assert scjg(["slides", lesson_id, "--out", str(path)]) == 0
        made[lesson_id] = path
    return made


class _Refs(HTMLParser):
    """Every URL the page would load: src, href of <link>, url() in inline styles."""

    def __init__(self):
        super().__init__()
        self.loads = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.loads.append(attrs["href"])


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_deck_loads_nothing_from_outside(decks, lesson_id):
    """Does the deck inline every script, style and image (no URL to load at view time)?"""
    text = decks[lesson_id].read_text(encoding="utf-8")
    refs = _Refs()
    refs.feed(text)
    assert [url for url in refs.loads if not url.startswith("data:")] == []
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:", text)
    assert "Reveal.initialize" in text and "<section" in text


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_deck_shows_outputs_not_code_and_no_answer(decks, lesson_id):
    """Does the deck show the lesson's title and outputs, but neither code nor any solution text?"""
    text = decks[lesson_id].read_text(encoding="utf-8")
    title = catalog.lesson(lesson_id)["title"]
    assert title in text
    assert "from scjg" not in text and not re.search(r'class="[^"]*jp-InputArea-editor', text)
    assert leaked(text, lesson_id) == []


def test_graded_cells_are_dropped_and_their_slide_kept():
    """Does a graded cell that opened a slide hand its slide start to the next cell, and vanish itself?"""
    nb = nbformat.v4.new_notebook()
    md = nbformat.v4.new_markdown_cell
    nb.cells = [md("# 标题", metadata={"slideshow": {"slide_type": "slide"}}),
                nbformat.v4.new_code_cell('q1 = "第三十四条"', metadata={
                    "nbgrader": {"solution": True, "grade": False, "grade_id": "q1"}, "slideshow": {"slide_type": "slide"}}),
                md("讲解", metadata={"slideshow": {"slide_type": "-"}})]
    kept = slides.lecture_cells(nb).cells
    assert [c.source for c in kept] == ["# 标题", "讲解"]
    assert kept[1].metadata["slideshow"]["slide_type"] == "slide"
    assert len(nb.cells) == 3, "原笔记本不应被修改"


def test_widgets_become_their_static_html_or_a_note():
    """Does a widget output show the static HTML it offers, and a plain widget the demonstration note?"""
    view = {"application/vnd.jupyter.widget-view+json": {"model_id": "m1", "version_major": 2, "version_minor": 0},
            "text/plain": "VBox(...)"}
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("Quiz(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", data=view),
                    nbformat.v4.new_output("display_data", data={**view, "text/html": "<p>自测题：……</p>"}),
                    nbformat.v4.new_output("stream", name="stderr", text="警告")]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    slides.static_outputs(nb)
    assert [o.data["text/html"] for o in cell.outputs] == [slides.WIDGET_NOTE, "<p>自测题：……</p>"]
    assert "widgets" not in nb.metadata


def test_solution_texts_cover_code_hidden_tests_and_written_answers():
    """Are solution lines, hidden-test lines and written reference answers all listed?"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('q1 = ...\n### BEGIN SOLUTION\nq1 = "第三十四条"\n### END SOLUTION',
                                  metadata={"nbgrader": {"solution": True, "grade": False}}),
        nbformat.v4.new_code_cell('check("第1题", q1, "article")\n### BEGIN HIDDEN TESTS\nexpect_article(q1, 34)\n'
                                  '### END HIDDEN TESTS', metadata={"nbgrader": {"grade": True, "solution": False}}),
        nbformat.v4.new_markdown_cell("（参考答案）当事人违反了……", metadata={"nbgrader": {"grade": True, "solution": True}}),
        nbformat.v4.new_markdown_cell("第1题 题干"),
    ]
    assert slides.solution_texts(nb) == ['q1 = "第三十四条"', "expect_article(q1, 34)", "（参考答案）当事人违反了……"]


def test_a_lecture_that_fails_gives_a_chinese_message_and_no_deck(tmp_path):
    """Does a lecture cell that raises stop the deck with a Chinese message naming the cell, writing nothing?"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 标题"), nbformat.v4.new_code_cell("1 / 0")]
    source = tmp_path / "lecture.ipynb"
    nbformat.write(nb, str(source))
    with pytest.raises(slides.SlidesError, match="第 2 个单元格：ZeroDivisionError"):
        slides.build(source, tmp_path / "deck.html", title="测试")
    assert not (tmp_path / "deck.html").exists()


def test_unknown_lesson_is_refused_in_chinese(tmp_path, capsys):
    """Does `scjg slides` for an unknown lesson say so in Chinese and write nothing?"""
    assert scjg(["slides", "99-nope", "--out", str(tmp_path / "x.html")]) == 1
    assert "课程目录中没有" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


# ---- in a real browser, with every network request refused ----

@pytest.mark.browser
@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_deck_renders_offline_in_chromium(decks, lesson_id):
    """Opened from disk with the network blocked, do the slides render and turn, with no request and no answer?"""
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 760})
        outside = []

        def refuse(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", refuse)
        page = context.new_page()
        problems = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        try:
            page.goto(Path(decks[lesson_id]).as_uri())
            page.wait_for_selector(".reveal.ready .slides section.present", timeout=30_000)
            assert len(page.query_selector_all(".reveal .slides > section")) >= 5
            first = page.inner_text(".reveal .slides section.present")
            assert catalog.lesson(lesson_id)["title"].split(" ")[0] in first
            box = page.query_selector(".reveal .slides section.present").bounding_box()
            assert box["width"] > 600 and box["height"] > 200, "幻灯片未按屏幕大小显示"
            page.keyboard.press("ArrowRight")
            page.wait_for_function("Reveal.getIndices().h === 1", timeout=10_000)
            assert page.inner_text(".reveal .slides section.present") != first
            assert page.evaluate("Reveal.getTotalSlides()") >= 5
            whole = page.evaluate("document.querySelector('.reveal .slides').textContent")
            assert leaked(whole, lesson_id) == []
            assert outside == [] and problems == []
        finally:
            browser.close()
