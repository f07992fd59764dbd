"""应急价格监测的教学数据（第5课进阶练习）：几种防疫物资、几家经营者的日价格序列（合成），
基期均价、应急期间均价、加价率，以及超过筛查线的经营者。

    >>> from scjg.monitoring import price_series, markups, over_threshold
    >>> prices = price_series()                 # 每行：日期、经营者、商品、价格（元）
    >>> table = markups(prices)                 # 每个经营者每种商品一行：基期均价、应急期间均价、加价率
    >>> over_threshold(table, 0.30)             # 加价率超过 30% 的行

筛查线只是监测中决定“先查谁”的线索，不是认定哄抬价格的法定标准：是否构成《价格法》第十四条第（三）项、
《价格违法行为行政处罚规定》第六条的违法行为，要看调查查明的事实。
"""
from __future__ import annotations

import pandas as pd

START = "2026-01-01"
DAYS = 40
BASELINE = ("2026-01-01", "2026-01-14")    # 基期：应急状态之前的两周
EMERGENCY = ("2026-01-25", "2026-02-08")   # 应急期间：启动价格监测后的 15 天

GOODS = {"医用外科口罩（10只装）": 15.0, "84消毒液（500毫升）": 12.0, "电子体温计": 39.0}   # 商品 → 基期参考价（元）
SELLERS = ("甲药店", "乙药店", "丙超市", "丁便利店")
# 应急期间的价格是基期价格的几倍（合成数据，按经营者、商品排列，和 GOODS 的顺序相同）
FACTORS = {
    "甲药店": (1.05, 1.10, 1.08),
    "乙药店": (1.48, 1.12, 1.18),
    "丙超市": (1.95, 1.25, 1.35),
    "丁便利店": (1.02, 1.28, 1.00),
}
_WIGGLE = (-0.02, 0.0, 0.02)   # 日常小幅波动，三天一循环


def price_series(start: str = START, days: int = DAYS) -> pd.DataFrame:
    """合成的日价格监测数据（DataFrame）：date（日期）、seller（经营者）、goods（商品）、price（元，保留两位小数）。
    应急期间（EMERGENCY）各经营者按 FACTORS 加价，其余日子在参考价附近小幅波动。"""
    dates = pd.date_range(start, periods=days, freq="D")
    first, last = (pd.Timestamp(d) for d in EMERGENCY)
    rows = []
    for s, seller in enumerate(SELLERS):
        for g, (goods, base) in enumerate(GOODS.items()):
            own = base * (1 + 0.03 * (s - 1.5) / 1.5)   # 各家基期价格略有不同
            for n, day in enumerate(dates):
                factor = FACTORS[seller][g] if first <= day <= last else 1.0
                price = own * factor * (1 + _WIGGLE[(n + s + g) % 3])
                rows.append({"date": day, "seller": seller, "goods": goods, "price": round(price, 2)})
    return pd.DataFrame(rows)


def _window_mean(df: pd.DataFrame, window: tuple[str, str], name: str) -> pd.Series:
    first, last = (pd.Timestamp(d) for d in window)
    if first > last:
        raise ValueError(f"时间段“{window[0]} 至 {window[1]}”的开始日期晚于结束日期。")
    inside = df[(df["date"] >= first) & (df["date"] <= last)]
    if inside.empty:
        raise ValueError(f"监测数据中没有 {window[0]} 至 {window[1]} 之间的价格，请检查时间段。")
    return inside.groupby(["seller", "goods"])["price"].mean().rename(name)


def markups(df: pd.DataFrame, baseline: tuple[str, str] = BASELINE,
            emergency: tuple[str, str] = EMERGENCY) -> pd.DataFrame:
    """每个经营者、每种商品一行：基期均价、应急期间均价和加价率（应急期间均价 ÷ 基期均价 − 1）。"""
    missing = {"date", "seller", "goods", "price"} - set(df.columns)
    if missing:
        raise ValueError(f"监测数据缺少这些列：{'、'.join(sorted(missing))}。")
    df = df.assign(date=pd.to_datetime(df["date"]))
    table = pd.concat([_window_mean(df, baseline, "baseline_mean"), _window_mean(df, emergency, "emergency_mean")],
                      axis=1).dropna().reset_index()
    table["markup"] = table["emergency_mean"] / table["baseline_mean"] - 1
    return table


def over_threshold(table: pd.DataFrame, threshold: float = 0.30) -> pd.DataFrame:
    """加价率超过 threshold（0.30 即 30%，不含本数）的行，按加价率从高到低排列。"""
    if not 0 < threshold < 10:
        raise ValueError(f"筛查线应写成小数，例如 30% 写 0.30，而不是 {threshold!r}。")
    return table[table["markup"] > threshold].sort_values("markup", ascending=False).reset_index(drop=True)
