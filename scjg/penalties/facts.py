"""案件事实：fine_range 认得的事实参数、它们的中文名，以及对输入的检查。

金额以元为单位；证据无法固定的金额写“无法查清”（货值金额）或“无法确定”（违法所得、销售金额）。
"""
from __future__ import annotations

import math
from numbers import Real

FACTS = {
    "goods_value": "货值金额",
    "illegal_income": "违法所得",
    "sales_amount": "销售金额",
    "related_value": "相关营业所得或者财物价值",
    "refunded": "已退还的多收价款（元；从应没收的违法所得中扣除）",
    "duration_months": "违法行为持续时间（月）",
    "channel": "经营环节（channel）",
    "serious": "是否情节严重（serious=True；价格违法行为行政处罚规定中只到“情节较重”的写 \"较重\"）",
    "conditions_met": "适用前提是否具备（conditions_met）",
    "holds_approval": "当事人是否为持有涉案药品批准证明文件的药品上市许可持有人（药店、诊所、无证经营者不是）",
}
AMOUNTS = ("goods_value", "illegal_income", "sales_amount", "related_value", "refunded")
CHANNELS = {"production": "生产", "wholesale": "批发", "retail": "零售", "use": "使用"}
UNKNOWN = {"goods_value": "无法查清", "illegal_income": "无法确定", "sales_amount": "无法确定"}


class Unknown(str):
    """证据无法固定的金额（“无法查清”“无法确定”）。"""


def check_facts(facts: dict) -> dict:
    """检查事实参数，返回去掉 None 后的干净字典；有误时抛出中文 ValueError。"""
    unknown = set(facts) - set(FACTS)
    if unknown:
        raise ValueError(f"不认识的事实参数：{'、'.join(sorted(unknown))}。可用的有："
                         + "、".join(f"{k}（{v}）" for k, v in FACTS.items()) + "。")
    clean = {}
    for k, v in facts.items():
        if v is None:
            continue
        if isinstance(v, Unknown):
            clean[k] = v
        elif k in UNKNOWN and isinstance(v, str) and v.strip() in set(UNKNOWN.values()):
            clean[k] = Unknown(UNKNOWN[k])
        elif k in AMOUNTS or k == "duration_months":
            if isinstance(v, bool) or not isinstance(v, Real) or math.isnan(v) or math.isinf(v):
                hint = f"，或“{UNKNOWN[k]}”" if k in UNKNOWN else ""
                raise ValueError(f"{FACTS[k]}（{k}）应为以{'月' if k == 'duration_months' else '元'}为单位的数字{hint}，而不是 {v!r}。")
            if v < 0:
                raise ValueError(f"{FACTS[k]}（{k}）不能为负数：{v}。")
            clean[k] = float(v)
        elif k == "channel":
            if v not in CHANNELS:
                raise ValueError("经营环节（channel）只能是 "
                                 + "、".join(f"{c}（{n}）" for c, n in CHANNELS.items()) + f"，而不是 {v!r}。")
            clean[k] = v
        elif k == "serious" and v == "较重":
            clean[k] = v
        else:
            if not isinstance(v, bool):
                raise ValueError(f"{FACTS[k]} 应为 True 或 False，而不是 {v!r}。")
            clean[k] = v
    return clean


def is_unknown(v) -> bool:
    return isinstance(v, Unknown)
