"""Chinese hints for the Python errors learners meet, added under the error itself.

The hook wraps IPython's traceback display: the original error is still shown
and recorded in the cell's output (nbgrader marks a failed test by that error
output), and a hint in Chinese is printed below it.

Each common mistake gets its own hint: a quote that is not closed, text or
`5万元` typed without quotes, `100,000` with a comma, a name used before the cell
that defines it ran, Chinese punctuation in code, answer text typed into a code
cell, a mistyped `%%answer` line. Chinese punctuation is looked for only in the
code itself: comments and string literals are skipped (tokenize), so legal
Chinese such as "第（十）项" inside quotes is never called wrong.
"""
from __future__ import annotations

import io
import re
import tokenize
import traceback
import unicodedata

CHINESE_PUNCT = {
    "，": ",", "。": ".", "“": '"', "”": '"', "‘": "'", "’": "'",
    "（": "(", "）": ")", "：": ":", "；": ";", "【": "[", "】": "]", "　": " ", "、": ",",
}
_CURLY = {"“": '"', "”": '"', "‘": "'", "’": "'"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAGIC = ("如果这是答题单元格：第一行应是 %%answer 和题号（例如 %%answer q1），不要删除；"
          "答案写在下一行，不用加引号。")


def _ascii_for(ch: str) -> str | None:
    """The ASCII character a full-width or Chinese punctuation mark stands for, else None."""
    if ch in CHINESE_PUNCT:
        return CHINESE_PUNCT[ch]
    plain = unicodedata.normalize("NFKC", ch)
    return plain if plain != ch and plain.isascii() and plain.strip() else None


def _text_spans(line: str) -> list[tuple[int, int]]:
    """Character spans of `line` that are comment or string text (not code); a string's quotes count as code.

    A quote that opens no finished string makes the rest of the line its text."""
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(line).readline):
            if tok.start[0] != 1:
                break
            start, end = tok.start[1], tok.end[1] if tok.end[0] == 1 else len(line)
            if tok.type == tokenize.COMMENT:
                spans.append((start, end))
            elif tok.type == tokenize.STRING:
                q = min(i for i in (tok.string.find('"'), tok.string.find("'")) if i >= 0)
                width = 3 if tok.string[q:q + 3] in ('"""', "'''") else 1
                spans.append((start + q + width, end - width))
            elif tok.type == tokenize.ERRORTOKEN and tok.string in "\"'":
                spans.append((start + 1, len(line)))
                break
    except (tokenize.TokenError, SyntaxError):
        pass
    return spans


def _code_mask(line: str) -> list[bool]:
    """For each character of `line`: is it code? Chinese quotes typed in code are read as quotes,
    so the text between “ and ” is string text too."""
    def mask(text):
        inside = [False] * len(text)
        for start, end in _text_spans(text):
            for i in range(start, min(end, len(text))):
                inside[i] = True
        return [not x for x in inside]

    first = mask(line)
    quoted = "".join(_CURLY[ch] if ch in _CURLY and first[i] else ch for i, ch in enumerate(line))
    return mask(quoted)


def wrong_punctuation(line: str) -> list[str]:
    """The Chinese or full-width punctuation typed in the code of `line` (not in comments or strings), in order."""
    found = []
    for ch, is_code in zip(line, _code_mask(line)):
        if is_code and _ascii_for(ch) and ch not in found:
            found.append(ch)
    return found


def _code_only(line: str) -> str:
    return "".join(ch if is_code else " " for ch, is_code in zip(line, _code_mask(line)))


def _unquoted_answer_hint(name: str, rhs: str) -> str | None:
    """The hint for an answer written after `q1 =` without quotes, or None if it is not one."""
    if re.match(r"^\d[\d.,]*\s*[万千百亿元块]", rhs):
        return ("提示：金额的写法有误。要么直接写数字（单位：元），例如 50000；要么把带“万”“元”的写法"
                f"放在一对英文引号里，例如 {name} = \"{rhs}\"。")
    if _CJK.search(rhs):
        return (f"提示：文字答案要放在一对英文引号里，例如 {name} = \"{rhs}\"。"
                "引号里面的中文和中文括号都可以保留，只有两头的引号必须是英文的。")
    return None


def _syntax_hint(exc: SyntaxError) -> str:
    line = (exc.text or "").rstrip("\r\n")
    msg = exc.msg or str(exc)
    stripped = line.strip()
    if stripped.startswith(("%%", "％％", "%％", "％%")) or re.search(r"run_line_magic\('%(answer|learner)'", line):
        return ("提示：%%answer 这一行有误。它必须是单元格的第一行，前面不能有空格或其他文字，"
                "两个百分号都要用英文 %，例如 %%answer q1。")
    if isinstance(exc, IndentationError):
        return "提示：行首多了或少了空格。请删除这一行开头的空格，让它与上下行对齐。"
    open_triple = (line.count('"""') + line.count("'''")) % 2 == 1
    if "was never closed" in msg or (msg == "incomplete input" and not open_triple):
        return "提示：括号没有配对。请检查每个 (、[、{ 是否都有对应的 )、]、}，而且都是英文括号。"
    if "unterminated" in msg or "EOL while scanning" in msg or "EOF while scanning" in msg or open_triple:
        extra = "这一行里有中文引号（“ ”），Python 不认，请改成英文引号 \"。" if re.search("[“”‘’]", line) else ""
        return ("提示：引号没有配对。文字答案的前后各要一个英文引号，例如 q1 = \"第三十四条第（十）项\"；"
                "检查是不是漏了结尾的引号，或者在答案中间多打了一个引号。" + extra)
    code = _code_only(line)
    if (_CJK.match(stripped) or re.match(r"^\d[\d.,]*[\u4e00-\u9fff]", stripped)) and "=" not in code:
        return "提示：这是答案文字，不是 Python 代码，Python 看不懂。" + _MAGIC
    assignment = re.match(r"^\s*([A-Za-z_]\w*)\s*=(?!=)(.*)$", code)
    hint = _unquoted_answer_hint(assignment[1], assignment[2].strip()) if assignment else None
    if hint:
        return hint
    found = wrong_punctuation(line)
    if found:
        pairs = " ".join(f"「{ch}」改为「{_ascii_for(ch)}」" for ch in found)
        return (f"提示：代码里有中文标点或全角符号：{pairs}。Python 只认英文标点：请切换到英文输入法重新输入这些符号。"
                "引号里的答案文字和 # 后面的说明可以是中文，不用改。")
    return ("提示：这一行 Python 看不懂。文字答案请放在英文引号中，例如 q1 = \"第一百二十四条\"；"
            "数字直接写，不加逗号，例如 q2 = 50000。")


def _source_line(exc: BaseException) -> str:
    """The line of the learner's cell that raised `exc` ('' if unknown)."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    return (frames[-1].line or "") if frames else ""


def _name_hint(exc: NameError) -> str:
    name = getattr(exc, "name", None) or (re.search(r"name '([^']+)'", str(exc)) or [None, "这个名字"])[1]
    if re.fullmatch(r"q\d+\w*", name):
        return f"提示：还没有 {name}。请先运行上方对应的答题单元格（Shift+Enter），再运行本单元格。"
    if _source_line(exc).strip() == name:
        return f"提示：“{name}”是答案文字，不是 Python 代码。" + _MAGIC
    if _CJK.search(name):
        return (f"提示：文字答案要放在一对英文引号里，例如 \"{name}\"。" + _MAGIC)
    if re.fullmatch(r"[A-Ea-e]{1,5}", name):
        return f"提示：选项字母要放在英文引号里，例如 \"{name.upper()}\"。" + _MAGIC
    if name.lower() in ("true", "false", "yes", "no", "none"):
        return "提示：判断题请写 \"是\" 或 \"否\"（放在英文引号里）；Python 的 True、False 首字母要大写。"
    return (f"提示：还没有 {name}。它在前面的单元格里定义（例如加载案例数据、创建工具的单元格）："
            f"请先运行定义 {name} 的那个单元格；也可以点菜单“运行 → 运行选中单元格上方的所有单元格”，再运行本单元格。")


def _usage_hint(exc: Exception) -> str | None:
    text = str(exc)
    cell = re.search(r"Cell magic `%%(\w+)` not found", text)
    if cell and cell[1] in ("answer", "learner"):
        return "提示：请先运行本课最上面的准备单元格，再运行本单元格。"
    if cell:
        return f"提示：第一行写错了：“%%{cell[1]}”不存在。答题单元格的第一行应是 %%answer 和题号，例如 %%answer q1。"
    if re.search(r"Line magic function `%(answer|learner)` not found", text):
        return "提示：少了一个百分号。第一行应写成 %%answer 和题号（两个英文百分号），例如 %%answer q1。"
    return None


def hint_for(exc: BaseException) -> str | None:
    """The Chinese hint for an exception, or None when there is nothing useful to add."""
    text = str(exc)
    if isinstance(exc, SyntaxError):
        return _syntax_hint(exc)
    if isinstance(exc, NameError):
        return _name_hint(exc)
    if type(exc).__name__ == "UsageError":
        return _usage_hint(exc)
    if isinstance(exc, ModuleNotFoundError):
        return "提示：本机缺少课程需要的软件包。请联系教员检查安装（教员可运行 scjg doctor）。"
    if isinstance(exc, TypeError) and "ellipsis" in text:
        return "提示：还有 ... 没有改成答案。请把 ... 换成你的答案，再运行本单元格。"
    if isinstance(exc, TypeError) and "not supported between" in text:
        return "提示：数字和文字不能直接比较或运算。金额请直接写数字，例如 50000。"
    if isinstance(exc, KeyError):
        return f"提示：表格中没有 {text} 这一列或这一项。请对照题目中给出的列名检查拼写（大小写也要一致）。"
    return None


def install(shell=None) -> bool:
    """Install the hint hook in the running IPython shell; False outside IPython. Idempotent."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None or getattr(shell, "_scjg_hints", False):
        return shell is not None

    original_tb = shell.showtraceback
    original_syntax = shell.showsyntaxerror
    shown = {"last": None}

    def print_hint(value):
        # showtraceback calls showsyntaxerror for a SyntaxError raised at run time: hint once.
        if value is None or value is shown["last"]:
            return
        shown["last"] = value
        hint = hint_for(value)
        if hint:
            import sys
            sys.stderr.flush()  # a UsageError is printed on stderr: keep the hint below it
            print(hint)

    def showtraceback(*args, **kwargs):
        import sys
        original_tb(*args, **kwargs)
        exc_tuple = kwargs.get("exc_tuple") or (args[0] if args else None)
        print_hint(exc_tuple[1] if exc_tuple else (sys.exc_info()[1] or getattr(sys, "last_value", None)))

    def showsyntaxerror(*args, **kwargs):
        import sys
        original_syntax(*args, **kwargs)
        print_hint(sys.exc_info()[1] or getattr(sys, "last_value", None))

    shell.showtraceback = showtraceback
    shell.showsyntaxerror = showsyntaxerror
    shell._scjg_hints = True
    return True
