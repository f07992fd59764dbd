"""Do the recorded outcomes in datasets/cases agree with scjg.discretion.decide and scjg.referral.assess?"""
from __future__ import annotations

import pandas as pd
import pytest

from scjg import paths
from scjg.discretion import decide
from scjg.referral import assess

NO_PENALTY = ("no_penalty_first", "no_penalty_minor", "no_penalty_no_fault")


@pytest.fixture(scope="module")
def cases():
    return pd.concat([pd.read_csv(f) for f in sorted((paths.DATASETS / "cases").glob("*.csv"))])


def test_every_recorded_no_penalty_meets_article_33(cases):
    """Is every 不予处罚 case one that decide() also finds (不予 or 可以不予), citing the same article?"""
    rows = cases[cases.discretion.isin(NO_PENALTY)]
    assert len(rows) > 0
    for _, r in rows.iterrows():
        d = decide(first_offense=bool(r.first_offense), rectified=bool(r.rectified), harm=r.harm,
                   minor=r.discretion == "no_penalty_minor", no_fault=r.discretion == "no_penalty_no_fault",
                   domain="food" if r.discretion == "no_penalty_no_fault" and r.domain == "food" else None)
        assert d.kind in ("不予处罚", "可以不予处罚"), r.case_id
        assert d.citation.split("第")[1] in r.discretion_basis, (r.case_id, d.citation)


def test_recorded_referrals_meet_the_criminal_threshold(cases):
    """Is each referred case's 刑法 article one that assess() refers for the category's facts?"""
    facts = {"D03": (141, {}), "F05": (144, {"item": 2}), "F06": (144, {"item": 2})}
    referred = cases[cases.referred_to_police.astype(bool)]
    assert set(referred.violation_type) <= set(facts)
    for _, r in referred.iterrows():
        article, kwargs = facts[r.violation_type]
        a = assess(article, **kwargs)
        assert a.refer and r.referral_basis.startswith(f"《刑法》{a.article}"), r.case_id


def test_adulterated_food_is_referred_exactly_from_five_wan(cases):
    """Is an adulterated-food case (F08, 掺假) referred exactly when assess(140) says its sales amount reaches 五万元?"""
    rows = cases[(cases.violation_type == "F08") & cases.violation_facts.str.contains("掺入", na=False)]
    assert len(rows) > 0
    for _, r in rows.iterrows():
        assert bool(r.referred_to_police) == assess(140, sales_amount=float(r.sales_amount)).refer, r.case_id
