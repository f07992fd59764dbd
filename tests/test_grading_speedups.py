"""The grading workers' speed-ups keep nbgrader's behaviour: shared gradebook engines, compiled feedback templates,
and the grading kernel client."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_shared_gradebook_engine_reads_what_an_earlier_session_wrote(tmp_path):
    """With one engine per gradebook URL (a worker's setting), does every `with Gradebook(...)` get the same
    engine, and does a session opened after another was closed (engine disposed) read and write its data?"""
    script = textwrap.dedent(f"""
        from scjg.grading import course
        course.ensure_venv_on_path()
        course.share_gradebook_engines()
        course.share_gradebook_engines()   # a second call changes nothing
        from nbgrader.api import Gradebook
        url = "sqlite:///{tmp_path / 'gb.db'}"
        with Gradebook(url) as gb:
            first = gb.engine
            gb.add_student("sh001", first_name="甲")
        with Gradebook(url) as gb:
            assert gb.engine is first
            assert gb.find_student("sh001").first_name == "甲"
            gb.add_student("sh002")
        with Gradebook(url) as gb:
            print(sorted(s.id for s in gb.students))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['sh001', 'sh002']"


def test_feedback_template_edited_between_two_learners_is_compiled_again(tmp_path):
    """Feedback templates are compiled once per worker: is a template changed on disk between two notebooks
    still rendered as it now reads (no stale compiled copy)?"""
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook
    from traitlets.config import Config

    from scjg.grading.feedback import FeedbackExporter

    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "conf.json").write_text('{"base_template": "base"}', encoding="utf-8")
    template = tmp_path / "mini" / "index.html.j2"
    nb = new_notebook(cells=[new_markdown_cell("正文")])
    config = Config()
    config.HTMLExporter.template_name = "mini"
    config.HTMLExporter.extra_template_basedirs = [str(tmp_path)]
    pages = []
    for word in ("第一版", "第二版"):
        template.write_text(f"<p>{word}</p>", encoding="utf-8")
        body, _ = FeedbackExporter(config=config).from_notebook_node(nbformat.from_dict(nb))
        pages.append(body)
    assert "第一版" in pages[0] and "第二版" in pages[1] and "第一版" not in pages[1]
