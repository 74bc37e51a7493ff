"""Rooftop PV of a park's firms and the solar/wind mix on a hand-built park."""

from __future__ import annotations

import warnings

import numpy as np
import polars as pl
import pytest
from energy_testing import solar_park

from eipkit.energy import EnergyInputError, compare_mix, firm_electricity, park_solar, wind_profile
from eipkit.factors import LowConfidenceWarning

_ELEC = {
    "id": "A.el",
    "firm": "A",
    "direction": "in",
    "category": "energy",
    "resource_class": "electricity",
    "quantity": 5000,
    "unit": "MWh/a",
}


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowConfidenceWarning)
        return park_solar(solar_park(), air_temperature=27.0, power_density=0.15)


def test_firm_statuses_are_explicit(result) -> None:  # type: ignore[no-untyped-def]
    status = dict(zip(result.firms["firm"], result.firms["status"], strict=True))
    assert status == {"A": "ok", "B": "no_roof_area", "C": "no_electricity_data"}
    assert any("left out" in n for n in result.notes)
    a = result.firms.filter(pl.col("firm") == "A").row(0, named=True)
    assert a["capacity"] == pytest.approx(1500.0)
    assert a["generation"] == pytest.approx(1.5 * a["specific_yield"])
    assert a["self_consumed"] + a["exported"] + a["curtailed"] == pytest.approx(a["generation"])


def test_firm_electricity() -> None:
    table = firm_electricity(solar_park())
    assert dict(zip(table["firm"], table["electricity_use"], strict=True)) == {"A": 5000.0, "B": 800.0}
    assert table.filter(pl.col("firm") == "A")["unit_price"][0] == pytest.approx(1.9e6)


def test_no_curtailment_sizing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowConfidenceWarning)
        park = solar_park(
            firms=[{"id": "A", "name": "A", "sector": "electronics", "roof_area": 60000}], streams=[_ELEC]
        )
        sized = park_solar(park, sizing="no_curtailment", air_temperature=27.0, power_density=0.15)
    row = sized.firms.row(0, named=True)
    assert row["capacity"] < row["roof_capacity"]
    assert row["curtailed"] == pytest.approx(0.0, abs=1e-6 * row["generation"])


def test_compare_mix(result) -> None:  # type: ignore[no-untyped-def]
    wind = wind_profile("E-82/2350", 100.0, np.full(8760, 7.0))
    mix = compare_mix(result, wind, 1)
    rows = {r["option"]: r for r in mix.iter_rows(named=True)}
    assert set(rows) == {"solar", "wind", "solar_wind"}
    assert rows["solar_wind"]["used_in_park"] <= rows["solar"]["used_in_park"] + rows["wind"]["used_in_park"] + 1e-6
    assert rows["solar_wind"]["used_in_park"] >= rows["solar"]["used_in_park"]
    assert rows["wind"]["avoided_co2"] == pytest.approx(rows["wind"]["used_in_park"] * 0.6592)


def test_errors() -> None:
    with pytest.raises(EnergyInputError, match="sizing"):
        park_solar(solar_park(), sizing="max")
    bare = solar_park(
        park={"latitude": None, "longitude": None},
        firms=[{"id": "A", "name": "A", "sector": "food", "roof_area": 100}],
        streams=[_ELEC],
    )
    with pytest.raises(EnergyInputError, match="coordinates"):
        park_solar(bare)
