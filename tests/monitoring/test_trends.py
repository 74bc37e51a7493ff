from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from monitoring_testing import PARK_ID, make_park

from eipkit.monitoring import (
    compound_annual_growth,
    kpi_series,
    linear_trend,
    trend_table,
    year_on_year,
)


def test_linear_trend_anscombe() -> None:
    """Anscombe (1973), 'Graphs in statistical analysis', The American Statistician 27(1):17-21,
    data set I: fitted line y = 3.00 + 0.500 x with R^2 = 0.67 (0.6665)."""
    x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
    y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
    fit = linear_trend(x, y)
    assert fit.slope == pytest.approx(0.5001, abs=1e-4)
    assert fit.intercept == pytest.approx(3.0001, abs=1e-4)
    assert fit.r_squared == pytest.approx(0.6665, abs=1e-4)


def test_linear_trend_edge_cases() -> None:
    assert math.isnan(linear_trend([2020, 2021], [5.0, 5.0]).r_squared)
    assert linear_trend([2020, 2021, 2022], [1.0, float("nan"), 3.0]).slope == pytest.approx(1.0)
    with pytest.raises(ValueError, match="two different years"):
        linear_trend([2020, 2020], [1.0, 2.0])
    with pytest.raises(ValueError, match="same length"):
        linear_trend([2020, 2021], [1.0])


def test_compound_annual_growth() -> None:
    """Hand-solved: 100 -> 121 in two years is +10 %/a; 200 -> 100 in one year is -50 %/a."""
    assert compound_annual_growth([2022, 2020], [121.0, 100.0]) == pytest.approx(0.1)
    assert compound_annual_growth([2020, 2021], [200.0, 100.0]) == pytest.approx(-0.5)
    assert math.isnan(compound_annual_growth([2020, 2021], [0.0, 100.0]))


def _series(rows: list[tuple[str, int, float]]) -> pl.DataFrame:
    kpis = [{"entity": PARK_ID, "indicator": i, "year": y, "value": v, "unit": "t/a"} for i, y, v in rows]
    return kpi_series(make_park(kpis=kpis))


def test_year_on_year_with_gap_zero_and_directions() -> None:
    s = _series(
        [
            ("solid_waste", 2020, 100.0),
            ("solid_waste", 2022, 90.0),
            ("recycled_waste", 2021, 0.0),
            ("recycled_waste", 2022, 10.0),
            ("my_kpi", 2021, 50.0),
            ("my_kpi", 2022, 80.0),
            ("hazardous_waste", 2021, 1000.0),
            ("hazardous_waste", 2022, 1005.0),
        ]
    )
    yoy = {r["indicator"]: r for r in year_on_year(s).iter_rows(named=True)}
    waste = yoy["solid_waste"]
    assert (waste["previous_year"], waste["change"], waste["change_percent"], waste["direction"]) == (
        2020,
        -10.0,
        -10.0,
        "better",
    )
    assert yoy["recycled_waste"]["change_percent"] is None
    assert yoy["my_kpi"]["direction"] is None
    assert yoy["hazardous_waste"]["direction"] == "stable"


def test_trend_table_directions() -> None:
    s = _series([("solid_waste", y, 100.0 + 10 * (y - 2020)) for y in range(2020, 2024)] + [("water", 2020, 1.0)])
    t = trend_table(s)
    assert t.height == 1  # one point is not a trend
    row = t.row(0, named=True)
    assert row["slope"] == pytest.approx(10.0)
    assert row["r_squared"] == pytest.approx(1.0)
    assert row["direction"] == "worse"
    assert row["cagr"] == pytest.approx(100 * ((130 / 100) ** (1 / 3) - 1))


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.floats(min_value=0.1, max_value=1e6, allow_nan=False), min_size=2, max_size=8),
    start=st.integers(min_value=1995, max_value=2030),
)
def test_table_agrees_with_single_series_functions(values: list[float], start: int) -> None:
    years = list(range(start, start + len(values)))
    s = _series([("solid_waste", y, v) for y, v in zip(years, values, strict=True)])
    row = trend_table(s).row(0, named=True)
    fit = linear_trend(years, values)
    assert row["slope"] == pytest.approx(fit.slope, rel=1e-6, abs=1e-6)
    assert row["cagr"] == pytest.approx(100 * compound_annual_growth(years, values), rel=1e-6, abs=1e-9)
    if not math.isnan(fit.r_squared):
        assert row["r_squared"] == pytest.approx(fit.r_squared, rel=1e-6, abs=1e-9)
    assert row["slope"] == pytest.approx(np.polyfit(years, values, 1)[0], rel=1e-5, abs=1e-5)


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=2, max_size=8))
def test_year_on_year_changes_add_up(values: list[float]) -> None:
    """Invariant: the year-on-year changes of a series sum to its last minus its first value."""
    s = _series([("solid_waste", 2000 + i, v) for i, v in enumerate(values)])
    yoy = year_on_year(s)
    assert yoy.height == len(values) - 1
    assert yoy["change"].sum() == pytest.approx(values[-1] - values[0], abs=1e-6)
