"""行刑衔接：案件事实是否达到《刑法》的追诉门槛、应当移送公安机关（行政处罚法第二十七条）。

    >>> from scjg.referral import assess
    >>> r = assess(140, sales_amount=60000)
    >>> r.refer, r.article, r.threshold, r.quote     # True, '第一百四十条', '销售金额五万元以上……', 原文
    >>> assess(142, sales_amount=60000).path         # ('第一百四十二条', '第一百四十九条', '第一百四十条')

覆盖刑法第一百三十四条之一、第一百四十条至第一百四十六条、第一百四十二条之一、第一百四十九条，以及
《最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释》界定门槛的条文。
数额门槛从条文原文读出（不在代码里重写），“以上”包括本数（刑法第九十九条）。门槛取决于立案追诉标准等
文本库中没有的文件时，threshold 如实说明，不给数字。结论只是移送的方向，是否构成犯罪由司法机关认定。
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from scjg import laws
from scjg.answers import amount as read_amount
from scjg.discretion import item_text, sentence
from scjg.money import yuan

CRIMINAL = "刑法"
FOOD_JI = "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释"
NOT_IN_CORPUS = "（认定标准见立案追诉标准或相关司法解释，不在本教材的法律文本库中，须查最新文本，此处不给数字）"

#: 每条可用的事实参数（其余参数对该条无意义，给了就报错，免得误以为起了作用）
FACT_KEYWORDS = {
    (134, 1): {"item", "real_danger"},
    (140, 0): {"sales_amount", "knowing"},
    (141, 0): {"sales_amount", "knowing"},
    (142, 0): {"sales_amount", "serious_harm", "knowing"},
    (142, 1): {"sales_amount", "item", "sufficient_danger", "serious_harm", "knowing"},
    (143, 0): {"sales_amount", "item", "sufficient_danger", "serious_harm", "knowing"},
    (144, 0): {"sales_amount", "item", "knowing"},
    (145, 0): {"sales_amount", "sufficient_danger", "serious_harm", "knowing"},
    (146, 0): {"sales_amount", "serious_harm", "knowing"},
    (149, 0): {"sales_amount", "knowing"},
}
#: 条文里以“（一）（二）……”列举情形的：条号 → （所在法律、条、款），item= 指其中一项
ITEM_LISTS = {(134, 1): (CRIMINAL, "134之一", 1), (142, 1): (CRIMINAL, "142之一", 1),
          (143, 0): (FOOD_JI, 1, 1), (144, 0): (FOOD_JI, 9, 1)}

KEYWORD_NAMES = {"sales_amount": "销售金额", "item": "情形（项号）", "real_danger": "现实危险",
                 "sufficient_danger": "足以造成严重危害", "serious_harm": "造成严重危害或严重后果",
                 "knowing": "销售者明知"}


@dataclass(frozen=True)
class Referral:
    """移送判断：refer 为 True 时应当移送公安机关；article 是决定结论的条文，quote 是其原文。"""

    refer: bool
    law: str
    article: str               # 条文标签，例如 "第一百三十四条之一"
    threshold: str             # 法律要求的门槛（中文）
    quote: str                 # 原文逐字
    path: tuple[str, ...] = ()  # 依次适用的刑法条文（第一百四十二条 → 第一百四十九条 → 第一百四十条）
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    item: int | None = None     # 决定结论的项（两高解释第一条的某项等）

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.article}" + (f"第（{laws.cn_number(self.item)}）项" if self.item else "")

    def _repr_html_(self) -> str:
        e = html.escape
        head = "涉嫌犯罪，应当移送公安机关" if self.refer else "未达到移送门槛，由市场监管部门依法处罚"
        notes = "".join(f"<div style='color:#555'>注意：{e(n)}</div>" for n in self.notes)
        path = f"<br>适用路径：{e(' → '.join(self.path))}" if len(self.path) > 1 else ""
        return (f"<div style='border-left:4px solid #9f2f2f;padding:0.3em 1em;line-height:1.7'>"
                f"<b>{e(head)}</b><br>门槛：{e(self.threshold)}<br>依据：{e(self.citation)}：“{e(self.quote)}”"
                f"{path}<br>理由：{e('；'.join(self.reasons))}{notes}</div>")


def _label(key: tuple[int, int]) -> str:
    return laws.article_label(*key)


def clause(law: str, number, paragraph: int = 1, index: int = 0, part: int = 0) -> str:
    """某条某款第 index 句中以“；”分开的第 part 个分句（原文逐字）。"""
    art = laws.article(law, number)
    parts = [s for s in art.paragraph(paragraph).text.rstrip("：").split("。") if s.strip()]
    return parts[index].split("；")[part]


def amount_in(quote: str) -> tuple[float, str]:
    """从原文句子里读出“销售金额……元以上”：例如“销售金额五万元以上” → (50000.0, "五万元")。"""
    m = re.search(r"销售金额(?:在)?([^，；。]+?元)以上", quote)
    if not m:
        raise ValueError(f"原文中找不到“销售金额……元以上”：{quote}")
    return read_amount(m.group(1)), m.group(1)


def _result(refer, law, number, threshold, quote, path, reasons, notes=(), item=None) -> Referral:
    label = _label(laws.parse_article_number(number))
    return Referral(refer, law, label, threshold, quote, tuple(path), tuple(reasons), tuple(notes), item)


def _sales(sales_amount) -> float | None:
    if sales_amount is None:
        return None
    if isinstance(sales_amount, bool) or not isinstance(sales_amount, (int, float)) or sales_amount < 0:
        raise ValueError(f"销售金额（sales_amount）应为不小于 0 的元数，而不是 {sales_amount!r}。")
    return float(sales_amount)


# ------------------------------------------------------------------------- 各条
def _article_149(sales: float | None, via: tuple[str, ...] = (), reasons=()) -> Referral:
    """第一百四十九条第一款：不构成第一百四十一条至第一百四十八条之罪，但销售金额五万元以上的，依照第一百四十条。"""
    quote = sentence(CRIMINAL, 149, 1, 0)
    floor, words = amount_in(quote)
    threshold = f"销售金额{words}以上（含本数，刑法第九十九条），依照第一百四十条定罪处罚"
    path = via + ("第一百四十九条", "第一百四十条")
    if sales is None:
        return _result(False, CRIMINAL, 149, threshold, quote, path, reasons + ("未给出销售金额",))
    met = sales >= floor
    why = reasons + (f"销售金额{yuan(sales)}{'达到' if met else '不足'}{yuan(floor)}",)
    return _result(met, CRIMINAL, 149, threshold, quote, path, why, _tier_140(sales) if met else ())


def _tier_140(sales: float) -> tuple[str, ...]:
    """第一百四十条中销售金额所在的量刑档（原文分句）。"""
    tiers = [clause(CRIMINAL, 140, 1, 0, i) for i in range(4)]
    hit = [t for t in tiers if sales >= amount_in(t)[0]][-1:]
    return tuple(f"量刑档：“{t}”" for t in hit)


def _article_140(sales: float | None, **_) -> Referral:
    quote = clause(CRIMINAL, 140, 1, 0, 0)
    floor, words = amount_in(quote)
    threshold = f"销售金额{words}以上（含本数，刑法第九十九条）"
    notes = ("尚未销售的伪劣产品按货值金额怎样追诉，依据的司法解释和立案追诉标准不在文本库中。",)
    if sales is None:
        return _result(False, CRIMINAL, 140, threshold, quote, ("第一百四十条",), ("未给出销售金额",), notes)
    met = sales >= floor
    why = (f"销售金额{yuan(sales)}{'达到' if met else '不足'}{yuan(floor)}",)
    return _result(met, CRIMINAL, 140, threshold, quote, ("第一百四十条",), why,
                   (_tier_140(sales) if met else ()) + notes)


def _article_134_1(item=None, real_danger=False, **_) -> Referral:
    lead = laws.article(CRIMINAL, "134之一").paragraph(1).text.rstrip("：")
    threshold = ("有第（一）至（三）项情形之一，并具有发生重大伤亡事故或者其他严重后果的现实危险；不要求已经发生事故。"
                 "特种设备被依法责令停止使用而拒不执行的，属第（二）项。“现实危险”的认定" + NOT_IN_CORPUS)
    path = ("第一百三十四条之一",)
    if item is None:
        return _result(False, CRIMINAL, "134之一", threshold, lead, path, ("不具有第（一）至（三）项所列情形",))
    it = item_text(CRIMINAL, "134之一", item)
    if not real_danger:
        return _result(False, CRIMINAL, "134之一", threshold, lead, path,
                       (f"有第（{laws.cn_number(item)}）项情形", "但不具有发生重大伤亡事故或者其他严重后果的现实危险"))
    return _result(True, CRIMINAL, "134之一", threshold, lead, path,
                   (f"有第（{laws.cn_number(item)}）项情形：{it}", "具有发生重大伤亡事故或者其他严重后果的现实危险"), item=item)


def _article_141(sales=None, **_) -> Referral:
    quote = clause(CRIMINAL, 141, 1, 0, 0)
    return _result(True, CRIMINAL, 141, "没有数额或者后果门槛：生产、销售假药的，即涉嫌犯罪（假药的范围见药品管理法第九十八条）",
                   quote, ("第一百四十一条",), ("生产、销售假药",),
                   ("同时构成第一百四十条之罪的（销售金额五万元以上），依照处罚较重的规定定罪处罚（第一百四十九条第二款）。",))


def _harm_or_149(key, refer_quote, threshold, met: bool, met_reason: str, miss_reason: str, sales, notes=()):
    """有第一百四十一条至第一百四十八条所列产品：达到该条门槛就按该条移送，否则看第一百四十九条。"""
    label = _label(key)
    if met:
        return _result(True, CRIMINAL, label, threshold, refer_quote, (label,), (met_reason,), notes)
    r = _article_149(sales, (label,), (miss_reason,))
    return Referral(r.refer, r.law, r.article, f"{threshold}；否则：{r.threshold}", r.quote, r.path, r.reasons,
                    r.notes + tuple(notes))


def _article_142(sales=None, serious_harm=False, **_) -> Referral:
    quote = clause(CRIMINAL, 142, 1, 0, 0)
    return _harm_or_149((142, 0), quote, "生产、销售劣药，对人体健康造成严重危害" + NOT_IN_CORPUS, serious_harm,
                        "对人体健康造成严重危害", "劣药未对人体健康造成严重危害，不构成第一百四十二条之罪", sales)


def _article_142_1(sales=None, item=None, sufficient_danger=False, serious_harm=False, **_) -> Referral:
    lead = laws.article(CRIMINAL, "142之一").paragraph(1).text.rstrip("：")
    met = item is not None and (sufficient_danger or serious_harm)
    why = (f"有第（{laws.cn_number(item)}）项情形，足以严重危害人体健康" if met else
           "不具有第（一）至（四）项情形" if item is None else "不足以严重危害人体健康")
    return _harm_or_149((142, 1), lead, "有第（一）至（四）项情形之一，足以严重危害人体健康" + NOT_IN_CORPUS, met,
                        why, why, sales)


def _article_143(sales=None, item=None, sufficient_danger=False, serious_harm=False, **_) -> Referral:
    quote = clause(CRIMINAL, 143, 1, 0, 0)
    threshold = ("足以造成严重食物中毒事故或者其他严重食源性疾病（两高解释第一条所列情形），"
                 "或者对人体健康造成严重危害（两高解释第二条）")
    if item is not None:
        it = item_text(FOOD_JI, 1, item).rstrip("；。")
        return _result(True, FOOD_JI, 1, threshold, it, ("第一百四十三条",),
                       (f"属于两高解释第一条第（{laws.cn_number(item)}）项情形，应当认定为“足以造成严重食物中毒事故或者其他严重食源性疾病”",),
                       (f"刑法第一百四十三条：“{quote}”",), item)
    met = sufficient_danger or serious_harm
    note = ("无证据证明足以造成严重食物中毒事故或者其他严重食源性疾病的，看是否构成生产、销售伪劣产品罪等其他犯罪"
            "（两高解释第十三条第二款）。",)
    return _harm_or_149((143, 0), quote, threshold, met,
                        "对人体健康造成严重危害" if serious_harm else "足以造成严重食物中毒事故或者其他严重食源性疾病",
                        "无证据证明足以造成严重食物中毒事故或者其他严重食源性疾病", sales, note if not met else ())


def _article_144(sales=None, item=None, knowing=None, **_) -> Referral:
    quote = clause(CRIMINAL, 144, 1, 0, 0)
    threshold = ("没有数额门槛：在生产、销售的食品中掺入有毒、有害的非食品原料（两高解释第九条），"
                 "或者销售明知（两高解释第十条）掺有的食品，即涉嫌犯罪")
    if item is None:
        return _harm_or_149((144, 0), quote, threshold, False, "", "所用物质不属于两高解释第九条的有毒、有害的非食品原料", sales)
    return _result(True, CRIMINAL, 144, threshold, quote, ("第一百四十四条",),
                   (f"所用物质属于两高解释第九条第（{laws.cn_number(item)}）项：{item_text(FOOD_JI, 9, item)}",))


def _article_145(sales=None, sufficient_danger=False, serious_harm=False, knowing=None, **_) -> Referral:
    quote = clause(CRIMINAL, 145, 1, 0, 0)
    return _harm_or_149((145, 0), quote, "足以严重危害人体健康" + NOT_IN_CORPUS, sufficient_danger or serious_harm,
                        "足以严重危害人体健康", "不足以严重危害人体健康", sales)


def _article_146(sales=None, serious_harm=False, knowing=None, **_) -> Referral:
    quote = clause(CRIMINAL, 146, 1, 0, 0)
    return _harm_or_149((146, 0), quote, "造成严重后果" + NOT_IN_CORPUS, serious_harm, "造成严重后果", "未造成严重后果",
                        sales)


def _unknowing(key) -> Referral:
    """不明知：本节之罪没有过失犯的规定（刑法第十五条第二款），不明知的不构成故意犯罪（第十四条）。"""
    return _result(False, CRIMINAL, 14, "明知（故意犯罪）：" + sentence(CRIMINAL, 14, 1, 0), sentence(CRIMINAL, 14, 1, 0),
                   (_label(key),), ("现有证据不能证明当事人明知",),
                   (f"刑法第十五条第二款：“{sentence(CRIMINAL, 15, 2, 0)}”；{_label(key)}没有处罚过失的规定。",
                    "“明知”怎样认定：食品见两高解释第十条；药品等其他领域的司法解释不在文本库中。"
                    "有证据证明明知的，仍应移送。"))


_ARTICLES = {(134, 1): _article_134_1, (140, 0): _article_140, (141, 0): _article_141, (142, 0): _article_142,
             (142, 1): _article_142_1, (143, 0): _article_143, (144, 0): _article_144, (145, 0): _article_145,
             (146, 0): _article_146, (149, 0): lambda sales=None, **_: _article_149(sales)}


def _check_item(key, item):
    law, number, paragraph = ITEM_LISTS[key]
    items = laws.article(law, number).paragraph(paragraph).items
    if isinstance(item, bool) or item not in [i.number for i in items]:
        where = f"《{law}》{laws.article(law, number).label}" if law == FOOD_JI else f"刑法{_label(key)}"
        raise ValueError(f"{where}只有第（一）至（{laws.cn_number(len(items))}）项，item 不能是 {item!r}。")


def assess(article, *, sales_amount=None, item: int | None = None, serious_harm: bool = False,
           sufficient_danger: bool = False, real_danger: bool = False, knowing: bool | None = None) -> Referral:
    """按《刑法》article（124、"134之一" 或 "第一百三十四条之一"）判断案件事实是否达到移送门槛。

    sales_amount：销售金额（元）；item：第一百三十四条之一、第一百四十二条之一的项号，第一百四十三条为两高解释
    第一条的项号，第一百四十四条为两高解释第九条的项号；serious_harm：对人体健康造成严重危害（第一百四十六条为
    造成严重后果）；sufficient_danger：足以造成严重危害；real_danger：现实危险；knowing=False：现有证据不能证明明知（不构成本节的故意犯罪，刑法第十四条、第十五条第二款）。
    """
    key = laws.parse_article_number(article)
    if key not in _ARTICLES:
        names = "、".join(_label(k) for k in _ARTICLES)
        raise ValueError(f"暂不支持刑法{_label(key)}：可判断的是{names}。")
    given = {"sales_amount": sales_amount, "item": item, "serious_harm": serious_harm or None,
             "sufficient_danger": sufficient_danger or None, "real_danger": real_danger or None, "knowing": knowing}
    extra = [k for k, v in given.items() if v is not None and k not in FACT_KEYWORDS[key]]
    if extra:
        raise ValueError(f"刑法{_label(key)}的门槛与“{'、'.join(KEYWORD_NAMES[k] for k in extra)}”（{', '.join(extra)}）无关："
                         f"请只给{'、'.join(KEYWORD_NAMES[k] for k in sorted(FACT_KEYWORDS[key]))}。")
    if item is not None:
        _check_item(key, item)
    if knowing is False:
        return _unknowing(key)
    return _ARTICLES[key](sales=_sales(sales_amount), item=item, serious_harm=serious_harm,
                          sufficient_danger=sufficient_danger, real_danger=real_danger, knowing=knowing)
