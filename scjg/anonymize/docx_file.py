"""Anonymize a .docx at the XML level: every paragraph of every text part, edited in place.

Read and masked: body paragraphs, tables (nested ones too), text boxes (both the modern and the
compatibility copy), headers, footers, footnotes, endnotes, comments, tracked deletions, field
codes, hyperlink addresses and the document properties (title, subject, keywords, remarks).
Authors of comments and tracked changes and the document's author fields are cleared.
Not read (the report says so): pictures, embedded objects, charts and SmartArt graphics.

All replacements of one text node are applied together from the end backwards, in the node's
original coordinates, so a replacement that changes length never shifts the next one.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from .core import Pseudonyms, Replacement, apply, detect
from .errors import AnonymizeError, EmptyFileError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {W + "t", W + "delText"}
_FIXED = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_PARTS = (
    (re.compile(r"/word/document\d*\.xml"), "正文"),
    (re.compile(r"/word/header\d*\.xml"), "页眉"),
    (re.compile(r"/word/footer\d*\.xml"), "页脚"),
    (re.compile(r"/word/footnotes\.xml"), "脚注"),
    (re.compile(r"/word/endnotes\.xml"), "尾注"),
    (re.compile(r"/word/comments\.xml"), "批注"),
)
_UNREAD = (
    (re.compile(r"/word/media/"), "图片"),
    (re.compile(r"/word/embeddings/"), "嵌入对象（如嵌入的 Excel 表格）"),
    (re.compile(r"/word/charts/"), "图表"),
    (re.compile(r"/word/diagrams/"), "SmartArt 图形"),
)
_CORE_FIELDS = (("title", "标题"), ("subject", "主题"), ("keywords", "关键词"), ("comments", "备注"),
                ("category", "类别"))
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


@dataclass
class _Node:
    """A piece of text in the file; editable ones are written back through set_text."""

    text: str
    set_text: Callable[[str], None] | None = None
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def commit(self) -> None:
        if not self.edits or self.set_text is None:
            return
        text = self.text
        for s, e, new in sorted(self.edits, reverse=True):
            text = text[:s] + new + text[e:]
        self.set_text(text)


@dataclass
class _Segment:
    label: str
    nodes: list[_Node]
    sep: str = "\n"


def _set_xml_text(el) -> Callable[[str], None]:
    def setter(value: str) -> None:
        el.text = value
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return setter


def _own_paragraph(el, p) -> bool:
    """Is p the nearest w:p ancestor of el (not a text-box paragraph nested inside p)?"""
    parent = el.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent is p


def _ancestor(el, tag: str):
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _cell_label(p, tables: dict) -> str | None:
    tc = _ancestor(p, W + "tc")
    if tc is None:
        return None
    tr = tc.getparent()
    tbl = _ancestor(tr, W + "tbl")
    rows = [r for r in tbl if r.tag == W + "tr"]
    cells = [c for c in tr if c.tag == W + "tc"]
    number = tables[tbl]
    return f"表格{number}第{rows.index(tr) + 1}行第{cells.index(tc) + 1}格"


def _separator(p) -> str:
    """A tab between the cells of one table row, else a line break (row cells read as one line)."""
    tc = p.getparent()
    if tc is not None and tc.tag == W + "tc" and [x for x in tc if x.tag == W + "p"][-1] is p:
        nxt = tc.getnext()
        while nxt is not None and nxt.tag != W + "tc":
            nxt = nxt.getnext()
        if nxt is not None:
            return "\t"
    return "\n"


def _xml_segments(root, where: str) -> list[_Segment]:
    """One segment per paragraph of an XML part, plus one per paragraph's field codes."""
    segments, n = [], 0
    tables = {tbl: k for k, tbl in enumerate(root.iter(W + "tbl"), 1)}  # the dict keeps the proxies alive
    for p in root.iter(W + "p"):
        nodes, codes = [], []
        for el in p.iter():
            if el.tag in _TEXT_TAGS and _own_paragraph(el, p):
                nodes.append(_Node(el.text or "", _set_xml_text(el)))
            elif el.tag in _FIXED and _own_paragraph(el, p):
                nodes.append(_Node(_FIXED[el.tag]))
            elif el.tag == W + "instrText" and _own_paragraph(el, p):
                codes.append(_Node(el.text or "", _set_xml_text(el)))
        label = f"{where}文本框" if _ancestor(p, W + "txbxContent") is not None else _cell_label(p, tables)
        if label is None:
            n += 1
            label = f"第{n}段" if where == "正文" else f"{where}第{n}段"
        segments.append(_Segment(label, nodes, _separator(p)))
        if codes:
            segments.append(_Segment(f"{label}（域代码）", codes))
    return segments


def _clear_authors(root) -> int:
    """Blank the author of comments and tracked changes; how many were set."""
    count = 0
    for el in root.iter():
        if el.get(W + "author"):
            el.set(W + "author", "")
            count += 1
        if el.get(W + "initials"):
            el.set(W + "initials", "")
    return count


def _rel_segments(part, where: str) -> list[_Segment]:
    out = []
    for rel in part.rels.values():
        if rel.is_external and rel.reltype == _HYPERLINK:
            def setter(value: str, rel=rel) -> None:
                rel._target = value
            out.append(_Segment(f"{where}超链接地址", [_Node(unquote(rel.target_ref), setter)]))
    return out


def _core_segments(doc) -> list[_Segment]:
    props = doc.core_properties
    out = []
    for attr, label in _CORE_FIELDS:
        value = getattr(props, attr) or ""
        if value:
            out.append(_Segment(f"文档属性（{label}）",
                                [_Node(value, lambda v, attr=attr: setattr(props, attr, v))]))
    return out


@dataclass
class _Plan:
    segments: list[_Segment]
    flush: list[Callable[[], None]]
    notices: list[str]


def _collect(doc) -> _Plan:
    from docx.opc.oxml import parse_xml, serialize_part_xml

    segments, flush, notices, authors = [], [], [], 0
    for part in doc.part.package.iter_parts():
        name = str(part.partname)
        where = next((label for rx, label in _PARTS if rx.fullmatch(name)), None)
        if where is None:
            continue
        if hasattr(part, "_element"):
            root = part._element
        else:  # footnotes, endnotes: python-docx keeps them as bytes
            root = parse_xml(part.blob)
            flush.append(lambda part=part, root=root: setattr(part, "_blob", serialize_part_xml(root)))
        segments += _xml_segments(root, where)
        segments += _rel_segments(part, where)
        authors += _clear_authors(root)
    segments += _core_segments(doc)
    props = doc.core_properties
    if props.author or props.last_modified_by:
        props.author, props.last_modified_by = "", ""
        authors += 1
    if authors:
        notices.append("已清除批注、修订记录和文档属性中的作者姓名。")
    names = [str(p.partname) for p in doc.part.package.iter_parts()]
    for rx, label in _UNREAD:
        if any(rx.match(n) for n in names):
            notices.append(f"文件含有{label}，其中的文字未检查、未脱敏，请人工查看或删除后再分享。")
    return _Plan(segments, flush, notices)


def _text_of(segments: list[_Segment]) -> tuple[str, list[tuple[int, _Node, _Segment]]]:
    pieces, where, offset = [], [], 0
    for seg in segments:
        for node in seg.nodes:
            where.append((offset, node, seg))
            pieces.append(node.text)
            offset += len(node.text)
        pieces.append(seg.sep)
        offset += len(seg.sep)
    return "".join(pieces), where


def _place(rep: Replacement, where: list[tuple[int, _Node, _Segment]]) -> str | None:
    """Schedule rep on the nodes it covers: the pseudonym goes into the first editable one."""
    label, placed = None, False
    for start, node, seg in where:
        end = start + len(node.text)
        if end <= rep.start or start >= rep.end or node.set_text is None:
            continue
        s, e = max(rep.start, start) - start, min(rep.end, end) - start
        node.edits.append((s, e, "" if placed else rep.pseudonym))
        label = label or seg.label
        placed = True
    return label


class DocxJob:
    """A .docx being anonymized: its text is read first, the replacements are written back later."""

    encoding = "docx"

    def __init__(self, path: Path):
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            self.doc = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise AnonymizeError(
                f"无法打开 Word 文件 {path.name}：文件可能已损坏，或不是 .docx 格式（{type(exc).__name__}）。") from None
        self.plan = _collect(self.doc)
        self.notices = self.plan.notices
        self.text, self.where = _text_of(self.plan.segments)
        if not self.text.strip():
            raise EmptyFileError(f"{path.name} 里没有文字，未生成脱敏副本。")
        self.spans: list = []

    def find(self, known: dict[str, str]) -> None:
        self.spans = detect(self.text, known)

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.text[s.start:s.end], s.type) for s in self.spans]

    def render(self, names: Pseudonyms) -> tuple[bytes, list[tuple[str, Replacement]]]:
        """The anonymized file's bytes and the located replacements."""
        _, reps = apply(self.text, self.spans, names)
        located = [(label, rep) for rep in reps if (label := _place(rep, self.where))]
        for _, node, _ in self.where:
            node.commit()
        for step in self.plan.flush:
            step()
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue(), located


def docx_text(data: bytes) -> str:
    """All text a .docx holds in the parts this module reads (for checking a written copy)."""
    import docx

    plan = _collect(docx.Document(io.BytesIO(data)))
    return _text_of(plan.segments)[0]
