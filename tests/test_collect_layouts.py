"""`scjg collect`: the right learner for every layout a trainer meets, and a question where it is not certain.

Returns are built as trainers get them: a platform's bulk-download zip (`姓名_编号_assignsubmission_file_/`),
a zip made on Chinese Windows (GBK names, no UTF-8 flag), folders, nbgrader's exchange; rosters saved by
Excel on Chinese Windows (GBK, UTF-8 with BOM, Unicode text).
"""
from __future__ import annotations

import codecs
import csv
import zipfile
from pathlib import Path

import nbformat
import pytest

from scjg.grading import common
from scjg.grading.layouts import read_path
from tests.grading_helpers import cli, make_kit

LESSON = "02-food-safety"
OTHER = "00-getting-started"
ROSTER = [("1003", "王五"), ("1006", "赵六"), ("1007", "钱七"), ("1010", "孙八")]


class GbkZipInfo(zipfile.ZipInfo):
    """An entry named the way Windows' own zip writes it on a Chinese system: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def released(kit: Path, lesson: str = LESSON, learner_info: tuple[str, str] | None = None) -> bytes:
    """The learner version of a lesson as handed out, optionally with a filled 学员信息 cell."""
    nb = nbformat.read(str(kit / "notebooks" / lesson / f"{lesson}.ipynb"), as_version=4)
    if learner_info is not None:
        cell = nbformat.v4.new_code_cell(f"%%learner\n学员编号：{learner_info[0]}\n姓名： {learner_info[1]}\n")
        cell.metadata["scjg"] = {"role": "learner-info"}
        nb.cells.insert(2, cell)
    return nbformat.writes(nb).encode("utf-8")


def write_zip(path: Path, entries: list[tuple[str, bytes, tuple]], info_class=zipfile.ZipInfo) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data, when in entries:
            info = info_class(name, date_time=when)
            if info_class is zipfile.ZipInfo:
                info.flag_bits |= 0x800
            zf.writestr(info, data)
    return path


def write_roster(course: Path, encoding: str = "gbk", rows=ROSTER, bom: bytes = b"", sep: str = ",") -> None:
    text = "\r\n".join([f"学员编号{sep}姓名"] + [f"{i}{sep}{n}" for i, n in rows]) + "\r\n"
    (course / "roster.csv").write_bytes(bom + text.encode(encoding))


def report(course: Path) -> list[dict]:
    with open(course / "collect_reports" / f"{LESSON}.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def collected(course: Path) -> set[str]:
    return {p.name for p in (course / "submitted").iterdir()} if (course / "submitted").exists() else set()


@pytest.fixture
def kit(tmp_path, monkeypatch):
    course = make_kit(tmp_path, monkeypatch)
    return tmp_path, course


def test_platform_bulk_download_gets_numbers_names_and_duplicates(kit, capsys):
    """Does a platform's bulk zip give 1003, 1006 and 1007 (never `1`, `02-food-safety-v2` or a lesson id), with names,
    the newer of two files collected and the other kept, and a wrong-lesson file under its learner?"""
    root, course = kit
    write_roster(course, "gbk")
    folder = "{}_{}_assignsubmission_file_/"
    bundle = write_zip(root / "download.zip", [
        (folder.format("王五", "1003") + f"{LESSON} (1).ipynb", released(root), (2026, 11, 27, 9, 0, 0)),
        (folder.format("赵六", "1006") + f"{LESSON}.ipynb", released(root), (2026, 11, 27, 9, 0, 0)),
        (folder.format("赵六", "1006") + f"{LESSON}-v2.ipynb", released(root) + b" ", (2026, 11, 27, 10, 30, 0)),
        (folder.format("钱七", "1007") + f"{OTHER}.ipynb", released(root, OTHER), (2026, 11, 27, 9, 0, 0)),
        (folder.format("王五", "1003") + "lecture.ipynb", (root / "notebooks" / LESSON / "lecture.ipynb").read_bytes(),
         (2026, 11, 27, 9, 0, 0)),
    ])
    assert cli("collect", LESSON, str(bundle)) == 0
    rows = report(course)
    assert collected(course) == {"1003", "1006"}
    assert {r["学员编号"] for r in rows} == {"1003", "1006", "1007", "1010"}
    names = {r["学员编号"]: r["姓名"] for r in rows}
    assert names == {"1003": "王五", "1006": "赵六", "1007": "钱七", "1010": "孙八"}
    v2 = (course / "submitted" / "1006" / LESSON / f"{LESSON}.ipynb").read_bytes()
    assert v2.endswith(b" ")  # the 10:30 file, not the 09:00 one
    dup = {r["文件"].rsplit("/", 1)[-1]: r for r in rows if r["学员编号"] == "1006"}
    assert dup[f"{LESSON}.ipynb"]["结果"] == "未收取" and "重复提交" in dup[f"{LESSON}.ipynb"]["说明"]
    assert "较新" in dup[f"{LESSON}-v2.ipynb"]["说明"]
    kept = course / "collect_reports" / f"{LESSON}-kept" / "1006" / f"1-{LESSON}.ipynb"
    assert kept.read_bytes() == released(root)
    wrong = next(r for r in rows if r["学员编号"] == "1007" and r["文件"])
    assert "另一课“00-getting-started”" in wrong["说明"]
    assert "未交" in {r["结果"] for r in rows if r["学员编号"] == "1007"}
    assert "学习平台批量下载" in next(r["学员编号依据"] for r in rows if r["学员编号"] == "1003")
    lecture = next(r for r in rows if r["文件"].endswith("lecture.ipynb"))
    assert (lecture["学员编号"], lecture["结果"]) == ("1003", "未收取") and "讲授篇" in lecture["说明"]
    assert "1006 赵六" in capsys.readouterr().out


def test_zip_made_on_chinese_windows(kit):
    """Is a zip with GBK-encoded names (no UTF-8 flag) read with the Chinese names intact?"""
    root, course = kit
    bundle = write_zip(root / "windows.zip", [("王五_1003_提交/" + f"{LESSON}.ipynb", released(root), (2026, 11, 27, 9, 0, 0))],
                       GbkZipInfo)
    with zipfile.ZipFile(bundle) as zf:
        assert not zf.infolist()[0].flag_bits & 0x800
    assert cli("collect", LESSON, str(bundle)) == 0
    row = next(r for r in report(course) if r["文件"])
    assert (row["学员编号"], row["姓名"], row["文件"]) == ("1003", "王五", f"王五_1003_提交/{LESSON}.ipynb")


def test_platform_numbers_off_the_roster_are_matched_by_name_or_asked(kit, capsys):
    """Where a platform's numbers are its own, is a unique name matched to the roster and a shared name asked about?"""
    root, course = kit
    write_roster(course, "utf-8", ROSTER + [("1011", "孙八")], bom=codecs.BOM_UTF8)
    bundle = write_zip(root / "moodle.zip", [
        (f"王五_88_assignsubmission_file_/{LESSON}.ipynb", released(root), (2026, 11, 27, 9, 0, 0)),
        (f"孙八_91_assignsubmission_file_/{LESSON}.ipynb", released(root), (2026, 11, 27, 9, 0, 0)),
        (f"周九_92_assignsubmission_file_/{LESSON}.ipynb", released(root), (2026, 11, 27, 9, 0, 0)),
    ])
    assert cli("collect", LESSON, str(bundle)) == 0
    rows = {r["文件"].split("_")[1] if r["文件"] else r["学员编号"]: r for r in report(course)}
    assert collected(course) == {"1003"}
    assert "按姓名“王五”对应学员名单" in rows["88"]["学员编号依据"]
    assert rows["91"]["结果"] == "待教员确认" and "2 名“孙八”（1010、1011）" in rows["91"]["说明"]
    assert rows["92"]["结果"] == "待教员确认" and "92" in rows["92"]["说明"] and "不在学员名单" in rows["92"]["说明"]
    out = capsys.readouterr().out
    assert "需要教员确认的 2 份作业" in out


def test_one_folder_per_learner(kit):
    """Is `<id>/<lesson>.ipynb` (and nbgrader's `<id>/<lesson>/<lesson>.ipynb`) collected under the folder's id?"""
    root, course = kit
    src = root / "returned"
    for path in (src / "sh002" / f"{LESSON}.ipynb", src / "sh003" / LESSON / f"{LESSON}.ipynb"):
        path.parent.mkdir(parents=True)
        path.write_bytes(released(root))
    assert cli("collect", LESSON, str(src)) == 0
    assert collected(course) == {"sh002", "sh003"}
    assert {r["学员编号依据"] for r in report(course)} == {"每名学员一个文件夹"}


def test_file_named_by_id_with_browser_suffix(kit):
    """Are `sh004.ipynb`, `sh005 (1).ipynb` and `sh006-v2.ipynb` collected as sh004, sh005 and sh006?"""
    root, course = kit
    entries = [(name, released(root), (2026, 11, 27, 9, 0, 0))
               for name in ("作业/sh004.ipynb", "作业/sh005 (1).ipynb", "作业/sh006-v2.ipynb")]
    assert cli("collect", LESSON, str(write_zip(root / "flat.zip", entries))) == 0
    assert collected(course) == {"sh004", "sh005", "sh006"}


def test_file_named_by_id_and_name(kit):
    """Are `sh007_李某.ipynb` and `周某_sh008.ipynb` collected under the id, with the name kept?"""
    root, course = kit
    src = root / "returned"
    src.mkdir()
    (src / "sh007_李某.ipynb").write_bytes(released(root))
    (src / "周某_sh008.ipynb").write_bytes(released(root))
    assert cli("collect", LESSON, str(src)) == 0
    assert {(r["学员编号"], r["姓名"]) for r in report(course)} == {("sh007", "李某"), ("sh008", "周某")}


def test_nbgrader_exchange_newest_hand_in(kit):
    """In an nbgrader exchange, is the later of a learner's two hand-ins collected with its time, the other kept?"""
    root, course = kit
    inbound = root / "exchange" / "scjg" / "inbound"
    for stamp, extra in (("2026-11-27 10:00:00.000000 UTC", b""), ("2026-11-27 11:00:00.000000 UTC", b" ")):
        folder = inbound / f"sh009+{LESSON}+{stamp}"
        folder.mkdir(parents=True)
        (folder / f"{LESSON}.ipynb").write_bytes(released(root) + extra)
    assert cli("collect", LESSON, str(root / "exchange")) == 0
    sub = course / "submitted" / "sh009" / LESSON
    assert (sub / f"{LESSON}.ipynb").read_bytes().endswith(b" ")
    assert (sub / "timestamp.txt").read_text(encoding="utf-8").startswith("2026-11-27 11:00:00")
    assert any("重复提交" in r["说明"] for r in report(course) if r["结果"] == "未收取")


def test_learner_info_cell_when_the_path_says_nothing(kit):
    """Is a notebook named only after the lesson collected by its 学员信息 cell, and an unfilled one asked about?"""
    root, course = kit
    src = root / "returned"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    (src / "a" / f"{LESSON}.ipynb").write_bytes(released(root, learner_info=("SH010", "吴某")))
    (src / "b" / f"{LESSON}.ipynb").write_bytes(released(root))
    assert cli("collect", LESSON, str(src)) == 0
    rows = {r["文件"]: r for r in report(course)}
    assert collected(course) == {"sh010"}
    assert (rows[f"a/{LESSON}.ipynb"]["姓名"], rows[f"a/{LESSON}.ipynb"]["学员编号依据"]) == ("吴某", "作业中的学员信息")
    assert rows[f"b/{LESSON}.ipynb"]["结果"] == "待教员确认"
    assert "学员信息" in rows[f"b/{LESSON}.ipynb"]["说明"]


def test_learner_info_disagreeing_with_the_folder_is_flagged(kit):
    """When the folder says sh011 and the 学员信息 cell says sh012, is it collected as sh011 with a note to check?"""
    root, course = kit
    src = root / "returned" / "sh011"
    src.mkdir(parents=True)
    (src / f"{LESSON}.ipynb").write_bytes(released(root, learner_info=("sh012", "郑某")))
    assert cli("collect", LESSON, str(root / "returned")) == 0
    row = report(course)[0]
    assert (row["学员编号"], row["结果"]) == ("sh011", "已收取（有问题）")
    assert "sh012" in row["说明"] and "请核实" in row["说明"]


def test_same_time_duplicates_are_asked_about(kit):
    """When two files of one learner carry the same time, is one collected provisionally and the trainer asked?"""
    root, course = kit
    when = (2026, 11, 27, 9, 0, 0)
    bundle = write_zip(root / "same.zip", [(f"王五_1003_提交/{LESSON}.ipynb", released(root), when),
                                           (f"王五_1003_提交/{LESSON} (1).ipynb", released(root) + b" ", when)])
    assert cli("collect", LESSON, str(bundle)) == 0
    taken = next(r for r in report(course) if r["结果"] == "已收取（有问题）")
    assert "提交时间相同" in taken["说明"] and "请教员核对" in taken["说明"]
    assert len(list((course / "collect_reports" / f"{LESSON}-kept" / "1003").iterdir())) == 1


@pytest.mark.parametrize("encoding, bom, sep", [
    ("gbk", b"", ","),                                   # Excel 「CSV（逗号分隔）」 on Chinese Windows
    ("utf-8", codecs.BOM_UTF8, ","),                     # Excel 「CSV UTF-8」
    ("utf-8", b"", ","),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\t"),            # Excel 「Unicode 文本」
])
def test_roster_as_excel_saves_it(tmp_path, encoding, bom, sep):
    """Is a roster read with its Chinese names whether Excel saved it as GBK, UTF-8 (BOM or not) or Unicode text?"""
    write_roster(tmp_path, encoding, bom=bom, sep=sep)
    assert common.load_roster(tmp_path) == dict(ROSTER)


@pytest.mark.parametrize("path, learner, name", [
    (["王五_1003_assignsubmission_file_", "02-food-safety (1).ipynb"], "1003", "王五"),
    (["赵六_1006_assignsubmission_file_", "02-food-safety-v2.ipynb"], "1006", "赵六"),
    (["钱七_1007_assignsubmission_file_", "00-other.ipynb"], "1007", "钱七"),
    (["returned", "sh001 - 副本.ipynb"], "sh001", ""),
    (["sh001（2）.ipynb"], "sh001", ""),
    (["sh001_最终版.ipynb"], "sh001", ""),
    (["02-food-safety.ipynb"], None, ""),
    (["returned", "02-food-safety.ipynb"], None, ""),
    (["王某", "02-food-safety.ipynb"], None, "王某"),
])
def test_path_clues(path, learner, name):
    """Does a path give the learner its layout defines, never a browser suffix, version tag or lesson id?"""
    clue = read_path(path, {LESSON, OTHER}, {})
    assert (clue.learner, clue.name) == (learner, name)
