"""Tests of scjg.anonymize's detect() and anonymize() on hand-written sentences and random text."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric, uscc

from scjg.anonymize import TYPES, anonymize, detect


def make_id(area="440106", born="19850312", seq="123") -> str:
    body = area + born + seq
    return body + ric.calc_check_digit(body + "0")


def make_uscc(body="91440106MA59C3XK1") -> str:
    return body + uscc.calc_check_digit(body)


def make_bank(body="622202123456789012") -> str:
    return body + luhn.calc_check_digit(body)


def make_mobile(prefix="139", rest="1234", tail="5678") -> str:
    """A mobile number in the real format, assembled at run time (no real-looking literal in the repo)."""
    return prefix + rest + tail


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.type) for s in detect(text)]


def test_spans_are_python_offsets():
    """Do span offsets index the Python string, also after characters outside the BMP?"""
    number = make_id()
    text = f"😀𠀀当事人身份证号码：{number}。"
    (span,) = detect(text)
    assert (text[span.start:span.end], span.type) == (number, "ID_CARD")
    assert span == (span.start, span.end, "ID_CARD")  # a plain tuple as well


def test_identifier_forms():
    """Are spaced, dashed, full-width and +86 forms found, and numbers failing a checksum left alone?"""
    n, u, b, m = make_id(), make_uscc(), make_bank(), make_mobile()
    cases = {
        f"{n[:6]} {n[6:14]} {n[14:]}": "ID_CARD",
        f"{n[:6]}-{n[6:14]}-{n[14:]}": "ID_CARD",
        fullwidth(n): "ID_CARD",
        fullwidth(u): "USCC",
        " ".join(b[i:i + 4] for i in range(0, len(b), 4)): "BANK_CARD",
        f"+86 {m[:3]} {m[3:7]} {m[7:]}": "PHONE",
        f"+86-{m}": "PHONE",
        "（0571）8765 4321": "PHONE",
        "020-87654321": "PHONE",
        "浙A·12345": "PLATE",
        "粤BD12345": "PLATE",
        "zhang.wei@example.cn": "EMAIL",
        "JY13301060012345": "LICENSE_NO",
        "SC10644010600123": "LICENSE_NO",
        "梯11浙A01234（18）": "LICENSE_NO",
    }
    for value, typ in cases.items():
        text = f"经查：{value}，特此记录。"
        assert found(text) == [(value, typ)], (value, found(text))
    bad_id = n[:-1] + ("0" if n[-1] != "0" else "1")
    bad_uscc = "X" + u[1:]  # the kit's datasets use such deliberately invalid codes
    for value in (bad_id, bad_uscc, "6222021234567890121"[:-1] + "0"):
        if value.isdigit() and luhn.is_valid(value):
            continue
        assert not any(t in ("ID_CARD", "USCC", "BANK_CARD") for _, t in found(f"号码：{value}。")), value


def test_what_stays():
    """Do authorities, laws, article numbers, standards, 文书号, amounts, event dates and 12315 stay?"""
    text = ("杭州市西湖区市场监督管理局于2024年3月15日作出杭西市监处罚〔2024〕12号行政处罚决定书。"
            "当事人销售的预包装食品不符合GB 2760-2014，违反了《中华人民共和国食品安全法》第三十四条第十项，"
            "依据第一百二十四条第一款第五项，罚款人民币50000元，没收违法所得1380.00元。"
            "涉嫌犯罪的，移送杭州市公安局西湖区分局。咨询请拨打12315或12345。")
    assert detect(text) == []
    assert anonymize(text) == text


def test_consistent_pseudonyms():
    """Is the same person always the same pseudonym, and are two different 张 told apart?"""
    mobile = make_mobile()
    text = ("法定代表人张伟，经营者张敏。张伟称货是张敏进的。证人欧阳明辉、买买提·艾力在场。"
            f"当事人张伟明便利店。张伟的联系电话为{mobile}。")
    out = anonymize(text)
    assert out.count("张某甲") == 3 and out.count("张某乙") == 2
    assert "欧阳某某" in out and "买某某" in out and "某便利店" in out
    for secret in ("张伟", "张敏", "欧阳明辉", "艾力", mobile):
        assert secret not in out


def test_two_and_three_character_names_differ():
    """Are 张伟 and 张伟明 given different pseudonyms (张某, 张某某)?"""
    out = anonymize("执法人员张伟、张伟明出示了执法证件。")
    assert out == "执法人员张某、张某某出示了执法证件。"


def test_org_with_person_and_address():
    """Are a shop named after its owner and a full street address replaced as a whole?"""
    text = "当事人：西湖区王建国水果店，经营场所：浙江省杭州市西湖区文三路12号3幢101室，经营者：王建国。"
    assert found(text) == [("西湖区王建国水果店", "ORG"), ("浙江省杭州市西湖区文三路12号3幢101室", "ADDRESS"),
                           ("王建国", "PERSON")]
    assert anonymize(text) == "当事人：某水果店，经营场所：某省某市某区，经营者：王某某。"


def test_date_of_birth_but_not_event_dates():
    """Is a date of birth removed while the dates of events stay?"""
    text = "被询问人李娜，女，1985年3月12日出生。2024年5月6日，执法人员对当事人进行检查。"
    assert found(text) == [("李娜", "PERSON"), ("1985年3月12日", "DATE_OF_BIRTH")]
    assert "2024年5月6日" in anonymize(text)


def test_jieba_stays_silent(tmp_path):
    """Does the first use of the detector (jieba building its dictionary) print nothing to stderr?"""
    env = dict(os.environ, TMPDIR=str(tmp_path))  # no jieba cache yet: it must build one
    code = "from scjg.anonymize import anonymize; print(anonymize('证人李娜称不知情'))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.strip() == "证人李某称不知情"


_alphabet = st.sampled_from(list("张王李伟娜明公司有限超市路号市区县当事人法定代表人称，。：、（）0123456789 -·某") + ["\n"])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=80))
def test_spans_are_well_formed(text):
    """Are spans always sorted, inside the text, non-overlapping and of a known type?"""
    spans = detect(text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert s.type in TYPES
        last = s.end
    out = anonymize(text)
    assert isinstance(out, str)
    if not spans:
        assert out == text


def test_labelled_fields_are_names_whatever_the_words():
    """Is the value after a personal-field label masked even when it is a word (宏伟), a 复姓 or a minority name?"""
    text = ("经营者：王宏伟\n法定代表人：李红军\n负责人：赵志强\n被询问人：宗政忠良\n投诉人：扎西多吉\n"
            "举报人：乌兰其其格\n开户人：闾丘和平\n签名：漆雕建华\n承办人：马卫国、那日苏\n"
            "使用单位负责人（签名）：次仁卓玛\n")
    names = ["王宏伟", "李红军", "赵志强", "宗政忠良", "扎西多吉", "乌兰其其格", "闾丘和平", "漆雕建华", "马卫国",
             "那日苏", "次仁卓玛"]
    assert found(text) == [(n, "PERSON") for n in names]
    out = anonymize(text)
    assert out.startswith("经营者：王某某\n法定代表人：李某某\n负责人：赵某某\n被询问人：宗政某某\n投诉人：某某")


def test_label_values_that_are_no_name_stay():
    """Do 匿名, 拒绝签名, （未到场）, 见附件 and a sentence after a label stay as they are?"""
    text = ("投诉人：匿名\n签名：拒绝签名\n负责人：（未到场）\n举报人：见附件\n消费者：我在店里买的\n"
            "商品名称：牛肉干\n被投诉人：本店\n")
    assert detect(text) == []


def test_unit_after_a_unit_label():
    """Is a whole unit name after 被投诉人：/使用单位： found, shop words and all?"""
    text = "被投诉人：汇川好邻居大药房\n使用单位：丰泽好邻居医药连锁有限公司\n"
    assert found(text) == [("汇川好邻居大药房", "ORG"), ("丰泽好邻居医药连锁有限公司", "ORG")]


def test_every_occurrence_after_one_is_found():
    """Once a name is found by its label, is every later bare mention masked with the same stand-in?"""
    text = "经营者：薛和平。经询问，薛和平承认上述事实。以上事实有薛和平的询问笔录证实。"
    assert anonymize(text) == "经营者：薛某某。经询问，薛某某承认上述事实。以上事实有薛某某的询问笔录证实。"


def test_familiar_mentions_take_the_full_names_stand_in():
    """Do 老王, 王姐 and 王师傅 get the stand-in of the one 王 named in full, and 小李 (no 李 named) 李某?"""
    text = "现场负责人：王宏伟。店员称老王去进货了，王姐说王师傅明天来。我们都叫他小李。"
    assert anonymize(text) == "现场负责人：王某某。店员称王某某去进货了，王某某说王某某明天来。我们都叫他李某。"
    assert detect("请老师傅小心，小时候的小区老乡。") == []


def test_equipment_registration_and_account_numbers():
    """Are 设备代码, 使用登记证编号, an old 15-digit 注册号 and ID number, WeChat, QQ and device licences found?"""
    cases = {
        "设备代码：31104403012019060012": "31104403012019060012",
        "使用登记证编号：梯11浙A01234(18)": "梯11浙A01234(18)",
        "原注册号：330106000123456": "330106000123456",
        "微信号：wx_zhang2024": "wx_zhang2024",
        "QQ：12345678": "12345678",
        "医疗器械经营许可证：浙杭食药监械经营许20150001号": "浙杭食药监械经营许20150001号",
        "备案凭证编号：浙杭市监械经营备20210045号": "浙杭市监械经营备20210045号",
        "医疗机构执业许可证登记号：PDY12345-330106170001A1001": "PDY12345-330106170001A1001",
    }
    for text, value in cases.items():
        assert found(text + "。") == [(value, "LICENSE_NO")], (text, found(text + "。"))
    assert found("身份证号码：330106850312123。") == [("330106850312123", "ID_CARD")]
    # a 15-digit number with no ID label, or with an impossible birth date, is no ID number
    assert not any(t == "ID_CARD" for _, t in found("抽样单编号：330106850312123。"))
    assert not any(t == "ID_CARD" for _, t in found("身份证号码：330106851332123。"))


def test_id_birth_date_must_be_plausible():
    """Is an 18-digit number with a valid check digit but a birth date before 1900 or in the future left alone (N2)?"""
    for born in ("18890101", "20990101", "19851332"):
        body = "440106" + born + "123"
        number = body + ric.calc_check_digit(body + "0")
        assert not any(t == "ID_CARD" for _, t in found(f"号码：{number}。")), number
    assert found(f"号码：{make_id(born='19000101')}。") == [(make_id(born="19000101"), "ID_CARD")]
