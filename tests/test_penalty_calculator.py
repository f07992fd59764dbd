"""罚款计算器与法条查看器控件的测试（直接操作控件对象，不用浏览器）。"""
from __future__ import annotations

import warnings

import pytest

from scjg.widgets import article_viewer
from scjg.widgets.penalty_calculator import PenaltyCalculator, fine_chart_png
from scjg import penalties

PNG = b"\x89PNG"


def test_calculator_builds_with_food_first():
    """Does the calculator build, list the domains in Chinese and preselect a food provision?"""
    c = PenaltyCalculator()
    assert list(c.domains)[0] == "食品安全" and "价格" in c.domains
    assert c.provision.options and c.rule.law == "食品安全法"


def test_choosing_provision_and_goods_value_updates_range():
    """Does choosing 124-1-5 and typing goods value 3200, then 10000, update the displayed range and chart?"""
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-124-1-overdue"
    c.goods_value.value = 3200
    assert (c.result.min, c.result.max) == (50000, 100000)
    assert "5万元 至 10万元" in c.output.value and "法条原文" in c.output.value
    assert bytes(c.chart.value).startswith(PNG)
    c.goods_value.value = 10000
    assert (c.result.min, c.result.max) == (100000, 200000)
    assert "10万元 至 20万元" in c.output.value
    assert "2025年9月12日" in c.output.value


def test_only_needed_fact_fields_are_shown():
    """Are goods value shown and illegal income hidden for a goods-value rule, and the reverse for a price rule?"""
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-124-1-overdue"
    assert c.goods_value.layout.display is None and c.illegal_income.layout.display == "none"
    c.domain.value = "价格"
    c.provision.value = "price-regs-7-fraud"
    assert c.illegal_income.layout.display is None and c.goods_value.layout.display == "none"
    c.illegal_income.value = 0
    assert (c.result.min, c.result.max) == (50000, 500000)
    c.illegal_income.value = 3000
    assert (c.result.min, c.result.max) == (0, 15000)


def test_serious_and_condition_controls():
    """Do the 情节严重 box and the 前提 choice change the result?"""
    c = PenaltyCalculator("价格")
    c.provision.value = "price-tag-25-template"
    assert c.result.max == 30000
    c.serious.value = True
    assert (c.result.min, c.result.max) == (30000, 100000)
    c.domain.value = "食品安全"
    c.provision.value = "food-126-1-item6"
    c.conditions_met.value = False
    assert (c.result.min, c.result.max) == (0, 0) and "不处罚款" in c.output.value


def test_missing_channel_is_shown_as_chinese_error_not_raised():
    """Does a drug rule needing a channel show a Chinese hint in the widget instead of raising?"""
    c = PenaltyCalculator("药品")
    c.provision.value = "drug-117-1-substandard"
    c.goods_value.value = 3000
    assert c.result is None and "channel" in c.error and "无法计算" in c.output.value
    c.channel.value = "retail"
    assert (c.result.min, c.result.max) == (100000, 200000)


def test_unknown_domain_raises():
    """Does an unknown domain raise a Chinese ValueError?"""
    with pytest.raises(ValueError, match="没有“化妆品”这个领域"):
        PenaltyCalculator("化妆品")


def test_chart_draws_without_warnings_or_stderr(capfd):
    """Does drawing the chart for every goods-value rule emit no warning and nothing on stderr?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for rule in penalties.list_rules():
            if rule.fine and rule.fine.depends_on == "goods_value" and not rule.channels:
                assert fine_chart_png(rule, {"goods_value": 5000}).startswith(PNG)
        c = PenaltyCalculator("价格")
        c.illegal_income.value = 100
    assert c.result is not None and c.result.max is not None and c.result.max > 0
    assert capfd.readouterr().err == ""


def test_precondition_not_stated_says_only_then(capfd):
    """Where a fine needs 拒不改正 and the precondition is 未说明, does the head say the fine applies only then (N7)?"""
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-126-1-item6"
    assert "仅在“拒不改正”时应当处罚款" in c.output.value
    c.conditions_met.value = True
    assert "仅在" not in c.output.value.split("计算说明")[0]


def test_other_sanctions_are_listed_with_their_status():
    """Does the calculator list the other sanctions, mandatory or optional, and 吊销 once 货值 reaches 2万元?"""
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-124-1-overdue"
    c.goods_value.value = 3000
    assert "没收违法生产经营的食品、食品添加剂（必处）" in c.output.value
    assert "可以没收用于违法生产经营的工具、设备、原料等物品（可以）" in c.output.value
    assert "吊销许可证" not in c.output.value
    c.goods_value.value = 20000
    assert "情节严重的，吊销许可证（必处）" in c.output.value and "第六十七条" in c.output.value


def test_provincial_measures_and_routed_rules():
    """Does §127 show that the amount follows provincial measures, and 条例§69 show §126's range?"""
    c = PenaltyCalculator("食品安全")
    c.provision.value = "food-127-workshop-vendor"
    assert c.result.min is None and "罚款数额：罚款数额依照省、自治区、直辖市制定的具体管理办法" in c.output.value
    assert c.chart.value == b""
    c.provision.value = "food-regs-69"
    c.conditions_met.value = True
    assert (c.result.min, c.result.max) == (5000, 50000)


def test_article_viewer_updates():
    """Does the article viewer show 第一百二十四条 with the highlight, and a Chinese error for a bad number?"""
    v = article_viewer("食品安全法", 124, highlight="超过保质期")
    assert "第一百二十四条" in v.display.value and "<mark" in v.display.value
    v.number.value = "第四十二条"
    v.law.value = "价格法"
    v.highlight.value = ""
    assert "第四十二条" in v.display.value and "五千元" in v.display.value
    v.number.value = "第九百条"
    assert "没有第九百条" in v.display.value and v.error


def test_widget_names_are_the_functions():
    """After its module is imported, does `from scjg.widgets import article_viewer` still give the function?"""
    import importlib

    importlib.import_module("scjg.widgets.article_view")
    from scjg.widgets import article_viewer as viewer
    assert callable(viewer) and viewer.__name__ == "article_viewer"


def test_unknown_amount_and_serious_levels():
    """Does 金额无法确定 give the no-income tier of 价格规定§7, and do 较重/严重 differ on §5 (停业整顿 only when 严重)?"""
    c = PenaltyCalculator("价格")
    c.provision.value = "price-regs-7-fraud"
    c.unknown.value = True
    assert (c.result.min, c.result.max) == (50000, 500000) and "第十八条" in c.output.value
    c.unknown.value = False
    c.provision.value = "price-regs-5-1"
    c.illegal_income.value = 0
    c.serious.value = "较重"
    assert (c.result.min, c.result.max) == (1000000, 5000000) and "停业整顿" not in c.output.value
    c.serious.value = True
    assert "停业整顿" in c.output.value


def test_chart_marks_only_the_floor_of_the_chosen_channel():
    """Does the §117 chart mark 计算下限1万元 for 零售 and 计算下限10万元 for 批发, each without the other's floor?"""
    from scjg import penalties
    from scjg.widgets.penalty_calculator import chart_marks

    rule = penalties.get_rule("drug-117-1-substandard")
    assert chart_marks(rule, "retail") == [(10000.0, "计算下限1万元")]
    assert chart_marks(rule, "wholesale") == [(100000.0, "计算下限10万元")]
    assert chart_marks(rule) == [(10000.0, "计算下限1万元"), (100000.0, "计算下限10万元")]
