"""Cited factors: values carried over from vietnam-facts.yaml, confidence handling, tariffs."""

from __future__ import annotations

import warnings
from importlib import resources

import numpy as np
import pytest
import yaml

from eipkit.factors import (
    Factor,
    LowConfidenceWarning,
    UnverifiedValueError,
    combustion_co2,
    cost_assumption,
    dppa_rule,
    fuel_energy,
    fuel_factor,
    fuel_of_class,
    grid_emission_factor,
    grid_emission_factors,
    hourly_tariff,
    nearest_solar_location,
    rooftop_solar_rule,
    solar_locations,
    tariff_prices,
    tou_schedules,
    tou_shares,
    use_factor,
)


def test_grid_factor_official_values() -> None:
    """vietnam-facts.md section 1: DCC official values, 2023 = 0.6592 and 2014 = 0.6612 tCO2/MWh."""
    assert grid_emission_factor().value == 0.6592
    assert grid_emission_factor().confidence == "H"
    assert grid_emission_factor(2014).value == 0.6612
    assert grid_emission_factors().height == 12


def test_grid_factor_estimates_need_opt_in() -> None:
    with pytest.raises(UnverifiedValueError, match="estimates=True"):
        grid_emission_factor(2024)
    estimate = grid_emission_factor(2024, estimates=True)
    assert estimate.value == 0.6811 and estimate.status == "estimate"
    with pytest.raises(UnverifiedValueError):
        grid_emission_factor(2030, estimates=True)


def test_fuel_factors_ipcc_defaults() -> None:
    """IPCC 2006 Vol. 2 Table 2.2 as listed in vietnam-facts.md 6.2 (kg CO2/GJ)."""
    assert fuel_factor("anthracite").co2.value == 98.3
    assert fuel_factor("bituminous_coal").co2.value == 94.6
    assert fuel_factor("natural_gas").co2.value == 56.1
    assert fuel_factor("scrap_tyres").co2.confidence == "L"
    assert not fuel_factor("rdf_srf").co2.verified
    assert fuel_of_class("coal") == "anthracite"
    with pytest.raises(KeyError):
        fuel_factor("unobtainium")


def test_fuel_energy_and_co2_by_hand() -> None:
    # 1,000 t at 25 MJ/kg = 25,000 GJ = 6,944.4 MWh; x 98.3 kg/GJ = 2,457.5 t CO2
    energy = fuel_energy(1000.0, 25.0)
    assert energy == pytest.approx(25000 / 3.6)
    assert combustion_co2(energy, 98.3) == pytest.approx((2457.5, 0.0))
    fossil, biogenic = combustion_co2(energy, 85.0, 0.2)
    assert fossil == pytest.approx(25000 * 0.085 * 0.8) and biogenic == pytest.approx(25000 * 0.085 * 0.2)
    with pytest.raises(ValueError):
        combustion_co2(1.0, 1.0, 1.5)


def test_tariff_decision_1279() -> None:
    """vietnam-facts.md 2.1: production, 22-110 kV: normal 1,833, off-peak 1,190, peak 3,398 VND/kWh."""
    prices = tariff_prices("22_to_110kv")
    assert [prices[p].value for p in ("normal", "offpeak", "peak")] == [1833.0, 1190.0, 3398.0]
    assert tariff_prices("ge_22kv", "business")["peak"].value == 5025.0
    with pytest.raises(KeyError):
        tariff_prices("400kv")


@pytest.mark.parametrize("schedule", ["legacy_circular_16_2014", "decision_963_2026"])
def test_tou_schedules_have_the_published_weekly_hours(schedule: str) -> None:
    """Both schedules: 30 h peak, 42 h off-peak, 96 h normal per week (vietnam-facts.md 2.2)."""
    shares = tou_shares(schedule)
    assert np.allclose(shares.sum(axis=1), 1.0)
    # 6-12 January 2025 is Monday to Sunday
    week = shares[5 * 24 : 12 * 24].sum(axis=0)
    assert week == pytest.approx([42.0, 96.0, 30.0])


def test_half_hour_windows_split_hours() -> None:
    shares = tou_shares("legacy_circular_16_2014")
    monday = 5 * 24  # 2025-01-06
    assert shares[monday + 9].tolist() == pytest.approx([0.0, 0.5, 0.5])  # 09:00-09:30 normal, 09:30- peak
    assert shares[monday + 23].tolist() == pytest.approx([1.0, 0.0, 0.0])
    assert shares[monday + 6 * 24 + 18].tolist() == pytest.approx([0.0, 1.0, 0.0])  # Sunday 18:00: no peak
    late = tou_shares("decision_963_2026")
    assert late[monday + 20].tolist() == pytest.approx([0.0, 0.0, 1.0])
    assert set(tou_schedules()) == {"legacy_circular_16_2014", "decision_963_2026"}


def test_hourly_tariff_in_vnd_per_mwh() -> None:
    prices = hourly_tariff("ge_110kv")
    assert prices.shape == (8760,)
    assert prices.max() == 3266000.0 and prices.min() == 1146000.0


def test_rules() -> None:
    """Decree 243/2026: surplus cap 50 %; the surplus price is unverified; DPPA buyers >= 200,000 kWh/month."""
    assert rooftop_solar_rule("surplus_cap").value == 0.5
    assert rooftop_solar_rule("surplus_cap_previous").value == 0.2
    price = rooftop_solar_rule("surplus_price")
    assert not price.verified
    with pytest.raises(UnverifiedValueError, match="unverified"):
        price.require()
    with pytest.raises(UnverifiedValueError):
        rooftop_solar_rule("draft_price_not_adopted").require()
    assert dppa_rule("large_customer_min").value == 200000
    assert dppa_rule("grid_generator_min").value == 10
    assert dppa_rule("service_charge").low_confidence


def test_low_confidence_values_warn_visibly() -> None:
    notes: list[str] = []
    with pytest.warns(LowConfidenceWarning, match="discount_rate"):
        value = use_factor(cost_assumption("discount_rate"), notes)
    assert value == 0.08
    assert notes and "confidence L" in notes[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert use_factor(Factor("x", 1.0, "1", "H", "test")) == 1.0


def test_unverified_cost_defaults_raise() -> None:
    with pytest.raises(UnverifiedValueError):
        use_factor(cost_assumption("wind_capex"))


def test_solar_resource_table_and_nearest_location() -> None:
    table = solar_locations()
    assert table.height == 11
    assert dict(zip(table["location"], table["pvout"], strict=True))["hanoi"] == 1157
    near = nearest_solar_location(10.8, 106.7)
    assert near["location"] == "ho_chi_minh" and near["distance_km"] < 5


def _entries(node: object) -> list[dict[str, object]]:
    found = []
    if isinstance(node, dict):
        if "value" in node or "co2_kg_gj" in node:
            found.append(node)
        for child in node.values():
            found.extend(_entries(child))
    return found


@pytest.mark.parametrize("name", ["grid", "fuels", "rules", "solar", "costs"])
def test_every_shipped_value_has_a_confidence_or_a_status(name: str) -> None:
    text = resources.files("eipkit.factors").joinpath("_data", f"{name}.yaml").read_text(encoding="utf-8")
    for entry in _entries(yaml.safe_load(text)):
        has_value = entry.get("value", entry.get("co2_kg_gj")) is not None
        tag = entry.get("confidence") or entry.get("ef_confidence")
        if has_value:
            assert tag in ("H", "M", "L", "convention"), entry
        else:
            assert entry.get("status") in ("unverified", "negotiated") or entry.get("note"), entry
