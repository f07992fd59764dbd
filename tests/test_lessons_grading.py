"""Every available lesson through nbgrader: the source scores full automatic marks, the blank release 0."""
from __future__ import annotations

import pytest

from scjg import catalog
from tests.roundtrip import autograde_scores, release_in, released_notebook, source_notebook, submit

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lesson_id", catalog.ids())
def test_source_full_and_blank_zero(temp_course, lesson_id):
    """Does the source (with solutions) score the catalog's points, and the blank release 0?"""
    nb_api = release_in(temp_course, lesson_id)
    submit(temp_course, lesson_id, "key", source_notebook(temp_course, lesson_id))
    key = autograde_scores(nb_api, temp_course, lesson_id, "key")
    assert sum(key.values()) == catalog.lesson(lesson_id)["points"]
    assert all(score > 0 for score in key.values())

    submit(temp_course, lesson_id, "blank", released_notebook(temp_course, lesson_id))
    blank = autograde_scores(nb_api, temp_course, lesson_id, "blank")
    assert set(blank) == set(key) and sum(blank.values()) == 0
