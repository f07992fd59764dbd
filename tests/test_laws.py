"""法律文本库 scjg.laws 的测试。"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from scjg import laws
from scjg.paths import LAWS_DIR

TEXTS = LAWS_DIR / "texts"


def _entries() -> list[dict]:
    return yaml.safe_load((LAWS_DIR / "manifest.yaml").read_text(encoding="utf-8"))["laws"]


def checksum_problems(texts: Path, entries: list[dict]) -> list[str]:
    """Chinese messages for every text whose SHA-256 differs from the one the manifest records."""
    problems = []
    for e in entries:
        digest = hashlib.sha256((texts / e["file"]).read_bytes()).hexdigest()
        if digest != e.get("sha256"):
            problems.append(
                f"datasets/laws/texts/{e['file']} 与 manifest.yaml 记录的校验和不符。若是有意修改（例如换成新版本），"
                f"请逐字核对原文后把该条的 sha256 改为 {digest}；若不是，请用 git checkout 恢复该文件。")
    return problems


def test_every_text_matches_its_manifest_checksum():
    """Does every statute text in datasets/laws/texts have the SHA-256 its manifest entry records?"""
    problems = checksum_problems(TEXTS, _entries())
    assert not problems, "\n".join(problems)


def test_an_edited_text_is_caught_with_a_chinese_instruction(tmp_path):
    """Is a one-character edit of a statute text caught, with a message telling the maintainer what to do?"""
    entries = _entries()
    for e in entries:
        (tmp_path / e["file"]).write_bytes((TEXTS / e["file"]).read_bytes())
    edited = tmp_path / "food_safety_law.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("五万元", "六万元", 1), encoding="utf-8")
    problems = checksum_problems(tmp_path, entries)
    assert len(problems) == 1
    assert "food_safety_law.md" in problems[0] and "sha256 改为" in problems[0]
    assert hashlib.sha256(edited.read_bytes()).hexdigest() in problems[0]


def test_manifest_lists_every_text_once():
    """Does the manifest list each file in texts/ once, each original source once, each with a checksum?"""
    entries = _entries()
    assert sorted(e["file"] for e in entries) == sorted(p.name for p in TEXTS.glob("*.md"))
    assert len({e["source"] for e in entries}) == len(entries)
    assert all(len(e["sha256"]) == 64 for e in entries)


def test_manifest_fields_are_ascii_names_and_iso_dates():
    """Are the copied file names ASCII, and the version and effective dates ISO dates?"""
    raw = yaml.safe_load((LAWS_DIR / "manifest.yaml").read_text(encoding="utf-8"))["laws"]
    for e in raw:
        assert e["file"].isascii() and e["file"].endswith(".md"), e["file"]
        for key in ("version_date", "effective_date"):
            assert len(str(e[key])) == 10 and str(e[key])[4] == "-", (e["file"], key)
        assert e["short_name"] in e["source"]


def test_short_names_as_in_the_brief():
    """Can the short names the kit uses be resolved?"""
    for name in ["食品安全法", "药品管理法", "特种设备安全法", "价格法", "价格违法行为行政处罚规定",
                 "明码标价和禁止价格欺诈规定", "行政处罚法", "刑法"]:
        assert laws.resolve_law(name) == name
    assert laws.resolve_law("《中华人民共和国食品安全法》") == "食品安全法"


def test_food_safety_law_carries_2025_amendment_note():
    """Does the manifest say the 2025-09-12 食品安全法 amendment is not in the text, and does the display say so?"""
    info = laws.law_info("食品安全法")
    assert any(a["date"] == "2025-09-12" for a in info.later_amendments)
    assert "2025年9月12日" in info.version_note
    assert "2025年9月12日" in laws.article("食品安全法", 1).version_note
    assert "2025年9月12日" in laws.article_html("食品安全法", 34)


def test_article_124_structure():
    """Is 食品安全法 第一百二十四条 split into 3 paragraphs with 9 items in the first?"""
    a = laws.article("食品安全法", 124)
    assert (a.law, a.number, a.label, a.version) == ("食品安全法", 124, "第一百二十四条", "2021-04-29")
    assert len(a.paragraphs) == 3
    assert [len(p.items) for p in a.paragraphs] == [9, 0, 0]
    assert a.item(5).text.startswith("（五）生产经营标注虚假生产日期、保质期")
    assert a.item(5).content.startswith("生产经营标注虚假生产日期")
    assert a.paragraphs[1].text.startswith("除前款和本法第一百二十三条")
    assert a.text.startswith("第一百二十四条 违反本法规定")


def test_article_numbers_are_consecutive_in_every_law():
    """Does every law parse into articles 1..N with no gap and no duplicate?"""
    for name in laws.law_names():
        nums = [a.number for a in laws.articles(name) if a.sub == 0]
        assert nums == list(range(1, len(nums) + 1)), name


def test_half_width_items_and_zhi_articles():
    """Are （一） and (一) both items, and is 刑法 第一百三十三条之一 its own article?"""
    a = laws.article("价格违法行为行政处罚规定", 9)
    assert len(a.paragraphs[0].items) == 11
    b = laws.article("刑法", "第一百三十三条之一")
    assert (b.number, b.sub, b.label) == (133, 1, "第一百三十三条之一")
    assert laws.article("刑法", "133之一") == b
    assert laws.article("刑法", 133).text != b.text


def test_article_number_forms():
    """Do 124, '124', '第一百二十四条' and '一百二十四' name the same article?"""
    a = laws.article("食品安全法", 124)
    for form in ["124", "第一百二十四条", "一百二十四", "第124条"]:
        assert laws.article("食品安全法", form) is a


def test_verbatim_quote_ignores_only_whitespace():
    """Is a quote verbatim when it differs only in whitespace, and not when one character differs?"""
    q = "货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款"
    assert laws.is_verbatim("食品安全法", 124, q)
    assert laws.is_verbatim("食品安全法", 124, "货值金额 一万元以上的，\n并处货值金额十倍以上二十倍以下罚款")
    assert not laws.is_verbatim("食品安全法", 124, q.replace("二十倍", "三十倍"))
    assert not laws.is_verbatim("食品安全法", 124, q.replace("，", ","))


def test_quote_spanning_paragraphs_is_contiguous():
    """Is a quote running from the end of one paragraph into the next still a contiguous piece?"""
    assert laws.is_verbatim("食品安全法", 125, "（四）食品生产经营者采购或者使用不符合食品安全标准的食品原料、食品添加剂、食品相关产品。\n生产经营的食品")


def test_check_quote_explains_where_it_differs():
    """Does check_quote say in Chinese where a wrong quote departs from the text?"""
    res = laws.check_quote("食品安全法", 124, "货值金额一万元以上的，并处货值金额十倍以上三十倍以下罚款")
    assert not res.ok and "三十倍" in res.message and "二十倍" in res.message
    assert laws.check_quote("食品安全法", 124, "保质期").ok
    assert not laws.check_quote("食品安全法", 124, "").ok


def test_search_finds_articles():
    """Does search('保质期') find 食品安全法 第一百二十四条, and do several words narrow the search?"""
    hits = laws.search("保质期")
    assert any(a.law == "食品安全法" and a.number == 124 for a in hits)
    both = laws.search("保质期 婴幼儿", law="食品安全法")
    assert both and all("保质期" in a.text and "婴幼儿" in a.text for a in both)
    assert len(both) < len([a for a in hits if a.law == "食品安全法"])


def test_show_article_highlights_and_stamps_version():
    """Does show_article mark the quoted sentence and state the version in Chinese?"""
    h = laws.show_article("食品安全法", 124, highlight="超过保质期的食品、食品添加剂")
    html = h.data
    assert "<mark" in html and "超过保质期的食品、食品添加剂</mark>" in html
    assert "2021年4月29日" in html and "第一百二十四条" in html
    plain = laws.article_html("价格法", 42)
    assert "<mark" not in plain and "1998-05-01" in plain


def test_show_article_rejects_quote_not_in_article():
    """Does highlighting a sentence that is not in the article raise a Chinese ValueError?"""
    with pytest.raises(ValueError, match="无法标注"):
        laws.show_article("食品安全法", 124, highlight="并处货值金额三十倍以上罚款")


@pytest.mark.parametrize("law,number,needle", [
    ("食品法", 1, "未找到法律“食品法”"),
    ("食品安全法", 999, "没有第九百九十九条"),
    ("食品安全法", "第十二款", "看不懂条号"),
    ("食品安全法", 0, "正整数"),
])
def test_unknown_law_or_article_raises_chinese_error(law, number, needle):
    """Does an unknown law or article raise ValueError with a Chinese message naming it?"""
    with pytest.raises(ValueError, match=needle):
        laws.article(law, number)


def test_paragraph_and_item_out_of_range():
    """Do a missing paragraph and a missing item raise ValueError naming them?"""
    a = laws.article("食品安全法", 124)
    with pytest.raises(ValueError, match="没有第四款"):
        a.paragraph(4)
    with pytest.raises(ValueError, match="没有第十项"):
        a.item(10)
