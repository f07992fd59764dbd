"""ipywidgets components for lessons: article viewer, penalty calculator, case explorer, self-test quiz.

Imported lazily so that a lesson pays only for the widgets it shows.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "Quiz": "scjg.widgets.quiz",
    "PenaltyCalculator": "scjg.widgets.penalty_calculator",
    "article_viewer": "scjg.widgets.article_viewer",
    "CaseExplorer": "scjg.widgets.case_explorer",
}

__all__ = sorted(_WHERE)

# `article_viewer` is both a module and the function in it; importing the module would bind the
# module on this package and hide __getattr__, so bind the function here once.
from .article_viewer import article_viewer  # noqa: E402


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(name)
