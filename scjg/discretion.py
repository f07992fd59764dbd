"""行政处罚裁量：追责时效、年龄、精神状态、不予处罚（含首违不罚）、从轻/减轻、一般——按《行政处罚法》
第三十条至第三十三条、第三十六条判断，另有规定的领域按其规定（食品安全法第一百三十六条、产品质量法第五十五条、
价格违法行为行政处罚规定第十七条）（涉嫌犯罪的移送见 scjg.referral，控件见 scjg.widgets.discretion_helper）。

各领域课程共用（食品、药品、特种设备、价格）。说明里的法条原文全部从法律文本库（scjg.laws）取出，
不在代码里重打：

    >>> from scjg.discretion import decide, show_ladder
    >>> d = decide(first_offense=True, harm="minor", rectified=True)
    >>> d.outcome, d.label, d.must      # ('no_penalty_first', '可以不予处罚（首违不罚）', False)
    >>> d.citation, d.quote             # 《行政处罚法》第三十三条第一款, 原文句子
    >>> d.kind                          # '可以不予处罚'
    >>> decide(age=16).kind             # '应当从轻或者减轻'（第三十条）
    >>> decide(act_date="2022-09-30", discovered="2024-10-01").article   # 36（超过二年）
    >>> decide(domain="price", aggravating=(2,)).label   # '应当从重处罚'（价格违法行为行政处罚规定第十七条第二款）
    >>> show_ladder()                   # 裁量阶梯表（Notebook 中显示）

判断只按法律条文给出“可以/应当”的方向；具体是否适用、罚多少，还须依照当地裁量基准和全案证据。
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from datetime import date

from scjg import laws

LAW = "行政处罚法"

#: 案例数据 discretion 列的取值 → 中文（见 case-patterns §2）
DISCRETION_LABELS = {
    "no_penalty_minor": "不予处罚（轻微并及时改正，无危害后果）",
    "no_penalty_first": "不予处罚（首违不罚）",
    "no_penalty_no_fault": "不予处罚（没有主观过错；食品经营者为免予罚款并没收）",
    "mitigated": "减轻处罚",
    "lenient": "从轻处罚",
    "normal": "一般（在法定幅度内处罚）",
    "aggravated": "从重处罚",
    "referred": "涉嫌犯罪，移送公安机关",
}

HARM = {"none": "没有造成危害后果", "minor": "危害后果轻微", "actual": "造成了危害后果"}


def sentence(law: str, article: int, paragraph: int = 1, index: int = 0) -> str:
    """某条某款的第 index 句（按“。”切分，不含句号），原文逐字。"""
    text = laws.article(law, article).paragraph(paragraph).text
    parts = [s for s in text.split("。") if s.strip()]
    if not 0 <= index < len(parts):
        raise ValueError(f"《{law}》第{article}条第{paragraph}款只有 {len(parts)} 句。")
    return parts[index]


def item_text(law: str, article: int, item: int, paragraph: int = 1) -> str:
    """某条某款某项的原文（含“（一）”序号）。"""
    return laws.article(law, article).item(item, paragraph).text


_cn = laws.cn_number


@dataclass(frozen=True)
class Decision:
    """裁量方向：outcome 为 DISCRETION_LABELS 的键（从轻/减轻合记为 mitigated_or_lenient）。"""

    outcome: str
    label: str
    must: bool                 # True：应当；False：可以
    law: str
    article: int
    paragraph: int
    item: int | None
    quote: str                 # 条文原文（逐字）
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    limitation_end: date | None = None   # 第三十六条：最后一个仍在时效内的发现日（给了违法行为日期时）

    @property
    def kind(self) -> str:
        """五种方向之一：不予处罚、可以不予处罚、应当从轻或者减轻、可以从轻或者减轻、处罚。"""
        return _kind(self.outcome, self.must)

    @property
    def citation(self) -> str:
        s = f"《{self.law}》第{_cn(self.article)}条" + (f"第{_cn(self.paragraph)}款" if self.paragraph else "")
        if self.item:
            s += f"第（{_cn(self.item)}）项"
        return s

    def _repr_html_(self) -> str:
        e = html.escape
        why = "；".join(self.reasons)
        notes = "".join(f"<div style='color:#555'>注意：{e(n)}</div>" for n in self.notes)
        return (f"<div style='border-left:4px solid #2f6f9f;padding:0.3em 1em;line-height:1.7'>"
                f"<b>{e(self.label)}</b>（{'应当' if self.must else '可以'}）<br>"
                f"依据：{e(self.citation)}：“{e(self.quote)}”<br>"
                f"理由：{e(why)}{notes}</div>")


MITIGATING = {  # 行政处罚法第三十二条各项：项号 → 简称
    1: "主动消除或者减轻违法行为危害后果",
    2: "受他人胁迫或者诱骗实施违法行为",
    3: "主动供述行政机关尚未掌握的违法行为",
    4: "配合行政机关查处违法行为有立功表现",
    5: "法律、法规、规章规定其他应当从轻或者减轻行政处罚",
}


NO_FAULT_DOMAINS = {"food": "食品经营者（食品安全法第一百三十六条）", "product": "产品销售者（产品质量法第五十五条）"}
DOMAINS = {**NO_FAULT_DOMAINS, "price": "价格违法的经营者（价格违法行为行政处罚规定第十七条）"}

PRICE_LAW = "价格违法行为行政处罚规定"
PRICE_AGGRAVATING = {  # 价格违法行为行政处罚规定第十七条第二款各项：项号 → 简称（“应当从重处罚”）
    1: "价格违法行为严重或者社会影响较大",
    2: "屡查屡犯",
    3: "伪造、涂改或者转移、销毁证据",
    4: "转移与价格违法行为有关的资金或者商品",
    5: "拒不按照第十六条第一款规定退还多付价款",
    6: "应予从重处罚的其他价格违法行为",
}
#: 第十七条第一款引的“行政处罚法第二十七条”是旧条文序号（本工具的理解，在 notes 中向学员说明）
PRICE_17_NUMBERING = ("第十七条第一款所说的“《中华人民共和国行政处罚法》第二十七条”是旧的条文序号：本规定最后一次修订在2008年，"
                      "行政处罚法2021年修订后条文重新编号，从轻、减轻的情形现为第三十二条，现行第二十七条是移送司法机关"
                      "（本工具的理解；文本库未收录修订前的行政处罚法）。")


def _price(mitigating: tuple[int, ...], aggravating: tuple[int, ...]) -> Decision | None:
    """价格违法行为行政处罚规定第十七条：第一款应当依法从轻或者减轻，第二款应当从重；都没有时为 None。"""
    if mitigating:
        items = sorted(mitigating)
        s32 = "；".join(f"行政处罚法第三十二条第（{_cn(m)}）项“{item_text(LAW, 32, m)}”" for m in items)
        notes = (PRICE_17_NUMBERING, f"本案情形：{s32}。")
        if aggravating:
            notes += ("同时有第十七条第二款的从重情形（" + "、".join(PRICE_AGGRAVATING[a] for a in sorted(aggravating))
                      + "）：从轻、减轻与从重并存时，依照裁量基准综合考虑并说明理由。",)
        return Decision("mitigated_or_lenient", "应当依法从轻或者减轻处罚", True, PRICE_LAW, 17, 1, None,
                        sentence(PRICE_LAW, 17, 1, 0), tuple(MITIGATING[m] for m in items), notes)
    if aggravating:
        first = sorted(aggravating)[0]
        return Decision("aggravated", "应当从重处罚", True, PRICE_LAW, 17, 2, first,
                        item_text(PRICE_LAW, 17, first, paragraph=2).rstrip("；。"),
                        tuple(PRICE_AGGRAVATING[a] for a in sorted(aggravating)),
                        ("从重：在法定幅度内选较高的罚款，不得超过法定最高限。",))
    return None


def _no_fault(domain: str | None) -> Decision:
    """没有主观过错：行政处罚法第三十三条第二款，法律、行政法规另有规定的从其规定。"""
    if domain == "food":
        q = sentence("食品安全法", 136, 1, 0).split("；")[0]
        return Decision("no_penalty_no_fault", "可以免予处罚，但应当依法没收不符合食品安全标准的食品", False,
                        "食品安全法", 136, 0, None, q,
                        ("履行了进货查验等义务", "有充分证据证明不知道所采购的食品不符合食品安全标准", "如实说明进货来源"),
                        ("《行政处罚法》第三十三条第二款后句“法律、行政法规另有规定的，从其规定”：食品经营者适用"
                         "《食品安全法》第一百三十六条，而不是“应当不予处罚”。免予罚款的，仍应没收不符合食品安全标准的食品"
                         "（没收也是行政处罚，须作出决定）。",))
    if domain == "product":
        return Decision("mitigated_or_lenient", "可以从轻或者减轻处罚", False, "产品质量法", 55, 0, None,
                        sentence("产品质量法", 55, 1, 0),
                        ("有充分证据证明不知道该产品为禁止销售的产品", "如实说明进货来源"),
                        ("《行政处罚法》第三十三条第二款后句“法律、行政法规另有规定的，从其规定”：产品销售者适用"
                         "《产品质量法》第五十五条，只是可以从轻或者减轻，不是不予处罚。",))
    return Decision("no_penalty_no_fault", "不予处罚（没有主观过错）", True, LAW, 33, 2, None,
                    sentence(LAW, 33, 2, 0), ("当事人有证据足以证明没有主观过错",),
                    ("同款后句：法律、行政法规另有规定的，从其规定。食品经营者适用《食品安全法》第一百三十六条"
                     "（可以免予处罚，但应当没收），产品销售者适用《产品质量法》第五十五条（可以从轻或者减轻）："
                     "请用 domain=\"food\" 或 domain=\"product\"。",))


def decide(*, first_offense: bool = False, harm: str = "actual", rectified: bool = False,
           minor: bool = False, no_fault: bool = False, mitigating: tuple[int, ...] | list[int] = (),
           aggravating: tuple[int, ...] | list[int] = (), domain: str | None = None, age: int | None = None, birth_date=None, act_date=None,
           act_ended=None, discovered=None, life_health_or_finance: bool = False,
           mental: str | None = None) -> Decision:
    """按《行政处罚法》第三十条至第三十三条、第三十六条给出裁量方向。

    harm：none（没有危害后果）、minor（轻微）、actual（造成了危害后果）；minor：违法行为是否轻微；
    mitigating：符合第三十二条的哪几项（1–5）；domain：另有规定的领域——"food"（食品经营者没有主观过错，
    食品安全法第一百三十六条）、"product"（产品质量法第五十五条）或 "price"（价格违法行为行政处罚规定第十七条：
    有第三十二条情形的应当依法从轻或者减轻；aggravating 为其第二款的哪几项（1–6），应当从重处罚）。
    age（周岁）或 birth_date（出生日期，与违法行为日期一起算周岁）：第三十条；mental："unable"（不能辨认或者
    不能控制自己行为）、"limited"（尚未完全丧失辨认或者控制能力）：第三十一条；act_date（违法行为发生之日）、
    act_ended（连续或者继续状态终了之日）、discovered（发现之日）、life_health_or_finance（涉及公民生命健康安全、
    金融安全）：第三十六条。日期写成 "2022-09-30" 或 datetime.date。
    """
    return _with_30_31_36(_decide_33_32, dict(
        first_offense=first_offense, harm=harm, rectified=rectified, minor=minor, no_fault=no_fault,
        mitigating=tuple(mitigating), aggravating=tuple(aggravating), domain=domain), age=age, birth_date=birth_date, act_date=act_date,
        act_ended=act_ended, discovered=discovered, life_health_or_finance=life_health_or_finance, mental=mental)


def _check_33_32(first_offense: bool, harm: str, mitigating: tuple[int, ...], aggravating: tuple[int, ...], domain: str | None):
    if domain is not None and domain not in DOMAINS:
        raise ValueError("domain 只能是 " + "、".join(f"{k}（{v}）" for k, v in DOMAINS.items()) + f"，而不是 {domain!r}。")
    if harm not in HARM:
        raise ValueError("危害后果（harm）只能是 " + "、".join(f"{k}（{v}）" for k, v in HARM.items()) + f"，而不是 {harm!r}。")
    bad = [m for m in mitigating if m not in MITIGATING]
    if bad:
        raise ValueError(f"第三十二条只有第（一）至（五）项，没有 {bad}。")
    if aggravating and domain != "price":
        raise ValueError("从重情形（aggravating）只收录了《价格违法行为行政处罚规定》第十七条第二款，请同时写 domain=\"price\"。")
    if 2 in aggravating and first_offense:
        raise ValueError("“屡查屡犯”（第十七条第二款第（二）项）与初次违法（first_offense=True）矛盾，请核对。")
    bad = [a for a in aggravating if a not in PRICE_AGGRAVATING]
    if bad:
        raise ValueError(f"《价格违法行为行政处罚规定》第十七条第二款只有第（一）至（六）项，没有 {bad}。")


def _decide_33_32(*, first_offense: bool, harm: str, rectified: bool, minor: bool, no_fault: bool,
                  mitigating: tuple[int, ...], aggravating: tuple[int, ...], domain: str | None) -> Decision:
    """第三十三条、第三十二条（以及另有规定的领域：没有主观过错、价格违法的从轻从重）。"""
    _check_33_32(first_offense, harm, mitigating, aggravating, domain)
    if no_fault:
        return _no_fault(domain)
    if minor and rectified and harm == "none":
        return Decision("no_penalty_minor", "不予处罚（违法行为轻微）", True, LAW, 33, 1, None,
                        sentence(LAW, 33, 1, 0), ("违法行为轻微", "及时改正", HARM["none"]),
                        ("不予处罚的，应当对当事人进行教育（第三十三条第三款）。",))
    if first_offense and rectified and harm in ("none", "minor"):
        return Decision("no_penalty_first", "可以不予处罚（首违不罚）", False, LAW, 33, 1, None,
                        sentence(LAW, 33, 1, 1), ("初次违法", HARM[harm], "及时改正"),
                        ("“可以”不是“应当”：是否适用，看当地首违不罚清单和裁量基准；不予处罚的，应当进行教育（第三十三条第三款）。",
                         "行政处罚法没有定义“初次违法”：何为初次（同一种违法行为、多长期限内）由当地首违不罚清单和裁量基准规定。"))
    price = _price(mitigating, aggravating) if domain == "price" else None
    if price is not None:
        return price
    if mitigating:
        first = sorted(mitigating)[0]
        return Decision("mitigated_or_lenient", "应当从轻或者减轻处罚", True, LAW, 32, 1, first,
                        item_text(LAW, 32, first), tuple(MITIGATING[m] for m in sorted(mitigating)),
                        ("从轻：在法定幅度内选较低的罚款；减轻：低于法定最低限。选哪一种，依照裁量基准说明理由。",))
    reasons = []
    if not first_offense:
        reasons.append("不是初次违法或初次违法未查明")
    if not rectified:
        reasons.append("未及时改正")
    if harm == "actual":
        reasons.append(HARM["actual"])
    return Decision("normal", "一般：在法定幅度内处罚", True, LAW, 5, 2, None, sentence(LAW, 5, 2, 0),
                    tuple(reasons) or ("没有法定的不予、从轻或减轻情形",),
                    ("有从重情节的（例如裁量基准列明的情形，药品管理法第一百三十七条等法定从重情形），在法定幅度内从重。",
                     "积极配合调查、主动改正本身不是第三十二条的情形（第三十二条第（四）项要求“有立功表现”）；"
                     "是否因此从轻，依照本地裁量基准。"))


def ladder_rows() -> list[dict]:
    """裁量阶梯：每一档的条件、后果和原文（供表格和幻灯片用）。"""
    return [
        {"档次": "不予处罚（轻微）", "条文": "行政处罚法第三十三条第一款前句", "应当/可以": "应当",
         "原文": sentence(LAW, 33, 1, 0)},
        {"档次": "不予处罚（首违不罚）", "条文": "行政处罚法第三十三条第一款后句", "应当/可以": "可以",
         "原文": sentence(LAW, 33, 1, 1)},
        {"档次": "不予处罚（无过错）", "条文": "行政处罚法第三十三条第二款", "应当/可以": "应当",
         "原文": sentence(LAW, 33, 2, 0)},
        {"档次": "从轻或者减轻", "条文": "行政处罚法第三十二条", "应当/可以": "应当",
         "原文": laws.article(LAW, 32).paragraph(1).full_text},
        {"档次": "移送司法机关", "条文": "行政处罚法第二十七条第一款", "应当/可以": "应当",
         "原文": sentence(LAW, 27, 1, 0)},
    ]


def show_ladder():
    """在 Notebook 中显示裁量阶梯表（原文取自法律文本库）。"""
    from IPython.display import HTML

    e = html.escape
    rows = "".join(
        f"<tr><td><b>{e(r['档次'])}</b></td><td>{e(r['条文'])}</td><td>{e(r['应当/可以'])}</td>"
        f"<td style='text-align:left'>{e(r['原文']).replace(chr(10), '<br>')}</td></tr>" for r in ladder_rows())
    stamp = laws.law_info(LAW).version_stamp
    return HTML(f"<table><thead><tr><th>档次</th><th>条文</th><th>应当/可以</th><th>原文</th></tr></thead>"
                f"<tbody>{rows}</tbody></table><div style='color:#555;font-size:0.9em'>出处：{e(stamp)}</div>")


def __getattr__(name: str):
    """DiscretionHelper 控件已移到 scjg.widgets.discretion_helper（按需导入 ipywidgets）。"""
    if name == "DiscretionHelper":
        from scjg.widgets.discretion_helper import DiscretionHelper

        return DiscretionHelper
    raise AttributeError(name)


# ------------------------------------------------------------ 第三十条（年龄）、第三十一条（精神状态）、第三十六条（时效）
#: 文本库中没有“周岁”和“X年内”的计算规则，这里采用的算法（在 notes 中向学员说明）：
AGE_RULE = "周岁按公历年、月、日计算，过了生日的第二天起才算“已满”（生日当天仍未满）"
PERIOD_RULE = "期限从违法行为发生（或终了）之日的次日起算，到二年（五年）后的对应日届满，当天发现仍在时效内"

MENTAL = {"unable": "不能辨认或者不能控制自己行为", "limited": "尚未完全丧失辨认或者控制自己行为能力"}

_KINDS = {("no_penalty", True): "不予处罚", ("no_penalty", False): "可以不予处罚",
          ("mitigated", True): "应当从轻或者减轻", ("mitigated", False): "可以从轻或者减轻"}


def _kind(outcome: str, must: bool) -> str:
    if outcome.startswith("no_penalty"):
        return _KINDS["no_penalty", must]
    if outcome.startswith("mitigated"):
        return _KINDS["mitigated", must]
    return "处罚"


def clause(law: str, article: int, paragraph: int, index: int, part: int) -> str:
    """某款第 index 句中以“；”分开的第 part 个分句，原文逐字。"""
    return sentence(law, article, paragraph, index).split("；")[part]


def as_date(value, what: str) -> date | None:
    """把 "2022-09-30" 或 date 读成 date；读不懂时给中文提示。"""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{what}应写成 2022-09-30 这样的日期，而不是 {value!r}。") from None


def add_years(d: date, years: int) -> date:
    """d 之后 years 年的对应日；没有对应日（2月29日）时取当月最后一日。"""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def full_age(birth: date, on: date) -> int:
    """on 当天已满的周岁（生日当天不算已满，见 AGE_RULE）。"""
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return years - 1 if years >= 1 and add_years(birth, years) == on else years


def limitation_end(start: date, years: int) -> date:
    """第三十六条期限的最后一天：start 为违法行为发生之日或终了之日（见 PERIOD_RULE）。"""
    return add_years(start, years)


def _age_of(age, birth_date, act: date | None) -> int | None:
    birth = as_date(birth_date, "出生日期（birth_date）")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 150):
        raise ValueError(f"年龄（age）应为 0 至 150 的整数周岁，而不是 {age!r}。")
    if birth is None:
        return age
    if act is None:
        raise ValueError("给了出生日期（birth_date），还须给违法行为发生之日（act_date），才能算出当时的周岁。")
    if birth > act:
        raise ValueError(f"出生日期 {birth} 晚于违法行为发生之日 {act}，请核对。")
    computed = full_age(birth, act)
    if age is not None and age != computed:
        raise ValueError(f"年龄（age={age}）与出生日期算出的周岁（{computed}）不一致，请只给一个或核对。")
    return computed


def _time_barred(act: date | None, ended: date | None, discovered: date | None,
                 life_health_or_finance: bool, harm: str) -> tuple[date | None, Decision | None]:
    """第三十六条：返回（期限最后一天, 超过时效时的决定）。"""
    if act and ended and ended < act:
        raise ValueError(f"行为终了之日 {ended} 早于发生之日 {act}，请核对。")
    start = ended or act
    if start is None:
        if discovered is not None:
            raise ValueError("给了发现之日（discovered），还须给违法行为发生之日（act_date）或终了之日（act_ended）。")
        return None, None
    if discovered is not None and discovered < start:
        which = "终了" if ended else "发生"
        raise ValueError(f"发现之日 {discovered} 早于违法行为{which}之日 {start}：连续或者继续状态的违法行为，"
                         f"act_ended 应为行为终了之日，请核对。")
    five = life_health_or_finance and harm != "none"
    years = 5 if five else 2
    end = limitation_end(start, years)
    if discovered is None or discovered <= end:
        return end, None
    why = [f"违法行为{'终了' if ended else '发生'}之日 {start}", f"发现之日 {discovered}",
           f"{'五' if five else '二'}年期限至 {end} 届满"]
    if five:
        why.append("涉及公民生命健康安全、金融安全且有危害后果")
    notes = (PERIOD_RULE + "（文本库中没有期间计算规则，以当地规定和司法实践为准）。",
             "期限的起算：" + sentence(LAW, 36, 2, 0) + "。")
    return end, Decision("no_penalty_time_barred", "不再给予行政处罚（超过追责时效）", True, LAW, 36, 1, None,
                         sentence(LAW, 36, 1, 0), tuple(why), notes, end)


def _validate_mental(mental):
    if mental is not None and mental not in MENTAL:
        raise ValueError("精神状态（mental）只能是 " + "、".join(f"{k}（{v}）" for k, v in MENTAL.items())
                         + f"，或不填，而不是 {mental!r}。")


def _with_30_31_36(base, facts: dict, *, age, birth_date, act_date, act_ended, discovered,
                   life_health_or_finance: bool, mental) -> Decision:
    """先按第三十三条、第三十二条判断，再让第三十六条、第三十条、第三十一条按其效力覆盖或加重结论。"""
    _validate_mental(mental)
    act, ended = as_date(act_date, "违法行为发生之日（act_date）"), as_date(act_ended, "行为终了之日（act_ended）")
    found = as_date(discovered, "发现之日（discovered）")
    years = _age_of(age, birth_date, act)
    if years is not None and years < 14 and facts["mitigating"]:
        raise ValueError(f"{years} 周岁不满十四周岁，依第三十条不予行政处罚，不存在第三十二条的从轻或者减轻："
                         "请去掉 mitigating，或核对年龄。")
    d = base(**facts)
    end, barred = _time_barred(act, ended, found, life_health_or_finance, facts["harm"])
    if barred:
        return barred
    age_note = (AGE_RULE + "（文本库中没有周岁的计算规则，以司法实践为准）。",) if birth_date is not None else ()
    if years is not None and years < 14:
        d = Decision("no_penalty_age", "不予行政处罚（不满十四周岁），责令监护人加以管教", True, LAW, 30, 1, None,
                     clause(LAW, 30, 1, 0, 0), (f"违法行为时 {years} 周岁，不满十四周岁",), age_note)
    elif mental == "unable":
        d = Decision("no_penalty_mental", "不予行政处罚，但应当责令其监护人严加看管和治疗", True, LAW, 31, 1, None,
                     sentence(LAW, 31, 1, 0), ("精神病人、智力残疾人在" + MENTAL["unable"] + "时有违法行为",),
                     ("间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚（第三十一条）。",))
    elif d.kind != "不予处罚":
        d = _mitigate_30_31(d, years, mental, age_note)
    return replace(d, limitation_end=end)


def _mitigate_30_31(d: Decision, years: int | None, mental: str | None, age_note: tuple) -> Decision:
    """未成年人（应当从轻或者减轻）与限制能力人（可以从轻或者减轻）在第三十三条、第三十二条结论上的作用。"""
    minor_age = years is not None and years < 18
    if d.kind == "可以不予处罚":
        extra = [x for x, on in (("已满十四周岁不满十八周岁，应当从轻或者减轻（第三十条）", minor_age),
                                 ("可以从轻或者减轻（第三十一条）", mental == "limited")) if on]
        return replace(d, notes=d.notes + (f"决定仍予处罚的：{'；'.join(extra)}。",)) if extra else d
    if minor_age:
        other = d.reasons if d.kind == "应当从轻或者减轻" else ()
        return Decision("mitigated_age", "应当从轻或者减轻处罚（已满十四周岁不满十八周岁）", True, LAW, 30, 1, None,
                        clause(LAW, 30, 1, 0, 1), (f"违法行为时 {years} 周岁",) + other,
                        age_note + ("从轻：在法定幅度内选较低的罚款；减轻：低于法定最低限。",))
    if d.kind == "处罚" and mental == "limited":
        return Decision("mitigated_mental", "可以从轻或者减轻处罚", False, LAW, 31, 1, None,
                        sentence(LAW, 31, 1, 2), ("精神病人、智力残疾人" + MENTAL["limited"],),
                        ("“可以”不是“应当”：是否从轻或者减轻，依照裁量基准说明理由。",))
    return d
