"""Tests of `scjg anonymize`: files in, anonymized copies and review reports out."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from scjg import cli
from scjg.anonymize.files import AnonymizeError, decode, process
from tests.anonymize_corpus import Gen

SCJG = Path(sys.executable).parent / "scjg"


@pytest.fixture
def ids():
    """Identifiers with valid checksums, made at run time."""
    g = Gen(7)
    return {"id": g.id_card(), "uscc": g.uscc(), "mobile": "139" + g.digits(8), "bank": g.bank()}


def case_text(ids) -> str:
    return (f"当事人：杭州恒泰食品有限公司\n统一社会信用代码：{ids['uscc']}\n"
            f"住所：浙江省杭州市西湖区文新路88号\n法定代表人：欧阳明辉，身份证号码：{ids['id']}，联系电话：{ids['mobile']}\n"
            f"经查，当事人销售超过保质期的预包装食品，违反了《中华人民共和国食品安全法》第三十四条第十项，"
            f"依据第一百二十四条第一款第五项，罚款人民币50000元。文书号：杭西市监处罚〔2024〕12号。\n")


def read_report(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_txt_copy_and_report(tmp_path, ids, capsys):
    """Does a .txt file get an anonymized copy and a review report, leaving the original untouched?"""
    src = tmp_path / "case.txt"
    src.write_text(case_text(ids), encoding="utf-8")
    before = src.read_bytes()
    assert cli.main(["anonymize", str(src)]) == 0
    out = (tmp_path / "case.anonymized.txt").read_text(encoding="utf-8-sig")
    assert src.read_bytes() == before
    for secret in (ids["id"], ids["uscc"], ids["mobile"], "欧阳明辉", "杭州恒泰食品有限公司", "文新路88号"):
        assert secret not in out
    for kept in ("欧阳某某", "某食品公司", "杭西市监处罚〔2024〕12号", "50000元", "第一百二十四条第一款第五项"):
        assert kept in out
    rows = read_report(tmp_path / "case.anonymized.review.csv")
    assert {r["类型"] for r in rows} >= {"姓名", "单位名称", "身份证号", "电话", "统一社会信用代码", "地址"}
    assert any(r["原文"] == ids["id"] and r["替换为"] == "【证件号已隐去】" and ids["id"] in r["上下文"] for r in rows)
    assert "已脱敏" in capsys.readouterr().out


def test_gbk_file_is_read(tmp_path, ids, capsys):
    """Is a GBK-encoded file read correctly (not as a Korean or Japanese code page)?"""
    src = tmp_path / "gbk.txt"
    src.write_bytes("法定代表人：李娜\n电话：".encode("gbk") + ids["mobile"].encode() + "\n".encode("gbk"))
    assert cli.main(["anonymize", str(src), "--out", str(tmp_path / "out")]) == 0
    out = (tmp_path / "out" / "gbk.anonymized.txt").read_text(encoding="utf-8-sig")
    assert out == "法定代表人：李某\n电话：【电话已隐去】\n"
    assert "UTF-8" in capsys.readouterr().out


def test_gbk_long_document(tmp_path, ids):
    """Is a longer GBK document decoded the same as its UTF-8 original?"""
    text = case_text(ids)
    data = text.encode("gbk")
    assert decode(data, "x.txt")[0] == text


def test_empty_file(tmp_path, capsys):
    """Does an empty file give a clear Chinese message and write nothing?"""
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    assert cli.main(["anonymize", str(src)]) == 0
    assert "空文件" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, "找不到文件"),
    ("broken.docx", b"this is not a zip file", "无法打开 Word 文件"),
    ("binary.txt", bytes(range(256)) * 4, "无法读取"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "另存为"),
    ("scan.pdf", b"%PDF-1.4", "不支持"),
])
def test_unreadable_files(tmp_path, capsys, name, content, words):
    """Does an unreadable or unsupported file give a Chinese message, exit code 1 and no output files?"""
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    assert cli.main(["anonymize", str(src)]) == 1
    out = capsys.readouterr().out
    assert "错误" in out and words in out
    assert not list(tmp_path.glob("*.anonymized*")) and not list(tmp_path.glob(".*.tmp"))


def test_one_bad_file_does_not_stop_the_others(tmp_path, ids):
    """Are the good files still anonymized when one file in the list is missing?"""
    good = tmp_path / "good.md"
    good.write_text(case_text(ids), encoding="utf-8")
    assert cli.main(["anonymize", str(tmp_path / "nope.txt"), str(good)]) == 1
    assert ids["id"] not in (tmp_path / "good.anonymized.md").read_text(encoding="utf-8")


def test_docx_paragraphs_and_tables(tmp_path, ids):
    """Are a .docx file's paragraphs and table cells anonymized, with formatting and the original kept?"""
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("当事人：").bold = True
    p.add_run("杭州恒泰")  # a name split over runs, as Word often stores it
    p.add_run("食品有限公司").italic = True
    d.add_paragraph(f"经查，法定代表人欧阳明辉（身份证号码：{ids['id']}）称不知情。罚款人民币50000元。")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "法定代表人", "欧阳明辉"
    table.cell(1, 0).text, table.cell(1, 1).text = "联系电话", ids["mobile"]
    table.cell(2, 0).text, table.cell(2, 1).text = "证人", "司马静"
    src = tmp_path / "decision.docx"
    d.save(src)
    before = src.read_bytes()
    assert cli.main(["anonymize", str(src)]) == 0
    assert src.read_bytes() == before
    out = docx.Document(tmp_path / "decision.anonymized.docx")
    body = "\n".join(p.text for p in out.paragraphs)
    cells = [c.text for row in out.tables[0].rows for c in row.cells]
    assert body.startswith("当事人：某食品公司")
    assert out.paragraphs[0].runs[0].bold and out.paragraphs[0].runs[0].text == "当事人："
    assert "欧阳某某" in body and ids["id"] not in body and "50000元" in body
    assert cells == ["法定代表人", "欧阳某某", "联系电话", "【电话已隐去】", "证人", "司马某"]
    rows = read_report(tmp_path / "decision.anonymized.review.csv")
    assert any(r["位置"].startswith("表格") and r["原文"] == "司马静" for r in rows)


def test_csv_chosen_columns(tmp_path, ids):
    """Does a CSV keep unchosen columns and use column names as cues for the chosen ones?"""
    src = tmp_path / "cases.csv"
    src.write_text("案件编号,当事人,法定代表人,违法事实\n"
                   f"food-0001,杭州恒泰食品有限公司,张伟,张伟称货是从丽水鑫源商行购进的，电话{ids['mobile']}\n"
                   "food-0002,丽水鑫源商行,王芳,无\n", encoding="utf-8")
    assert cli.main(["anonymize", str(src), "--columns", "当事人", "法定代表人", "违法事实"]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "cases.anonymized.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["案件编号", "当事人", "法定代表人", "违法事实"]
    assert rows[1][0] == "food-0001" and rows[1][1] == "某食品公司" and rows[1][2] == "张某"
    assert rows[1][3] == "张某称货是从某商行购进的，电话【电话已隐去】"
    assert rows[2][1] == "某商行" and rows[2][2] == "王某"


def test_csv_unknown_column(tmp_path, capsys):
    """Does asking for a column the CSV lacks name the missing and the existing columns?"""
    src = tmp_path / "cases.csv"
    src.write_text("当事人,违法事实\n张伟,无\n", encoding="utf-8")
    assert cli.main(["anonymize", str(src), "--columns", "姓名"]) == 1
    out = capsys.readouterr().out
    assert "没有这些列：姓名" in out and "当事人、违法事实" in out


def test_nothing_half_written_when_folder_is_read_only(tmp_path, ids):
    """Is nothing left behind when the output folder cannot be written?"""
    if os.geteuid() == 0:
        target = tmp_path / "file-not-folder"
        target.write_text("x")
        out_dir = target / "sub"  # a folder under a file: cannot be created, even as root
    else:
        out_dir = tmp_path / "ro"
        out_dir.mkdir()
        out_dir.chmod(0o500)
    src = tmp_path / "case.txt"
    src.write_text(case_text(ids), encoding="utf-8")
    with pytest.raises(AnonymizeError, match="无法"):
        process(src, out_dir)
    assert not list(tmp_path.rglob("*.anonymized*")) and not list(tmp_path.rglob("*.tmp"))


def test_installed_command(tmp_path, ids):
    """Does the installed `scjg anonymize` command work end to end?"""
    src = tmp_path / "record.md"
    src.write_text(case_text(ids), encoding="utf-8")
    proc = subprocess.run([str(SCJG), "anonymize", str(src), "--out", str(tmp_path / "safe")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    assert "核对报告" in proc.stdout
    out = (tmp_path / "safe" / "record.anonymized.md").read_text(encoding="utf-8")
    assert ids["uscc"] not in out and "欧阳某某" in out


def test_batch_masks_a_name_in_every_file_alike(tmp_path, ids):
    """Is a name found by its label in one file masked in the other files of the batch, with the same stand-in?"""
    first = tmp_path / "decision.txt"
    first.write_text(f"经营者：周宏伟\n被询问人：扎西多吉\n联系电话：{ids['mobile']}\n", encoding="utf-8")
    second = tmp_path / "record.docx"
    d = docx.Document()
    d.add_paragraph("经查，周宏伟于案发当日未在店内，店员称老周去进货了。扎西多吉说货是他进的。")
    d.add_paragraph(f"回电号码{ids['mobile']}无人接听。")
    d.save(second)
    assert cli.main(["anonymize", str(first), str(second), "--out", str(tmp_path / "out")]) == 0
    one = (tmp_path / "out" / "decision.anonymized.txt").read_text(encoding="utf-8-sig")
    two = "\n".join(p.text for p in docx.Document(tmp_path / "out" / "record.anonymized.docx").paragraphs)
    assert one == "经营者：周某某\n被询问人：某某\n联系电话：【电话已隐去】\n"
    assert two == ("经查，周某某于案发当日未在店内，店员称周某某去进货了。某某说货是他进的。\n"
                   "回电号码【电话已隐去】无人接听。")
