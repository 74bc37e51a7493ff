"""The GHG account on a hand-built park: every number worked out by hand (IPCC 2006 tier 1)."""

from __future__ import annotations

import polars as pl
import pytest
from ghg_testing import ghg_park

from eipkit.factors import Factor
from eipkit.ghg import (
    avoided_emissions,
    electricity_emissions,
    exchange_emissions,
    fuel_emissions,
    ghg_account,
    ghg_indicator,
)


@pytest.fixture(scope="module")
def park():  # type: ignore[no-untyped-def]
    return ghg_park()


def _by(frame: pl.DataFrame, key: str, value: str) -> dict[str, object]:
    return frame.filter(pl.col(key) == value).row(0, named=True)


def test_fuel_emissions_by_hand(park) -> None:  # type: ignore[no-untyped-def]
    """Coal: 1,000 t x 25 MJ/kg = 25,000 GJ x 98.3 kg/GJ (IPCC anthracite) = 2,457.5 t.
    Gas: 3,600 GJ x 56.1 kg/GJ = 201.96 t. Rice husk: biogenic, 0 fossil."""
    fuels = fuel_emissions(park)
    assert _by(fuels, "stream", "A.coal")["fossil_co2"] == pytest.approx(2457.5)
    assert _by(fuels, "stream", "B.gas")["fossil_co2"] == pytest.approx(201.96)
    husk = _by(fuels, "stream", "C.husk")
    assert husk["fossil_co2"] == 0.0 and husk["status"] == "ok"
    assert _by(fuels, "stream", "C.diesel")["status"] == "not_mass_or_energy"
    assert _by(fuels, "stream", "S.coal")["status"] == "no_calorific_value"
    bituminous = fuel_emissions(park, fuels={"coal": "bituminous_coal"})
    assert _by(bituminous, "stream", "A.coal")["fossil_co2"] == pytest.approx(25000 * 0.0946)


def test_scope2_by_year(park) -> None:  # type: ignore[no-untyped-def]
    el = electricity_emissions(park)
    assert _by(el, "stream", "A.el")["scope2_co2"] == pytest.approx(659.2)
    assert _by(electricity_emissions(park, 2022), "stream", "A.el")["scope2_co2"] == pytest.approx(676.6)
    mine = electricity_emissions(park, factor=Factor.user("grid", 0.5, "tCO2/MWh"))
    assert _by(mine, "stream", "B.el")["scope2_co2"] == pytest.approx(250.0)


def test_park_totals_and_boundary(park) -> None:  # type: ignore[no-untyped-def]
    account = ghg_account(park)
    a = _by(account.firms, "firm", "A")
    assert a["scope1"] == pytest.approx(2457.5) and a["scope2"] == pytest.approx(659.2)
    assert a["reported_co2"] == 2500.0
    assert a["intensity"] == pytest.approx((2457.5 + 659.2) / 10.0)
    expected = 2457.5 + 659.2 + 201.96 + 329.6
    assert account.totals["total"] == pytest.approx(expected)  # X (external) outside the boundary
    assert account.totals["intensity"] == pytest.approx((2457.5 + 659.2 + 201.96 + 329.6) / 35.0)
    assert any("no_calorific_value" in n for n in account.notes)
    assert any("not_mass_or_energy" in n for n in account.notes)
    assert any("value_added" in n for n in account.notes)  # firm C has none
    wider = ghg_account(park, include_external=True)
    assert wider.totals["total"] == pytest.approx(expected + 2500 * 0.0983)


def test_avoided_emissions(park) -> None:  # type: ignore[no-untyped-def]
    avoided = avoided_emissions(park)
    assert avoided["totals"]["measures_achieved"] == 100.0
    assert avoided["totals"]["measures_potential"] == 40.0  # the rejected measure is left out
    ex = avoided["exchanges"]
    assert _by(ex, "exchange", "E2")["avoided_co2"] == pytest.approx(65.92)  # 100 MWh x 0.6592
    assert "steam_enthalpy" in str(_by(ex, "exchange", "E1")["method"])
    assert avoided["totals"]["exchanges_not_quantified"] == 2.0
    assert "boiler_efficiency" in str(_by(ex, "exchange", "E3")["method"])


def test_heat_exchanges_with_boiler_efficiency(park) -> None:  # type: ignore[no-untyped-def]
    """E3: 100 MWh/a of hot water replaces A's coal boiler at 80 %: 100 / 0.8 x 3.6 GJ/MWh x 98.3 kg/GJ
    = 44.2 t/a. E1: steam to C, whose only fuels are biomass or without data: not quantified."""
    ex = exchange_emissions(park, steam_enthalpy=2.7, boiler_efficiency=0.8)
    assert _by(ex, "exchange", "E3")["avoided_co2"] == pytest.approx(100 / 0.8 * 3.6 * 98.3 / 1000)
    row = _by(ex, "exchange", "E1")
    assert row["avoided_co2"] is None and "no fossil fuel" in str(row["method"])
    with pytest.raises(ValueError):
        exchange_emissions(park, boiler_efficiency=1.5)


def test_indicator(park) -> None:  # type: ignore[no-untyped-def]
    ind = ghg_indicator(park)
    assert ind["total"] == pytest.approx(2457.5 + 659.2 + 201.96 + 329.6)
    assert ind["grid_year"] == "2023"
    assert ind["avoided_achieved"] == 100.0 and ind["avoided_potential"] == pytest.approx(40.0 + 65.92)
    assert ind["fuel_streams_left_out"] == 2
