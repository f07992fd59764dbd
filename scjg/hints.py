"""Chinese hints for the Python errors learners meet, added under the error itself.

The hook wraps IPython's traceback display: the original error is still shown
and recorded in the cell's output (nbgrader marks a failed test by that error
output), and a hint in Chinese is printed below it.
"""
from __future__ import annotations

import re

CHINESE_PUNCT = {
    "，": ",", "。": ".", "“": '"', "”": '"', "‘": "'", "’": "'",
    "（": "(", "）": ")", "：": ":", "；": ";", "【": "[", "】": "]", "　": " ",
}


def hint_for(exc: BaseException) -> str | None:
    """The Chinese hint for an exception, or None when there is nothing useful to add."""
    text = str(exc)
    if isinstance(exc, SyntaxError):
        line = exc.text or ""
        found = sorted({ch for ch in line if ch in CHINESE_PUNCT} | {ch for ch in text if ch in CHINESE_PUNCT})
        if found:
            pairs = "、".join(f"“{ch}”→“{CHINESE_PUNCT[ch]}”" for ch in found)
            return (f"提示：代码里有中文标点（{pairs}）。Python 只认英文标点："
                    "请切换到英文输入法重新输入这些符号；答案文字本身可以是中文，但要放在英文引号 \"...\" 中。")
        if isinstance(exc, IndentationError):
            return "提示：行首多了或少了空格。请删除答案行开头的空格，让它与原来的位置对齐。"
        if "unterminated string" in text or "EOL while scanning" in text:
            return "提示：引号没有成对出现。文字答案应写成 \"第一百二十四条\" 这样，前后各一个英文引号。"
        if "invalid decimal literal" in text or "invalid syntax" in text:
            return ("提示：这一行 Python 看不懂。文字答案请放在英文引号中，例如 q1 = \"第一百二十四条\"；"
                    "数字可以直接写，例如 q2 = 50000。")
        return "提示：这一行的写法有误。请对照题目下方的示例，只修改 ... 的部分。"
    if isinstance(exc, NameError):
        name = re.search(r"name '([^']+)'", text)
        shown = name.group(1) if name else "这个名字"
        if name and re.fullmatch(r"q\d+\w*", shown):
            return f"提示：还没有定义 {shown}。请先运行上方对应的答题单元格（Shift+Enter），不要删除等号左边的名字。"
        return (f"提示：Python 不认识 {shown}。若这是你的文字答案，请用英文引号括起来，例如 \"{shown}\"；"
                "若是一个变量，请先运行定义它的单元格。")
    if isinstance(exc, ModuleNotFoundError):
        return "提示：缺少依赖包。请关闭 JupyterLab，在项目文件夹中运行 make lab（或参阅 README 的安装说明）。"
    if isinstance(exc, TypeError) and "not supported between" in text:
        return "提示：数字和文字不能直接比较或运算。金额请直接写数字，例如 50000。"
    if isinstance(exc, KeyError):
        return "提示：表格中没有这个列名或键。请检查拼写，可用 df.columns 查看所有列名。"
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

    def _print_hint():
        import sys
        etype, value, _tb = sys.exc_info()
        if value is None:
            value = getattr(sys, "last_value", None)
        if value is not None:
            hint = hint_for(value)
            if hint:
                print(hint)

    def showtraceback(*args, **kwargs):
        original_tb(*args, **kwargs)
        exc_tuple = kwargs.get("exc_tuple") or (args[0] if args else None)
        value = exc_tuple[1] if exc_tuple else None
        if value is not None:
            hint = hint_for(value)
            if hint:
                print(hint)
        else:
            _print_hint()

    def showsyntaxerror(*args, **kwargs):
        original_syntax(*args, **kwargs)
        _print_hint()

    shell.showtraceback = showtraceback
    shell.showsyntaxerror = showsyntaxerror
    shell._scjg_hints = True
    return True
