"""The first cell of every lesson: `from scjg.lesson import start; start("02-food-safety")`."""
from __future__ import annotations

import warnings

from . import catalog, hints, magics, plotting


def start(lesson_id: str, *, show: bool = True) -> None:
    """Prepare the notebook (Chinese fonts, error hints, the %%answer and %%learner cells, table
    display) and show the lesson header.

    Returns nothing, so the first cell of a lesson shows only the header."""
    hints.install()
    magics.register()
    plotting.setup_cjk_font()
    try:
        import pandas as pd
        pd.set_option("display.max_colwidth", 80)
        pd.set_option("display.unicode.east_asian_width", True)
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    # A learner must never see library warnings on stderr; they mean nothing to an officer.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    info = catalog.lesson(lesson_id)
    if show:
        from IPython.display import HTML, display
        laws = "、".join(info["laws"]) if info.get("laws") else "—"
        display(HTML(
            f"<div style='border-left:4px solid #2f6f9f;padding:4px 12px'>"
            f"<b>{info['title']}</b>（约 {minutes(info['hours'])} 分钟；自动评分 {info.get('points', 0)} 分，"
            f"人工评分 {info.get('manual_points', 0)} 分）<br>"
            f"涉及法律：{laws}</div>"
        ))


def minutes(hours: float) -> int:
    """A lesson's length in whole minutes (the catalog gives hours)."""
    return round(float(hours) * 60)


def next_lesson_text(lesson_id: str) -> str:
    """“下一课：…” naming the next released lesson after `lesson_id`, or a note that the next ones are being written."""
    ids = catalog.ids()
    later = [i for i in ids if i > lesson_id]
    if later:
        return f"下一课：{catalog.lesson(later[0])['title']}。"
    return "本系列的后续课程正在编写中，发布后教员会通知你。"


def next_lesson(lesson_id: str):
    """Show where to go next: only a released lesson is ever named."""
    from IPython.display import HTML
    return HTML(f"<p><b>{next_lesson_text(lesson_id)}</b></p>")
