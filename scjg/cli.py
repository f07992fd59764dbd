"""The `scjg` command: one thin file that hands each verb to the module that does it.

Each module named in VERBS exposes ``add_arguments(parser)`` and ``run(args) -> int``.
Modules are imported only when their verb is used, so `scjg --help` stays fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# verb -> (module, one-line Chinese help)
VERBS: dict[str, tuple[str, str]] = {
    "lab": ("scjg.lab", "启动 JupyterLab（中文界面），打开学员版课程 notebooks/；--trainer 为教员模式（含 Formgrader）"),
    "doctor": ("scjg.doctor", "检查本机环境（Python、依赖包、中文字体、语言包、nbgrader 扩展），并说明如何修复"),
    "release": ("scjg.grading.release", "由 lessons/ 生成学员版课程到 notebooks/（nbgrader generate_assignment）"),
    "collect": ("scjg.grading.collect", "收取学员交回的作业（文件夹、zip 或 nbgrader 交换目录）"),
    "grade": ("scjg.grading.grade", "并行自动评分并生成反馈"),
    "report": ("scjg.grading.report", "生成成绩表、题目分析与图表（Excel、CSV、PNG）"),
    "progress": ("scjg.grading.progress", "生成全班各课学习进度（交回、得分、待人工评分、是否通过；Excel 与图表）"),
    "cohort": ("scjg.grading.cohort", "新建班次工作区（各班次成绩互不混合），或查看当前所在的工作区"),
    "demo": ("scjg.grading.demo", "生成一个模拟学员班级，用于演示和测试评分流程"),
    "anonymize": ("scjg.anonymize.command", "对教员自己的案件材料脱敏，生成可用于教学的副本和核对报告"),
    "bundle": ("scjg.bundle", "生成内网离线安装包（各平台全部软件包、课程与数据、安装脚本），用 U 盘带到无网络的电脑上安装"),
    "slides": ("scjg.slides", "把一课的讲授笔记本导出为离线 HTML 幻灯片（显示运行结果、隐藏代码，不含答案）"),
    "handout": ("scjg.handout", "打印材料 PDF：讲义、答题卡、参考答案与评分细则（教员用）"),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: lists the verbs without importing their modules."""
    parser = argparse.ArgumentParser(
        prog="scjg",
        description="市场监管大讲堂 培训工具包：课程、评分与案例工具。每个命令用 scjg 命令 --help 查看说明。",
    )
    sub = parser.add_subparsers(dest="verb", metavar="命令")
    for verb, (_module, help_text) in VERBS.items():
        sub.add_parser(verb, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one verb; with no verb, print the list of verbs."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in VERBS:
        verb = argv[0]
        module_name, help_text = VERBS[verb]
        module = importlib.import_module(module_name)
        parser = argparse.ArgumentParser(prog=f"scjg {verb}", description=help_text)
        module.add_arguments(parser)
        args = parser.parse_args(argv[1:])
        return int(module.run(args) or 0)
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
