"""Recall of scjg.anonymize.detect on an annotated corpus: per type, per variant, exact boundaries, decoys."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scjg.anonymize import detect


@dataclass
class Scores:
    total: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    exact: Counter = field(default_factory=Counter)
    variant_total: Counter = field(default_factory=Counter)
    variant_found: Counter = field(default_factory=Counter)
    n_keep: int = 0
    touched: int = 0
    misses: list = field(default_factory=list)
    hits: list = field(default_factory=list)

    def recall(self, typ: str) -> float:
        return self.found[typ] / self.total[typ]

    def exact_share(self, typ: str) -> float:
        return self.exact[typ] / self.total[typ]

    def variant_recall(self, key: tuple[str, str]) -> float:
        return self.variant_found[key] / self.variant_total[key]

    @property
    def decoy_share(self) -> float:
        return self.touched / self.n_keep

    def summary(self, title: str, n_docs: int) -> str:
        lines = ["", f"{title}：{n_docs} 份文书，{sum(self.total.values())} 个标注项，{self.n_keep} 个应保留项"]
        for t in sorted(self.total, key=lambda t: -self.total[t]):
            lines.append(f"  {t:<14} 召回率 {self.recall(t):6.1%}  边界完全一致 {self.exact_share(t):6.1%}  （{self.total[t]} 项）")
        if len(self.variant_total) > len(self.total):
            lines.append("  分变体：")
            for key in sorted(self.variant_total):
                lines.append(f"    {key[0]:<11} {key[1]:<24} {self.variant_recall(key):6.1%}  （{self.variant_total[key]} 项）")
        lines.append(f"  应保留项被改动比例 {self.decoy_share:.2%}（{self.touched}/{self.n_keep}）")
        lines += [f"  漏检 {t}/{v}: {value!r}  …{ctx}…" for t, v, value, ctx in self.misses[:30]]
        lines += [f"  误改 {label}: {value!r}" for label, value in self.hits[:15]]
        return "\n".join(lines)


def score(docs) -> Scores:
    """A gold item counts as found when one span of its type covers it; gold is (start, end, type[, variant])."""
    sc = Scores()
    for doc in docs:
        spans = detect(doc.text)
        for item in doc.gold:
            s, e, t = item[:3]
            variant = item[3] if len(item) > 3 else t
            sc.total[t] += 1
            sc.variant_total[(t, variant)] += 1
            if any(x.type == t and x.start <= s and x.end >= e for x in spans):
                sc.found[t] += 1
                sc.variant_found[(t, variant)] += 1
                sc.exact[t] += any(x.type == t and x.start == s and x.end == e for x in spans)
            else:
                sc.misses.append((t, variant, doc.text[s:e], doc.text[max(0, s - 12):e + 12].replace("\n", " ")))
        for s, e, label in doc.keep:
            sc.n_keep += 1
            if any(x.start < e and x.end > s for x in spans):
                sc.touched += 1
                sc.hits.append((label, doc.text[s:e]))
    return sc
