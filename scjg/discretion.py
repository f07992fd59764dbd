"""行政处罚裁量：不予处罚（含首违不罚）、从轻/减轻、一般，以及涉嫌犯罪的移送——按《行政处罚法》的条文判断。

各领域课程共用（食品、药品、特种设备、价格）。说明里的法条原文全部从法律文本库（scjg.laws）取出，
不在代码里重打：

    >>> from scjg.discretion import decide, show_ladder
    >>> d = decide(first_offense=True, harm="minor", rectified=True)
    >>> d.outcome, d.label, d.must      # ('no_penalty_first', '可以不予处罚（首违不罚）', False)
    >>> d.citation, d.quote             # 《行政处罚法》第三十三条第一款, 原文句子
    >>> show_ladder()                   # 裁量阶梯表（Notebook 中显示）

判断只按法律条文给出“可以/应当”的方向；具体是否适用、罚多少，还须依照当地裁量基准和全案证据。
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

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
           domain: str | None = None) -> Decision:
    """按《行政处罚法》第三十三条、第三十二条给出裁量方向。

    harm：none（没有危害后果）、minor（轻微）、actual（造成了危害后果）；minor：违法行为是否轻微；
    mitigating：符合第三十二条的哪几项（1–5）；domain：没有主观过错时另有规定的领域——"food"（食品经营者，
    食品安全法第一百三十六条）或 "product"（产品质量法第五十五条）。
    """
    if domain is not None and domain not in NO_FAULT_DOMAINS:
        raise ValueError("domain 只能是 " + "、".join(f"{k}（{v}）" for k, v in NO_FAULT_DOMAINS.items())
                         + f"，而不是 {domain!r}。")
    if harm not in HARM:
        raise ValueError(f"危害后果（harm）只能是 " + "、".join(f"{k}（{v}）" for k, v in HARM.items()) + f"，而不是 {harm!r}。")
    bad = [m for m in mitigating if m not in MITIGATING]
    if bad:
        raise ValueError(f"第三十二条只有第（一）至（五）项，没有 {bad}。")
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


class DiscretionHelper:
    """裁量小助手控件：勾选案件情节，显示裁量方向与条文原文。属性 first_offense、harm、rectified、
    minor、no_fault、mitigating、domain 是可直接操作的控件；decision 是最近一次判断结果。"""

    def __init__(self):
        import ipywidgets as W

        style = {"description_width": "10em"}
        self.first_offense = W.Checkbox(value=False, description="初次违法", indent=False)
        self.rectified = W.Checkbox(value=False, description="及时改正", indent=False)
        self.minor = W.Checkbox(value=False, description="违法行为轻微", indent=False)
        self.no_fault = W.Checkbox(value=False, description="有证据证明没有主观过错", indent=False)
        self.harm = W.Dropdown(options=[(v, k) for k, v in HARM.items()], value="actual", description="危害后果",
                               style=style)
        self.mitigating = W.SelectMultiple(options=[(f"第（{_cn(k)}）项 {v}", k) for k, v in MITIGATING.items()],
                                           value=(), description="第三十二条情形", style=style,
                                           layout=W.Layout(width="46em", height="7.5em"))
        self.domain = W.Dropdown(options=[("一般（行政处罚法）", None), ("食品经营者", "food"), ("产品销售者", "product")],
                                 value=None, description="另有规定的领域", style=style)
        self.output = W.HTML()
        self.decision: Decision | None = None
        self.widget = W.VBox([
            W.HTML("<h4 style='margin:0.2em 0'>裁量小助手</h4><div style='color:#555'>勾选案件情节，"
                   "看《行政处罚法》给出的方向。结果只是法律条文的方向，最终还须依照裁量基准和全案证据。</div>"),
            W.HBox([self.first_offense, self.rectified, self.minor, self.no_fault]),
            self.harm, self.mitigating, self.domain, self.output,
        ])
        for w in (self.first_offense, self.rectified, self.minor, self.no_fault, self.harm, self.mitigating, self.domain):
            w.observe(lambda _c: self.update(), names="value")
        self.update()

    def update(self) -> Decision:
        self.decision = decide(first_offense=self.first_offense.value, harm=self.harm.value,
                               rectified=self.rectified.value, minor=self.minor.value,
                               no_fault=self.no_fault.value, mitigating=tuple(self.mitigating.value),
                               domain=self.domain.value)
        self.output.value = self.decision._repr_html_()
        return self.decision

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
