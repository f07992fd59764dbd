"""食品安全案例模板（F01–F14）：《食品安全法》（2021 年修正）。"""
from __future__ import annotations

import random

from scjg.casegen.core import Template, amounts_text as _amounts, lot, money
from scjg.schema import CATEGORIES

SHOP = [("individual_business", "个体工商户", "便利店"), ("individual_business", "个体工商户", "食品店"),
        ("legal_entity", "有限责任公司", "商贸有限公司"), ("legal_entity", "有限责任公司", "超市有限公司")]
REST = [("individual_business", "个体工商户", "饭店"), ("individual_business", "个体工商户", "小吃店"),
        ("legal_entity", "有限责任公司", "餐饮管理有限公司")]
MAKER = [("individual_business", "个体工商户", "食品加工坊"), ("legal_entity", "有限责任公司", "食品有限公司")]
FARM = [("individual_business", "个体工商户", "蔬菜批发部"), ("individual_business", "个体工商户", "鲜肉店"),
        ("natural_person", "自然人", "")]


def _lot(rng: random.Random, price: tuple[float, float], qty: tuple[int, int], margin=(0.1, 0.3), sold=(0, 0.5)):
    """一批货（食品的默认毛利与售出比例）。"""
    return lot(rng, price, qty, sold, margin)


# ---------------------------------------------------------------- F01
OVERDUE = [("饼干", "袋", "糕点"), ("牛奶", "盒", "乳制品"), ("方便面", "袋", "粮食加工品"),
           ("酱油", "瓶", "调味品"), ("饮料", "瓶", "饮料"), ("火腿肠", "根", "肉制品")]


def f01(rng, variant):
    name, unit, cat = rng.choice(OVERDUE)
    big = variant == "big"
    p, q, g, s, inc = _lot(rng, (3, 12), (1200, 3000) if big else (3, 60))
    return dict(goods_value=g, illegal_income=inc, food_category=cat, nonconforming_item="超过保质期",
                text=f"执法人员发现当事人经营场所货架上陈列的某品牌{name}{q}{unit}已超过标注的保质期仍在销售，"
                     f"单价{money(p)}元，已售出{s}{unit}，{_amounts(g, inc)}当事人对上述事实无异议。",
                qty=q, unit=unit, name=name)


# ---------------------------------------------------------------- F02
ADDITIVE = [("桂皮", "二氧化硫残留量", "调味品"), ("腌制藕片", "二氧化硫残留量", "蔬菜制品"),
            ("馒头", "苯甲酸及其钠盐", "粮食加工品"), ("蛋糕", "脱氢乙酸及其钠盐", "糕点"),
            ("酸菜", "甜蜜素", "蔬菜制品")]


def f02(rng, variant):
    name, item, cat = rng.choice(ADDITIVE)
    p, q, g, s, inc = _lot(rng, (8, 30), (5, 300) if variant != "big" else (800, 1500), sold=(0.2, 0.6))
    return dict(goods_value=g, illegal_income=inc, food_category=cat, nonconforming_item=item, standard_ref="GB 2760",
                text=f"经查，当事人经营的{name}经抽样检验，{item}项目不符合食品安全国家标准，检验结论为不合格。"
                     f"经查，涉案{name}共{q}千克，单价{money(p)}元，已售出{s}千克，{_amounts(g, inc)}"
                     "当事人收到检验报告后未提出复检申请。")


# ---------------------------------------------------------------- F03
EXPIRED_RAW = [("面粉", "包子"), ("奶油", "蛋糕"), ("淀粉", "凉皮"), ("食用油", "油条"), ("消泡剂", "豆腐")]


def f03(rng, variant):
    raw, food = rng.choice(EXPIRED_RAW)
    p, q, g, s, inc = _lot(rng, (5, 25), (5, 120), sold=(0, 0.3))
    return dict(goods_value=g, illegal_income=inc, food_category="餐饮食品", nonconforming_item=f"使用超过保质期的{raw}",
                text=f"执法人员发现当事人后厨存放已超过保质期的{raw}{q}千克，且当日已使用该{raw}制作{food}对外销售。"
                     f"经查，涉案原料及制成品{_amounts(g, inc)}当事人承认因疏于检查库存而使用了过期原料。")


# ---------------------------------------------------------------- F04
RESIDUE = [("韭菜", "腐霉利", "GB 2763"), ("芹菜", "毒死蜱", "GB 2763"), ("豇豆", "噻虫胺", "GB 2763"),
           ("鸡蛋", "恩诺沙星", "GB 31650"), ("大米", "镉（以Cd计）", "GB 2762")]


def f04(rng, variant):
    name, item, std = rng.choice(RESIDUE)
    p, q, g, s, inc = _lot(rng, (3, 9), (20, 400), sold=(0.3, 0.9))
    src = ("当事人能够提供供货者的营业执照、进货票据和进货查验记录，如实说明了进货来源。" if variant == "source"
           else "当事人不能提供完整的进货查验记录。")
    return dict(goods_value=g, illegal_income=inc, food_category="食用农产品", nonconforming_item=item, standard_ref=std,
                text=f"经查，当事人销售的{name}经监督抽检，{item}项目不符合食品安全国家标准。经查，"
                     f"同批次{name}共{q}千克，单价{money(p)}元，已售出{s}千克，{_amounts(g, inc)}{src}")


# ---------------------------------------------------------------- F05
NONFOOD = [("火锅底料", "罂粟碱、吗啡"), ("卤肉", "罂粟碱"), ("牛肉面汤料", "罂粟碱、那可丁")]


def f05(rng, variant):
    name, item = rng.choice(NONFOOD)
    p, q, g, s, inc = _lot(rng, (20, 60), (5, 60), sold=(0.3, 0.8))
    how = ("当事人承认为增加口味自行在" + name + "中添加罂粟壳。" if variant == "knowing"
           else f"当事人提供了{name}的合法进货票据，现有证据不能证明其明知掺有非食品原料。")
    return dict(goods_value=g, illegal_income=inc, food_category="餐饮食品", nonconforming_item=item,
                text=f"经查，当事人经营的{name}经抽样检验检出{item}成分。经查，涉案{name}共{q}千克，"
                     f"单价{money(p)}元，已售出{s}千克，{_amounts(g, inc)}{how}")


# ---------------------------------------------------------------- F06
def f06(rng, variant):
    name = rng.choice(["降糖代用茶", "压片糖果", "固体饮料"])
    p, q, g, s, inc = _lot(rng, (40, 120), (5, 80), sold=(0.2, 0.7))
    how = ("当事人承认明知该产品含有西药成分仍以“降糖”“调理”等名义推销。" if variant == "knowing"
           else "当事人提供了供货者资质和进货票据，现有证据不能证明其明知该产品含有药品成分。")
    return dict(goods_value=g, illegal_income=inc, food_category="其他", nonconforming_item="检出化学药物成分",
                text=f"经查，当事人销售的{name}经抽样检验检出化学药物成分，属于添加药品的食品。经查，涉案{name}共{q}盒，"
                     f"单价{money(p)}元，已售出{s}盒，{_amounts(g, inc)}{how}")


# ---------------------------------------------------------------- F07
def f07(rng, variant):
    what = rng.choice(["生产散装糕点", "制作凉皮", "经营餐饮服务", "生产散装豆制品"])
    p, q, g, s, inc = _lot(rng, (5, 20), (20, 300), sold=(0.3, 0.8))
    return dict(goods_value=g, illegal_income=inc, food_category="其他", nonconforming_item="未取得食品生产经营许可",
                text=f"执法人员发现当事人未取得食品生产经营许可，自行{what}并对外销售。经查，当事人自开业至被查处时，"
                     f"共生产经营涉案食品{q}千克，{_amounts(g, inc)}当事人表示愿意尽快办理许可。")


# ---------------------------------------------------------------- F08
def f08(rng, variant):
    if variant == "adulterated":
        p, q, g, s, inc = _lot(rng, (12, 20), (3000, 9000), sold=(0.6, 0.95), margin=(0.2, 0.35))
        sales = round(s * p, 2)
        if rng.random() < 0.5:
            p, q, g, s, inc = _lot(rng, (12, 20), (800, 2500), sold=(0.6, 0.95), margin=(0.2, 0.35))
            sales = round(s * p, 2)
        return dict(goods_value=g, illegal_income=inc, sales_amount=sales, food_category="食用油",
                    nonconforming_item="掺假掺杂",
                    text=f"执法人员发现当事人将低价植物油掺入芝麻油中以芝麻油名义对外销售。经查，涉案产品共{q}千克，"
                         f"单价{money(p)}元，已售出{s}千克，销售金额{money(sales)}元，{_amounts(g, inc)}")
    name, defect = rng.choice([("面包", "霉变"), ("熟食", "感官性状异常"), ("花生", "霉变"), ("糕点", "混有异物")])
    p, q, g, s, inc = _lot(rng, (6, 30), (3, 60), sold=(0, 0.3))
    return dict(goods_value=g, illegal_income=inc, sales_amount=round(s * p, 2), food_category="其他",
                nonconforming_item=defect,
                text=f"执法人员发现当事人经营场所陈列的{name}{q}千克存在{defect}情形，仍在销售。单价{money(p)}元，"
                     f"已售出{s}千克，{_amounts(g, inc)}当事人对上述事实无异议。")


def f08_referral(facts, variant):
    # 《刑法》第一百四十条：掺杂、掺假，销售金额五万元以上
    if variant == "adulterated" and facts["sales_amount"] >= 50000:
        return "《刑法》第一百四十条（掺杂、掺假，销售金额五万元以上）"
    return None


# ---------------------------------------------------------------- F09–F13（以拒不改正为罚款前提）
def _duty(text, cat="其他", item=None):
    def facts(rng, variant):
        return dict(goods_value=None, illegal_income=None, food_category=cat, nonconforming_item=item,
                    text=text(rng))
    return facts


f09 = _duty(lambda rng: f"执法人员发现当事人销售的{rng.choice(['冻虾', '散装饼干', '鲜牛肉', '调味品'])}等食品，进货时未查验供货者的许可证和"
                        "食品出厂检验合格证或者其他合格证明，也未建立进货查验记录，无法说明部分食品的供货者信息。",
            item="未履行进货查验记录义务")
f10 = _duty(lambda rng: f"执法人员发现当事人安排{rng.randint(1, 3)}名未取得健康证明的从业人员从事接触直接入口食品的"
                        f"{rng.choice(['凉菜制作', '面点制作', '餐饮分餐'])}工作。当事人对上述事实无异议。",
            cat="餐饮食品", item="从业人员未取得健康证明")
f11 = _duty(lambda rng: f"执法人员发现当事人{rng.choice(['餐具、饮具使用前未经洗净消毒', '消毒柜长期未通电使用，餐具未经消毒即供顾客使用', '冷藏设施未按规定定期清洗、维护'])}，"
                        "现场检查记录和照片证实上述情况。当事人对上述事实无异议。",
            cat="餐饮食品", item="餐具未消毒或设施未维护")
f13 = _duty(lambda rng: f"执法人员发现当事人将需冷藏的{rng.choice(['鲜奶', '低温酸奶', '冷鲜肉', '速冻水饺'])}在常温货架上贮存销售，"
                        "未按照标签标示的贮存条件贮存食品。现场检查记录和照片证实上述情况。",
            item="未按要求贮存食品")


def f12(rng, variant):
    name = rng.choice(["辣椒酱", "散装花生", "酸奶", "蜂蜜", "挂面"])
    if variant == "flaw":
        return dict(goods_value=None, illegal_income=None, food_category="其他", nonconforming_item="标签瑕疵",
                    standard_ref="GB 7718",
                    text=f"执法人员发现当事人销售的预包装{name}标签中净含量字符高度不符合规定，"
                         "但不影响食品安全且不会对消费者造成误导，属于标签瑕疵。")
    p, q, g, s, inc = _lot(rng, (6, 40), (10, 150), sold=(0.2, 0.6))
    return dict(goods_value=g, illegal_income=inc, food_category="其他", nonconforming_item="无标签或标签不符合规定",
                standard_ref="GB 7718",
                text=f"执法人员发现当事人销售的预包装{name}{q}件无中文标签，未标明生产者名称、生产日期和保质期。"
                     f"单价{money(p)}元，已售出{s}件，{_amounts(g, inc)}")


# ---------------------------------------------------------------- F14
def f14(rng, variant):
    meat = rng.choice(["猪肉", "牛肉", "羊肉"])
    p, q, g, s, inc = _lot(rng, (25, 45), (20, 200), sold=(0.2, 0.6))
    what = ("经动物卫生监督机构认定为病死动物肉类" if variant == "diseased"
            else "未经动物检疫，无检疫合格证明；当事人能说明来源，经检验未发现病害")
    return dict(goods_value=g, illegal_income=inc, food_category="食用农产品", nonconforming_item="病死或者未检疫肉类",
                text=f"执法人员发现当事人在农贸市场销售的{meat}{q}千克{what}。单价{money(p)}元，已售出{s}千克，{_amounts(g, inc)}")


def f14_referral(facts, variant):
    if variant == "diseased":
        return "《刑法》第一百四十三条（危害食品安全刑事案件解释第一条第（二）项：病死畜禽肉类属于“足以造成严重食物中毒事故”）"
    return None


def _knowing(facts, variant):
    """F05：罂粟壳（解释第九条第（二）项，《食品中可能违法添加的非食用物质名单》）。"""
    return ("《刑法》第一百四十四条（危害食品安全刑事案件解释第九条第（二）项、第十一条第一款：列入《食品中可能违法添加的"
            "非食用物质名单》的有毒、有害的非食品原料）") if variant == "knowing" else None


def _knowing_drug(facts, variant):
    """F06：降糖类化学药物列入《保健食品中可能非法添加的物质名单》（解释第九条第（二）项）；药品不都是有毒有害原料。"""
    return ("《刑法》第一百四十四条（危害食品安全刑事案件解释第九条第（二）项、第十一条第三款：列入《保健食品中可能非法添加的"
            "物质名单》的化学药物，属于有毒、有害的非食品原料）") if variant == "knowing" else None


W = dict(no_penalty_first=0.4, no_penalty_minor=0.2, mitigated=2, lenient=2, normal=4.5, aggravated=0.8)
W_DUTY = dict(no_penalty_first=0.3, lenient=2, normal=5, aggravated=1)
EV = "现场笔录、询问笔录、现场照片、进货票据、销售记录"
EV_TEST = "现场笔录、询问笔录、检验报告、进货票据、销售记录"

def _made_here(goods: str):
    """可以没收的工具、设备、原料（食品安全法第一百二十三条、第一百二十四条）只在当事人自己生产加工时才有：
    业态为食品生产、餐饮服务、单位食堂的案例返回物品名称，其他（销售）返回 None。"""
    return lambda row: goods if row.get("business_format") in ("食品生产", "餐饮服务", "单位食堂") else None


TEMPLATES = [
    Template("F01", CATEGORIES["F01"], "《食品安全法》第三十四条第（十）项", "food-124-1-overdue",
             ["食品销售"], SHOP, f01, W, variants={"small": 4, "big": 1}, groups=4,
             sources=["日常检查", "双随机抽查", "投诉举报"], evidence=EV,
             allowed=lambda d, f, v: d not in ("no_penalty_first", "no_penalty_minor") or f["goods_value"] <= 500,
             confiscated_goods=lambda f: f"过期{f['name']}{f['qty']}{f['unit']}"),
    Template("F02", CATEGORIES["F02"], "《食品安全法》第三十四条第（四）项", "food-124-1-additive-overuse",
             ["餐饮服务", "食品生产", "食品销售"], REST + MAKER, f02,
             dict(mitigated=2, lenient=2, normal=4, aggravated=0.8), sources=["监督抽检"], evidence=EV_TEST,
             confiscated_goods=lambda f: "不合格食品", optional_goods=_made_here("超范围使用的食品添加剂及称量、加工工具")),
    Template("F03", CATEGORIES["F03"], "《食品安全法》第三十四条第（三）项",
             "food-124-1-expired-materials", ["餐饮服务"], REST, f03,
             dict(mitigated=2, lenient=2, normal=4, aggravated=0.6, no_penalty_first=0.3), evidence=EV,
             allowed=lambda d, f, v: d not in ("no_penalty_first",) or f["goods_value"] <= 300,
             confiscated_goods=lambda f: "过期原料", optional_goods=_made_here("加工过期原料的工具、设备")),
    Template("F04", CATEGORIES["F04"], "《食品安全法》第三十四条第（二）项", "food-124-1-contaminants",
             ["食用农产品", "食品销售"], FARM[:1] + SHOP, f04,
             dict(no_penalty_no_fault=3, mitigated=2, lenient=2, normal=2, aggravated=0.3),
             variants={"source": 3, "nosource": 2}, groups=3, leads=("no_penalty_no_fault", "mitigated", "normal"),
             sources=["监督抽检"], evidence=EV_TEST,
             allowed=lambda d, f, v: (d == "no_penalty_no_fault") == (v == "source") or d == "mitigated" and v == "source",
             confiscated_goods=lambda f: "不合格食用农产品"),
    Template("F05", CATEGORIES["F05"], "《食品安全法》第三十四条第（一）项", "food-123-1-nonfood-material",
             ["餐饮服务"], REST, f05, dict(referred=3, mitigated=2, lenient=1.5, normal=2),
             variants={"knowing": 3, "unknowing": 2}, sources=["监督抽检", "专项行动"], evidence=EV_TEST,
             referral=_knowing, confiscated_goods=lambda f: "涉案食品",
             optional_goods=_made_here("剩余非食用物质原料及加工工具")),
    Template("F06", CATEGORIES["F06"], "《食品安全法》第三十八条", "food-123-1-added-drugs",
             ["食品销售", "网络销售"], SHOP, f06, dict(referred=3, mitigated=2, lenient=1.5, normal=2),
             variants={"knowing": 3, "unknowing": 2}, sources=["监督抽检", "投诉举报", "网络监测"], evidence=EV_TEST,
             referral=_knowing_drug, confiscated_goods=lambda f: "涉案食品"),
    Template("F07", CATEGORIES["F07"], "《食品安全法》第三十五条第一款", "food-122-1-unlicensed",
             ["餐饮服务", "食品生产"], [("individual_business", "个体工商户", "食品加工坊"),
                                        ("individual_business", "个体工商户", "小吃店")], f07,
             dict(no_penalty_first=0.5, mitigated=3, lenient=2, normal=3, aggravated=0.5),
             sources=["日常检查", "投诉举报"], evidence="现场笔录、询问笔录、现场照片、销售记录",
             allowed=lambda d, f, v: d != "no_penalty_first" or f["goods_value"] <= 500,
             confiscated_goods=lambda f: "涉案食品及生产工具"),
    Template("F08", CATEGORIES["F08"], "《食品安全法》第三十四条第（六）项", "food-124-1-spoiled",
             ["食品销售", "食品生产"], SHOP + MAKER, f08,
             dict(referred=2, mitigated=2, lenient=2, normal=3, aggravated=0.8),
             variants={"spoiled": 3, "adulterated": 2}, sources=["日常检查", "投诉举报", "专项行动"], evidence=EV,
             referral=f08_referral, confiscated_goods=lambda f: "涉案食品",
             optional_goods=_made_here("用于生产涉案食品的原料、设备")),
    Template("F09", CATEGORIES["F09"], "《食品安全法》第五十三条第一款、第二款", "food-126-1-item3",
             ["食品销售", "餐饮服务"], [p for p in SHOP + REST if p[0] == "legal_entity"], f09, W_DUTY,
             evidence="现场笔录、询问笔录、现场照片"),
    Template("F10", CATEGORIES["F10"], "《食品安全法》第四十五条第二款",
             "food-126-1-item6", ["餐饮服务", "单位食堂"], REST + [("legal_entity", "事业单位", "学校食堂")], f10,
             W_DUTY, evidence="现场笔录、询问笔录、从业人员名册"),
    Template("F11", CATEGORIES["F11"], "《食品安全法》第五十六条", "food-126-1-item5",
             ["餐饮服务"], REST, f11, W_DUTY, evidence="现场笔录、询问笔录、现场照片"),
    Template("F12", CATEGORIES["F12"], "《食品安全法》第六十七条第一款",
             {"nolabel": "food-125-1-label", "flaw": "food-125-2-label-flaw"},
             ["食品销售", "网络销售"], SHOP, f12,
             dict(no_penalty_first=0.8, mitigated=2, lenient=2, normal=4, aggravated=0.6),
             variants={"nolabel": 2, "flaw": 1}, groups=3, evidence="现场笔录、询问笔录、产品标签照片",
             allowed=lambda d, f, v: v == "flaw" or d != "no_penalty_first" or f["goods_value"] <= 300,
             confiscated_goods=lambda f: "无标签预包装食品" if f.get("goods_value") else None),
    Template("F13", CATEGORIES["F13"], "《食品安全法》第五十四条第一款", "food-132-storage-transport",
             ["食品销售"], SHOP, f13, W_DUTY,
             evidence="现场笔录、询问笔录、现场照片、温度记录"),
    Template("F14", CATEGORIES["F14"], {"diseased": "《食品安全法》第三十四条第（七）项", "unquarantined": "《食品安全法》第三十四条第（八）项"},
             {"diseased": "food-123-1-diseased-meat", "unquarantined": "food-123-1-unquarantined-meat"},
             ["食用农产品"], FARM[1:], f14, dict(referred=3, mitigated=2, lenient=1.5, normal=2),
             variants={"diseased": 1, "unquarantined": 2}, sources=["专项行动", "日常检查"], evidence=EV,
             referral=f14_referral, confiscated_goods=lambda f: "涉案肉类"),
]
