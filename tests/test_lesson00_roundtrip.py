"""nbgrader round trip for lesson 00 in a temporary copy of the course (answers typed after %%answer)."""
from __future__ import annotations

import pytest

from scjg.grading.fill import fill_answers, type_answers
from tests.roundtrip import autograde_scores, release_in, released_notebook, submit

LESSON = "00-getting-started"
pytestmark = pytest.mark.slow


def test_one_wrong_answer_loses_its_points(temp_course):
    """Does a submission with one wrong answer lose exactly that question's points?"""
    nb_api = release_in(temp_course, LESSON)
    one_wrong = type_answers(released_notebook(temp_course, LESSON), {"q1": "五万元", "q2": "C"})
    submit(temp_course, LESSON, "onewrong", one_wrong)
    partial = autograde_scores(nb_api, temp_course, LESSON, "onewrong")
    assert partial == {"q1-test": 1.0, "q2-test": 0.0}


def test_equivalent_forms_accepted(temp_course):
    """Are 50000, 5万元, 伍万元 and 50,000元 (typed without quotes) all accepted for the same amount?"""
    nb_api = release_in(temp_course, LESSON)
    for n, form in enumerate(["50000", "5万元", "伍万元", "50,000元"]):
        nb = type_answers(released_notebook(temp_course, LESSON), {"q1": form, "q2": "b"})
        learner = f"form{n}"
        submit(temp_course, LESSON, learner, nb)
        assert autograde_scores(nb_api, temp_course, LESSON, learner) == {"q1-test": 1.0, "q2-test": 2.0}


def test_reopened_notebook_keeps_its_answers(temp_course):
    """Saved without outputs and rerun (a learner who reopens the notebook), are the typed answers still graded?"""
    import nbformat

    nb_api = release_in(temp_course, LESSON)
    nb = type_answers(released_notebook(temp_course, LESSON), {"q1": "5万元", "q2": "B"})
    reopened = nbformat.reads(nbformat.writes(nb), as_version=4)
    for cell in reopened.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    submit(temp_course, LESSON, "reopened", reopened)
    assert autograde_scores(nb_api, temp_course, LESSON, "reopened") == {"q1-test": 1.0, "q2-test": 2.0}


def test_fake_equality_object_scores_zero(temp_course):
    """Is an object that claims to equal everything, written as Python in place of the answer text, scored zero?"""
    nb_api = release_in(temp_course, LESSON)
    fake = "type('Any', (), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})()"
    nb = fill_answers(released_notebook(temp_course, LESSON), {"q1": fake, "q2": fake})
    submit(temp_course, LESSON, "faker", nb)
    assert sum(autograde_scores(nb_api, temp_course, LESSON, "faker").values()) == 0
