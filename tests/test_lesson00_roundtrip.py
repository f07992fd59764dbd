"""nbgrader round trip for lesson 00 in a temporary copy of the course."""
from __future__ import annotations

import pytest

from scjg.grading.fill import fill_answers
from tests.roundtrip import autograde_scores, release_in, released_notebook, submit

LESSON = "00-getting-started"
pytestmark = pytest.mark.slow


def test_one_wrong_answer_loses_its_points(temp_course):
    """Does a submission with one wrong answer lose exactly that question's points?"""
    nb_api = release_in(temp_course, LESSON)
    one_wrong = fill_answers(released_notebook(temp_course, LESSON), {"q1": '"五万元"', "q2": '"C"'})
    submit(temp_course, LESSON, "onewrong", one_wrong)
    partial = autograde_scores(nb_api, temp_course, LESSON, "onewrong")
    assert partial == {"q1-test": 1.0, "q2-test": 0.0}


def test_equivalent_forms_accepted(temp_course):
    """Are 50000, "5万元" and "伍万元" all accepted for the same amount?"""
    nb_api = release_in(temp_course, LESSON)
    for n, form in enumerate(['50000', '"5万元"', '"伍万元"']):
        nb = fill_answers(released_notebook(temp_course, LESSON), {"q1": form, "q2": '"b"'})
        learner = f"form{n}"
        submit(temp_course, LESSON, learner, nb)
        assert autograde_scores(nb_api, temp_course, LESSON, learner) == {"q1-test": 1.0, "q2-test": 2.0}


def test_fake_equality_object_scores_zero(temp_course):
    """Is an object that claims to equal everything scored zero?"""
    nb_api = release_in(temp_course, LESSON)
    fake = "type('Any', (), {'__eq__': lambda s, o: True, '__hash__': lambda s: 0})()"
    nb = fill_answers(released_notebook(temp_course, LESSON), {"q1": fake, "q2": fake})
    submit(temp_course, LESSON, "faker", nb)
    assert sum(autograde_scores(nb_api, temp_course, LESSON, "faker").values()) == 0
