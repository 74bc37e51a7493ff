"""Scoring rules: results at, just above and just below thresholds; gaps; combination of conditions."""

from __future__ import annotations

import math

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.assessment.scoring import STATUSES, combine_statuses, condition_status, gap_firms, gap_value


def _status(
    value: float | None, threshold: float | None, comparator: str, ts: str = "verified", ok: bool = True
) -> str:
    df = pl.DataFrame(
        {"v": [value], "t": [threshold], "c": [comparator], "s": [ts], "ok": [ok]},
        schema={"v": pl.Float64, "t": pl.Float64, "c": pl.String, "s": pl.String, "ok": pl.Boolean},
    )
    return str(df.select(condition_status(pl.col("v"), pl.col("t"), pl.col("c"), pl.col("s"), pl.col("ok"))).item())


@pytest.mark.parametrize(
    ("value", "threshold", "comparator", "expected"),
    [
        (20.0, 20.0, ">=", "met"),  # Decree 35/2022 Art. 37(2)(c): 20 % is enough
        (100 * 1 / 5, 20.0, ">=", "met"),  # 1 of 5 firms, computed
        (19.999, 20.0, ">=", "not_met"),
        (20.001, 20.0, ">=", "met"),
        (7.0, 7.0, "<=", "met"),  # Circular 05/2025 PM.2: plan updated every 7 years
        (7.001, 7.0, "<=", "not_met"),
        (6.999, 7.0, "<=", "met"),
        (100.0, 100.0, "==", "met"),
        (99.9, 100.0, "==", "not_met"),
        (0.0, 3.0, "within", "met"),  # Decree 35/2022 Art. 37(1)(a): no violation within 3 years
        (1.0, 3.0, "within", "not_met"),
        (1.0, None, "exists", "met"),
        (0.0, None, "exists", "not_met"),
        (1.0, None, "documented", "met"),
    ],
)
def test_condition_status(value: float, threshold: float | None, comparator: str, expected: str) -> None:
    assert _status(value, threshold, comparator) == expected


def test_unverified_is_never_scored_and_missing_is_insufficient() -> None:
    assert _status(100.0, None, ">=", "unverified") == "threshold_unverified"
    assert _status(0.0, None, ">=", "unverified") == "threshold_unverified"
    assert _status(None, 20.0, ">=") == "insufficient_data"
    assert _status(50.0, 20.0, ">=", ok=False) == "insufficient_data"


def _gap(num: float, den: float, threshold: float) -> float:
    return float(pl.select(gap_firms(pl.lit(num), pl.lit(den), pl.lit(threshold))).item())


def test_gap_firms_hand_examples() -> None:
    """Decree 35/2022 Art. 37(2)(c): with 1 of 20 firms applying RECP, 3 more reach 4/20 = 20 %."""
    assert _gap(1, 20, 20) == 3
    assert _gap(4, 20, 20) == 0
    assert _gap(7, 48, 20) == 3  # 10/48 = 20.8 %; 9/48 = 18.75 %
    assert _gap(0, 10, 90) == 9  # Decree 82/2018 cl. 3: 90 % awareness


@settings(max_examples=200, deadline=None)
@given(
    den=st.integers(min_value=1, max_value=400),
    frac=st.floats(min_value=0, max_value=1),
    threshold=st.sampled_from([10.0, 20.0, 25.0, 75.0, 90.0, 100.0]),
)
def test_gap_firms_is_the_smallest_sufficient_number(den: int, frac: float, threshold: float) -> None:
    num = math.floor(frac * den)
    k = _gap(num, den, threshold)
    assert _status(100 * (num + k) / den, threshold, ">=") == "met"
    if k > 0:
        assert _status(100 * (num + k - 1) / den, threshold, ">=") == "not_met"


def test_gap_value_by_kind() -> None:
    df = pl.DataFrame(
        {
            "gap": ["firms", "amount", "count", "ratio", "years", "violations", "boolean", "boolean"],
            "value": [10.0, 21.25, 0.0, 0.8, 9.5, 2.0, 0.0, 0.0],
            "num": [1.0, 85.0, None, 80.0, None, None, None, None],
            "den": [10.0, 400.0, None, 100.0, None, None, None, None],
            "t": [20.0, 25.0, 1.0, 1.0, 8.0, 3.0, None, None],
            "others": [[], [], [], [], [], [], [], ["F1", "F2"]],
        }
    )
    expr = gap_value(pl.col("gap"), pl.col("value"), pl.col("num"), pl.col("den"), pl.col("t"), pl.col("others"))
    assert df.select(expr).to_series().to_list() == [1.0, 15.0, 1.0, 20.0, 1.5, 2.0, 1.0, 2.0]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(STATUSES[:-1]), min_size=1, max_size=6))
def test_combination_takes_the_worst_result(statuses: list[str]) -> None:
    df = pl.DataFrame({"k": [1] * len(statuses), "s": statuses})
    got = df.group_by("k").agg(combine_statuses(pl.col("s"))).get_column("s").item()
    assert got == max(statuses, key=STATUSES.index)
