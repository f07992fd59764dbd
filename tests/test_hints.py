"""Python errors reach a learner with the Chinese hint for the real mistake, and the error itself is kept.

Every form the teaching review tried (§1.2) runs in a real IPython kernel (jupyter_client), as in a
notebook: the error must still be sent as an `error` output (nbgrader marks failures by it) and the
hint printed on stdout below it.
"""
from __future__ import annotations

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from scjg import hints

# The comments the answer cells of lessons 00 and 02 carried when the review was written.
COMMENT_AMOUNT = '  # ← 把 ... 改成金额，例如 50000 或 "5万元"'
COMMENT_MIN = "  # ← 最低罚款（元），写法如 …"


@pytest.fixture(scope="module")
def kernel():
    km, kc = start_new_kernel(kernel_name="python3")
    outputs = run(kc, "from scjg import hints\nhints.install()")
    assert not errors(outputs)
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code: str) -> list[dict]:
    """Execute `code`; the iopub outputs of that execution as {"type", "content"} dicts."""
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            return outputs
        if kind in ("stream", "error", "execute_result", "display_data"):
            outputs.append({"type": kind, "content": msg["content"]})


def errors(outputs) -> list[str]:
    """The errors recorded: error outputs, and IPython's UsageError, which it prints on stderr."""
    found = [o["content"]["ename"] for o in outputs if o["type"] == "error"]
    return found + ["UsageError" for o in outputs if o["type"] == "stream" and o["content"]["text"].startswith("UsageError:")]


def stdout(outputs) -> str:
    return "".join(o["content"]["text"] for o in outputs if o["type"] == "stream" and o["content"]["name"] == "stdout")


def stderr(outputs) -> str:
    return "".join(o["content"]["text"] for o in outputs if o["type"] == "stream" and o["content"]["name"] == "stderr")


# (what the learner typed, the error Python raises, phrases the hint must contain, phrases it must not)
ERROR_FORMS = [
    pytest.param("q1 = 5万元" + COMMENT_AMOUNT, "SyntaxError", ["金额", 'q1 = "5万元"', "50000"], ["中文标点"],
                 id="amount-without-quotes"),
    pytest.param("q3_min = 10万" + COMMENT_MIN, "SyntaxError", ["金额", 'q3_min = "10万"'], ["中文标点", "「（」"],
                 id="wan-without-quotes"),
    pytest.param('q4 = "D  # ← 选项字母，例如 "A"', "SyntaxError", ["引号没有配对"], ["中文标点", "「，」"],
                 id="unmatched-quote-in-comment"),
    pytest.param('q1 = "第三十四条第（十）项', "SyntaxError", ["引号没有配对", "结尾的引号"], ["「（」", "「）」"],
                 id="missing-closing-quote"),
    pytest.param("q1 = “第三十四条第（十）项”", "SyntaxError", ["「“」改为「\"」", "「”」改为「\"」", "不用改"],
                 ["「（」", "「）」"], id="chinese-quotes-keep-legal-brackets"),
    pytest.param('q1 = "第三十四条第（十）项”', "SyntaxError", ["引号没有配对", "中文引号"], ["「（」"],
                 id="chinese-closing-quote"),
    pytest.param("x = max（1，2）", "SyntaxError", ["「（」改为「(」", "「，」改为「,」", "「）」改为「)」"], [],
                 id="chinese-punctuation-in-code"),
    pytest.param("q1 = 第三十四条第（十）项", "SyntaxError", ['q1 = "第三十四条第（十）项"', "中文括号都可以保留"], ["「（」"],
                 id="text-with-brackets-without-quotes"),
    pytest.param("q4 = D", "NameError", ['"D"', "英文引号"], [], id="letter-without-quotes"),
    pytest.param("q1 = 第三十四条第十项", "NameError", ['"第三十四条第十项"', "英文引号"], [], id="text-without-quotes"),
    pytest.param('q12 = len(food[food["violation_type"] == "F01"])', "NameError",
                 ["先运行定义 food 的那个单元格", "运行选中单元格上方的所有单元格"], ['"food"', "文字答案"],
                 id="data-before-its-cell-ran"),
    pytest.param("print(q9)", "NameError", ["请先运行上方对应的答题单元格"], [], id="answer-before-its-cell-ran"),
    pytest.param("第三十四条第（十）项", "SyntaxError", ["答案文字", "%%answer q1"], ["「（」"],
                 id="plain-text-in-a-code-cell"),
    pytest.param("B", "NameError", ["答案文字", "%%answer"], [], id="plain-letter-in-a-code-cell"),
    pytest.param("%%answr q1\n第124条", "UsageError", ["%%answer q1", "“%%answr”不存在"], [], id="mistyped-magic"),
    pytest.param("%answer q1\n第124条", "UsageError", ["少了一个百分号"], [], id="one-percent-sign"),
    pytest.param("q12 = len(...)", "TypeError", ["还有 ... 没有改成答案"], [], id="ellipsis-left"),
    pytest.param(" %%answer q1\n第124条", "IndentationError", ["必须是单元格的第一行"], [], id="space-before-magic"),
    pytest.param("％％answer q1\n第124条", "SyntaxError", ["英文 %"], [], id="full-width-percent"),
    pytest.param("q1 = '''第124条", "SyntaxError", ["引号没有配对"], [], id="open-triple-quote"),
    pytest.param("x = max(1, 2", "SyntaxError", ["括号没有配对"], ["引号"], id="open-bracket"),
]


@pytest.mark.parametrize("code, ename, wanted, unwanted", ERROR_FORMS)
def test_each_mistake_gets_its_own_hint_and_keeps_the_error(kernel, code, ename, wanted, unwanted):
    """Does each beginner's mistake keep its Python error and get the hint that names the real mistake?"""
    outputs = run(kernel, code)
    assert errors(outputs) == [ename], outputs
    hint = stdout(outputs)
    assert hint.startswith("提示："), outputs
    for phrase in wanted:
        assert phrase in hint, (phrase, hint)
    for phrase in unwanted:
        assert phrase not in hint, (phrase, hint)
    if ename != "UsageError":
        assert stderr(outputs) == ""
    shown = [o["type"] if o["type"] == "error" else o["content"]["name"] for o in outputs]
    assert shown.index("stdout") > shown.index("error" if "error" in shown else "stderr"), "提示应显示在错误下方"


@pytest.mark.parametrize("code, wanted", [
    pytest.param("q3_min = 100,000\nfrom scjg.checks import check\ncheck('第3题 最低额', q3_min, 'amount')",
                 ["⚠️", "不要加逗号", "100000"], id="comma-in-a-number"),
    pytest.param("q5 = '不对'\nfrom scjg.checks import check\ncheck('第5题', q5, 'yes_no')", ["✅", "否"], id="budui"),
    pytest.param("q8 = '应当移送公安机关'\nfrom scjg.checks import check\ncheck('第8题', q8, 'yes_no')", ["✅", "是"],
                 id="referral-sentence"),
    pytest.param("q1 = '食品安全法第三十四条第十项'\nfrom scjg.checks import check\ncheck('第1题', q1, 'article')",
                 ["✅", "第三十四条第（十）项"], id="law-name-without-shuminghao"),
])
def test_answers_the_review_saw_refused(kernel, code, wanted):
    """Do the answers the review saw called 无法识别 (or a comma turned into a tuple) now get the right message?"""
    outputs = run(kernel, code)
    assert errors(outputs) == []
    text = stdout(outputs)
    for phrase in wanted:
        assert phrase in text, (phrase, text)
    if "100,000" in code:
        assert "第一百二十四条" not in text


@pytest.mark.parametrize("cell, wanted", [
    pytest.param("%%answer q1\n第三十四条第（十）项", ["✅", "第三十四条第（十）项"], id="plain-answer"),
    pytest.param('%%answer q1\nq1 = "第三十四条第（十）项"', ["✅", "第三十四条第（十）项"], id="python-habit-in-answer-cell"),
    pytest.param('%%answer q1\nq2 = "第124条"', ["⚠️", "不要写“q2 =”"], id="another-name-in-answer-cell"),
    pytest.param("%%answer q1\n“食品安全法第三十四条第十项”", ["✅", "第三十四条第（十）项"], id="chinese-quotes-in-answer-cell"),
])
def test_python_syntax_in_an_answer_cell(kernel, cell, wanted):
    """Typed into a %%answer cell, is Python syntax forgiven or answered with a Chinese hint, never an error?"""
    run(kernel, "from scjg import magics\nmagics.register()")
    outputs = run(kernel, cell) + run(kernel, "from scjg.checks import check\ncheck('第1题', q1, 'article')")
    assert errors(outputs) == []
    text = stdout(outputs)
    for phrase in wanted:
        assert phrase in text, (phrase, text)


def test_legal_chinese_inside_strings_and_comments_is_not_flagged():
    """Are Chinese brackets and commas inside a string or a comment never reported as wrong punctuation?"""
    assert hints.wrong_punctuation('q1 = "第三十四条第（十）项"  # 注释里的，（）也不算') == []
    assert hints.wrong_punctuation("q1 = “第（十）项”") == ["“", "”"]
    assert hints.wrong_punctuation("x = f（'a，b'）") == ["（", "）"]


def test_hint_and_error_are_both_recorded_in_the_notebook(tmp_path):
    """Run as nbgrader runs it (nbclient, errors allowed): does the cell keep its error output and the hint?"""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from scjg import hints\nhints.install()"),
                nbformat.v4.new_code_cell("q1 = 5万元" + COMMENT_AMOUNT)]
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=60,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[1].outputs
    assert [o.output_type for o in outputs] == ["error", "stream"]
    assert outputs[0].ename == "SyntaxError"
    assert outputs[1].name == "stdout" and "金额" in outputs[1].text


def test_no_hint_for_ordinary_success(kernel):
    """Does a cell that works print nothing extra?"""
    outputs = run(kernel, "1 + 1")
    assert errors(outputs) == [] and "提示" not in stdout(outputs)


def test_install_is_idempotent():
    """Does installing twice keep a single hook?"""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert hints.install(shell)
    before = shell.showtraceback
    assert hints.install(shell)
    assert shell.showtraceback is before
