"""法条查看器控件：选法律、输入条号（可输入“第一百二十四条”或 124），显示原文与版本；可输入要标黄的句子。

    from scjg.widgets import article_viewer
    article_viewer("食品安全法", 124)
"""
from __future__ import annotations

import html

import ipywidgets as W

from scjg import laws


class ArticleViewer:
    """属性 law / number / highlight 为可直接操作的控件，display 为显示条文的 HTML 控件。"""

    def __init__(self, law: str = "食品安全法", number=1, highlight: str = ""):
        style = {"description_width": "6em"}
        self.law = W.Dropdown(options=laws.law_names(), value=laws.resolve_law(law), description="法律",
                              style=style, layout=W.Layout(width="40em"))
        self.number = W.Text(value=str(number), description="条号", placeholder="例如 124 或 第一百二十四条", style=style)
        self.highlight = W.Text(value=highlight, description="标黄句子", placeholder="可选：要标出的原文", style=style,
                                layout=W.Layout(width="40em"))
        self.display = W.HTML()
        self.error = ""
        self.widget = W.VBox([self.law, W.HBox([self.number, self.highlight]), self.display])
        for w in (self.law, self.number, self.highlight):
            w.observe(lambda _c: self.update(), names="value")
        self.update()

    def update(self) -> str:
        """刷新显示；返回显示的 HTML。"""
        try:
            self.display.value = laws.article_html(self.law.value, self.number.value.strip(),
                                                   self.highlight.value.strip() or None)
            self.error = ""
        except ValueError as e:
            self.error = str(e)
            self.display.value = f"<div style='color:#a33'>{html.escape(self.error)}</div>"
        return self.display.value

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def article_viewer(law: str = "食品安全法", number=1, highlight: str = "") -> ArticleViewer:
    """创建法条查看器（在 Notebook 单元格最后一行调用即显示）。"""
    return ArticleViewer(law, number, highlight)
