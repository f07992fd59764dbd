"""Does every written copy (.docx, .txt, .md, .csv) hold none of what its review report says was replaced?

The oracle reads the written file itself: for .docx the raw XML of every part in the zip (text of
w:t, w:delText, w:instrText joined per part, and relationship targets), not the module's own reader.
"""
from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from scjg.anonymize import detect
from scjg.anonymize.docx_file import docx_text
from scjg.anonymize.files import process
from tests.anonymize_corpus import Gen


@pytest.fixture
def ids():
    """Identifiers with valid checksums, made at run time (full-width ID digits as trainers paste them)."""
    g = Gen(11)
    return {"id": g.id_card(), "id2": g.id_card(), "uscc": g.uscc(), "mobile": "139" + g.digits(8),
            "mobile2": "186" + g.digits(8), "bank": g.bank()}


def decision(ids) -> str:
    """A one-paragraph 行政处罚决定书 with company, 经营者, ID number and phone."""
    return (f"当事人：杭州恒泰食品有限公司，统一社会信用代码：{ids['uscc']}，经营者：欧阳明辉，"
            f"身份证号：{ids['id']}，联系电话：{ids['mobile']}。经查，当事人销售超过保质期的食品，"
            f"依据《中华人民共和国食品安全法》第一百二十四条第一款第五项，罚款人民币50000元。"
            f"文书号：杭西市监处罚〔2024〕12号。")


SECRET_KEYS = ("id", "uscc", "mobile")
KEPT = ("第一百二十四条第一款第五项", "50000元", "杭西市监处罚〔2024〕12号", "中华人民共和国食品安全法")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))


def raw_docx_text(path: Path) -> dict[str, str]:
    """Per zip member: the text of its text-bearing XML elements joined without separators, plus rel targets."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            xml = z.read(name).decode("utf-8")
            pieces = re.findall(r"<w:(?:t|delText|instrText)(?:\s[^>]*)?>([^<]*)</w:(?:t|delText|instrText)>", xml)
            pieces += re.findall(r'Target="([^"]*)"', xml)
            pieces += re.findall(r"<(?:dc|cp):[a-zA-Z]+>([^<]*)</", xml)
            out[name] = "".join(pieces)
    return out


def read_report(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def assert_clean(written: str, report: list[dict], secrets: list[str]) -> None:
    """Nothing the report lists, no planted secret, no identifier found again."""
    assert report, "the report lists no replacement"
    flat = re.sub(r"\s", "", written)
    for row in report:
        if row["类型"] == "提示":
            continue
        original = re.sub(r"\s", "", row["原文"])
        assert original not in flat, f"{row['位置']}: {row['原文']} left in the copy"
        if row["类型"] in ("身份证号", "电话", "统一社会信用代码", "银行卡号"):
            assert _digits(original) not in _digits(flat) or len(_digits(original)) < 7
    for secret in secrets:
        assert re.sub(r"\s", "", secret) not in flat, secret
        if len(_digits(secret)) >= 11:
            assert _digits(secret) not in _digits(written), secret
    spans = detect(written)
    assert spans == [], [(written[s.start:s.end], s.type) for s in spans]


def _hyperlink(paragraph, url: str, text: str) -> None:
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>')
    paragraph._p.append(link)


NS_BOX = ('xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_box(paragraph, text: str) -> None:
    """A text box in the modern form plus its VML compatibility copy, as Word writes it."""
    box = (f'<w:r {nsdecls("w", "wp", "a")} {NS_BOX}><mc:AlternateContent><mc:Choice Requires="wps">'
           '<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
           f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
           '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
           f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
           '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    paragraph._p.append(parse_xml(box))


def _footnote(doc, paragraph, text: str) -> None:
    xml = (f'<w:footnotes {nsdecls("w")}><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
           '</w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))


def build_docx(path: Path, ids) -> list[str]:
    """A decision in every place a .docx holds text; returns the secrets planted."""
    d = docx.Document()
    d.core_properties.title = "欧阳明辉无证经营案"
    d.core_properties.author = "司徒建国"
    # several replacements of different lengths in one run
    d.add_paragraph(decision(ids))
    # the same paragraph split over runs at awkward places
    text = decision(ids)
    p = d.add_paragraph()
    for a, b in zip(range(0, len(text), 7), range(7, len(text) + 7, 7)):
        p.add_run(text[a:b]).bold = a % 2 == 0
    # a name and an ID number run into each other across runs, with a tab and a break run
    p = d.add_paragraph()
    p.add_run("被询问人：")
    p.add_run("上官")
    p.add_run("婉清，身份证号码：" + ids["id2"][:6])
    p.add_run(ids["id2"][6:])
    p.add_run().add_tab()
    p.add_run("手机：" + ids["mobile2"])
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "法定代表人", "欧阳明辉"
    table.cell(1, 0).text, table.cell(1, 1).text = "联系电话", ids["mobile"]
    table.cell(2, 0).text = "开户银行"
    table.cell(2, 1).text = f"开户人：诸葛红，账号：{ids['bank']}"
    inner = table.cell(2, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = f"证人：司马静，电话{ids['mobile2']}"
    section = d.sections[0]
    section.header.paragraphs[0].text = f"当事人：杭州恒泰食品有限公司 电话：{ids['mobile']}"
    section.footer.paragraphs[0].text = f"承办人：尉迟敬德 身份证号：{ids['id2']}"
    p = d.add_paragraph("详见：")
    _hyperlink(p, f"mailto:ouyang{ids['mobile'][-4:]}@example.com", f"身份证{ids['id']}")
    _text_box(d.add_paragraph("附："), f"经营者：欧阳明辉 电话：{ids['mobile']}")
    _footnote(d, d.add_paragraph("注"), f"举报人：皇甫嵩，身份证号码：{ids['id2']}")
    run = d.add_paragraph("审核意见").runs[0]
    d.add_comment(run, text=f"核实经营者欧阳明辉的电话{ids['mobile']}", author="司徒建国", initials="STJ")
    d.save(path)
    return [ids[k] for k in ("id", "id2", "uscc", "mobile", "mobile2", "bank")] + [
        "欧阳明辉", "上官婉清", "诸葛红", "司马静", "尉迟敬德", "皇甫嵩", "杭州恒泰食品有限公司", "司徒建国",
        f"ouyang{ids['mobile'][-4:]}@example.com"]


def test_one_paragraph_decision_docx(tmp_path, ids):
    """Is a one-paragraph decision in one run masked at the right places (the 6101131【证号已隐去】… leak)?"""
    src = tmp_path / "decision.docx"
    d = docx.Document()
    d.add_paragraph(decision(ids))
    d.save(src)
    result = process(src)
    out = docx.Document(result.output).paragraphs[0].text
    assert out == ("当事人：某食品公司，统一社会信用代码：【信用代码已隐去】，经营者：欧阳某某，"
                   "身份证号：【证件号已隐去】，联系电话：【电话已隐去】。经查，当事人销售超过保质期的食品，"
                   "依据《中华人民共和国食品安全法》第一百二十四条第一款第五项，罚款人民币50000元。"
                   "文书号：杭西市监处罚〔2024〕12号。")


def test_docx_every_place_is_masked(tmp_path, ids):
    """Do runs, tables, nested tables, headers, footers, hyperlinks, text boxes, footnotes, comments and properties all come out clean?"""
    src = tmp_path / "case.docx"
    secrets = build_docx(src, ids)
    result = process(src)
    raw = raw_docx_text(result.output)
    written = "\n".join(raw.values())
    assert_clean(written, read_report(result.report), secrets)
    for kept in KEPT:
        assert kept in raw["word/document.xml"]
    places = {label for label, _ in result.replacements}
    for place in ("第1段", "表格1第2行第2格", "页眉第1段", "页脚第1段", "正文文本框", "脚注第1段", "批注第1段",
                  "正文超链接地址", "文档属性（标题）"):
        assert place in places, places
    # both copies of the text box are masked, and the comment's author is gone
    assert raw["word/document.xml"].count("经营者：欧阳某某 电话：【电话已隐去】") == 2
    assert 'w:author="司徒建国"' not in zipfile.ZipFile(result.output).read("word/comments.xml").decode()


def test_docx_keeps_formatting(tmp_path, ids):
    """Do unchanged runs keep their text and bold formatting after replacements elsewhere in the paragraph?"""
    src = tmp_path / "case.docx"
    build_docx(src, ids)
    out = docx.Document(process(src).output)
    runs = out.paragraphs[1].runs
    assert runs[0].text == "当事人：某食品公司" and runs[0].bold  # the run where the name starts holds the stand-in
    assert runs[1].text == "" and not runs[1].bold  # '泰食品有限公司' was the rest of the name
    assert out.paragraphs[1].text == out.paragraphs[0].text


def _png() -> bytes:
    """A 1x1 grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def test_docx_unread_parts_are_named(tmp_path, ids):
    """Does the report say plainly that a picture's text was not checked?"""
    picture = tmp_path / "photo.png"
    picture.write_bytes(_png())
    d = docx.Document()
    d.add_paragraph(decision(ids))
    d.add_picture(str(picture))
    src = tmp_path / "photo.docx"
    d.save(src)
    result = process(src)
    notes = [r["上下文"] for r in read_report(result.report) if r["类型"] == "提示"]
    assert any("图片" in n and "未检查" in n for n in notes), notes


def test_docx_text_reader_sees_every_part(tmp_path, ids):
    """Does the module's own reader see the text box, footnote and comment text (so detection can find it)?"""
    src = tmp_path / "case.docx"
    build_docx(src, ids)
    text = docx_text(src.read_bytes())
    for piece in ("皇甫嵩", "核实经营者欧阳明辉", "尉迟敬德", "诸葛红", "司马静"):
        assert piece in text


@pytest.mark.parametrize("ext", [".txt", ".md"])
def test_plain_copies_are_clean(tmp_path, ids, ext):
    """Does a .txt or .md copy hold nothing its report lists, and nothing detect() would find again?"""
    src = tmp_path / f"case{ext}"
    text = decision(ids) + f"\n被询问人：上官婉清，手机：{ids['mobile2']}，账号：{ids['bank']}\n承办人：尉迟敬德\n"
    src.write_text(text, encoding="utf-8")
    result = process(src)
    written = result.output.read_text(encoding="utf-8-sig")
    assert_clean(written, read_report(result.report),
                 [ids["id"], ids["uscc"], ids["mobile"], ids["mobile2"], ids["bank"], "欧阳明辉", "上官婉清", "尉迟敬德"])
    for kept in KEPT:
        assert kept in written


def test_csv_copy_is_clean(tmp_path, ids):
    """Does a .csv copy hold nothing its report lists, and nothing detect() would find again?"""
    src = tmp_path / "cases.csv"
    src.write_text("当事人,经营者,身份证号,电话,违法事实\n"
                   f"杭州恒泰食品有限公司,欧阳明辉,{ids['id']},{ids['mobile']},\"{decision(ids)}\"\n", encoding="utf-8")
    result = process(src)
    written = result.output.read_text(encoding="utf-8-sig")
    assert_clean(written, read_report(result.report),
                 [ids["id"], ids["uscc"], ids["mobile"], "欧阳明辉", "杭州恒泰食品有限公司"])
    rows = list(csv.reader(io.StringIO(written)))
    assert rows[1][:4] == ["某食品公司", "欧阳某某", "【证件号已隐去】", "【电话已隐去】"]


def test_qn_namespace_is_word():
    """Is the namespace the module reads the one python-docx writes (a guard against a silent mismatch)?"""
    from scjg.anonymize.docx_file import W

    assert qn("w:t") == W + "t"
