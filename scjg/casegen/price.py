"""价格案例模板（P01–P12）：《价格法》、《价格违法行为行政处罚规定》、《明码标价和禁止价格欺诈规定》（2022）。"""
from __future__ import annotations

from scjg.casegen.core import Template, money
from scjg.schema import CATEGORIES

SHOP = [("individual_business", "个体工商户", "便利店"), ("legal_entity", "有限责任公司", "超市有限公司"),
        ("individual_business", "个体工商户", "水果店")]
SERVICE = [("legal_entity", "有限责任公司", "酒店管理有限公司"), ("legal_entity", "有限责任公司", "停车管理有限公司"),
           ("individual_business", "个体工商户", "快递驿站")]
ONLINE = [("legal_entity", "有限责任公司", "电子商务有限公司"), ("individual_business", "个体工商户", "网店")]


def tag(ptype, text):
    def facts(rng, variant):
        n = rng.randint(5, 60)
        return dict(price_violation_type=ptype, pricing_regime="市场调节价", sales_channel="offline",
                    text=text(rng, n))
    return facts


def fraud(ptype, text, channel="offline", regime="市场调节价"):
    def facts(rng, variant):
        n = rng.randint(20, 400)
        each = round(rng.uniform(2, 30), 1)
        inc = round(n * each, 2)
        refunded = rng.random() < 0.6
        return dict(illegal_income=inc, overcharge_amount=inc, refunded=refunded, price_violation_type=ptype,
                    pricing_regime=regime, sales_channel=channel,
                    text=text(rng, n, each, inc) + ("当事人已主动退还多收价款。" if refunded else ""))
    return facts


def p04(rng, variant):
    n = rng.randint(200, 3000)
    inc = round(n * rng.choice([0.02, 0.05, 0.08]), 2)
    return dict(illegal_income=inc, overcharge_amount=inc, refunded=False, price_violation_type="reverse_rounding",
                pricing_regime="市场调节价", sales_channel="offline",
                text=f"执法人员调取当事人收银系统数据发现，当事人在结算时将应收金额的角分位向上取整收取，共{n}笔，"
                     f"多收价款{money(inc)}元，属于在标价之外加价出售商品。")


def p10(rng, variant):
    item = rng.choice(["口罩", "退烧药", "蔬菜", "瓶装水"])
    if variant == "noincome":
        return dict(illegal_income=0.0, overcharge_amount=0.0, refunded=False, price_violation_type="gouging",
                    pricing_regime="市场调节价", sales_channel="offline", context="emergency",
                    text=f"突发事件期间，当事人在进货成本未明显变化的情况下，将{item}售价大幅上调，"
                         "推动价格过快上涨，因执法人员及时制止尚未售出，无违法所得。")
    n = rng.randint(50, 800)
    each = round(rng.uniform(3, 20), 1)
    inc = round(n * each, 2)
    return dict(illegal_income=inc, overcharge_amount=inc, refunded=rng.random() < 0.5, price_violation_type="gouging",
                pricing_regime="市场调节价", sales_channel="offline",
                text=f"突发事件期间，当事人在进货成本未明显变化的情况下，将{item}售价大幅上调后销售{n}件，"
                     f"推动价格过快上涨，违法所得{money(inc)}元。")


W_TAG = dict(no_penalty_first=0.5, no_penalty_minor=0.3, lenient=3, normal=4, aggravated=0.8)
W_FRAUD = dict(no_penalty_minor=0.2, lenient=3, normal=4, aggravated=1)
EV = "现场笔录、询问笔录、现场照片、收银小票"

TEMPLATES = [
    Template("P01", CATEGORIES["P01"], "《价格法》第十三条第一款", "price-regs-13-1-no-price", ["食品销售", "其他"], SHOP,
             tag("no_price_tag", lambda r, n: f"执法人员发现当事人经营场所内陈列销售的{n}种商品未标明价格，"
                                              "消费者需询问后才能知晓价格。当事人对上述事实无异议。"),
             W_TAG, groups=3, sources=["日常检查", "专项行动", "投诉举报"], evidence=EV,
             leads=("no_penalty_first", "no_penalty_minor", "normal")),
    Template("P02", CATEGORIES["P02"], "《明码标价和禁止价格欺诈规定》第七条", "price-regs-13-2-wrong-format",
             ["食品销售", "其他"], SHOP,
             tag("improper_tag", lambda r, n: f"执法人员发现当事人{n}种商品的价签未标明品名、计价单位，"
                                              "收银小票未列明商品单价，不符合明码标价的内容和方式要求。"),
             W_TAG, sources=["日常检查", "双随机抽查"], evidence=EV, leads=("normal", "no_penalty_minor")),
    Template("P03", CATEGORIES["P03"], "《价格法》第十三条第二款", "price-regs-13-3-surcharge",
             ["酒店/景区/停车场", "物流/仓储"], SERVICE,
             fraud("surcharge", lambda r, n, e, i: f"执法人员发现当事人在向{n}名消费者提供服务时，"
                                                    f"在标价之外每次另行收取未标明的费用{money(e)}元，共计{money(i)}元。"),
             W_TAG, sources=["投诉举报", "日常检查"], evidence=EV),
    Template("P04", CATEGORIES["P04"], "《价格法》第十三条第二款", "price-regs-13-3-surcharge", ["食品销售"], SHOP, p04,
             W_TAG, sources=["投诉举报"], evidence="现场笔录、询问笔录、收银系统数据"),
    Template("P05", CATEGORIES["P05"], "《明码标价和禁止价格欺诈规定》第十九条", "price-regs-7-fraud",
             ["网络销售", "食品销售"], ONLINE + SHOP,
             fraud("fake_reference_price", lambda r, n, e, i: f"经查，当事人在促销活动中标示的“原价”在本次促销前七日内"
                                                              f"从未成交，虚构原价后以“折扣价”销售商品{n}件，"
                                                              f"违法所得{money(i)}元。", channel="online"),
             W_FRAUD, groups=3, sources=["网络监测", "投诉举报"], evidence="电子数据、询问笔录、交易记录"),
    Template("P06", CATEGORIES["P06"], "《明码标价和禁止价格欺诈规定》第十九条", "price-regs-7-fraud",
             ["食品销售"], SHOP,
             fraud("bait_pricing", lambda r, n, e, i: f"执法人员发现当事人货架价签标示价格低于收银系统结算价格，"
                                                      f"共有{n}笔交易按较高价格结算，每笔多收约{money(e)}元，违法所得{money(i)}元。"),
             W_FRAUD, sources=["投诉举报", "专项行动"], evidence=EV),
    Template("P07", CATEGORIES["P07"], "《明码标价和禁止价格欺诈规定》第十九条", "price-regs-7-fraud",
             ["酒店/景区/停车场", "教育培训"], SERVICE[:1] + [("legal_entity", "有限责任公司", "教育咨询有限公司")],
             fraud("misleading_price", lambda r, n, e, i: f"经查，当事人以大号字体标示“起价”，对附加条件和实际价格"
                                                          f"使用明显小于其他价格的字体，误导{n}名消费者交易，违法所得{money(i)}元。"),
             W_FRAUD, sources=["投诉举报"], evidence="现场笔录、询问笔录、宣传资料、交易记录"),
    Template("P08", CATEGORIES["P08"], "《明码标价和禁止价格欺诈规定》第十九条", "price-regs-7-fraud",
             ["酒店/景区/停车场"], SERVICE[:1],
             fraud("broken_promise", lambda r, n, e, i: f"经查，节假日期间当事人在消费者预订成功后，以房源紧张为由"
                                                        f"要求{n}名消费者加价入住，违法所得{money(i)}元。"),
             W_FRAUD, sources=["投诉举报"], evidence="询问笔录、预订记录、交易记录"),
    Template("P09", CATEGORIES["P09"], "《明码标价和禁止价格欺诈规定》第二十条", "price-regs-7-fraud",
             ["网络销售"], ONLINE,
             fraud("online_price_mismatch", lambda r, n, e, i: f"经网络监测发现，当事人网店首页展示的价格低于商品详情页"
                                                               f"实际结算价格，共成交{n}笔，违法所得{money(i)}元。",
                   channel="online"),
             W_FRAUD, sources=["网络监测"], evidence="电子数据、询问笔录、交易记录"),
    Template("P10", CATEGORIES["P10"], "《价格法》第十四条第（三）项", "price-regs-6-1-other", ["食品销售", "药品零售"], SHOP,
             p10, dict(lenient=3, normal=4, aggravated=1.5), variants={"income": 3, "noincome": 1},
             sources=["专项行动", "投诉举报"], evidence="询问笔录、进销货票据、销售记录"),
    Template("P11", CATEGORIES["P11"], "《价格法》第十二条", "price-regs-9-1",
             ["酒店/景区/停车场", "住宅小区"], SERVICE[1:2] + [("legal_entity", "有限责任公司", "物业服务有限公司")],
             fraud("gov_price_noncompliance", lambda r, n, e, i: f"经查，当事人收取停车费、物业服务费时超出政府指导价"
                                                                 f"规定的浮动幅度，涉及{n}户（次），多收费用{money(i)}元。",
                   regime="政府指导价"),
             W_FRAUD, sources=["投诉举报", "专项行动"], evidence="询问笔录、收费记录、政府定价文件"),
    Template("P12", CATEGORIES["P12"], "《明码标价和禁止价格欺诈规定》第十九条", "price-regs-7-fraud",
             ["酒店/景区/停车场"], SERVICE[1:2],
             fraud("other", lambda r, n, e, i: f"经查，当事人在收费公示牌上谎称其收费标准为政府定价，"
                                               f"实际系自行制定，向{n}名消费者收费，违法所得{money(i)}元。"),
             W_FRAUD, sources=["投诉举报"], evidence="现场笔录、询问笔录、收费记录"),
]

for _t in TEMPLATES:  # 违反明码标价和禁止价格欺诈规定的类别（哄抬价格、政府定价不在其内）
    _t.tag_rules = _t.code not in ("P10", "P11")
