"""特种设备案例模板（S01–S14）：《特种设备安全法》（2013 年）。"""
from __future__ import annotations

from scjg.casegen.core import Template, money
from scjg.schema import CATEGORIES

USER = [("legal_entity", "有限责任公司", "物业服务有限公司"), ("legal_entity", "有限责任公司", "商贸有限公司"),
        ("legal_entity", "有限责任公司", "实业有限公司")]
FACTORY = [("legal_entity", "有限责任公司", "机械制造有限公司"), ("legal_entity", "有限责任公司", "物流有限公司"),
           ("individual_business", "个体工商户", "建材经营部")]
MAINT = [("legal_entity", "有限责任公司", "电梯工程有限公司")]
RIDE = [("legal_entity", "有限责任公司", "游乐有限公司"), ("individual_business", "个体工商户", "游乐场")]
GAS = [("legal_entity", "有限责任公司", "燃气有限公司")]
EQUIP = {
    "电梯": ["曳引电梯", "自动扶梯", "杂物电梯"],
    "场（厂）内专用机动车辆": ["叉车"],
    "起重机械": ["桥式起重机", "门式起重机"],
    "锅炉": ["承压蒸汽锅炉", "热水锅炉"],
    "压力容器": ["储气罐"],
    "大型游乐设施": ["海盗船", "旋转飞椅", "碰碰车"],
    "气瓶": ["液化石油气钢瓶"],
}


def _eq(rng, kind):
    return kind, rng.choice(EQUIP[kind]), rng.randint(1, 3)


def facts_for(kind_choices, status, text, role="使用单位", income=False):
    def facts(rng, variant):
        kind, sub, n = _eq(rng, rng.choice(kind_choices))
        days = rng.randint(20, 400) if status == "overdue" else None
        inc = round(rng.uniform(300, 3000), -1) if income else None
        d = dict(equipment_type=kind, equipment_subtype=sub, equipment_count=n, se_party_role=role,
                 inspection_status=status, overdue_days=days, accident=False, illegal_income=inc)
        d["text"] = text(d)
        return d
    return facts


S = {
    "S01": facts_for(["电梯", "场（厂）内专用机动车辆", "起重机械"], "overdue",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_count']}台{d['equipment_subtype']}定期检验合格有效期已届满"
                               f"{d['overdue_days']}日，未经定期检验仍在使用。当事人对上述事实无异议，已当场停止使用涉案设备。"),
    "S02": facts_for(["电梯", "场（厂）内专用机动车辆", "压力容器"], "in_date",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_count']}台{d['equipment_subtype']}投入使用已超过三十日，"
                               "未向特种设备安全监督管理部门办理使用登记，未取得使用登记证书。"),
    "S03": facts_for(["电梯", "起重机械", "压力容器"], "in_date",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_count']}台{d['equipment_subtype']}定期检验合格有效期即将届满，"
                               "当事人未在届满前一个月向特种设备检验机构提出定期检验要求。"),
    "S04": facts_for(["场（厂）内专用机动车辆", "起重机械", "锅炉"], "in_date",
                     lambda d: f"执法人员发现当事人安排未取得特种设备作业人员资格证的人员操作{d['equipment_subtype']}，"
                               "现场无法出示相应资格证书。当事人对上述事实无异议。"),
    "S05": facts_for(["电梯", "大型游乐设施"], "in_date",
                     lambda d: f"执法人员发现当事人运营使用{d['equipment_count']}台{d['equipment_subtype']}，"
                               "未设置特种设备安全管理机构，也未配备专职的特种设备安全管理人员。"),
    "S06": facts_for(["电梯"], "in_date",
                     lambda d: f"执法人员调取维护保养记录和监控录像发现，当事人对其负责维护保养的{d['equipment_count']}台"
                               f"{d['equipment_subtype']}每次维护保养仅用时数分钟，未按安全技术规范的项目要求进行维护保养，"
                               f"收取维护保养费{money(d['illegal_income'])}元。", role="维保单位", income=True),
    "S07": facts_for(["电梯"], "in_date",
                     lambda d: f"经查，当事人未取得特种设备安装改造修理许可，擅自承接{d['equipment_count']}台"
                               f"{d['equipment_subtype']}的维护保养业务，收取费用{money(d['illegal_income'])}元。",
                     role="维保单位", income=True),
    "S08": facts_for(["电梯", "压力容器", "场（厂）内专用机动车辆"], "in_date",
                     lambda d: f"执法人员发现当事人未建立{d['equipment_subtype']}的安全技术档案，"
                               "未在设备显著位置设置使用登记标志和定期检验标志。"),
    "S09": facts_for(["起重机械", "锅炉", "场（厂）内专用机动车辆"], "in_date",
                     lambda d: f"执法人员发现当事人未对在用的{d['equipment_count']}台{d['equipment_subtype']}进行经常性维护保养"
                               "和定期自行检查，也无相应记录。"),
    "S10": facts_for(["锅炉", "起重机械"], "in_date",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_subtype']}已达到安全技术规范规定的报废条件，"
                               "当事人未依法履行报废义务，也未办理使用登记证书注销，仍在使用。"),
    "S11": facts_for(["锅炉"], "never",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_count']}台小型{d['equipment_subtype']}无制造许可、"
                               "无产品合格证明、未经监督检验，属于无许可生产的特种设备。当事人已停止使用。"),
    "S12": facts_for(["气瓶"], "overdue",
                     lambda d: f"执法人员发现当事人为{d['equipment_count'] * 10}只超过定期检验期限的"
                               f"{d['equipment_subtype']}充装液化石油气，充装前未按规定进行检查。", role="充装单位"),
    "S13": facts_for(["大型游乐设施"], "in_date",
                     lambda d: f"执法人员发现当事人运营的{d['equipment_subtype']}每日投入使用前未进行试运行和例行安全检查，"
                               "未对安全附件和安全保护装置进行检查确认，也无检查记录。"),
    "S14": facts_for(["电梯", "起重机械"], "in_date",
                     lambda d: f"执法人员发现当事人使用的{d['equipment_subtype']}近期多次发生故障，"
                               "当事人未组织全面检查、消除事故隐患即继续使用。"),
}

W = dict(mitigated=2, lenient=6, normal=2.5, aggravated=0.5)
W_DUTY = dict(no_penalty_first=0.15, lenient=4, normal=4, aggravated=0.6)
EV = "现场笔录、询问笔录、现场照片、设备检验资料"


def T(code, name, violated, rule, formats, parties, w, **kw):
    return Template(code, name, violated, rule, formats, parties, S[code], w, evidence=kw.pop("evidence", EV),
                    sources=kw.pop("sources", ["日常检查", "双随机抽查", "专项行动"]), **kw)


TEMPLATES = [
    T("S01", CATEGORIES["S01"], "《特种设备安全法》第四十条第三款", "se-84-1-1-use-illegal-equipment",
      ["物业/商场", "住宅小区", "工业企业", "物流/仓储"], USER + FACTORY, W, groups=3),
    T("S02", CATEGORIES["S02"], "《特种设备安全法》第三十三条", "se-83-1-1-no-registration",
      ["物业/商场", "工业企业"], USER + FACTORY, W_DUTY),
    T("S03", CATEGORIES["S03"], "《特种设备安全法》第四十条第一款", "se-83-1-4-periodic-inspection",
      ["物业/商场", "工业企业"], USER + FACTORY, W_DUTY),
    T("S04", CATEGORIES["S04"], "《特种设备安全法》第十四条", "se-86-1-2-unqualified-operator",
      ["工业企业", "物流/仓储"], FACTORY, W_DUTY),
    T("S05", CATEGORIES["S05"], "《特种设备安全法》第三十六条", "se-87-1-1-no-safety-management",
      ["物业/商场", "游乐场所"], USER + RIDE, W_DUTY),
    T("S06", CATEGORIES["S06"], "《特种设备安全法》第四十五条第二款", "se-88-2-elevator-maintenance-rules",
      ["维保单位"], MAINT, dict(lenient=3, normal=4, aggravated=0.5, mitigated=0.5),
      sources=["双随机抽查", "投诉举报"], evidence="现场笔录、询问笔录、维保记录、监控录像"),
    T("S07", CATEGORIES["S07"], "《特种设备安全法》第四十五条第一款", "se-88-1-unlicensed-elevator-maintenance",
      ["维保单位"], [("individual_business", "个体工商户", "电梯维修部")], dict(lenient=3, normal=3, mitigated=1),
      sources=["投诉举报", "日常检查"], evidence="询问笔录、维保合同、收款记录"),
    T("S08", CATEGORIES["S08"], "《特种设备安全法》第三十五条、第三十三条、第四十条第二款", "se-83-1-2-records-marks",
      ["物业/商场", "工业企业"], USER + FACTORY, W_DUTY),
    T("S09", CATEGORIES["S09"], "《特种设备安全法》第三十九条第一款", "se-83-1-3-maintenance-selfcheck",
      ["工业企业"], FACTORY, W_DUTY),
    T("S10", CATEGORIES["S10"], "《特种设备安全法》第四十八条第一款", "se-84-1-3-no-scrapping",
      ["工业企业", "酒店/景区/停车场"], FACTORY + USER, W),
    T("S11", CATEGORIES["S11"], "《特种设备安全法》第三十二条第一款", "se-84-1-1-use-illegal-equipment",
      ["工业企业", "酒店/景区/停车场"], FACTORY + USER, W, sources=["专项行动"]),
    T("S12", CATEGORIES["S12"], "《特种设备安全法》第四十九条第二款", "se-85-1-2-filling-nonconforming",
      ["充装站"], GAS, dict(mitigated=1, lenient=3, normal=4, aggravated=1), sources=["专项行动", "双随机抽查"],
      evidence="现场笔录、询问笔录、充装记录、气瓶检验资料"),
    T("S13", CATEGORIES["S13"], "《特种设备安全法》第四十三条第一款", "se-87-1-2-no-daily-check",
      ["游乐场所"], RIDE, W_DUTY, sources=["专项行动", "日常检查"]),
    T("S14", CATEGORIES["S14"], "《特种设备安全法》第四十二条", "se-84-1-2-use-despite-fault",
      ["物业/商场", "工业企业"], USER + FACTORY, W, sources=["投诉举报", "日常检查"]),
]
