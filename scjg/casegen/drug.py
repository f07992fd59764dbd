"""药品案例模板（D01–D13）：《药品管理法》（2019 年修订）。D04 的罚则不在法规库中，只收不予处罚案例。"""
from __future__ import annotations

from scjg.casegen.core import Template, amounts_text as _amt, lot, money
from scjg.schema import CATEGORIES

PHARM = [("legal_entity", "有限责任公司", "大药房有限公司"), ("individual_business", "个体工商户", "药店"),
         ("legal_entity", "有限责任公司", "医药连锁有限公司某门店")]
CLINIC = [("individual_business", "个体工商户", "诊所"), ("legal_entity", "医疗机构", "村卫生室")]
DRUGS = [("阿莫西林胶囊", "盒", "处方药"), ("复方感冒灵颗粒", "盒", "甲类OTC"), ("布洛芬缓释胶囊", "盒", "乙类OTC"),
         ("头孢克肟分散片", "盒", "处方药"), ("维生素C片", "瓶", "乙类OTC"), ("板蓝根颗粒", "袋", "甲类OTC")]


def _lot(rng, price=(8, 40), qty=(2, 30), sold=(0, 0.6), margin=(0.15, 0.35)):
    return lot(rng, price, qty, sold, margin)


def d01(rng, variant):
    name, unit, rx = rng.choice(DRUGS)
    p, q, g, s, inc = _lot(rng)
    return dict(goods_value=g, illegal_income=inc, drug_category="劣药", rx_class=rx, drug_party_role="零售药店",
                text=f"执法人员发现当事人货架上陈列的{name}{q}{unit}已超过有效期仍在销售，单价{money(p)}元，"
                     f"已售出{s}{unit}，{_amt(g, inc)}依照《药品管理法》第九十八条第三款第（五）项，超过有效期的涉案药品为劣药。")


def d02(rng, variant):
    name, unit, rx = rng.choice(DRUGS[:4])
    p, q, g, s, inc = _lot(rng, qty=(1, 15))
    return dict(goods_value=g, illegal_income=inc, drug_category="劣药", rx_class=rx, drug_party_role="诊所/卫生室",
                text=f"执法人员发现当事人药房内存放的{name}{q}{unit}已超过有效期，且诊疗记录显示近期仍在为患者使用，"
                     f"已使用{s}{unit}，{_amt(g, inc)}当事人系药品使用单位，涉案药品属于劣药。")


def d03(rng, variant):
    name = rng.choice(["“补肾”类压片糖果", "“降压”类固体饮料", "“关节”类外用膏剂"])
    p, q, g, s, inc = _lot(rng, price=(60, 200), qty=(2, 20), sold=(0.2, 0.7))
    how = ("当事人承认明知该产品不是药品仍以药品名义宣传销售。" if variant == "knowing"
           else "当事人提供了供货企业资质、随货同行单和进货查验记录，现有证据不能证明其明知。")
    return dict(goods_value=g, illegal_income=inc, drug_category="假药", rx_class="非药品冒充药品",
                drug_party_role="零售药店",
                text=f"执法人员发现当事人将{name}{q}件摆放在药品区，以治疗疾病的名义向顾客推荐销售，"
                     f"经认定属于以非药品冒充药品。单价{money(p)}元，已售出{s}件，{_amt(g, inc)}{how}")


def d03_referral(f, variant):
    return "《刑法》第一百四十一条（生产、销售假药）" if variant == "knowing" else None


def d04(rng, variant):
    name, unit, _ = rng.choice([d for d in DRUGS if d[2] == "处方药"])
    n = rng.randint(1, 3)
    return dict(drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                basis_text="《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）相应罚则；本法规库未收录，金额从略",
                text=f"执法人员以顾客身份在当事人处购药，当事人营业员在顾客未提供处方的情况下销售{name}{n}{unit}。"
                     "当事人能够提供合法进货凭证，涉案药品为合格药品，未造成不良后果。")


def d05(rng, variant):
    return dict(drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                text="执法人员发现当事人营业期间执业药师不在岗，未挂牌告知，营业员在执业药师不在岗时仍销售处方药，"
                     "违反药品经营质量管理规范的有关要求。当事人对上述事实无异议。")


def d06(rng, variant):
    name, unit, rx = rng.choice(DRUGS)
    p, q, g, s, inc = _lot(rng, qty=(5, 60), sold=(0.2, 0.8))
    return dict(goods_value=g, illegal_income=inc, drug_category="其他", rx_class=rx, drug_party_role="诊所/卫生室",
                text=f"执法人员发现当事人药房内的{name}{q}{unit}系从无药品经营资格的个人处购进，不能提供合法票据。"
                     f"单价{money(p)}元，已使用或者售出{s}{unit}，{_amt(g, inc)}")


def d07(rng, variant):
    p, q, g, s, inc = _lot(rng, qty=(10, 120), sold=(0.3, 0.8))
    return dict(goods_value=g, illegal_income=inc, drug_category="其他", rx_class=rng.choice(["甲类OTC", "处方药"]),
                drug_party_role="无证个人",
                text=f"执法人员发现当事人未取得药品经营许可证，在其经营的杂货店内销售感冒药、消炎药等药品共{q}盒，"
                     f"已售出{s}盒，{_amt(g, inc)}当事人对上述事实无异议。")


def d08(rng, variant):
    name = rng.choice(["胰岛素注射液", "疫苗类冷藏药品", "双歧杆菌活菌胶囊"])
    return dict(drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                text=f"执法人员发现当事人将需冷藏储存的{name}存放于常温货架，冷藏柜温度记录不全，"
                     "药品储存不符合药品经营质量管理规范的要求。当事人对上述事实无异议。")


def d09(rng, variant):
    return dict(drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                text="执法人员发现当事人部分药品的购销记录未注明产品批号、有效期和购销数量，记录不真实、不完整，"
                     "不能满足药品追溯要求。当事人对上述事实无异议。")


def d10(rng, variant):
    return dict(drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                text="执法人员发现当事人未按规定建立并实施药品追溯制度，销售药品时未扫码记录追溯信息，"
                     "部分药品无法查询流向。当事人对上述事实无异议。")


def d11(rng, variant):
    inc = round(rng.uniform(3000, 24000), -2)
    return dict(illegal_income=inc, drug_category="其他", rx_class="其他", drug_party_role="零售药店",
                text=f"经查，当事人将其药品经营许可证出借给他人在另一地点经营药品，按月收取费用，"
                     f"违法所得{money(inc)}元。当事人对上述事实无异议。")


def d12(rng, variant):
    name = rng.choice(["黄芪", "当归", "党参", "枸杞子"])
    return dict(drug_category="劣药", rx_class="中药饮片", drug_party_role="零售药店",
                text=f"当事人销售的中药饮片{name}经抽样检验，性状项目不符合药品标准规定，"
                     "经认定不影响安全性、有效性。当事人对检验结论无异议，未申请复验。")


def d13(rng, variant):
    p, q, g, s, inc = _lot(rng, price=(80, 300), qty=(2, 20), sold=(0.2, 0.6))
    what = ("经鉴定足以严重危害人体健康" if variant == "severe" else "未发现足以严重危害人体健康的情形")
    return dict(goods_value=g, illegal_income=inc, drug_category="其他", rx_class="处方药", drug_party_role="零售药店",
                text=f"执法人员发现当事人销售未取得药品批准证明文件的境外药品{q}盒，单价{money(p)}元，"
                     f"已售出{s}盒，{_amt(g, inc)}{what}。")


def d13_referral(f, variant):
    return "《刑法》第一百四十二条之一第一款第（二）项（足以严重危害人体健康）" if variant == "severe" else None


W = dict(no_penalty_first=0.2, mitigated=3, lenient=2, normal=3, aggravated=0.6)
W_DUTY = dict(no_penalty_first=0.1, lenient=2, normal=5, aggravated=0.8)
EV = "现场笔录、询问笔录、现场照片、进货票据、销售记录"

TEMPLATES = [
    Template("D01", CATEGORIES["D01"], "《药品管理法》第九十八条第三款第（五）项", "drug-117-1-substandard",
             ["药品零售"], PHARM, d01, W, groups=4, channel="retail", evidence=EV,
             confiscated_goods=lambda f: "过期药品"),
    Template("D02", CATEGORIES["D02"], "《药品管理法》第九十八条第三款第（五）项", "drug-119-use-substandard",
             ["诊所/卫生室"], CLINIC, d02, W, channel="use", evidence="现场笔录、询问笔录、诊疗记录、进货票据",
             confiscated_goods=lambda f: "过期药品"),
    Template("D03", CATEGORIES["D03"], "《药品管理法》第九十八条第二款第（二）项", "drug-116-fake",
             ["药品零售"], PHARM, d03, dict(referred=3, no_penalty_no_fault=1, mitigated=2),
             variants={"knowing": 3, "unknowing": 2}, channel="retail", sources=["投诉举报", "专项行动", "日常检查"],
             evidence=EV, referral=d03_referral,
             allowed=lambda d, f, v: v == "knowing" or d in ("no_penalty_no_fault", "mitigated"),
             confiscated_goods=lambda f: "涉案产品"),
    Template("D04", CATEGORIES["D04"], "《药品管理法》第五十四条", None, ["药品零售"], PHARM, d04,
             dict(no_penalty_first=1), groups=1, sources=["投诉举报", "日常检查"], evidence="现场笔录、询问笔录、销售凭证"),
    Template("D05", CATEGORIES["D05"], "《药品管理法》第五十八条第三款", "drug-126-gmp-gsp",
             ["药品零售"], PHARM, d05, W_DUTY, channel="retail", evidence="现场笔录、询问笔录、排班记录"),
    Template("D06", CATEGORIES["D06"], "《药品管理法》第五十五条", "drug-129-illegal-source",
             ["诊所/卫生室"], CLINIC, d06, dict(mitigated=3, lenient=2, normal=3, aggravated=0.5), groups=3, evidence=EV,
             confiscated_goods=lambda f: "违法购进的药品"),
    Template("D07", CATEGORIES["D07"], "《药品管理法》第五十一条第一款", "drug-115-unlicensed",
             ["其他"], [("individual_business", "个体工商户", "杂货店"), ("natural_person", "自然人", "")], d07,
             dict(mitigated=5, lenient=1, normal=0.5), sources=["投诉举报", "日常检查"], evidence=EV,
             confiscated_goods=lambda f: "涉案药品"),
    Template("D08", CATEGORIES["D08"], "《药品管理法》第五十九条第一款", "drug-126-gmp-gsp",
             ["药品零售", "药品零售连锁门店"], PHARM, d08, W_DUTY, channel="retail", evidence="现场笔录、询问笔录、温湿度记录"),
    Template("D09", CATEGORIES["D09"], "《药品管理法》第五十七条", "drug-130-records-dispensing",
             ["药品零售"], PHARM, d09, dict(no_penalty_first=0.2, normal=5), channel="retail",
             evidence="现场笔录、询问笔录、购销记录"),
    Template("D10", CATEGORIES["D10"], "《药品管理法》第十二条第一款", "drug-127-1-3-traceability",
             ["药品零售"], PHARM, d10, W_DUTY, evidence="现场笔录、询问笔录、电子数据"),
    Template("D11", CATEGORIES["D11"], "《药品管理法》第一百二十二条", "drug-122-license-forgery",
             ["药品零售"], PHARM[:2], d11, dict(mitigated=2, lenient=2, normal=3, aggravated=0.5),
             sources=["投诉举报", "上级交办/移送"], evidence="询问笔录、协议、转账记录"),
    Template("D12", CATEGORIES["D12"], "《药品管理法》第九十八条第三款第（七）项",
             "drug-117-2-herbal-pieces", ["药品零售"], PHARM, d12,
             dict(lenient=3, normal=3, mitigated=0.5), channel="retail", sources=["监督抽检"],
             evidence="检验报告、询问笔录、进货票据"),
    Template("D13", CATEGORIES["D13"], "《药品管理法》第九十八条第四款", "drug-124-2-sell",
             ["药品零售", "网络销售"], PHARM, d13, dict(referred=2, mitigated=3, lenient=1, normal=1),
             variants={"severe": 1, "plain": 3}, channel="retail", sources=["网络监测", "投诉举报"], evidence=EV,
             referral=d13_referral, confiscated_goods=lambda f: "涉案药品"),
]
