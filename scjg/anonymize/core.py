"""detect() and anonymize(): find identifiers, then replace them with consistent pseudonyms."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import entities, fields
from .rules import STRUCTURED, Span, fold, structured_spans

_PLACEHOLDER = {
    "ID_CARD": "【证件号已隐去】",
    "PHONE": "【电话已隐去】",
    "USCC": "【信用代码已隐去】",
    "BANK_CARD": "【账号已隐去】",
    "EMAIL": "【邮箱已隐去】",
    "PLATE": "【车牌号已隐去】",
    "LICENSE_NO": "【证号已隐去】",
    "DATE_OF_BIRTH": "某年某月某日",
}
_ORDINALS = "甲乙丙丁戊己庚辛壬癸"
TYPE_LABELS = {
    "PERSON": "姓名", "ORG": "单位名称", "ID_CARD": "身份证号", "PHONE": "电话", "USCC": "统一社会信用代码",
    "ADDRESS": "地址", "PLATE": "车牌号", "BANK_CARD": "银行卡号", "EMAIL": "电子邮箱",
    "LICENSE_NO": "证照/设备/账号编号", "DATE_OF_BIRTH": "出生日期",
}


def _resolve(spans: list[Span]) -> list[Span]:
    """Keep non-overlapping spans: checksummed identifiers first, then the longest."""
    rank = {t: i for i, t in enumerate(STRUCTURED)}
    order = sorted(set(spans), key=lambda s: (s.type not in rank, -(s.end - s.start), rank.get(s.type, 0), s.start))
    taken: list[Span] = []
    for s in order:
        if s.end > s.start and all(s.end <= t.start or s.start >= t.end for t in taken):
            taken.append(s)
    return sorted(taken)


def _candidates(text: str) -> tuple[list[Span], "entities._Ctx"]:
    folded = fold(text)
    spans = list(structured_spans(folded))
    ctx = entities._Ctx(folded)
    spans += entities.address_spans(ctx)
    spans += entities.org_spans(ctx)
    spans += entities.person_spans(ctx)
    spans += fields.field_spans(ctx)
    return spans, ctx


def _propagate(text: str, spans: list[Span], known: dict[str, str]) -> list[Span]:
    """Every other occurrence of a name already found is found too."""
    out = list(spans)
    for value, typ in sorted(known.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(value), text):
            out.append(Span(m.start(), m.end(), typ))
    return out


def learn(text: str, spans: list[Span], known: dict[str, str]) -> None:
    """Remember what was found (names, units, identifiers) so every other occurrence is caught as well."""
    for s in spans:
        value = text[s.start:s.end]
        if s.type != "DATE_OF_BIRTH" and len(value) >= (2 if s.type == "PERSON" else 4):
            known.setdefault(value, s.type)


def detect(text: str, known: dict[str, str] | None = None) -> list[Span]:
    """Spans (start, end, type) of personal and company identifiers in text, sorted, non-overlapping.

    known: values found before (in other files of one batch); it is updated with what this text adds.
    """
    if not text:
        return []
    candidates, ctx = _candidates(text)
    spans = _resolve(candidates)
    surnames = {entities.surname_of(text[s.start:s.end]) for s in spans if s.type == "PERSON"}
    spans = _resolve(spans + list(fields.nickname_spans(ctx, surnames)))
    names: dict[str, str] = {} if known is None else known
    learn(text, spans, names)
    return _resolve(spans + _propagate(text, [], names))


def _person_base(name: str) -> str:
    nick = fields.nickname_surname(name)
    if nick:
        return nick + "某"
    if any(ch in name for ch in "·•・"):
        return name[0] + "某某"
    if name[:2] not in entities.COMPOUND_SURNAMES and name[0] not in entities.SURNAMES:
        return "某某"  # 扎西多吉: no surname to keep
    sur = entities.surname_of(name)
    return sur + ("某" if len(name) - len(sur) <= 1 else "某某")


def _org_base(name: str) -> str:
    suffix = next((s for s in entities.ORG_SUFFIXES if name.endswith(s)), "")
    if suffix.endswith("公司"):
        suffix = "分公司" if suffix == "分公司" else "公司"
    industry = next((w for w in entities.ORG_INDUSTRY if w in name[:len(name) - len(suffix)]), "")
    if suffix in ("店", "厂") and not industry:
        last = entities.tokens(name)[-1].word
        if len(last) >= 2 and last.endswith(suffix):
            return "某" + last  # 水果店, 烧烤店, 加工厂
    return "某" + industry + suffix


def _address_base(addr: str) -> str:
    parts = []
    for level, mark in (("省", r"省|自治区"), ("市", r"市|州|盟"), ("区", r"区(?!域)"), ("县", r"县|旗")):
        m = re.search(mark, addr)
        if m and not (level == "区" and parts and "县" in addr and addr.find("县") < m.start()):
            parts.append((m.start(), "某" + ("市" if level == "市" else level)))
    parts.sort()
    out = "".join(p for _, p in parts[:3])
    for level in ("镇", "乡"):
        if level in addr and len(parts) < 3:
            out += "某" + level
            break
    return out or "某地"


def base_pseudonym(value: str, typ: str) -> str:
    """The readable stand-in before same-looking ones are told apart."""
    if typ == "PERSON":
        return _person_base(value)
    if typ == "ORG":
        return _org_base(value)
    if typ == "ADDRESS":
        return _address_base(value)
    return _PLACEHOLDER[typ]


class Pseudonyms:
    """Assigns stand-ins: the same value always gets the same one; different ones differ (张某甲, 张某乙)."""

    def __init__(self, items: list[tuple[str, str]]):
        groups: dict[str, list[str]] = {}
        self.map: dict[tuple[str, str], str] = {}
        nicks = [(v, t) for v, t in items if t == "PERSON" and fields.nickname_surname(v)]
        items = [it for it in items if it not in nicks]
        for value, typ in items:
            key = (self._key(value, typ), typ)
            if key in self.map:
                continue
            base = base_pseudonym(value, typ)
            self.map[key] = base
            if typ in ("PERSON", "ORG"):
                groups.setdefault(base, [])
                if key not in groups[base]:
                    groups[base].append(key)
        for base, keys in groups.items():
            if len(keys) > 1:
                for n, key in enumerate(keys):
                    tag = _ORDINALS[n] if n < len(_ORDINALS) else str(n + 1)
                    self.map[key] = base + tag
        self._link_nicknames(items, nicks)

    def _link_nicknames(self, items: list[tuple[str, str]], nicks: list[tuple[str, str]]) -> None:
        """老王 gets the stand-in of the one full name with surname 王, if there is exactly one."""
        for value, typ in nicks:
            sur = fields.nickname_surname(value)
            full = {self._key(v, t) for v, t in items if t == "PERSON" and entities.surname_of(v) == sur
                    and not fields.nickname_surname(v)}
            key = (self._key(value, typ), typ)
            self.map[key] = self.map[(full.pop(), "PERSON")] if len(full) == 1 else sur + "某"

    @staticmethod
    def _key(value: str, typ: str) -> str:
        return re.sub(r"\s", "", fold(value))

    def get(self, value: str, typ: str) -> str:
        return self.map[(self._key(value, typ), typ)]


@dataclass
class Replacement:
    """One replacement, for the trainer's review report."""

    start: int
    end: int
    type: str
    original: str
    pseudonym: str
    context: str


def context_of(text: str, start: int, end: int, width: int = 15) -> str:
    """A short excerpt around a span, with the span marked 【】."""
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return f"…{before}〖{text[start:end]}〗{after}…"


def apply(text: str, spans: list[Span], names: Pseudonyms) -> tuple[str, list[Replacement]]:
    """Replace spans in text; also return what was replaced."""
    out, last, reps = [], 0, []
    for s in sorted(spans):
        value = text[s.start:s.end]
        new = names.get(value, s.type)
        reps.append(Replacement(s.start, s.end, s.type, value, new, context_of(text, s.start, s.end)))
        out.append(text[last:s.start])
        out.append(new)
        last = s.end
    out.append(text[last:])
    return "".join(out), reps


def anonymize_with_report(text: str) -> tuple[str, list[Replacement]]:
    """anonymize() plus the list of replacements made."""
    spans = detect(text)
    names = Pseudonyms([(text[s.start:s.end], s.type) for s in spans])
    return apply(text, spans, names)


def anonymize(text: str) -> str:
    """text with every detected span replaced by a readable pseudonym (张某, 某公司, 某市某区...)."""
    return anonymize_with_report(text)[0]
