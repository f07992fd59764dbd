"""Lesson 03 (drug) without nbgrader: the drug cases its lecture picks by criteria are coherent and still have
the facts the lecture says they have; every quotation in its notebooks is verbatim from the laws it teaches;
the 进阶 question's literal agrees with the case data."""
from __future__ import annotations

import re

import nbformat
import pytest

from scjg import cases, catalog, laws
from scjg.paths import LESSONS
from scjg.teaching import pick_cases, statutory_range

LESSON = "03-drug"
#: words the notebooks put in quotation marks that are not quotations of a statute
NOT_QUOTATIONS = {"按假药论处", "按劣药论处", "治疗脚气的药", "违反了什么", "不足多少按多少计算", "货值太小",
                  "积极配合调查、主动改正", "积极配合调查", "法定罚款下限", "实际罚款", "药品管理法 第一百一十七条第一款（劣药）",
                  "诊所、卫生室使用过期药品", "医药代表", "关节膏贴", "治疗风湿性关节炎"}


@pytest.fixture(scope="module")
def drug():
    return cases.load("drug")


def notebook(name: str):
    return nbformat.read(str(LESSONS / LESSON / name), as_version=4)


def test_case_one_is_a_clinic_that_used_expired_drugs_and_was_fined_below_the_floor(drug):
    """Is the lecture's first case a 诊所/卫生室 (channel use, §119) that actually used the expired drug, fined below
    the 10万 floor on a 行政处罚法 第三十二条 ground, with facts that say so (not 按劣药论处)?"""
    mitigated = pick_cases(drug, violation_type="D02", discretion="mitigated")
    used = mitigated[mitigated["illegal_income"].fillna(0) > 0]
    case1 = used.sort_values("goods_value").iloc[0]
    assert case1["business_format"] == "诊所/卫生室" and case1["channel"] == "use"
    assert case1["penalty_rule_id"] == "drug-119-use-substandard"
    assert statutory_range(case1).min == 100000 and case1["fine_amount"] < 100000
    assert "第三十二条" in case1["discretion_basis"] and "主动" in case1["violation_facts"]
    assert "已使用0" not in case1["violation_facts"] and "论处" not in case1["violation_facts"]


def test_case_two_is_a_referred_fake_drug_under_article_141(drug):
    """Is the lecture's second case a retail 假药 (以非药品冒充药品) case referred under 刑法 第一百四十一条 with
    sales far below 5万元 and no fine?"""
    case2 = pick_cases(drug, violation_type="D03", referred_to_police=True).iloc[0]
    assert case2["business_format"] == "药品零售" and case2["channel"] == "retail"
    assert case2["violated_provision"] == "《药品管理法》第九十八条第二款第（二）项"
    assert "第一百四十一条" in case2["referral_basis"] and case2["fine_amount"] == 0
    assert case2["goods_value"] < 50000 and "明知" in case2["violation_facts"]


def test_case_three_is_an_illegal_source_case_within_the_129_range(drug):
    """Is the lecture's third case a §129 purchase from an unlicensed person, fined inside 10万–50万元 (the 5万 floor)?"""
    case3 = pick_cases(drug, violation_type="D06", discretion="normal").iloc[0]
    assert case3["penalty_rule_id"] == "drug-129-illegal-source" and case3["goods_value"] < 50000
    r = statutory_range(case3)
    assert (r.min, r.max) == (100000, 500000) and r.min <= case3["fine_amount"] <= r.max
    assert "无药品经营资格的个人" in case3["violation_facts"]


def test_advanced_question_literal_matches_the_data(drug):
    """Are 6 of the 13 D02 cases fined below their statutory minimum (the literal 第12题 expects), all 减轻?"""
    d02 = drug[drug["violation_type"] == "D02"]
    below = d02[d02["fine_amount"] < d02["statutory_min"]]
    assert len(d02) == 13 and len(below) == 6
    assert set(below["discretion"]) == {"mitigated"}


def quotations() -> list[tuple[str, str]]:
    found = []
    for name in ("lecture.ipynb", f"{LESSON}.ipynb"):
        for cell in notebook(name).cells:
            found += [(name, q) for q in re.findall(r"“([^”]{4,})”", cell.source)]
    return found


def test_every_quotation_is_verbatim_from_the_taught_laws():
    """Is every text in “…” in the lecture and the assignment (prose, quiz 解析) found verbatim in a law the
    lesson teaches, unless it is one of the listed non-quotations?"""
    texts = [laws.normalize("".join(a.text for a in laws.articles(law))) for law in catalog.lesson(LESSON)["laws"]]
    quotes = quotations()
    assert len(quotes) > 20
    wrong = [(name, q) for name, q in quotes
             if q not in NOT_QUOTATIONS and not any(laws.normalize(q.replace("……", "")) in t for t in texts)]
    assert wrong == []


def test_a_paraphrase_in_quotation_marks_is_caught():
    """Would a paraphrase of 第一百四十九条 (without 本节) in quotation marks fail the verbatim check?"""
    text = laws.normalize(laws.article("刑法", 149).text)
    assert laws.normalize("不构成各该条规定的犯罪，但是销售金额在五万元以上的，依照本节第一百四十条的规定定罪处罚") in text
    assert laws.normalize("但是销售金额在五万元以上的，依照第一百四十条的规定定罪处罚") not in text


def test_lecture_teaches_the_2019_wording_and_the_channel_floors():
    """Does the lecture say the 2019 revision dropped 按假药论处/按劣药论处, show §117's two floors on the
    calculator's chart for retail and wholesale, show the typical cases with their cards and chart, and preset the
    calculator on §117 retail?"""
    nb = notebook("lecture.ipynb")
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "不再有“论处”的说法" in prose and "论处" not in laws.article("药品管理法", 98).text
    assert "fine_chart_png(substandard" in code and 'for channel in ("retail", "wholesale")' in code
    assert 'calc.provision.value = "drug-117-1-substandard"' in code and 'calc.channel.value = "retail"' in code
    assert all(f"case_card(case{n}" in code for n in (1, 2, 3)) and "case_chart(case1)" in code
    for needed in ('assess(141)', 'assess(142, sales_amount=60000)', '"第一百四十二条之一"', "CaseExplorer(drug)",
                   "check_practice(", "Quiz(["):
        assert needed in code, needed
