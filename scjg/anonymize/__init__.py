"""Find and mask personal and company identifiers in a trainer's own case text.

    from scjg.anonymize import detect, anonymize
    detect(text)     # [Span(start, end, type), ...]  Python string offsets
    anonymize(text)  # text with 张某, 某公司, 某市某区, 【证件号已隐去】 ...
"""
from __future__ import annotations

from .core import Replacement, anonymize, anonymize_with_report, detect
from .rules import TYPES, Span

__all__ = ["detect", "anonymize", "anonymize_with_report", "Span", "Replacement", "TYPES"]
