"""Python errors reach a learner with a Chinese hint, and the error itself is kept."""
from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from scjg import hints


@pytest.fixture(scope="module")
def shell():
    sh = InteractiveShell.instance()
    assert hints.install(sh)
    return sh


def run(shell, capsys, code):
    result = shell.run_cell(code)
    return result, capsys.readouterr()


def test_chinese_quotes_get_a_hint_and_keep_the_error(shell, capsys):
    """Does q1 = “第124条” show the SyntaxError and a hint naming the Chinese quotes?"""
    result, out = run(shell, capsys, "q1 = “第124条”")
    assert isinstance(result.error_in_exec or result.error_before_exec, SyntaxError)
    assert "SyntaxError" in out.out + out.err
    assert "中文标点" in out.out and "“" in out.out


def test_chinese_comma_and_parentheses(shell, capsys):
    """Are a Chinese comma and parentheses named in the hint?"""
    _result, out = run(shell, capsys, "x = max（1，2）")
    assert "（" in out.out and "，" in out.out


def test_undefined_answer_variable(shell, capsys):
    """Does using q9 before running its cell say to run the answer cell first?"""
    result, out = run(shell, capsys, "print(q9)")
    assert isinstance(result.error_in_exec, NameError)
    assert "请先运行上方对应的答题单元格" in out.out


def test_bare_chinese_word(shell, capsys):
    """Does a Chinese answer without quotes suggest adding quotes?"""
    _result, out = run(shell, capsys, "q1 = 警告")
    assert "英文引号" in out.out


def test_no_hint_for_ordinary_success(shell, capsys):
    """Does a cell that works print nothing extra?"""
    _result, out = run(shell, capsys, "1 + 1")
    assert "提示" not in out.out


def test_install_is_idempotent(shell):
    """Does installing twice keep a single hook?"""
    before = shell.showtraceback
    assert hints.install(shell)
    assert shell.showtraceback is before
