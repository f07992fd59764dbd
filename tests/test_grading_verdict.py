"""The trusted verdict (scjg.grading.verdict) and the tamper notes, on small constructed notebooks."""
from __future__ import annotations

import math

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from scjg.checks import RECORD_MIME, encode, format_message
from scjg.grading import verdict
from scjg.grading.inspection import inspect_submission

TEST = ('from scjg.checks import check\n\ncheck("第1题", q1, "amount")\n'
        '### BEGIN HIDDEN TESTS\nfrom scjg.checks import expect_amount\n\nexpect_amount(q1, 50000)\n### END HIDDEN TESTS')


def _meta(gid, **extra):
    return {"nbgrader": {"grade_id": gid, "schema_version": 3, **extra}}


def _source():
    return new_notebook(cells=[
        new_code_cell("q1 = ...", metadata=_meta("q1-answer", solution=True, grade=False, locked=False)),
        new_code_cell(TEST, metadata=_meta("q1-test", solution=False, grade=True, locked=True, points=1)),
    ])


def _executed(value, printed=None, record=True, label="第1题"):
    """The test cell as a graded kernel leaves it: the printed check and the answer record."""
    outputs = [new_output("stream", name="stdout", text=(printed or format_message("第1题", value, "amount")[1]) + "\n")]
    if record:
        outputs.append(new_output("display_data", data={RECORD_MIME: {
            "label": label, "kind": "amount", "value": encode(value), "message": ""}}))
    cell = new_code_cell(TEST.split(verdict.BEGIN)[0], metadata=_meta("q1-test", grade=True, locked=True, points=1))
    cell.outputs = outputs
    return new_notebook(cells=[cell])


@pytest.mark.parametrize("value", ["5万元", 50000, 50000.0, True, None, ..., ["A", 1, 2.5], "x" * 1000])
def test_plain_values_round_trip(value):
    """Does every plain value a learner can give come back from its record with its type?"""
    back = verdict.decode(encode(value))
    assert back == value and type(back) is type(value)


def test_an_object_is_recorded_by_its_type_only():
    """Does an object that fakes equality come back as unreadable, equal to nothing?"""
    fake = type("Any", (), {"__eq__": lambda s, o: True, "__hash__": lambda s: 0})()
    back = verdict.decode(encode(fake))
    assert isinstance(back, verdict.Unreadable) and back != 50000
    assert isinstance(verdict.decode({"t": "int", "v": "1" * 500}), verdict.Unreadable)
    assert isinstance(verdict.decode({"t": "str", "v": 5}), verdict.Unreadable)
    assert math.isnan(verdict.decode(encode(float("nan"))))


def test_check_calls_in_order():
    """Are the visible check calls read as (label, variable, kind), in source order, ignoring hidden tests?"""
    source = 'check("第3题 最低额", q3_min, "amount")\ncheck("第3题 最高额", q3_max, "amount")\n' + verdict.BEGIN + '\ncheck("x", y, "z")'
    assert verdict.check_calls(source) == [("第3题 最低额", "q3_min", "amount"), ("第3题 最高额", "q3_max", "amount")]


def test_right_and_wrong_recorded_answers_score_by_the_trusted_tests():
    """Does a recorded 5万元 score 1 and a recorded 50001 score 0 with the hidden test's reason?"""
    assert verdict.rescore(_source(), _executed("5万元"))["q1-test"].score == 1.0
    wrong = verdict.rescore(_source(), _executed(50001))["q1-test"]
    assert wrong.score == 0.0 and wrong.error == "金额不正确。" and not wrong.notes


def test_a_kernel_that_printed_another_reading_is_noted():
    """If the kernel's check printed 'reads as 5万元' for an answer of 1元 (patched readers), is it 0 and noted?"""
    result = verdict.rescore(_source(), _executed("1元", printed=format_message("第1题", 50000, "amount")[1]))["q1-test"]
    assert result.score == 0.0 and any("不一致" in note for note in result.notes)


def test_a_missing_record_scores_zero_and_is_noted():
    """Does a test cell without a record (check replaced) score 0 with a note?"""
    result = verdict.rescore(_source(), _executed(50000, record=False))["q1-test"]
    assert result.score == 0.0 and any("没有记录答案" in note for note in result.notes)


def test_an_extra_forged_record_is_ignored_and_noted():
    """Is a record under a label the source does not check ignored, with a note?"""
    executed = _executed("1元")
    executed.cells[0].outputs.append(new_output("display_data", data={RECORD_MIME: {
        "label": "第1题", "kind": "amount", "value": encode(50000), "message": ""}}))
    result = verdict.rescore(_source(), executed)["q1-test"]
    assert result.score == 0.0 and any("多余" in note for note in result.notes)


BYPASSES = [
    "c._fail.__code__ = (lambda message: None).__code__",
    "c.expect_amount.__defaults__ = (1e9,)",
    "c.expect_amount.__globals__['_fail'] = print",
    "c._READERS['amount'] = float",
    "import sys\nsys.modules['scjg.checks'] = None",
    "import builtins\nbuiltins.print = None",
    "setattr(c, 'check', print)",
    "import ctypes",
    "AssertionError = Exception",
    "scjg.checks.expect_amount = print",
]


@pytest.mark.parametrize("code", BYPASSES)
def test_known_bypasses_are_noted(code):
    """Is each known way of patching the checks (finding 1, W5) noted for the trainer?"""
    nb = _source()
    nb.cells[0].source = "q1 = 50000\nfrom scjg import checks as c\n" + code
    notes, tampered = inspect_submission(nb, _source())
    assert tampered and any("疑似篡改评分" in n for n in notes)


@pytest.mark.parametrize("code", ["q1 = 50000", "q1 = '第一百二十四条'", "codes = {'a': 1}\nq1 = codes['a']"])
def test_honest_answers_are_not_noted(code):
    """Is an ordinary answer cell left without a note?"""
    nb = _source()
    nb.cells[0].source = code
    assert inspect_submission(nb, _source()) == ([], False)
