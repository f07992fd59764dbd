"""`scjg handout LESSON`: printable PDFs for a lecture hall, printed by the system's Chromium, Chrome or Edge.

- 讲义 (handout.pdf): the lecture's content (text, statute extracts, tables, charts) and the exercises,
  without code, answers or checks;
- 答题卡 (answer-sheet.pdf): every graded question with room to write, for a room without laptops;
- 参考答案与评分细则 (key.pdf, trainers only): each answer in legal language with its 评分细则.

The pages are plain HTML with the kit's CJK fonts, printed through Playwright with every network
request refused; nothing is downloaded at run time (no LaTeX, no nbconvert webpdf).
"""
from __future__ import annotations

import argparse
import html
import shutil
from pathlib import Path

import nbformat

from . import catalog, paths, slides
from .handout_questions import Question, answer_forms, questions, read_plan_key, solution_values, with_key

CSS = """
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
       "PingFang SC", sans-serif; font-size: 10.5pt; line-height: 1.6; color: #000; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 6mm; }
h3 { font-size: 12pt; } h4 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
th, td { border: 1px solid #666; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
tr { page-break-inside: avoid; }
img { max-width: 100%; }
pre { white-space: pre-wrap; font-family: inherit; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 4mm; }
.subtitle { text-align: center; color: #333; margin-bottom: 6mm; }
.who { display: flex; justify-content: space-between; margin: 4mm 0; font-size: 11pt; }
.question { page-break-inside: avoid; margin: 3mm 0; }
.write { border-bottom: 1px solid #000; height: 9mm; }
.form { margin: 2mm 0 2mm 6mm; font-size: 11pt; }
.trainer { border: 2px solid #a00; color: #a00; padding: 2mm 4mm; text-align: center; font-weight: bold; }
.scjg-widget-note { border: 1px dashed #666; padding: 1mm 3mm; color: #333; }
a.anchor-link { display: none; }
.blank { display: inline-block; border-bottom: 1px solid #000; width: 32mm; height: 5mm; }
"""
FOOTER = ("<div style='font-size:8pt;width:100%;text-align:center;font-family:\"Noto Sans CJK SC\",sans-serif'>"
          "{title}　第 <span class='pageNumber'></span> 页 共 <span class='totalPages'></span> 页</div>")
PRINTED_WIDGET = "<div class='scjg-widget-note'>（此处是互动工具，课堂上由教员现场演示。）</div>"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge",
            "microsoft-edge", "microsoft-edge-stable")
WHO = ("<div class='who'><span>学员编号：<span class='blank'></span></span><span>姓名：<span class='blank'></span></span>"
       "<span>单位：<span class='blank'></span></span>{score}</div>")


class HandoutError(ValueError):
    """Materials that cannot be printed; the message is Chinese."""


def _markdown(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    return markdown2html_mistune(text)


def _outputs(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if out.output_type == "stream":
            parts.append(f"<pre>{html.escape(out.text)}</pre>")
        elif "text/html" in data:
            parts.append(data["text/html"])
        elif "image/png" in data:
            parts.append(f"<img src='data:image/png;base64,{data['image/png']}'>")
        elif "text/plain" in data:
            parts.append(f"<pre>{html.escape(data['text/plain'])}</pre>")
    return "\n".join(parts)


def _page(title: str, kind: str, body: str, *, heading: bool = True) -> str:
    """A printable page; the lecture brings its own title, the sheets get the lesson's."""
    top = f"<h1>{html.escape(title)}</h1>" if heading else ""
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{html.escape(title)}·{kind}</title>"
            f"<style>{CSS}</style></head><body>{top}<div class='subtitle'>{kind}</div>{body}</body></html>")


def handout_html(lecture: nbformat.NotebookNode, exercises: list[Question], title: str) -> str:
    """讲义: the executed lecture without code, then the exercises (when they are not in the lecture)."""
    body = [_markdown(c.source) if c.cell_type == "markdown" else _outputs(c) for c in lecture.cells]
    if exercises:
        body.append("<h2>练习题（请在答题卡上作答）</h2>")
        body += [f"<div class='question'>{_markdown(q.text)}</div>" for q in exercises]
    return _page(title, "讲义", "\n".join(body), heading=False)


def answer_sheet_html(items: list[Question], title: str) -> str:
    """答题卡: each graded question with its points and room to write."""
    total = sum(q.points for q in items)
    rows = [WHO.format(score=f"<span>得分：<span class='blank' style='width:14mm'></span>／{total:g}</span>")]
    for q in items:
        head = f"<b>{q.label}</b>（{q.kind_name}，{q.points:g}分）"
        if q.written:
            forms = "".join("<div class='write'></div>" for _ in range(10))
        else:
            forms = "".join(
                f"<div class='form'>{html.escape(p.label.removeprefix(q.label).strip() + '：') if len(q.parts) > 1 else ''}"
                f"{answer_forms(p.kind)}</div>" for p in q.parts)
        rows.append(f"<div class='question'>{head}{forms}</div>")
    return _page(title, "答题卡", "\n".join(rows))


def key_html(items: list[Question], title: str) -> str:
    """参考答案与评分细则 for trainers, in legal language: one block per question."""
    rows = ["<div class='trainer'>教员用 · 请勿发给学员</div>"]
    for q in items:
        explain = f"<p><b>解析：</b>{html.escape(q.explain)}</p>" if q.explain else ""
        rows.append(f"<div class='question'><h3>{q.label}（{q.kind_name}，{q.points:g}分）</h3>"
                    f"<p><b>参考答案：</b>{html.escape(q.answer)}</p>{explain}"
                    f"<p><b>评分细则：</b>{html.escape(q.rubric)}</p></div>")
    return _page(title, "参考答案与评分细则", "\n".join(rows))


def _launch(playwright):
    """The system's Chromium, Chrome or Edge (never a downloaded browser)."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return playwright.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
    from playwright.sync_api import Error

    for channel in ("chrome", "msedge"):  # installed Chrome or Edge in their standard places (Windows, macOS)
        try:
            return playwright.chromium.launch(channel=channel)
        except Error:
            continue
    raise HandoutError("未找到 Chromium、Chrome 或 Edge 浏览器，无法生成 PDF。请安装其中一种（Debian/Ubuntu：apt install chromium）。")


def print_pdfs(documents: dict[Path, tuple[str, str]]) -> None:
    """Print each {pdf path: (title, html)} with one browser; network requests are refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context = browser.new_context()
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("data:")
                          else route.abort())
            page = context.new_page()
            for path, (title, document) in documents.items():
                page.set_content(document, wait_until="load")
                path.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(path), format="A4", print_background=True, display_header_footer=True,
                         header_template="<span></span>", footer_template=FOOTER.format(title=html.escape(title)),
                         margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()


def build(lesson_id: str, out: Path, *, lecture_path: Path | None = None, lessons: Path | None = None) -> list[Path]:
    """Write handout.pdf, answer-sheet.pdf and key.pdf of a lesson into `out`; return their paths."""
    folder = (lessons or paths.lessons_dir()) / lesson_id
    title = catalog.lesson(lesson_id, lessons_dir=lessons)["title"]
    graded_path = folder / f"{lesson_id}.ipynb"
    if not graded_path.exists():
        raise HandoutError(f"找不到评分笔记本 {graded_path}。")
    graded = nbformat.read(str(graded_path), as_version=4)
    lecture_path = lecture_path or slides.lecture_notebook(lesson_id, lessons)
    lecture = slides.lecture_cells(nbformat.read(str(lecture_path), as_version=4))
    slides.execute(lecture, lecture_path.parent)
    slides.static_outputs(lecture, PRINTED_WIDGET)
    items = questions(graded)
    if not items:
        raise HandoutError(f"{graded_path.name} 中没有计分题，无法生成答题卡。")
    values = solution_values(graded_path, graded, [p.variable for q in items for p in q.parts])
    with_key(items, values, read_plan_key(folder))
    exercises = [] if lecture_path.resolve() == graded_path.resolve() else items
    documents = {out / "handout.pdf": (title, handout_html(lecture, exercises, title)),
                 out / "answer-sheet.pdf": (title, answer_sheet_html(items, title)),
                 out / "key.pdf": (title, key_html(items, title))}
    print_pdfs(documents)
    return list(documents)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lesson", help="课程编号，例如 02-food-safety")
    parser.add_argument("--notebook", type=Path, help="讲授笔记本（默认 lessons/<课程编号>/lecture.ipynb）")
    parser.add_argument("--out", type=Path, help="输出文件夹（默认 materials/<课程编号>/）")


def run(args) -> int:
    try:
        out = args.out or slides.materials_dir(args.lesson)
        paths = build(args.lesson, out, lecture_path=args.notebook)
    except (ValueError, FileNotFoundError) as err:
        print(f"未生成讲义：{err.args[0] if err.args else err}")
        return 1
    names = {"handout.pdf": "讲义", "answer-sheet.pdf": "答题卡", "key.pdf": "参考答案与评分细则（教员用）"}
    for path in paths:
        print(f"已生成{names[path.name]}：{path}")
    return 0
