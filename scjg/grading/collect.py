"""`scjg collect LESSON PATH`: returned notebooks into grading/submitted/<learner>/<lesson>/<lesson>.ipynb.

PATH is a folder or a zip holding `sh001.ipynb`, `sh001/<lesson>.ipynb`, a platform's bulk download
(`张某_sh001_提交/<lesson>.ipynb`) or an nbgrader exchange (`inbound/sh001+<lesson>+<time>/...`).
Nothing is dropped silently: every file ends up collected or listed with a Chinese reason
(not a notebook, unreadable, another lesson, no learner id, not on the roster, duplicate).
The summary is printed and written to grading/collect_reports/<lesson>.csv; the problems are
kept in grading/.work/<lesson>/collect.json for `scjg report`.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import common

MAX_BYTES = 50 * 1024 * 1024
NOISE = {"ipynb", "submission", "submissions", "submitted", "inbound", "outbound", "feedback", "autograded",
         "scjg", "checkpoints", "untitled", "copy", "final", "v1", "v2"}


@dataclass
class Item:
    path: str            # as in the bundle
    learner: str | None
    status: str          # 已收取 / 未收取 / 已收取（有问题）
    reason: str = ""
    timestamp: str = ""
    data: bytes | None = None


def _learner_from(parts: list[str], lesson_id: str, roster: dict[str, str]) -> str | None:
    """The learner id in a relative path: exchange `id+lesson+time`, a file stem, or an ASCII token of a folder."""
    for part in parts[:-1]:
        if "+" in part and lesson_id in part:
            return part.split("+")[0].lower()
    stem = parts[-1].rsplit(".", 1)[0]
    candidates = [stem] + list(reversed(parts[:-1]))
    tokens: list[str] = []
    for part in candidates:
        for token in re.findall(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*", part):
            low = token.lower()
            if low == lesson_id.lower() or low in NOISE or low == stem.lower() == lesson_id.lower():
                continue
            if part == stem and low == lesson_id.lower():
                continue
            tokens.append(low)
    if roster:
        for token in tokens:
            if token in roster:
                return token
    for token in tokens:
        if re.search(r"[a-z]", token) and re.search(r"\d", token):
            return token
    return tokens[0] if tokens else None


def _exchange_time(parts: list[str]) -> str:
    for part in parts:
        if part.count("+") >= 2:
            stamp = part.split("+")[2]
            return stamp if "UTC" in stamp else stamp + " UTC"
    return ""


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
    """The lesson a notebook belongs to (best match of grade ids, first lines and start("...")), or None."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    started = re.findall(r"start\(\s*['\"]([\w.-]+)['\"]", text)
    layout = common.grade_layout(nb)
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


def _read_bundle(source: Path) -> list[tuple[list[str], bytes | None, str, str]]:
    """(path parts, content or None if too big, timestamp, error) of every file in a folder or zip."""
    files = []
    if source.is_file() and zipfile.is_zipfile(source):
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
                stamp = dt.datetime(*info.date_time).strftime("%Y-%m-%d %H:%M:%S.000000 UTC")
                data = zf.read(info) if info.file_size <= MAX_BYTES else None
                files.append((name.split("/"), data, stamp, ""))
    elif source.is_dir():
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(source).parts
            stamp = ""
            ts_file = path.parent / "timestamp.txt"
            if ts_file.is_file():
                stamp = ts_file.read_text(encoding="utf-8", errors="replace").strip()
            if not stamp:
                stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).strftime(
                    "%Y-%m-%d %H:%M:%S.%f UTC")
            data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
            files.append((list(rel), data, stamp, ""))
    else:
        raise ValueError(f"找不到 {source}，或它既不是文件夹也不是 zip 文件")
    return files


def collect(course: Path, lesson_id: str, source: Path) -> list[Item]:
    """Sort every file in `source`, place the accepted notebooks, and return one Item per file (and per missing learner)."""
    import nbformat

    common.lesson_entry(course, lesson_id)
    roster = common.load_roster(course)
    signatures = _lesson_signatures(course)
    items: list[Item] = []
    accepted: dict[str, Item] = {}
    for parts, data, stamp, _err in _read_bundle(Path(source)):
        rel = "/".join(parts)
        name = parts[-1]
        if name in ("timestamp.txt",) or name.startswith(".") or "__MACOSX" in parts or ".ipynb_checkpoints" in parts:
            if name != "timestamp.txt":
                items.append(Item(rel, None, "未收取", "系统或隐藏文件，已忽略"))
            continue
        stamp = _exchange_time(parts) or stamp
        learner = _learner_from(parts, lesson_id, roster)
        if not name.lower().endswith(".ipynb"):
            items.append(Item(rel, learner, "未收取", "不是 notebook（.ipynb）文件，已忽略"))
            continue
        if data is None:
            items.append(Item(rel, learner, "未收取", f"文件超过 {MAX_BYTES // 1024 // 1024} MB，疑似异常，未收取"))
            continue
        if not learner:
            items.append(Item(rel, None, "未收取", "无法从文件名或文件夹名识别学员编号，请改名为“学员编号.ipynb”后重新收取"))
            continue
        reason = ""
        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            belongs = _which_lesson(nb, lesson_id, signatures)
            if belongs is None:
                items.append(Item(rel, learner, "未收取", "不是本课程发布的作业（没有评分标记，可能是新建或另存的笔记本）"))
                continue
            if belongs != lesson_id:
                items.append(Item(rel, learner, "未收取", f"这是另一课“{belongs}”的作业，不是“{lesson_id}”"))
                continue
        except Exception:  # noqa: BLE001 - any unreadable file is reported, whatever the cause
            reason = "文件损坏，无法读取（不是有效的 notebook）；已收取，评分时将标为异常"
        if roster and learner not in roster:
            reason = "；".join(filter(None, [reason, "不在学员名单 roster.csv 中"]))
        item = Item(rel, learner, "已收取（有问题）" if reason else "已收取", reason, stamp, data)
        items.append(item)
        if learner in accepted:
            older, newer = sorted([accepted[learner], item], key=lambda i: (i.timestamp, i.path))
            older.status = "未收取"
            older.reason = f"重复提交：该学员另有一份较新的（{newer.path}），采用较新的一份"
            older.data = None
            newer.status = "已收取（有问题）"
            newer.reason = "；".join(filter(None, [newer.reason, f"重复提交，采用这一份（另一份：{older.path}）"]))
            item = newer
        accepted[learner] = item
    for learner, item in sorted(accepted.items()):
        folder = course / "submitted" / learner / lesson_id
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / f"{lesson_id}.ipynb").write_bytes(item.data or b"")
        (folder / "timestamp.txt").write_text(item.timestamp or common.now_stamp(), encoding="utf-8")
    for learner in sorted(set(roster) - set(accepted)):
        if not (course / "submitted" / learner / lesson_id / f"{lesson_id}.ipynb").is_file():
            items.append(Item("", learner, "未交", "名单中的学员没有交回作业"))
    return items


def write_summary(course: Path, lesson_id: str, items: list[Item]) -> Path:
    out_dir = course / "collect_reports"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{lesson_id}.csv"
    roster = common.load_roster(course, warn=False)  # collect() has already reported bad rows
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["学员编号", "姓名", "文件", "结果", "说明", "提交时间"])
        for item in items:
            writer.writerow([item.learner or "", roster.get(item.learner or "", ""), item.path, item.status,
                             item.reason, item.timestamp])
    problems = [{"learner": i.learner, "path": i.path, "status": i.status, "reason": i.reason}
                for i in items if i.reason]
    common.write_json(common.work_dir(course, lesson_id) / "collect.json", problems)
    return path


def add_arguments(parser) -> None:
    parser.add_argument("lesson", metavar="课程编号")
    parser.add_argument("source", type=Path, metavar="路径", help="交回作业所在的文件夹、zip 文件或 nbgrader 交换目录")
    common.add_course_option(parser)


def run(args) -> int:
    root = common.course_root(args.course)
    try:
        items = collect(root, args.lesson, args.source)
    except ValueError as err:
        print(f"收取失败：{err}")
        return 1
    path = write_summary(root, args.lesson, items)
    taken = sorted({i.learner for i in items if i.status.startswith("已收取")})
    print(f"课程 {args.lesson}：收取 {len(taken)} 名学员的作业，放在 {root / 'submitted'}")
    for item in items:
        if item.reason:
            who = item.learner or "（未识别）"
            print(f"  · {who} {item.path}：{item.status}，{item.reason}")
    print(f"收取清单：{path}")
    print(f"下一步：scjg grade {args.lesson}")
    return 0
