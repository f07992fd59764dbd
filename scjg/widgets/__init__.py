"""ipywidgets components for lessons: article viewer, penalty calculator, case explorer, self-test quiz,
discretion and referral helper.

Imported lazily so that a lesson pays only for the widgets it shows.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "Quiz": "scjg.widgets.quiz",
    "PenaltyCalculator": "scjg.widgets.penalty_calculator",
    "article_viewer": "scjg.widgets.article_view",
    "CaseExplorer": "scjg.widgets.case_explorer",
    "DiscretionHelper": "scjg.widgets.discretion_helper",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(name)
