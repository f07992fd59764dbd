"""药品管理法（2019）与特种设备安全法（2013）罚则数据的手算核对。

每个期望值都按 datasets/laws/texts 中的法条原文手工计算（见各测试的注释），
通过公开接口 scjg.penalties.fine_range（契约见 design.md）检验规则数据。
"""
from __future__ import annotations

import pytest

from scjg.penalties import fine_range

DRUG = "药品管理法"
SE = "特种设备安全法"


# ------------------------------------------------------------------ 药品管理法
def test_117_substandard_retail_below_floor():
    """药店零售劣药货值3000元，罚款幅度是不是按一万元计算的十倍至二十倍？"""
    # 第一百一十七条：违法零售的药品货值金额不足一万元的，按一万元计算；十倍以上二十倍以下。
    r = fine_range(DRUG, 117, paragraph=1, goods_value=3000, channel="retail")
    assert (r.min, r.max) == (100000, 200000)
    assert r.mandatory is True
    assert r.conditions == []
    assert "按一万元计算" in r.quote


def test_117_substandard_wholesale_below_floor():
    """批发企业销售劣药货值3000元，是不是按十万元计算，罚一百万元至二百万元？"""
    # 违法生产、批发的药品货值金额不足十万元的，按十万元计算：10万×10、10万×20。
    r = fine_range(DRUG, 117, paragraph=1, goods_value=3000, channel="wholesale")
    assert (r.min, r.max) == (1000000, 2000000)


def test_117_substandard_production_below_floor():
    """药品生产企业生产劣药货值5万元，是不是也按十万元计算？"""
    r = fine_range(DRUG, 117, paragraph=1, goods_value=50000, channel="production")
    assert (r.min, r.max) == (1000000, 2000000)


def test_117_substandard_retail_at_floor_boundary():
    """零售劣药货值恰好一万元，不属于“不足一万元”，是不是按实际货值计算？"""
    r = fine_range(DRUG, 117, paragraph=1, goods_value=10000, channel="retail")
    assert (r.min, r.max) == (100000, 200000)
    # 恰好一万元时下限不起作用：说明里不能出现“不足1万元，按1万元计算”（code review P2/W3）
    assert "不足" not in r.basis and "罚款为货值金额1万元的10倍以上20倍以下" in r.basis
    below = fine_range(DRUG, 117, paragraph=1, goods_value=9999.99, channel="retail")
    assert "货值金额9999.99元不足1万元，按1万元计算" in below.basis
    r = fine_range(DRUG, 117, paragraph=1, goods_value=25000, channel="retail")
    assert (r.min, r.max) == (250000, 500000)


def test_117_substandard_needs_channel_below_floor():
    """货值3000元但没有说明是生产、批发还是零售时，下限无法确定，是不是报错？"""
    with pytest.raises(ValueError, match="请给出 channel"):
        fine_range(DRUG, 117, paragraph=1, goods_value=3000)


def test_117_substandard_above_both_floors_channel_irrelevant():
    """货值二十万元，高于两个计算下限时，不说明渠道是不是也能算出二百万元至四百万元？"""
    r = fine_range(DRUG, 117, paragraph=1, goods_value=200000)
    assert (r.min, r.max) == (2000000, 4000000)


def test_117_substandard_serious_same_amount():
    """劣药情节严重只加重停产停业、吊销等处罚，罚款倍数是不是不变？"""
    r = fine_range(DRUG, 117, paragraph=1, goods_value=3000, channel="retail", serious=True)
    assert (r.min, r.max) == (100000, 200000)


def test_117_2_herbal_pieces_optional():
    """中药饮片不符合药品标准但不影响安全有效，罚款是不是“可以处”十万元至五十万元？"""
    r = fine_range(DRUG, 117, paragraph=2)
    assert (r.min, r.max) == (100000, 500000)
    assert r.mandatory is False


def test_115_unlicensed_floor_and_multiple():
    """无证经营药品货值5万元，是不是按十万元计算，处十五倍至三十倍？"""
    r = fine_range(DRUG, 115, paragraph=1, goods_value=50000)
    assert (r.min, r.max) == (1500000, 3000000)
    r = fine_range(DRUG, 115, paragraph=1, goods_value=200000)
    assert (r.min, r.max) == (3000000, 6000000)


def test_116_fake_drug():
    """销售假药货值8000元，是不是按十万元计算罚一百五十万元至三百万元，情节严重也不改变罚款幅度？"""
    r = fine_range(DRUG, 116, paragraph=1, goods_value=8000, channel="retail")
    assert (r.min, r.max) == (1500000, 3000000)
    r = fine_range(DRUG, 116, paragraph=1, goods_value=8000, channel="retail", serious=True)
    assert (r.min, r.max) == (1500000, 3000000)


def test_119_clinic_uses_substandard_as_retail():
    """诊所使用过期药品货值3000元，是不是按零售劣药处罚，以一万元为基数？"""
    r = fine_range(DRUG, 119, paragraph=1, goods_value=3000, channel="use",
                   rule_id="drug-119-use-substandard")
    assert (r.min, r.max) == (100000, 200000)
    assert r.mandatory is True


def test_119_clinic_uses_fake_as_selling_fake():
    """诊所使用假药货值3000元，是不是按销售假药处罚，以十万元为基数、十五倍至三十倍？"""
    r = fine_range(DRUG, 119, paragraph=1, goods_value=3000, channel="use",
                   rule_id="drug-119-use-fake")
    assert (r.min, r.max) == (1500000, 3000000)


def test_120_storage_transport_floor():
    """为假药提供储存便利，违法收入1万元，是不是按五万元计算，一倍至五倍？"""
    r = fine_range(DRUG, 120, paragraph=1, illegal_income=10000)
    assert (r.min, r.max) == (50000, 250000)


def test_122_license_forgery_tiers():
    """出租药品经营许可证违法所得3万元，一般情形和情节严重时的幅度各是多少？"""
    # 违法所得不足十万元的，按十万元计算：一倍至五倍；情节严重五倍至十五倍。
    r = fine_range(DRUG, 122, paragraph=1, illegal_income=30000)
    assert (r.min, r.max) == (100000, 500000)
    r = fine_range(DRUG, 122, paragraph=1, illegal_income=30000, serious=True)
    assert (r.min, r.max) == (500000, 1500000)
    r = fine_range(DRUG, 122, paragraph=1, illegal_income=300000)
    assert (r.min, r.max) == (300000, 1500000)


def test_124_1_1_and_second_paragraph():
    """销售无批准证明文件的药品货值2万元，第一款第一项与第二款是不是都按十万元计算、十五倍至三十倍？"""
    r = fine_range(DRUG, 124, paragraph=1, item=1, goods_value=20000)
    assert (r.min, r.max) == (1500000, 3000000)
    r = fine_range(DRUG, 124, paragraph=2, goods_value=20000, channel="retail")
    assert (r.min, r.max) == (1500000, 3000000)
    r = fine_range(DRUG, 124, paragraph=2, goods_value=20000, channel="use")
    assert (r.min, r.max) == (1500000, 3000000)


def test_126_gsp_needs_overdue():
    """药店不遵守药品经营质量管理规范，罚款是不是以逾期不改正为前提，情节严重的五十万元至二百万元？"""
    r = fine_range(DRUG, 126, paragraph=1, channel="retail")
    assert (r.min, r.max) == (100000, 500000)
    assert r.conditions == ["逾期不改正"]
    r = fine_range(DRUG, 126, paragraph=1, channel="retail", serious=True)
    assert (r.min, r.max) == (500000, 2000000)


def test_126_conditions_not_met():
    """责令限期改正后按期改正了，第一百二十六条是不是不罚款？"""
    r = fine_range(DRUG, 126, paragraph=1, channel="retail", conditions_met=False)
    assert (r.min, r.max) == (0, 0)


def test_127_3_traceability():
    """未按规定建立并实施药品追溯制度，是不是逾期不改正的才处十万元至五十万元？"""
    r = fine_range(DRUG, 127, paragraph=1, item=3)
    assert (r.min, r.max) == (100000, 500000)
    assert r.conditions == ["逾期不改正"]


def test_129_illegal_source_floor_boundary():
    """从非法渠道购进药品，货值4万元、5万元、6万元时幅度分别是多少？"""
    # 货值金额不足五万元的，按五万元计算；二倍以上十倍以下；情节严重十倍以上三十倍以下。
    for value, expected in [(40000, (100000, 500000)), (50000, (100000, 500000)), (60000, (120000, 600000))]:
        r = fine_range(DRUG, 129, paragraph=1, goods_value=value)
        assert (r.min, r.max) == expected, value
    r = fine_range(DRUG, 129, paragraph=1, goods_value=40000, serious=True)
    assert (r.min, r.max) == (500000, 1500000)


def test_130_warning_only():
    """药店未按规定调配处方，第一百三十条是不是只给予警告、不设罚款？"""
    r = fine_range(DRUG, 130, paragraph=1, channel="retail")
    assert (r.min, r.max) == (0, 0)


def test_134_3_clinic_adr_report():
    """医疗机构未按规定报告疑似药品不良反应，是不是逾期不改正的处五万元至五十万元？"""
    r = fine_range(DRUG, 134, paragraph=3)
    assert (r.min, r.max) == (50000, 500000)
    assert r.conditions == ["逾期不改正"]


# ------------------------------------------------------------------ 特种设备安全法
def test_se_74_unlicensed_production():
    """未经许可从事特种设备生产，是不是直接处十万元至五十万元、没有前提条件？"""
    r = fine_range(SE, 74)
    assert (r.min, r.max) == (100000, 500000)
    assert r.mandatory is True
    assert r.conditions == []


@pytest.mark.parametrize("item", [1, 2, 3, 4])
def test_se_83_user_overdue(item):
    """使用单位未办理使用登记、未设标志、未维保自检、未按期检验，是不是逾期未改正才处一万元至十万元？"""
    r = fine_range(SE, 83, paragraph=1, item=item)
    assert (r.min, r.max) == (10000, 100000)
    assert r.conditions == ["逾期未改正"]
    assert "一万元以上十万元以下" in r.quote


def test_se_83_corrected_in_time():
    """电梯未办理使用登记，责令限期改正后按期改正，是不是不罚款？"""
    r = fine_range(SE, 83, paragraph=1, item=1, conditions_met=False)
    assert (r.min, r.max) == (0, 0)


@pytest.mark.parametrize("item", [1, 2, 3])
def test_se_84_user_fixed(item):
    """使用未经检验的特种设备、带故障继续使用、未依法报废，是不是直接处三万元至三十万元？"""
    r = fine_range(SE, 84, paragraph=1, item=item)
    assert (r.min, r.max) == (30000, 300000)
    assert r.conditions == []
    assert r.mandatory is True


def test_se_85_filling():
    """气瓶充装单位违规充装处二万元至二十万元，无证充装是不是处十万元至五十万元？"""
    for item in (1, 2):
        r = fine_range(SE, 85, paragraph=1, item=item)
        assert (r.min, r.max) == (20000, 200000)
    r = fine_range(SE, 85, paragraph=2)
    assert (r.min, r.max) == (100000, 500000)
    assert r.conditions == []


@pytest.mark.parametrize("item", [1, 2])
def test_se_86_personnel(item):
    """未配备持证人员或者使用无证人员作业（如无证开叉车），是不是逾期未改正才处一万元至五万元？"""
    r = fine_range(SE, 86, paragraph=1, item=item)
    assert (r.min, r.max) == (10000, 50000)
    assert r.conditions == ["逾期未改正"]


@pytest.mark.parametrize("item", [1, 2, 3])
def test_se_87_elevator_ride_operator(item):
    """电梯、游乐设施运营使用单位的管理缺陷，是不是逾期未改正才处二万元至十万元？"""
    r = fine_range(SE, 87, paragraph=1, item=item)
    assert (r.min, r.max) == (20000, 100000)
    assert r.conditions == ["逾期未改正"]


@pytest.mark.parametrize("paragraph", [1, 2])
def test_se_88_elevator_maintenance(paragraph):
    """无证维保电梯和维保单位不按规范维保，是不是都处一万元至十万元？"""
    r = fine_range(SE, 88, paragraph=paragraph)
    assert (r.min, r.max) == (10000, 100000)
    assert r.conditions == []


def test_se_90_accident_level_by_item():
    """发生较大事故，负有责任的单位是不是处二十万元至五十万元？"""
    r = fine_range(SE, 90, paragraph=1, item=2)
    assert (r.min, r.max) == (200000, 500000)


def test_se_92_no_fine():
    """作业人员违反操作规程造成事故，第九十二条是不是只吊销资格、不设罚款？"""
    r = fine_range(SE, 92)
    assert (r.min, r.max) == (0, 0)


def test_unknown_article_raises():
    """问一个不存在的条文，是不是给出中文错误而不是瞎算？"""
    with pytest.raises(ValueError, match="没有第九百九十九条"):
        fine_range(DRUG, 999)
    with pytest.raises(ValueError, match="没有第三百条"):
        fine_range(SE, 300)
