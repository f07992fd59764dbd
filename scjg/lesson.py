"""The first cell of every lesson: `from scjg.lesson import start; start("02-food-safety")`."""
from __future__ import annotations

import warnings

from . import catalog, hints, plotting


def start(lesson_id: str, *, show: bool = True) -> None:
    """Prepare the notebook (Chinese fonts, error hints, table display) and show the lesson header.

    Returns nothing, so the first cell of a lesson shows only the header."""
    hints.install()
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
            f"<b>{info['title']}</b>（约 {info['hours']} 小时；自动评分 {info.get('points', 0)} 分，"
            f"人工评分 {info.get('manual_points', 0)} 分）<br>"
            f"涉及法律：{laws}</div>"
        ))
