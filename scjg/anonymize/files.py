"""Read a trainer's case file (.txt, .md, .docx, .csv), anonymize it, write the copy and a review report.

Nothing is written half-way: both files go to temporary names first and are renamed at the end.
The original is only read.
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from .core import Pseudonyms, Replacement, TYPE_LABELS, apply, context_of, detect
from .docx_file import DocxJob
from .errors import AnonymizeError, EmptyFileError
from .rules import Span

SUPPORTED = (".txt", ".md", ".docx", ".csv")
REPORT_HEADER = ["序号", "位置", "类型", "原文", "替换为", "上下文"]


@dataclass
class Result:
    """What was written for one input file."""

    source: Path
    output: Path
    report: Path
    encoding: str
    replacements: list[tuple[str, Replacement]] = field(default_factory=list)  # (位置, replacement)
    notices: list[str] = field(default_factory=list)  # what was not checked, what else was changed


def _readable_share(text: str) -> float:
    """Share of characters that plausibly belong to a Chinese office document."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if c.isascii() and (c.isprintable() or c in "\r\n\t")
             or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
             or c in "·•—…“”‘’、《》〔〕【】")
    return ok / len(text)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of a file's bytes: UTF-8 (with or without BOM), else what charset-normalizer finds."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise AnonymizeError(f"无法读取 {name}：内容不是文字（可能是图片、压缩包或损坏的文件）。")
    best, best_score = None, 0.0
    # Short GBK texts are sometimes guessed as a Korean or Japanese code page: take the
    # candidate whose characters look most like a Chinese document.
    for match in charset_normalizer.from_bytes(data):
        text = str(match)
        score = _readable_share(text)
        if score > best_score:
            best, best_score = (text, match.encoding), score
    if best is None or best_score < 0.9:
        raise AnonymizeError(f"无法识别 {name} 的文字编码：请用记事本或 WPS 打开后另存为 UTF-8 编码再试。")
    return best


def read_text(path: Path) -> tuple[str, str]:
    """Text and encoding of a .txt, .md or .csv file."""
    data = _read_bytes(path)
    if not data.strip():
        raise EmptyFileError(f"{path.name} 是空文件，未生成脱敏副本。")
    text, encoding = decode(data, path.name)
    if not text.strip():
        raise EmptyFileError(f"{path.name} 是空文件，未生成脱敏副本。")
    return text, encoding


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AnonymizeError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise AnonymizeError(f"{path} 是文件夹，不是文件。") from None
    except PermissionError:
        raise AnonymizeError(f"没有权限读取文件：{path}") from None
    except OSError as exc:
        raise AnonymizeError(f"无法读取文件 {path}：{exc.strerror or exc}") from None


# ---------------------------------------------------------------- jobs
# A job reads its file at once (errors surface before anything is written), then find() detects
# with the names the batch knows so far, pairs() gives what was found, render() writes it out.

class _PlainJob:
    def __init__(self, path: Path):
        self.text, self.encoding = read_text(path)
        self.out_encoding = "utf-8" if path.suffix.lower() == ".md" else "utf-8-sig"
        self.spans: list[Span] = []
        self.notices: list[str] = []

    def find(self, known: dict[str, str]) -> None:
        self.spans = detect(self.text, known)

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.text[s.start:s.end], s.type) for s in self.spans]

    def render(self, names: Pseudonyms) -> tuple[bytes, list[tuple[str, Replacement]]]:
        new, reps = apply(self.text, self.spans, names)
        located = [(f"第{self.text.count(chr(10), 0, r.start) + 1}行", r) for r in reps]
        return new.encode(self.out_encoding), located


class _CsvJob:
    """Chosen columns of a CSV; each column's name is the cue for its cells (法定代表人：张伟)."""

    def __init__(self, path: Path, columns: list[str] | None):
        text, self.encoding = read_text(path)
        try:
            self.dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        except csv.Error:
            self.dialect = csv.excel
        self.rows = list(csv.reader(io.StringIO(text), self.dialect))
        if not self.rows:
            raise EmptyFileError(f"{path.name} 是空文件，未生成脱敏副本。")
        header = self.header = self.rows[0]
        if columns:
            missing = [c for c in columns if c not in header]
            if missing:
                raise AnonymizeError(
                    f"{path.name} 中没有这些列：{'、'.join(missing)}。现有的列：{'、'.join(header)}")
            chosen = [header.index(c) for c in columns]
        else:
            chosen = list(range(len(header)))
        self.cells = [(r, c) for r in range(1, len(self.rows)) for c in chosen
                      if c < len(self.rows[r]) and self.rows[r][c].strip()]
        self.found: dict[tuple[int, int], list[Span]] = {}
        self.notices: list[str] = []

    def find(self, known: dict[str, str]) -> None:
        for r, c in self.cells:
            prefix = f"{self.header[c]}："
            spans = detect(prefix + self.rows[r][c], known)
            self.found[(r, c)] = [Span(s.start - len(prefix), s.end - len(prefix), s.type)
                                  for s in spans if s.start >= len(prefix)]

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.rows[r][c][s.start:s.end], s.type) for (r, c), spans in self.found.items() for s in spans]

    def render(self, names: Pseudonyms) -> tuple[bytes, list[tuple[str, Replacement]]]:
        located = []
        for (r, c), spans in self.found.items():
            new, reps = apply(self.rows[r][c], spans, names)
            self.rows[r][c] = new
            located += [(f"第{r + 1}行「{self.header[c]}」列", rep) for rep in reps]
        buf = io.StringIO()
        csv.writer(buf, self.dialect, lineterminator="\r\n").writerows(self.rows)
        return buf.getvalue().encode("utf-8-sig"), located


# ---------------------------------------------------------------- writing

def output_paths(path: Path, out_dir: Path | None) -> tuple[Path, Path]:
    """Where the anonymized copy and its review report go."""
    folder = out_dir if out_dir is not None else path.parent
    stem, ext = path.stem, path.suffix.lower()
    return folder / f"{stem}.anonymized{ext}", folder / f"{stem}.anonymized.review.csv"


def report_bytes(located: list[tuple[str, Replacement]], notices: list[str] = ()) -> bytes:
    """The review report: one row per replacement, then one per notice; UTF-8 with BOM so Excel opens it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(REPORT_HEADER)
    for n, (where, r) in enumerate(located, 1):
        w.writerow([n, where, TYPE_LABELS.get(r.type, r.type), r.original, r.pseudonym, r.context])
    for notice in notices:
        w.writerow(["", "整个文件", "提示", "", "", notice])
    return buf.getvalue().encode("utf-8-sig")


def write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file to a temporary name in its folder, then rename them all; on failure leave nothing."""
    temps: list[tuple[str, Path]] = []
    try:
        for target, data in files:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, target in temps:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise AnonymizeError(f"无法写入 {files[0][0].parent}：{exc.strerror or exc}") from None


def _open(path: Path, columns: list[str] | None):
    """The job for one file, after the checks that need no reading; raises AnonymizeError."""
    ext = path.suffix.lower()
    if ext == ".doc":
        raise AnonymizeError(f"{path.name} 是旧版 Word（.doc）文件，无法直接读取：请在 Word 或 WPS 中“另存为” .docx 后再试。")
    if ext not in SUPPORTED:
        raise AnonymizeError(f"不支持 {path.name} 的文件类型：请另存为 .docx、.txt、.md 或 .csv 后再试。")
    if columns and ext != ".csv":
        raise AnonymizeError(f"--columns 只用于 .csv 文件；{path.name} 不是 .csv 文件。")
    if ext == ".docx":
        _read_bytes(path)  # the same messages for a missing or unreadable file
        return DocxJob(path)
    return _CsvJob(path, columns) if ext == ".csv" else _PlainJob(path)


def _write(path: Path, out_dir: Path | None, job, names: Pseudonyms) -> Result:
    output, report = output_paths(path, out_dir)
    if output.resolve() == path.resolve() or report.resolve() == path.resolve():
        raise AnonymizeError(f"输出文件会覆盖原文件 {path.name}：请用 --out 指定另一个目录。")
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnonymizeError(f"无法创建输出目录 {out_dir}：{exc.strerror or exc}") from None
    data, located = job.render(names)
    write_atomically([(output, data), (report, report_bytes(located, job.notices))])
    return Result(path, output, report, job.encoding, located, job.notices)


def process_batch(paths: list[Path], out_dir: Path | None = None,
                  columns: list[str] | None = None) -> list[Result | AnonymizeError]:
    """Anonymize files together: a name found in one is masked in all, with the same stand-in.

    One entry per path: its Result, or the AnonymizeError (Chinese message) that stopped it.
    """
    outcome: list[Result | AnonymizeError] = []
    jobs = {}
    for n, path in enumerate(map(Path, paths)):
        try:
            jobs[n] = _open(path, columns)
        except AnonymizeError as exc:
            outcome.append(exc)
        else:
            outcome.append(None)
    known: dict[str, str] = {}
    for _ in range(2):  # the second round sees what later files taught
        for job in jobs.values():
            job.find(known)
    names = Pseudonyms([pair for job in jobs.values() for pair in job.pairs()])
    for n, job in jobs.items():
        try:
            outcome[n] = _write(Path(paths[n]), out_dir, job, names)
        except AnonymizeError as exc:
            outcome[n] = exc
    return outcome


def process(path: Path, out_dir: Path | None = None, columns: list[str] | None = None) -> Result:
    """Anonymize one file; write the copy and the review report. Raises AnonymizeError with a Chinese message."""
    result = process_batch([path], out_dir, columns)[0]
    if isinstance(result, AnonymizeError):
        raise result
    return result


__all__ = ["AnonymizeError", "EmptyFileError", "Result", "process", "process_batch", "decode", "read_text",
           "context_of"]
