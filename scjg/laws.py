"""法律文本库：按条、款、项读取 datasets/laws/texts/ 中的法条原文，核对引文是否逐字。

    >>> a = article("食品安全法", 124)
    >>> a.label, a.version          # ('第一百二十四条', '2021-04-29')
    >>> a.paragraphs[0].items[4].text
    >>> is_verbatim("食品安全法", 124, "生产经营标注虚假生产日期、保质期或者超过保质期的食品")
    >>> search("保质期")            # 含该词的条文
    >>> show_article("食品安全法", 124, highlight="超过保质期")   # Notebook 中显示
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import cn2an
import yaml

from scjg.answers import cn_int
from scjg.paths import LAWS_DIR

TEXTS_DIR = LAWS_DIR / "texts"
MANIFEST = LAWS_DIR / "manifest.yaml"

_CN_DIGITS = "零〇一二三四五六七八九十百千万两"
_ARTICLE_RE = re.compile(rf"^第([{_CN_DIGITS}]+)条(?:之([{_CN_DIGITS}]+))?[ \u3000]+")
_ITEM_RE = re.compile(rf"^[（(]([{_CN_DIGITS}]+)[)）]")
_WS_RE = re.compile(r"\s+")


# ---------------------------------------------------------------- data types
@dataclass(frozen=True)
class LawInfo:
    """清单中的一部法律（见 datasets/laws/manifest.yaml）。"""

    short_name: str
    title: str
    file: str
    source: str
    kind: str
    version_date: str
    version_label: str
    effective_date: str
    effective_note: str
    aliases: tuple[str, ...] = ()
    later_amendments: tuple[dict, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return TEXTS_DIR / self.file

    @property
    def version_note(self) -> str:
        """本文本之后的修改提示（中文）；没有则为空字符串。"""
        return "".join(a["summary"] for a in self.later_amendments)

    @property
    def version_stamp(self) -> str:
        """例如：《中华人民共和国食品安全法》（2021年4月29日第二次修正，2021-04-29 起施行）"""
        return f"《{self.title}》（{self.version_label}，{self.effective_date} 起施行）"


@dataclass(frozen=True)
class Item:
    """项：text 为原文整行（含“（一）”序号），content 为去掉序号后的内容。"""

    number: int
    text: str
    paragraph: int

    @property
    def content(self) -> str:
        return _ITEM_RE.sub("", self.text, count=1)


@dataclass(frozen=True)
class Paragraph:
    """款：text 为本款首行原文（第一款不含“第X条”字样），items 为其下各项。"""

    number: int
    text: str
    items: tuple[Item, ...] = ()

    @property
    def full_text(self) -> str:
        return "\n".join([self.text, *(i.text for i in self.items)])

    def item(self, n: int) -> Item:
        for it in self.items:
            if it.number == n:
                return it
        raise ValueError(f"第{_cn(self.number)}款没有第{_cn(n)}项（本款共 {len(self.items)} 项）。")


@dataclass(frozen=True)
class Article:
    """条：text 为本条原文（各行以换行连接，含开头的“第X条”）。"""

    law: str
    number: int
    sub: int
    label: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    version: str
    title: str
    chapter: str = ""
    version_note: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for p in self.paragraphs for i in p.items)

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.label}"

    def paragraph(self, n: int) -> Paragraph:
        if not 1 <= n <= len(self.paragraphs):
            raise ValueError(f"{self.citation}没有第{_cn(n)}款（本条共 {len(self.paragraphs)} 款）。")
        return self.paragraphs[n - 1]

    def item(self, n: int, paragraph: int = 1) -> Item:
        return self.paragraph(paragraph).item(n)

    def _repr_html_(self) -> str:
        return _article_html(self, [])


@dataclass(frozen=True)
class QuoteCheck:
    """引文核对结果：ok 为 True 表示引文是该条原文的连续片段（忽略空白）。"""

    ok: bool
    message: str
    law: str
    article: int
    quote: str
    matched_prefix: str = ""

    def __bool__(self) -> bool:
        return self.ok


@dataclass
class _Law:
    info: LawInfo
    preamble: str
    articles: dict[tuple[int, int], Article] = field(default_factory=dict)


# ---------------------------------------------------------------- helpers
def cn_number(n: int) -> str:
    """124 -> 一百二十四（条、款、项序号用；全包只此一处）。"""
    return cn2an.an2cn(int(n))


_cn = cn_number


_to_int = cn_int  # one reader of article numbers for statutes and learners alike


def normalize(text: str) -> str:
    """去掉全部空白（含全角空格），用于比较引文。"""
    return _WS_RE.sub("", text.replace("\u3000", " "))


def article_label(number: int, sub: int = 0) -> str:
    """(133, 1) -> 第一百三十三条之一。"""
    return f"第{_cn(number)}条" + (f"之{_cn(sub)}" if sub else "")


def parse_article_number(value) -> tuple[int, int]:
    """把 124、"124"、"第一百二十四条"、"一百三十三条之一"、"133之一" 读成 (条号, 之X)。"""
    if isinstance(value, bool):
        raise ValueError(f"条号应为数字或“第X条”，而不是 {value!r}。")
    if isinstance(value, int):
        if value < 1:
            raise ValueError(f"条号应为正整数，而不是 {value}。")
        return value, 0
    if isinstance(value, tuple) and len(value) == 2:
        return int(value[0]), int(value[1])
    if isinstance(value, str):
        s = unicodedata.normalize("NFKC", value).strip()
        m = re.fullmatch(rf"第?([0-9{_CN_DIGITS}]+)条?(?:之([0-9{_CN_DIGITS}]+))?", s)
        if m:
            try:
                num = _to_int(m.group(1))
                sub = _to_int(m.group(2)) if m.group(2) else 0
            except (ValueError, KeyError, TypeError):
                num = 0
            if num >= 1:
                return num, sub
    raise ValueError(f"看不懂条号 {value!r}：请写成 124、\"第一百二十四条\" 或 \"第一百三十三条之一\"。")


# ---------------------------------------------------------------- loading
@lru_cache(maxsize=1)
def manifest() -> dict[str, LawInfo]:
    """简称 -> LawInfo，按清单顺序。"""
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    out: dict[str, LawInfo] = {}
    for e in data["laws"]:
        out[e["short_name"]] = LawInfo(
            short_name=e["short_name"],
            title=e["title"],
            file=e["file"],
            source=e["source"],
            kind=e["kind"],
            version_date=str(e["version_date"]),
            version_label=e["version_label"],
            effective_date=str(e["effective_date"]),
            effective_note=e.get("effective_note", ""),
            aliases=tuple(e.get("aliases") or ()),
            later_amendments=tuple(
                {"date": str(a["date"]), "summary": a["summary"]} for a in (e.get("later_amendments") or ())
            ),
            notes=tuple(e.get("notes") or ()),
        )
    return out


def law_names() -> list[str]:
    """全部法律的简称。"""
    return list(manifest())


def resolve_law(name: str) -> str:
    """把简称、全称或别名（可带书名号）统一为简称；找不到时 ValueError。"""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"请给出法律名称（例如“食品安全法”），而不是 {name!r}。")
    key = name.strip().strip("《》〈〉 ")
    laws = manifest()
    if key in laws:
        return key
    for short, info in laws.items():
        if key == info.title or key in info.aliases:
            return short
    stripped = key.removeprefix("中华人民共和国")
    if stripped in laws:
        return stripped
    raise ValueError(f"未找到法律“{name}”。可用的法律有：{'、'.join(laws)}。")


def law_info(name: str) -> LawInfo:
    return manifest()[resolve_law(name)]


def parse_text(text: str, info: LawInfo) -> _Law:
    """把一个法律文件拆成条、款、项。"""
    body = text.split("<!-- INFO END -->", 1)[-1]
    law = _Law(info=info, preamble="")
    chapter = ""
    current: dict | None = None
    preamble: list[str] = []

    def finish():
        if current is None:
            return
        paras = tuple(
            Paragraph(number=i + 1, text=p["text"], items=tuple(
                Item(number=n, text=t, paragraph=i + 1) for n, t in p["items"]))
            for i, p in enumerate(current["paras"])
        )
        key = (current["num"], current["sub"])
        if key in law.articles:
            raise ValueError(f"《{info.short_name}》中{article_label(*key)}出现了两次，请检查文本。")
        law.articles[key] = Article(
            law=info.short_name, number=key[0], sub=key[1], label=article_label(*key),
            text="\n".join(current["lines"]), paragraphs=paras, version=info.version_date,
            title=info.title, chapter=current["chapter"], version_note=info.version_note,
        )

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            if heading.startswith("第") and "章" in heading[:8]:
                chapter = heading
            continue
        m = _ARTICLE_RE.match(line)
        if m:
            finish()
            num = _to_int(m.group(1))
            sub = _to_int(m.group(2)) if m.group(2) else 0
            current = {"num": num, "sub": sub, "chapter": chapter, "lines": [line],
                       "paras": [{"text": line[m.end():], "items": []}]}
            continue
        if current is None:
            preamble.append(line)
            continue
        current["lines"].append(line)
        im = _ITEM_RE.match(line)
        if im:
            current["paras"][-1]["items"].append((_to_int(im.group(1)), line))
        else:
            current["paras"].append({"text": line, "items": []})
    finish()
    law.preamble = "\n".join(preamble)
    return law


@lru_cache(maxsize=None)
def _load(short: str) -> _Law:
    info = manifest()[short]
    return parse_text(info.path.read_text(encoding="utf-8"), info)


def articles(law: str) -> list[Article]:
    """一部法律的全部条文，按条序。"""
    return list(_load(resolve_law(law)).articles.values())


def article(law: str, number) -> Article:
    """取一条：article("食品安全法", 124) 或 article("刑法", "第一百四十三条")。"""
    short = resolve_law(law)
    key = parse_article_number(number)
    arts = _load(short).articles
    if key not in arts:
        last = max(arts)
        raise ValueError(
            f"《{short}》中没有{article_label(*key)}（本文本共 {len(arts)} 条，最后一条为{article_label(*last)}）。")
    return arts[key]


# ---------------------------------------------------------------- quotations
def check_quote(law: str, number, quote: str) -> QuoteCheck:
    """核对引文是否为该条原文的连续片段（只忽略空白差异），并用中文说明哪里不一致。"""
    art = article(law, number)
    q = normalize(quote or "")
    if not q:
        return QuoteCheck(False, "引文为空。", art.law, art.number, quote or "")
    t = normalize(art.text)
    if q in t:
        return QuoteCheck(True, f"引文与{art.citation}原文一致。", art.law, art.number, quote, q)
    # 最长的、在原文中出现的开头部分
    lo, hi = 0, len(q)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if q[:mid] in t:
            lo = mid
        else:
            hi = mid - 1
    prefix = q[:lo]
    if lo == 0:
        msg = f"引文不在{art.citation}中：开头“{q[:12]}”在原文里找不到。"
    else:
        pos = t.find(prefix) + lo
        msg = (f"引文不是{art.citation}原文的连续片段：前 {lo} 个字一致，"
               f"从“{q[lo:lo + 12]}”起不同（原文此处为“{t[pos:pos + 12]}”）。")
    return QuoteCheck(False, msg, art.law, art.number, quote, prefix)


def is_verbatim(law: str, number, quote: str) -> bool:
    """引文是否逐字出自该条（忽略空白）。"""
    return check_quote(law, number, quote).ok


def search(keyword: str, law: str | None = None) -> list[Article]:
    """含关键词的条文（忽略空白）；多个关键词用空格分开，须同时出现。"""
    words = [w for w in (keyword or "").split() if w]
    if not words:
        raise ValueError("请给出要检索的关键词，例如 search(\"保质期\")。")
    laws = [resolve_law(law)] if law else law_names()
    out = []
    for short in laws:
        for art in _load(short).articles.values():
            t = normalize(art.text)
            if all(normalize(w) in t for w in words):
                out.append(art)
    return out


# ---------------------------------------------------------------- display
_STYLE = ("font-family: 'Noto Sans CJK SC','Noto Serif CJK SC','Microsoft YaHei','PingFang SC',sans-serif;"
          "line-height:1.8;max-width:52em;border-left:4px solid #2f6f9f;padding:0.4em 1em;background:#f7f9fb")


def _mark_spans(art: Article, quotes: list[str]) -> list[tuple[int, int]]:
    """每段引文在 art.text 中的 [起, 止) 位置（按原文下标）。"""
    idx = [i for i, ch in enumerate(art.text) if not ch.isspace()]
    flat = "".join(art.text[i] for i in idx)
    spans = []
    for q in quotes:
        nq = normalize(q)
        if not nq:
            continue
        pos = flat.find(nq)
        if pos < 0:
            raise ValueError(check_quote(art.law, (art.number, art.sub), q).message + "（无法标注）")
        while pos >= 0:
            spans.append((idx[pos], idx[pos + len(nq) - 1] + 1))
            pos = flat.find(nq, pos + len(nq))
    return spans


_NOTED: set[str] = set()  # laws whose version notice this kernel has already shown


def mark_version_noted(law: str) -> None:
    """Record that the version notice of `law` was shown (e.g. in a lesson's table of law versions):
    article displays then give only the source line, so a lesson shows the notice once."""
    _NOTED.add(resolve_law(law))


def _paragraph_starts(art: Article) -> dict[int, int]:
    """Line index in art.text -> 款 number, for articles of more than one 款."""
    if len(art.paragraphs) < 2:
        return {}
    starts, line = {}, 0
    for p in art.paragraphs:
        starts[line] = p.number
        line += 1 + len(p.items)
    return starts


def _marked_line(art: Article, marked: list[bool], start: int, end: int) -> str:
    parts, buf, state = [], "", False
    for i in range(start, end):
        if marked[i] != state:
            parts.append((state, buf))
            buf, state = "", marked[i]
        buf += art.text[i]
    parts.append((state, buf))
    return "".join(f"<mark style='background:#ffe58a'>{html.escape(s)}</mark>" if m else html.escape(s)
                   for m, s in parts if s)


def _article_html(art: Article, quotes: list[str]) -> str:
    marked = [False] * len(art.text)
    for a, b in _mark_spans(art, quotes):
        for i in range(a, b):
            marked[i] = True
    starts = _paragraph_starts(art)
    lines_html, start = [], 0
    for n, line in enumerate(art.text.split("\n")):
        h = _marked_line(art, marked, start, start + len(line))
        if line.startswith(art.label):
            h = h.replace(html.escape(art.label), f"<b>{html.escape(art.label)}</b>", 1)
        if n in starts:
            h = f"<span style='color:#888;font-size:0.85em'>〔第{starts[n]}款〕</span>" + h
        lines_html.append(f"<p style='margin:0.3em 0'>{h}</p>")
        start += len(line) + 1
    info = manifest()[art.law]
    stamp = f"<div style='color:#555;font-size:0.9em'>出处：{html.escape(info.version_stamp)}"
    if art.chapter:
        stamp += f" · {html.escape(art.chapter)}"
    stamp += "</div>"
    note = ""
    if info.version_note and art.law not in _NOTED:
        _NOTED.add(art.law)
        note = (f"<div style='color:#a33;font-size:0.9em;margin-top:0.3em'>版本提示：{html.escape(info.version_note)}</div>")
    return f"<div style=\"{_STYLE}\">{''.join(lines_html)}{stamp}{note}</div>"


def article_html(law: str, number, highlight=None) -> str:
    """条文的 HTML（标注引文、注明版本）。highlight 可为一句或多句。"""
    art = article(law, number)
    quotes = [highlight] if isinstance(highlight, str) else list(highlight or [])
    return _article_html(art, quotes)


def show_article(law: str, number, highlight=None):
    """在 Notebook 中显示一条法条：引文标黄，注明版本；返回 IPython 的 HTML 对象。"""
    from IPython.display import HTML

    return HTML(article_html(law, number, highlight))
