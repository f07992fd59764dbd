"""`scjg demo LESSON --learners 40`: a synthetic cohort to rehearse collect → grade → report.

Answers come from the lesson itself (the key in the source's solution regions, whole: a two-line
进阶 answer stays two lines), typed into the released notebook with scjg.grading.fill as learners
type them (plain text after %%answer) with the 学员信息 cell filled in: perfect, typical mistakes,
partly answered, blank, Python habits typed as an answer, plus broken returns (a corrupt file, a stray photo, an untitled
notebook, a learner who handed in twice). Learner ids are ASCII (sh001…), names in 某 form.
Deterministic for a given seed. `build_cohort` also returns the automatic score each learner must get.
"""
from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import common, course
from .fill import fill_learner, magic_answers, solution_answers, test_variables, type_answers, written_answers

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
PROFILES = ["perfect", "one_wrong", "blank", "all_wrong", "punctuation", "partial"]
WEIGHTS = [30, 30, 8, 10, 7, 15]


@dataclass
class Cohort:
    files: dict[str, bytes]                          # relative path in the bundle -> content
    expected: dict[str, dict[str, float] | None]     # learner -> test grade_id -> auto score (None: unreadable)
    names: dict[str, str]                            # learner -> 某 name
    profiles: dict[str, str] = field(default_factory=dict)
    stray: list[str] = field(default_factory=list)   # files collect must report and not take


def _wrong(key: str, typed: bool) -> str:
    """A typical wrong answer for a key: another option, ten times the amount, the opposite judgement.

    `typed`: the key is plain text after `%%answer`; otherwise it is Python (a 进阶 cell)."""
    text = key.strip()
    letter = re.fullmatch(r"(['\"]?)([A-Da-d])\1", text)
    if letter:
        nxt = "ABCD"[("ABCD".index(letter.group(2).upper()) + 2) % 4]
        return nxt if typed else f'"{nxt}"'
    flips = {"True": "False", "False": "True", "是": "否", "否": "是", "对": "错", "错": "对"}
    if text in flips:
        return flips[text]
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return str(float(text) * 10 if "." in text else int(text) * 10)
    return "（不会）" if typed else '"（不会）"'


def _forms(key: str, rng: random.Random, typed: bool) -> str:
    """An equivalent way a learner writes the key (50000 → 5万元; B → b)."""
    text = key.strip()
    if typed and re.fullmatch(r"\d+", text) and int(text) % 10000 == 0 and rng.random() < 0.5:
        return f"{int(text) // 10000}万元"
    if typed and re.fullmatch(r"[A-D]", text) and rng.random() < 0.3:
        return text.lower()
    return text


def build_cohort(course_root: Path, lesson_id: str, learners: int = 40, seed: int = 2026) -> Cohort:
    """The submissions of a synthetic cohort, in a learning platform's bulk-download layout."""
    common.lesson_entry(course_root, lesson_id)
    kit = common.kit_root(course_root)
    source = nbformat.read(str(kit / "lessons" / lesson_id / f"{lesson_id}.ipynb"), as_version=4)
    released_path = kit / "notebooks" / lesson_id / f"{lesson_id}.ipynb"
    if released_path.is_file():
        released = nbformat.read(str(released_path), as_version=4)
    else:
        with tempfile.TemporaryDirectory(prefix="scjg-demo-") as tmp:
            path = course.register_assignment(course_root, lesson_id, f"sqlite:///{tmp}/gb.db", Path(tmp) / "release")
            released = nbformat.read(str(path), as_version=4)
    key = solution_answers(source)
    typed = magic_answers(source)
    written_key = written_answers(source)
    tests = test_variables(source)
    points = {gid: info["points"] for gid, info in common.grade_layout(source).items() if info["kind"] == "test"}

    rng = random.Random(seed)
    cohort = Cohort(files={}, expected={}, names={})
    for n in range(1, learners + 1):
        learner = f"sh{n:03d}"
        name = rng.choice(SURNAMES) + "某"
        profile = PROFILES[n - 1] if n <= len(PROFILES) else rng.choices(PROFILES, WEIGHTS)[0]
        variables = list(key)
        wrong: set[str] = set()
        blank: set[str] = set()
        answers = {v: _forms(key[v], rng, v in typed) for v in variables}
        written = {gid: text for gid, text in written_key.items()}
        if profile == "one_wrong" and variables:
            wrong = {rng.choice(variables)}
        elif profile == "all_wrong":
            wrong = set(variables)
            written = {gid: "不清楚。" for gid in written_key}
        elif profile == "partial" and variables:
            blank = set(rng.sample(variables, max(1, len(variables) // 2)))
            written = {}
        elif profile == "blank":
            blank = set(variables)
            written = {}
        for v in wrong:
            answers[v] = _wrong(key[v], v in typed)
        for v in blank:
            answers.pop(v)
        failed = wrong | blank
        if profile == "punctuation" and variables:
            # an answer the kit cannot read (%%answer forgives `q1 = ` and quotes, not the words),
            # a SyntaxError (Chinese quotes) in a Python cell
            var = variables[0]
            answers[var] = f"{var} = “错误写法”" if var in typed else "“错误写法”"
            failed = {var}
        nb = fill_learner(type_answers(released, answers, written), learner, name)
        cohort.expected[learner] = {gid: 0.0 if set(vs) & failed or not vs else points[gid] for gid, vs in tests.items()}
        cohort.names[learner] = name
        cohort.profiles[learner] = profile
        cohort.files[f"{name}_{learner}_提交/{lesson_id}.ipynb"] = nbformat.writes(nb).encode("utf-8")

    # broken returns, as trainers meet them
    if learners >= 3:
        victim = f"sh{learners:03d}"
        good = cohort.files.pop(f"{cohort.names[victim]}_{victim}_提交/{lesson_id}.ipynb")
        cohort.files[f"{cohort.names[victim]}_{victim}_提交/{lesson_id}.ipynb"] = good[: len(good) // 2]
        cohort.expected[victim] = None
        cohort.profiles[victim] = "corrupt"
        photo = f"{cohort.names['sh002']}_sh002_提交/手机拍照.jpg"
        cohort.files[photo] = b"\xff\xd8\xff\xe0" + bytes(64)
        untitled = f"{cohort.names['sh003']}_sh003_提交/Untitled.ipynb"
        cohort.files[untitled] = nbformat.writes(nbformat.v4.new_notebook()).encode("utf-8")
        cohort.stray += [photo, untitled]
    return cohort


def write_bundle(cohort: Cohort, out: Path) -> Path:
    """Write the cohort as a zip (out ends with .zip) or a folder."""
    out = Path(out)
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(cohort.files):
                info = zipfile.ZipInfo(name, date_time=(2026, 11, 27, 9, 0, 0))
                info.flag_bits |= 0x800  # UTF-8 file names
                zf.writestr(info, cohort.files[name])
    else:
        if out.exists():
            shutil.rmtree(out)
        for name, data in cohort.files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return out


def write_roster(cohort: Cohort, path: Path) -> None:
    buf = io.StringIO()
    buf.write("学员编号,姓名\n")
    for learner in sorted(cohort.names):
        buf.write(f"{learner},{cohort.names[learner]}\n")
    Path(path).write_text(buf.getvalue(), encoding="utf-8")


def add_arguments(parser) -> None:
    parser.add_argument("lesson", metavar="课程编号")
    parser.add_argument("--learners", type=int, default=40, help="学员人数（默认 40）")
    parser.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子生成相同班级）")
    parser.add_argument("--out", type=Path, default=None,
                        help="输出 zip 文件或文件夹（默认 grading/.work/<课程>/demo-cohort.zip）")
    parser.add_argument("--roster", action="store_true", help="同时写入 grading/roster.csv（模拟学员名单）")
    parser.add_argument("--expected", type=Path, default=None, help="把每名学员应得的自动评分写入此 JSON 文件")
    common.add_course_option(parser)


def run(args) -> int:
    root = common.course_root(args.course)
    try:
        cohort = build_cohort(root, args.lesson, args.learners, args.seed)
    except ValueError as err:
        print(f"生成失败：{err}")
        return 1
    out = args.out or common.work_dir(root, args.lesson) / "demo-cohort.zip"
    write_bundle(cohort, out)
    if args.roster:
        write_roster(cohort, root / "roster.csv")
        print(f"已写入学员名单：{root / 'roster.csv'}")
    if args.expected:
        args.expected.write_text(json.dumps(cohort.expected, ensure_ascii=False, indent=1), encoding="utf-8")
    kinds = {}
    for profile in cohort.profiles.values():
        kinds[profile] = kinds.get(profile, 0) + 1
    names = {"perfect": "全对", "one_wrong": "错一题", "blank": "空白", "all_wrong": "全错",
             "punctuation": "中文标点", "partial": "部分作答", "corrupt": "文件损坏"}
    summary = "，".join(f"{names[k]} {v} 人" for k, v in sorted(kinds.items()))
    print(f"已生成模拟班级（{args.learners} 人；{summary}；另有 {len(cohort.stray)} 个无关文件）：{out}")
    print(f"下一步：scjg collect {args.lesson} {out}")
    from ..paths import find_cohort
    if args.course is None and find_cohort() is None and not os.environ.get("SCJG_ROOT"):
        print("提示：以上在工具包自带的 grading/ 中演练。正式开班请先 scjg cohort new <班次名称> 建立班次工作区，"
              f"各班成绩互不混合；也可 scjg cohort new rehearsal --demo {args.lesson} 在新工作区中演练。")
    return 0
