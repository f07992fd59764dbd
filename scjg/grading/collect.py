"""`scjg collect LESSON PATH`: returned notebooks into grading/submitted/<learner>/<lesson>/<lesson>.ipynb.

PATH is a folder or a zip in any layout scjg.grading.layouts knows (a platform's bulk download with
`姓名_编号_assignsubmission_file_/` folders, one folder per id, `id.ipynb`, `id_姓名.ipynb`, the nbgrader
exchange). The learner is the one scjg.grading.identity settles on (layout, else roster, else the 学员信息
cell); where that is not certain the file is not collected and the trainer is asked (待教员确认).
Nothing is dropped silently: every file ends up collected or listed with a Chinese reason (not a notebook,
unreadable, another lesson, learner unclear, not on the roster, duplicate: the newest is collected and the
others kept in collect_reports/<lesson>-kept/). The summary, with names and where each id came from, is
printed and written to collect_reports/<lesson>.csv; the problems are kept in .work/<lesson>/collect.json
for `scjg report`.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import common, identity, layouts

MAX_BYTES = 50 * 1024 * 1024
IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints")
COLLECTED, COLLECTED_WITH_NOTE, REFUSED, TO_CONFIRM, MISSING = "已收取", "已收取（有问题）", "未收取", "待教员确认", "未交"


@dataclass
class Item:
    """One line of the collect report: a file of the bundle (or a learner on the roster who handed in nothing)."""

    path: str            # as in the bundle
    learner: str | None
    status: str          # one of COLLECTED … MISSING
    reason: str = ""
    timestamp: str = ""
    data: bytes | None = None
    name: str = ""
    how: str = ""        # where the learner id came from
    tagged: bool = False  # the file name had a browser suffix or version tag


@dataclass
class Returned:
    """A file of what the learners returned: its path parts, content (None if too big) and hand-in time."""

    parts: list[str]
    data: bytes | None
    stamp: str


def _lesson_signatures(course: Path) -> dict[str, dict[str, str]]:
    """lesson id -> {grade_id: source of the locked/test cells} of each released lesson (to spot another lesson)."""
    import nbformat
    kit = common.kit_root(course)
    signatures = {}
    for lesson in common.catalog_ids(course):
        path = kit / "notebooks" / lesson / f"{lesson}.ipynb"
        if not path.is_file():
            path = kit / "lessons" / lesson / f"{lesson}.ipynb"
        if path.is_file():
            nb = nbformat.read(str(path), as_version=4)
            signatures[lesson] = {gid: info["source"].strip().splitlines()[0] if info["source"].strip() else ""
                                  for gid, info in common.grade_layout(nb).items()}
    return signatures


def _which_lesson(nb, lesson_id: str, signatures: dict[str, dict[str, str]]) -> str | None:
    """The graded lesson a notebook belongs to (best match of grade ids, first lines and start("...")), or None."""
    layout = common.grade_layout(nb)
    if not any(info["kind"] in ("test", "written") for info in layout.values()):
        return None  # nothing graded: a lecture, a new or an unrelated notebook, whatever lesson it starts
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    started = re.findall(r"start\(\s*['\"]([\w.-]+)['\"]", text)
    best, best_score = None, 0.0
    for lesson, sig in signatures.items():
        score = 0.0
        for gid, info in layout.items():
            if gid in sig:
                score += 1
                first = info["source"].strip().splitlines()[0] if info["source"].strip() else ""
                score += 1 if first == sig[gid] else 0
        score += 5 if lesson in started else 0
        if score > best_score or (score == best_score and lesson == lesson_id and score > 0):
            best, best_score = lesson, score
    return best


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _zip_files(source: Path) -> list[Returned]:
    files = []
    with zipfile.ZipFile(source) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = info.filename
            if not info.flag_bits & 0x800:
                try:
                    name = name.encode("cp437").decode("gbk")  # zips made on Chinese Windows
                except (UnicodeEncodeError, UnicodeDecodeError):
                    pass
            data = zf.read(info) if info.file_size <= MAX_BYTES else None
            files.append(Returned(name.split("/"), data, _stamp(dt.datetime(*info.date_time))))
    return files


def _folder_files(source: Path) -> list[Returned]:
    files = []
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        ts_file = path.parent / "timestamp.txt"
        stamp = ts_file.read_text(encoding="utf-8", errors="replace").strip() if ts_file.is_file() else ""
        stat = path.stat()
        stamp = stamp or _stamp(dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc))
        data = path.read_bytes() if stat.st_size <= MAX_BYTES else None
        files.append(Returned(list(path.relative_to(source).parts), data, stamp))
    return files


def read_returned(source: Path) -> list[Returned]:
    """Every file of a folder or zip, with the time it was handed in (the zip entry's, else the file's)."""
    source = Path(source)
    if source.is_file() and zipfile.is_zipfile(source):
        return _zip_files(source)
    if source.is_dir():
        return _folder_files(source)
    raise ValueError(f"找不到 {source}，或它既不是文件夹也不是 zip 文件")


@dataclass
class _Context:
    lesson_id: str
    roster: dict[str, str]
    signatures: dict[str, dict[str, str]]
    lesson_ids: set[str]


def _examine(file: Returned, ctx: _Context) -> Item | None:
    """The report line of one returned file (None for timestamp.txt, which belongs to its notebook)."""
    import nbformat

    rel, name = "/".join(file.parts), file.parts[-1]
    if name == "timestamp.txt":
        return None
    if name.startswith(".") or any(part in IGNORED_PARTS for part in file.parts):
        return Item(rel, None, REFUSED, "系统或隐藏文件，已忽略")
    clue = layouts.read_path(file.parts, ctx.lesson_ids, ctx.roster)
    item = Item(rel, clue.learner, REFUSED, timestamp=clue.time or file.stamp, name=clue.name, tagged=clue.tagged)
    if not name.lower().endswith(".ipynb"):
        item.reason = "不是 notebook（.ipynb）文件，已忽略"
        return item
    if file.data is None:
        item.reason = f"文件超过 {MAX_BYTES // 1024 // 1024} MB，疑似异常，未收取"
        return item
    try:
        nb = nbformat.reads(file.data.decode("utf-8"), as_version=4)
    except Exception:  # noqa: BLE001 - any unreadable file is reported, whatever the cause
        nb, belongs = None, ctx.lesson_id
    else:
        belongs = _which_lesson(nb, ctx.lesson_id, ctx.signatures)
    who = identity.resolve(clue, identity.read_learner_info(nb) if nb else identity.LearnerInfo(), ctx.roster)
    item.learner, item.name, item.how = who.learner, who.name, who.how
    if belongs is None and layouts.clean_stem(name.rsplit(".", 1)[0])[0].lower() == "lecture":
        item.reason = f"这是讲授篇 lecture.ipynb（不计分），不是计分作业：请学员交回 {ctx.lesson_id}.ipynb"
    elif belongs is None:
        item.reason = "不是本课程发布的作业（没有评分标记，可能是新建或另存的笔记本）"
    elif belongs != ctx.lesson_id:
        item.reason = f"这是另一课“{belongs}”的作业，不是“{ctx.lesson_id}”"
    elif who.learner is None:
        item.status, item.reason = TO_CONFIRM, who.question
    else:
        notes = ([] if nb else ["文件损坏，无法读取（不是有效的 notebook）；已收取，评分时将标为异常"]) + who.notes
        item.status, item.reason, item.data = (COLLECTED_WITH_NOTE if notes else COLLECTED), "；".join(notes), file.data
    return item


def _newest(items: list[Item]) -> tuple[Item, list[Item], bool]:
    """The newest of one learner's notebooks, the others, and whether the times could not tell them apart."""
    ranked = sorted(items, key=lambda i: (i.timestamp, i.tagged, i.path))
    newest = ranked[-1]
    return newest, ranked[:-1], ranked[-2].timestamp == newest.timestamp


def _settle_duplicates(course: Path, lesson_id: str, items: list[Item]) -> dict[str, Item]:
    """learner -> the notebook collected; the others are kept in collect_reports/<lesson>-kept/<learner>/."""
    by_learner: dict[str, list[Item]] = {}
    for item in items:
        if item.data is not None:
            by_learner.setdefault(item.learner, []).append(item)
    kept_root = course / "collect_reports" / f"{lesson_id}-kept"
    if kept_root.exists():
        shutil.rmtree(kept_root)
    accepted = {}
    for learner, mine in by_learner.items():
        if len(mine) == 1:
            accepted[learner] = mine[0]
            continue
        newest, others, tie = _newest(mine)
        accepted[learner] = newest
        names = "、".join(o.path for o in others)
        for number, other in enumerate(others, start=1):
            kept = kept_root / learner / f"{number}-{other.path.rsplit('/', 1)[-1]}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(other.data)
            other.status, other.data = REFUSED, None
            other.reason = (f"重复提交：该学员另有一份{'' if tie else '较新的'}（{newest.path}），本份未收取，"
                            f"已另存为 {kept.relative_to(course)} 供教员核对")
        decision = (f"重复提交，共 {len(mine)} 份，提交时间相同，无法判断哪份较新：已暂采用这一份（文件名较后），"
                    f"请教员核对另一份（{names}）后决定" if tie else f"重复提交，采用较新的这一份（另有：{names}）")
        newest.status = COLLECTED_WITH_NOTE
        newest.reason = "；".join(filter(None, [newest.reason, decision]))
    return accepted


def _place(course: Path, lesson_id: str, accepted: dict[str, Item]) -> None:
    """Write each accepted notebook to submitted/<learner>/<lesson>/ with its timestamp.txt."""
    for learner, item in sorted(accepted.items()):
        folder = course / "submitted" / learner / lesson_id
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / f"{lesson_id}.ipynb").write_bytes(item.data or b"")
        (folder / "timestamp.txt").write_text(item.timestamp or common.now_stamp(), encoding="utf-8")


def collect(course: Path, lesson_id: str, source: Path) -> list[Item]:
    """Sort every file in `source`, place the accepted notebooks, and return one Item per file (and per missing learner)."""
    common.lesson_entry(course, lesson_id)
    roster = common.load_roster(course)
    ctx = _Context(lesson_id, roster, _lesson_signatures(course), {i.lower() for i in common.catalog_ids(course)})
    items = [item for file in read_returned(source) if (item := _examine(file, ctx)) is not None]
    accepted = _settle_duplicates(course, lesson_id, items)
    _place(course, lesson_id, accepted)
    for learner in sorted(set(roster) - set(accepted)):
        if not (course / "submitted" / learner / lesson_id / f"{lesson_id}.ipynb").is_file():
            items.append(Item("", learner, MISSING, "名单中的学员没有交回作业", name=roster[learner]))
    return items


def write_summary(course: Path, lesson_id: str, items: list[Item]) -> Path:
    """collect_reports/<lesson>.csv (every line) and .work/<lesson>/collect.json (the lines with a reason)."""
    out_dir = course / "collect_reports"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{lesson_id}.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["学员编号", "姓名", "文件", "结果", "说明", "提交时间", "学员编号依据"])
        for item in items:
            writer.writerow([item.learner or "", item.name, item.path, item.status, item.reason, item.timestamp,
                             item.how])
    problems = [{"learner": i.learner, "name": i.name, "path": i.path, "status": i.status, "reason": i.reason}
                for i in items if i.reason]
    common.write_json(common.work_dir(course, lesson_id) / "collect.json", problems)
    return path


def add_arguments(parser) -> None:
    parser.add_argument("lesson", metavar="课程编号")
    parser.add_argument("source", type=Path, metavar="路径", help="交回作业所在的文件夹、zip 文件或 nbgrader 交换目录")
    common.add_course_option(parser)


@common.trainer_verb("收取失败")
def run(args, root: Path) -> int:
    items = collect(root, args.lesson, args.source)
    path = write_summary(root, args.lesson, items)
    taken = sorted({i.learner for i in items if i.status.startswith(COLLECTED)})
    print(f"课程 {args.lesson}：收取 {len(taken)} 名学员的作业，放在 {root / 'submitted'}")
    for item in items:
        if item.reason and item.status != TO_CONFIRM:
            who = " ".join(filter(None, [item.learner or "（未识别）", item.name]))
            print(f"  · {who} {item.path}：{item.status}，{item.reason}")
    questions = [i for i in items if i.status == TO_CONFIRM]
    if questions:
        print(f"需要教员确认的 {len(questions)} 份作业（未收取；处理后重新运行本命令即可）：")
        for item in questions:
            print(f"  ？ {item.path}：{item.reason}")
    print(f"收取清单：{path}")
    print(f"下一步：scjg grade {args.lesson}")
    return 0
