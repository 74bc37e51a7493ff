"""RECP indicators, benchmarks, option screening, cost-benefit and the MAC curve on a hand-built park."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recp_testing import recp_park

from eipkit.recp import (
    OPTION_COLUMNS,
    benchmark_table,
    compare_benchmarks,
    cost_benefit,
    firm_indicators,
    firm_resources,
    mac_curve,
    measure_options,
    option_catalogue,
    screen_options,
)


@pytest.fixture(scope="module")
def park():  # type: ignore[no-untyped-def]
    return recp_park()


def _ind(table: pl.DataFrame, firm: str, indicator: str) -> dict[str, object]:
    return table.filter((pl.col("firm") == firm) & (pl.col("indicator") == indicator)).row(0, named=True)


def test_resources_by_hand(park) -> None:  # type: ignore[no-untyped-def]
    """Coal 36 t x 25 MJ/kg = 900 GJ = 250 MWh of fuel; plus 50 MWh of electricity = 300 MWh."""
    row = firm_resources(park).filter(pl.col("firm") == "F").row(0, named=True)
    assert row["fuel_use"] == pytest.approx(250.0)
    assert row["energy_use"] == pytest.approx(300.0)
    assert (row["water_use"], row["material_use"], row["solid_waste"], row["wastewater"]) == (500, 120, 20, 400)
    assert row["co2_emissions"] == 30.0 and row["energy_complete"]


def test_indicators_per_output_and_value_added(park) -> None:  # type: ignore[no-untyped-def]
    """UNIDO/UNEP (2010) primer indicators: 100 t output, 2 billion VND value added."""
    table = firm_indicators(park)
    water = _ind(table, "F", "water_use")
    assert (water["per_output"], water["output_unit"], water["per_value_added"], water["productivity"]) == (
        5.0,
        "t",
        250.0,
        4e6,
    )
    energy = _ind(table, "F", "energy_use")
    assert energy["per_output"] == pytest.approx(3.0) and energy["productivity"] == pytest.approx(2e9 / 300)
    co2 = _ind(table, "F", "co2_emissions")
    assert co2["kind"] == "pollution" and co2["per_output"] == 0.3 and co2["productivity"] is None
    no_output = _ind(table, "N", "electricity_use")
    assert no_output["per_output"] is None and no_output["per_value_added"] is None
    given = firm_indicators(park, co2_emissions={"F": 60.0})
    assert _ind(given, "F", "co2_emissions")["amount"] == 60.0


def test_benchmarks_at_and_around_the_range(park) -> None:  # type: ignore[no-untyped-def]
    """Brewery water 5 hL/hL: within 3.3-5.2 (Campden BRI 2012), 1,700 m3/a above best practice 3.3."""
    row = compare_benchmarks(park).filter(pl.col("benchmark") == "brewery_water").row(0, named=True)
    assert row["intensity"] == 5.0 and row["position"] == "within_range"
    assert row["saving_to_best"] == pytest.approx(1700.0)
    assert row["ratio_to_typical"] == pytest.approx(5.0 / 4.3)
    assert set(benchmark_table()["confidence"]) <= {"H", "M"}


def test_option_screening(park) -> None:  # type: ignore[no-untyped-def]
    """Economiser (DOE Steam Tip Sheet #3): 5-10 % of 250 MWh fuel = 12.5-25 MWh; at the firm's coal price
    (36 t x 3.5 million VND over 250 MWh) and anthracite CO2 (98.3 kg/GJ)."""
    table = screen_options(park)
    eco = table.filter((pl.col("firm") == "F") & (pl.col("option") == "boiler_economiser")).row(0, named=True)
    assert (eco["saving_low"], eco["saving_high"]) == pytest.approx((12.5, 25.0))
    assert eco["money_low"] == pytest.approx(12.5 * 36 * 3.5e6 / 250)
    assert eco["co2_low"] == pytest.approx(12.5 * 3.6 * 0.0983)
    air = table.filter((pl.col("firm") == "F") & (pl.col("option") == "compressed_air_leaks")).row(0, named=True)
    assert air["status"] == "basis_not_in_park_data"
    co2 = table.filter((pl.col("firm") == "B") & (pl.col("option") == "brewery_co2_recovery")).row(0, named=True)
    assert co2["saving_low"] == 20.0 and co2["saving_high"] is None and co2["status"] == "at_least"
    water = table.filter((pl.col("firm") == "B") & (pl.col("option") == "brewery_water_best_practice"))
    assert water["saving_low"][0] == pytest.approx(1700.0)
    assert "boiler_economiser" not in option_catalogue("beverage", "vi")["option"].to_list()[:0]


def test_cost_benefit_by_hand() -> None:
    """1,000 invested, 400/a for 3 years, 2 t CO2/a, no discounting: NPV 200, payback 2.5 a,
    MAC = (1000/3 - 400)/2 = -33.3 per t."""
    opts = pl.DataFrame(
        {
            "option": ["A"],
            "group": ["recp"],
            "firm": ["F"],
            "title": ["t"],
            "capex": [1000.0],
            "annual_saving": [400.0],
            "co2_saving": [2.0],
            "lifetime": [3.0],
        }
    )
    row = cost_benefit(opts, discount_rate=0.0).row(0, named=True)
    assert row["npv"] == pytest.approx(200.0) and row["payback"] == pytest.approx(2.5)
    assert row["mac"] == pytest.approx(-100.0 / 3.0)


def test_mac_curve_of_the_measures(park) -> None:  # type: ignore[no-untyped-def]
    options = measure_options(park)
    assert set(options.columns) == set(OPTION_COLUMNS)
    assert options["option"].to_list() == ["M1", "M2", "M3"]  # implemented M4 is not a choice any more
    curve, excluded, notes = mac_curve(options, discount_rate=0.1, lifetime=5.0)
    assert curve["option"].to_list() == ["M1"]
    reasons = dict(zip(excluded["option"], excluded["reason"], strict=True))
    assert reasons == {"M2": "no CO2 abatement", "M3": "capex not given"}
    assert notes == []
    _, _, flagged = mac_curve(options.with_columns(pl.lit(None, dtype=pl.Float64).alias("lifetime")), 0.1)
    assert any("measure_lifetime" in n for n in flagged)


@settings(max_examples=30, deadline=None)
@given(data=st.lists(st.tuples(st.floats(0, 1e6), st.floats(-1e5, 1e6), st.floats(0.1, 1e3)), min_size=1, max_size=8))
def test_mac_curve_is_sorted_and_contiguous(data: list[tuple[float, float, float]]) -> None:
    n = len(data)
    opts = pl.DataFrame(
        {
            "option": [f"O{i}" for i in range(n)],
            "group": ["recp"] * n,
            "firm": ["F"] * n,
            "title": ["t"] * n,
            "capex": [d[0] for d in data],
            "annual_saving": [d[1] for d in data],
            "co2_saving": [d[2] for d in data],
            "lifetime": [10.0] * n,
        }
    )
    curve, _, _ = mac_curve(opts, discount_rate=0.05)
    macs = curve["mac"].to_list()
    assert macs == sorted(macs)
    assert curve["start"][0] == 0.0
    assert curve["start"].to_list()[1:] == pytest.approx(curve["end"].to_list()[:-1])
    assert curve["end"][-1] == pytest.approx(sum(d[2] for d in data))


def test_options_table_needs_its_columns() -> None:
    with pytest.raises(ValueError, match="lacks columns"):
        cost_benefit(pl.DataFrame({"option": ["A"]}), discount_rate=0.1)
