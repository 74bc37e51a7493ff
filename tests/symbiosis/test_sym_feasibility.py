"""Feasibility checks on hand-built parks: quality, distance, quantity, timing, temperature, hazard."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from sym_testing import firm, fly_ash_park, km_east, make_park, stream

from eipkit.symbiosis import heat_fractions, match_park, matched_amount


def _one(park, **kw):  # type: ignore[no-untyped-def]
    return match_park(park, select=False, **kw)


@pytest.mark.parametrize(("loi", "feasible"), [(7.5, True), (8.0, True), (8.01, False)])
def test_quality_limit_just_inside_and_just_outside(loi: float, feasible: bool) -> None:
    result = _one(fly_ash_park(loi_supply=loi, loi_limit=8.0))
    assert (result.opportunities.height == 1) is feasible
    assert (result.infeasible.height == 1) is not feasible
    if feasible:
        reason = result.opportunities.get_column("reason_en")[0]
        assert "Loss on ignition" in reason and "<= 8.00 %" in reason
    else:
        reason = result.infeasible.get_column("reason_en")[0]
        assert "Loss on ignition 8.01 % > 8.00 %" in reason


def test_missing_quality_value_means_test_needed() -> None:
    park = fly_ash_park()
    park = make_park(
        park.table("firms", derived=False).to_dicts(),
        park.table("streams", derived=False).to_dicts(),
        [q for q in park.table("qualities", derived=False).to_dicts() if q["stream"] != "BOIL.ash"],
    )
    opp = _one(park).opportunities
    assert opp.get_column("status")[0] == "unknown"
    assert "test needed: Loss on ignition" in opp.get_column("reason_en")[0]
    assert "quality" in opp.get_column("barriers")[0]


def test_rule_default_limit_warns_when_the_receiver_states_none() -> None:
    park = fly_ash_park(loi_supply=7.5)
    park = make_park(
        park.table("firms", derived=False).to_dicts(),
        park.table("streams", derived=False).to_dicts(),
        [q for q in park.table("qualities", derived=False).to_dicts() if q["stream"] == "BOIL.ash"],
    )
    opp = _one(park).opportunities
    assert opp.get_column("status")[0] == "warn"
    assert "7.50 % > 6.00 % (ASTM C618)" in opp.get_column("reason_en")[0]


def _effluent_park(km: float) -> object:
    return make_park(
        [firm("OPER", "water_utility", role="operator"), firm("MILL", "paper", lon=km_east(km))],
        [
            stream("OPER.eff", "OPER", "out", "water", "treated_effluent", 100_000, "m3/a", destination="discharge"),
            stream("MILL.w", "MILL", "in", "water", "water", 50_000, "m3/a", unit_cost=15_000, cost_unit="VND/m3"),
        ],
    )


@pytest.mark.parametrize(("km", "feasible"), [(9.9, True), (10.1, False)])
def test_pipeline_distance_limit(km: float, feasible: bool) -> None:
    result = _one(_effluent_park(km))
    assert (result.opportunities.height == 1) is feasible
    if not feasible:
        assert "10.1 km is beyond the 10.0 km reach of a water pipeline" in result.infeasible.get_column("reason_en")[0]


@pytest.mark.parametrize(("km", "found"), [(29.0, True), (31.0, False)])
def test_truck_radius(km: float, found: bool) -> None:
    result = _one(fly_ash_park(cement_lon=km_east(km)), radius_km=30.0)
    assert (result.opportunities.height == 1) is found
    assert result.infeasible.height == 0  # beyond the radius a pair is not a candidate at all


@pytest.mark.parametrize(
    ("supply", "demand", "amount", "coverage"), [(1000, 4000, 1000, 0.25), (5000, 4000, 4000, 1.0)]
)
def test_quantity_coverage(supply: float, demand: float, amount: float, coverage: float) -> None:
    park = make_park(
        [firm("A", "power_steam"), firm("B", "building_materials", lon=106.01)],
        [
            stream("A.o", "A", "out", "by_product", "fly_ash", supply, unit_cost=100_000, cost_unit="VND/t"),
            stream("B.i", "B", "in", "material", "fly_ash", demand, unit_cost=300_000, cost_unit="VND/t"),
        ],
    )
    row = _one(park).opportunities.row(0, named=True)
    assert row["amount"] == pytest.approx(amount)
    assert row["coverage_demand"] == pytest.approx(coverage)
    assert row["coverage_supply"] == pytest.approx(amount / supply)


def test_seasonal_streams_match_only_in_common_months() -> None:
    """Shells March-November (900 t, 100 t/month) against a feed mill January-June (600 t): 4 months x 100 t."""
    park = make_park(
        [firm("S", "seafood"), firm("F", "food", lon=106.05)],
        [
            stream("S.o", "S", "out", "by_product", "shells", 900, availability="seasonal", months="3-11"),
            stream(
                "F.i",
                "F",
                "in",
                "material",
                "shells",
                600,
                availability="seasonal",
                months="1-6",
                unit_cost=1_000_000,
                cost_unit="VND/t",
            ),
        ],
    )
    assert _one(park).opportunities.get_column("amount")[0] == pytest.approx(400.0)
    park = make_park(
        [firm("S", "seafood"), firm("F", "food", lon=106.05)],
        [
            stream("S.o", "S", "out", "by_product", "shells", 900, months="3-5"),
            stream("F.i", "F", "in", "material", "shells", 600, months="7-9"),
        ],
    )
    result = _one(park)
    assert result.opportunities.height == 0
    assert "no month in common" in result.infeasible.get_column("reason_en")[0]


def test_heat_fractions_hand_values() -> None:
    """Hot water 80 -> 35 °C, ΔTmin 10 K; demands 25 -> 60 (all), 25 -> 80 (45/55), 70 -> 80 (none), 69 -> 80."""
    phi_s, phi_d, status = heat_fractions(
        np.array([80.0] * 4),
        np.array([35.0] * 4),
        np.array([25.0, 25.0, 70.0, 69.0]),
        np.array([60.0, 80.0, 80.0, 80.0]),
        np.array([10.0] * 4),
    )
    assert phi_d.tolist() == pytest.approx([1.0, 45 / 55, 0.0, 1 / 11])
    assert phi_s[0] == 1.0 and phi_s[3] == pytest.approx((80 - 79) / 45)
    assert status.tolist() == [3, 2, 0, 2]
    _, _, unknown = heat_fractions(
        np.array([np.nan]), np.array([np.nan]), np.array([20.0]), np.array([60.0]), np.array([10.0])
    )
    assert unknown.tolist() == [1]


@pytest.mark.parametrize(("inlet", "feasible"), [(69.0, True), (70.0, False)])
def test_temperature_just_inside_and_outside(inlet: float, feasible: bool) -> None:
    park = make_park(
        [firm("H", "beverage", operating_hours=8760), firm("C", "food", lon=106.005, operating_hours=8760)],
        [
            stream("H.o", "H", "out", "heat", "hot_water", 1000, "MWh/a", temperature=80, target_temperature=35),
            stream("C.i", "C", "in", "heat", "hot_water", 500, "MWh/a", temperature=inlet, target_temperature=80),
        ],
    )
    result = _one(park)
    assert (result.opportunities.height == 1) is feasible
    if not feasible:
        assert "supply at 80 °C cannot heat to 80 °C" in result.infeasible.get_column("reason_en")[0]


def test_hazardous_supplies_need_a_licensed_receiver() -> None:
    base = [firm("G", "garment"), firm("K", "building_materials", lon=106.1), firm("X", "food", lon=106.01)]
    park = make_park(
        base,
        [
            stream(
                "G.oil",
                "G",
                "out",
                "waste",
                "waste_oil",
                10,
                ewc_code="13 02 05*",
                hazardous=True,
                unit_cost=6_000_000,
                cost_unit="VND/t",
                destination="incineration",
            ),
            stream("K.oil", "K", "in", "energy", "waste_oil", 1000, unit_cost=-1_500_000, cost_unit="VND/t"),
            stream("X.oil", "X", "in", "energy", "waste_oil", 100),
            stream("G.ash", "G", "out", "waste", "fly_ash", 100, hazardous=True),
            stream("K.ash", "K", "in", "material", "fly_ash", 1000),
        ],
    )
    result = _one(park)
    opp = result.opportunities
    assert opp.select("supplier", "receiver", "resource_class").rows() == [("G", "K", "waste_oil")]
    assert "regulatory" in opp.get_column("barriers")[0]
    assert "licensed" in opp.get_column("reason_en")[0]
    bad = result.infeasible
    assert bad.select("resource_class").rows() == [("fly_ash",)]
    assert "allows no hazardous waste" in bad.get_column("reason_en")[0]


def test_matched_amount_formula() -> None:
    out = matched_amount(
        np.array([1200.0, 1200.0, 100.0]),
        np.array([600.0, 600.0, 100.0]),
        np.array([1.0, 2.0, 1.0]),
        np.array([12.0, 12.0, 0.0]),
        np.array([12.0, 12.0, 12.0]),
        np.array([12.0, 12.0, 12.0]),
        np.array([1.0, 1.0, 1.0]),
        np.array([1.0, 0.5, 1.0]),
    )
    assert out.tolist() == [600.0, 150.0, 0.0]


def test_amount_kinds_that_cannot_be_compared_fail() -> None:
    park = make_park(
        [firm("A", "power_steam"), firm("B", "building_materials", lon=106.01)],
        [
            stream("A.o", "A", "out", "by_product", "fly_ash", 100, "m3/a"),
            stream("B.i", "B", "in", "material", "fly_ash", 100, "t/a"),
        ],
    )
    result = _one(park)
    assert result.opportunities.height == 0
    assert "cannot be compared (volume_flow against mass_flow)" in result.infeasible.get_column("reason_en")[0]


def test_results_keep_every_check() -> None:
    row = _one(fly_ash_park()).opportunities.row(0, named=True)
    assert row["status"] == "pass"
    assert row["scope"] == "park" and row["tracking"] == "new"
    assert isinstance(row["flags"], list)
    assert pl.Series([row["reason_vi"]]).str.contains("của").all()
