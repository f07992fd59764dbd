"""The 裁量小助手 widget: set its controls and read its result (no browser)."""
from __future__ import annotations

from datetime import date

from scjg.widgets import DiscretionHelper


def test_defaults_are_an_ordinary_penalty_and_no_referral():
    """With nothing filled in, is the answer 处罚 and is there no referral?"""
    h = DiscretionHelper()
    assert h.decision.kind == "处罚" and h.referral is None and h.referral_output.value == ""


def test_time_limit_step():
    """Act 2022-09-30: is discovery on 2024-09-30 still punishable and on 2024-10-01 barred (第三十六条)?"""
    h = DiscretionHelper()
    h.act_date.value = "2022-09-30"
    h.discovered.value = "2024-09-30"
    assert h.decision.limitation_end == date(2024, 9, 30) and h.decision.kind == "处罚"
    assert "2024-09-30 以前（含当日）发现的，仍可处罚" in h.output.value
    h.discovered.value = "2024-10-01"
    assert (h.decision.article, h.decision.kind) == (36, "不予处罚")
    assert "不再给予行政处罚" in h.output.value
    h.life_health_or_finance.value = True
    assert h.decision.limitation_end == date(2027, 9, 30) and h.decision.kind == "处罚"


def test_age_and_mental_state_step():
    """Is 13 不予处罚 and 14 应当从轻或者减轻 (第三十条), and 'limited' 可以从轻或者减轻 (第三十一条)?"""
    h = DiscretionHelper()
    h.age.value = "13"
    assert (h.decision.article, h.decision.kind) == (30, "不予处罚")
    h.age.value = "14"
    assert (h.decision.article, h.decision.kind) == (30, "应当从轻或者减轻")
    h.age.value = ""
    h.mental.value = "limited"
    assert (h.decision.article, h.decision.kind) == (31, "可以从轻或者减轻")


def test_bad_input_shows_a_chinese_message_instead_of_raising():
    """Does a discovery date before the act, or a non-numeric age, show a Chinese message and no decision?"""
    h = DiscretionHelper()
    h.act_date.value = "2022-09-30"
    h.discovered.value = "2022-09-01"
    assert h.decision is None and "请检查输入" in h.output.value and "早于违法行为发生之日" in h.error
    h.discovered.value = ""
    h.age.value = "十六岁"
    assert h.decision is None and "周岁请填整数" in h.output.value
    h.age.value = "12"
    h.mitigating.value = (1,)
    assert h.decision is None and "不满十四周岁" in h.error


def test_first_offense_step_still_works():
    """Is 初次违法、危害后果轻微、及时改正 still 可以不予处罚 under 第三十三条第一款?"""
    h = DiscretionHelper()
    h.first_offense.value = True
    h.harm.value = "minor"
    h.rectified.value = True
    assert (h.decision.article, h.decision.paragraph, h.decision.kind) == (33, 1, "可以不予处罚")


def test_referral_step_140_at_five_wan():
    """Does choosing 第一百四十条 show only the sales amount, and refer at 50000 but not 49999?"""
    h = DiscretionHelper()
    h.crime.value = (140, 0)
    assert h.sales_amount.layout.display is None and h.real_danger.layout.display == "none"
    h.sales_amount.value = 49999
    assert h.referral.refer is False and "未达到移送门槛" in h.referral_output.value
    h.sales_amount.value = 50000
    assert h.referral.refer is True and "应当移送公安机关" in h.referral_output.value


def test_referral_step_special_equipment_item_2():
    """For 第一百三十四条之一, do item 2 and a real danger give a referral, and the item list come from 刑法?"""
    h = DiscretionHelper()
    h.crime.value = (134, 1)
    assert [v for _, v in h.item.options] == [None, 1, 2, 3]
    h.item.value = 2
    assert h.referral.refer is False
    h.real_danger.value = True
    assert h.referral.refer is True and h.referral.article == "第一百三十四条之一"


def test_referral_step_follows_the_drug_path():
    """For 劣药 without serious harm and 60000元, does the output show 第一百四十二条 → 第一百四十九条 → 第一百四十条?"""
    h = DiscretionHelper()
    h.crime.value = (142, 0)
    h.sales_amount.value = 60000
    assert h.referral.refer is True
    assert "第一百四十二条 → 第一百四十九条 → 第一百四十条" in h.referral_output.value


def test_unknowing_seller_of_toxic_food():
    """Does unticking 销售者明知 for 第一百四十四条 give no referral under 刑法第十四条?"""
    h = DiscretionHelper()
    h.crime.value = (144, 0)
    h.item.value = 2
    assert h.referral.article == "第一百四十四条"
    h.knowing.value = False
    assert (h.referral.article, h.referral.refer) == ("第十四条", False)
