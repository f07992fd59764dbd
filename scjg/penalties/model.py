"""罚则的数据模型：档位、计算下限、罚款、情节严重档、罚款以外的处罚、情节严重的法定定义、一条规则、计算结果。"""
from __future__ import annotations

from dataclasses import dataclass, field

from scjg.penalties.facts import FACTS
from scjg.penalties.words import bounds_words, cn, floor_words, num, range_sentence, yuan


@dataclass(frozen=True)
class Tier:
    """一档：below/from 为基数区间（from 含本数、below 不含），none 表示基数为 0；amount 或 multiple 给出幅度。"""

    amount: tuple[float, float | None] | None = None
    multiple: tuple[float, float | None] | None = None
    below: float | None = None
    from_: float | None = None
    none: bool = False

    def matches(self, base: float | None) -> bool:
        if self.none:
            return base == 0
        if base is None:
            return self.below is None and self.from_ is None
        if self.from_ is not None and base < self.from_:
            return False
        if self.below is not None and base >= self.below:
            return False
        return True

    def needs_base(self) -> bool:
        return self.none or self.below is not None or self.from_ is not None or self.multiple is not None

    def condition_words(self, base_name: str) -> str:
        """本档的适用条件，例如“货值金额1万元以上”；无条件时为空字符串。"""
        if self.none:
            return f"没有{base_name}"
        if self.from_ is not None and self.below is not None:
            return f"{base_name}{yuan(self.from_)}以上不足{yuan(self.below)}"
        if self.from_ is not None:
            return f"{base_name}{yuan(self.from_)}以上"
        if self.below is not None:
            return f"{base_name}不足{yuan(self.below)}"
        return ""

    def describe(self, base_name: str) -> str:
        """本档的中文说明，例如“货值金额1万元以上：货值金额10倍以上20倍以下”。"""
        cond = self.condition_words(base_name)
        return (cond + "：" if cond else "") + self.range_words(base_name)

    def range_words(self, base_name: str) -> str:
        if self.amount is not None:
            lo, hi = self.amount
            return bounds_words(yuan(lo) if lo else None, yuan(hi) if hi is not None else None)
        lo, hi = self.multiple
        if lo and hi is not None:
            return f"{base_name}{num(lo)}倍以上{num(hi)}倍以下"
        return bounds_words(f"{base_name}{num(lo)}倍" if lo else None,
                            f"{base_name}{num(hi)}倍" if hi is not None else None)


@dataclass(frozen=True)
class Floor:
    amount: float
    channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class FineSpec:
    mandatory: bool
    depends_on: str
    tiers: tuple[Tier, ...]
    quote: str
    conditions: tuple[str, ...] = ()
    floors: tuple[Floor, ...] = ()
    quote_article: int | None = None


@dataclass(frozen=True)
class SeriousSpec:
    """情节严重/较重时的档位。conditions 为该档自己的前提（省略时沿用罚款的前提，[] 表示不需要前提）。"""

    tiers: tuple[Tier, ...]
    quote: str
    mandatory: bool | None = None
    quote_article: int | None = None
    conditions: tuple[str, ...] | None = None
    label: str = "情节严重"


# 行政处罚法第九条的处罚种类；“责令改正”等不是行政处罚（第二十八条）
PENALTY_TYPES = ("警告", "罚款", "没收违法所得", "没收非法财物", "吊销许可证件", "责令停产停业", "责令关闭",
                 "限制从业", "行政拘留")


_TYPE_WORDS = (("警告", ("警告",)), ("吊销许可证件", ("吊销", "撤销登记")), ("责令停产停业", ("停产停业", "停业整顿")),
               ("责令关闭", ("责令关闭", "取缔")), ("行政拘留", ("拘留",)))


@dataclass(frozen=True)
class Sanction:
    """罚款以外的一项处罚或措施：kind 为原文归纳，mandatory 为是否必处，condition 为前提（无则 None），
    quote 为原文（逐字，出自 law 第 article 条）。applies：事实表明前提具备为 True，未能判断为 None。
    amount：没收违法所得时按事实应没收的数额（违法所得减去依法退还的部分），其他为 None。"""

    kind: str
    mandatory: bool
    condition: str | None
    quote: str
    law: str = ""
    article: int = 0
    applies: bool | None = True
    amount: float | None = None
    note: str = ""

    @property
    def first_step(self) -> str:
        """选择性或递进的处罚（“……或者……”“……直至……”）中的第一项、也是最轻的一项；本工具记录案例时取它。"""
        k = self.kind
        for sep in ("直至", "或者"):
            if sep in k and not self.personal:
                k = k.split(sep)[0].rstrip("，、")
        return k

    @property
    def types(self) -> tuple[str, ...]:
        """本项（选择性、递进的取第一项）对当事人的处罚在行政处罚法第九条中的种类；处罚到人的和不是行政处罚的措施
        （责令改正、连带责任等）为空。"""
        k = self.first_step
        if self.personal:
            return ()
        out = [t for t, words in _TYPE_WORDS if any(w in k for w in words)]
        if "没收" in k:
            rest = k
            for w in ("没收", "违法所得", "和", "、", "全部储存", "运输收入"):
                rest = rest.replace(w, "")
            if "违法所得" in k or "收入" in k:
                out.append("没收违法所得")
            if rest:
                out.append("没收非法财物")
        return tuple(sorted(set(out), key=PENALTY_TYPES.index))

    @property
    def personal(self) -> bool:
        """是否处罚到人（对法定代表人、主要负责人、直接责任人员等）。"""
        return (self.kind.startswith("对") and "人员" in self.kind) or "公安机关" in self.kind

    def words(self) -> str:
        cond = f"{self.condition}的，" if self.condition else ""
        return f"{cond}{'' if self.mandatory else '可以'}{self.kind}"


@dataclass(frozen=True)
class Ground:
    """法定情节严重情形中的一项：fact 与 from_ 给出时可由事实判断（例如货值金额2万元以上）。"""

    item: int
    quote: str
    fact: str | None = None
    from_: float | None = None


@dataclass(frozen=True)
class SeriousDefinition:
    """法规对“情节严重”的定义（例如食品安全法实施条例第六十七条），适用于另一法律的若干条。"""

    id: str
    law: str
    article: int
    applies_law: str
    applies_articles: tuple[int, ...]
    grounds: tuple[Ground, ...]
    effect_quote: str
    lead_quote: str

    @property
    def citation(self) -> str:
        return f"《{self.law}》第{cn(self.article)}条"

    def met(self, facts: dict) -> list[Ground]:
        """事实满足的各项（只看可由数额、时间判断的项）。"""
        return [g for g in self.grounds if g.fact and isinstance(facts.get(g.fact), float)
                and facts[g.fact] >= g.from_]


@dataclass(frozen=True)
class SameAct:
    """同一违法行为涉及的几条罚则（行政处罚法第二十九条）：chain 为一部法律与依其制定的行政法规的对应罚则，
    outside 为 law 第 article 条（quote）还列出、文本库未收录的法律。"""

    id: str
    law: str
    article: int
    act: str
    quote: str
    chain: tuple[str, ...]
    outside: tuple[str, ...] = ()
    made_under: str = ""       # chain 末条所在法规第一条中“根据……制定本规定”的原文


@dataclass(frozen=True)
class Rule:
    """一条罚则（YAML 中的一项）。"""

    id: str
    law: str
    article: int
    paragraph: int
    items: tuple[int, ...]
    violation: str
    quote: str
    keywords: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    fine: FineSpec | None = None
    serious: SeriousSpec | None = None
    sanctions: tuple[Sanction, ...] = ()
    note: str = ""
    see_also: tuple[str, ...] = ()
    source_file: str = ""
    governed_by: str = ""
    excludes_fine: str = ""
    fine_from: str = ""

    @property
    def other_sanctions(self) -> tuple[str, ...]:
        """罚款以外的处罚和措施的中文说明（汇总表、对比表用）。"""
        return tuple(s.words() for s in self.sanctions)

    @property
    def provision(self) -> str:
        """条款项的中文写法，例如“第一百二十四条第一款第（五）项”。"""
        s = f"第{cn(self.article)}条第{cn(self.paragraph)}款"
        if self.items:
            s += "、".join(f"第（{cn(i)}）项" for i in self.items)
        return s

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.provision}"

    def range_words(self) -> str:
        """罚款幅度的中文说明（汇总表、控件用）。"""
        if self.fine is None:
            return "不设罚款"
        base = FACTS.get(self.fine.depends_on, "")
        s = "；".join(t.describe(base) for t in self.fine.tiers)
        if self.fine.floors:
            s += "（" + "，".join(floor_words(f.amount, f.channels, base) for f in self.fine.floors) + "）"
        if self.serious:
            s += f"；{self.serious.label}的：" + "；".join(t.describe(base) for t in self.serious.tiers)
        return s


@dataclass(frozen=True)
class FineRange:
    """fine_range 的结果：min/max 为罚款幅度（元）。max 为 None：法律未规定上限；min 也为 None：本工具算不出数额
    （数额由未收录的文件规定，如食品安全法第一百二十七条；或按倍数计算而金额无法查清）——此时 basis 说明原因，
    range_words 给出可直接显示的中文，allows() 返回 None（无法核对）。"""

    min: float | None
    max: float | None
    mandatory: bool
    basis: str
    quote: str
    conditions: list[str] = field(default_factory=list)
    rule_id: str = ""
    law: str = ""
    article: int = 0
    paragraph: int = 0
    items: tuple[int, ...] = ()
    version: str = ""
    sanctions: tuple[Sanction, ...] = ()
    serious: bool = False
    no_amount: str = ""        # min 为 None 时：为什么算不出数额（中文一句）

    @property
    def known(self) -> bool:
        """本工具能否给出罚款数额（min 不为 None）。"""
        return self.min is not None

    @property
    def range_words(self) -> str:
        """罚款幅度的中文，例如“5万元至10万元”“不处罚款”；算不出数额时说明原因（不会出错）。"""
        if self.min is None:
            return self.no_amount or "本工具算不出罚款数额，见计算说明。"
        if not self.min and not self.max:
            return "不处罚款" if self.max == 0 else "罚款数额未规定"
        return range_sentence(self.min, self.max)

    def allows(self, amount: float) -> bool | None:
        """罚款 amount（元）是否在法定幅度内；算不出数额时为 None（只能对照 basis 所说的规定核对）。"""
        if self.min is None:
            return None
        return self.min - 0.005 <= amount and (self.max is None or amount <= self.max + 0.005)

    def _repr_html_(self) -> str:
        import html
        head = self.range_words if self.min is None else "罚款幅度：" + self.range_words
        other = "".join(f"<li>{html.escape(s.words())}{'' if s.mandatory else '（可选）'}</li>" for s in self.sanctions)
        return (f"<div><b>{html.escape(head)}</b>"
                f"（{'必须处罚款' if self.mandatory else '可以处罚款'}）<br>{html.escape(self.basis)}"
                + (f"<br>其他处罚和措施：<ul>{other}</ul>" if other else "")
                + f"<br><span style='color:#555'>原文：“{html.escape(self.quote)}”</span></div>")
