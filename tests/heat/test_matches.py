"""Costed inter-firm heat matches, cited factors and the annuity factor."""

from __future__ import annotations

import math

import polars as pl
import pytest

from eipkit.heat import annuity_factor, emission_factor, heat_assumptions, heat_factor_sources, heat_matches
from eipkit.heat.matches import receiver_prices
from eipkit.park import Park

SIMPLE = {
    "route_factor": 1.0,
    "heat_loss_coefficient": 0.3,
    "ground_temperature": 25.0,
    "pipe_cost": 1.0e9,
    "exchanger_cost": 1.0e6,
    "discount_rate": 0.0,
    "lifetime": 30.0,
    "om_share": 0.0,
    "pumping_electricity": 0.0,
    "boiler_efficiency": 0.8,
}


def test_match_costed_by_hand(park: Park) -> None:
    """F1 -> F2, 300 kW recoverable. Pipe 6371 km x 0.009° in radians = 1.0007 km. Loop at
    min(250 - 5, 80 + 5) = 85 °C out and 25 + 5 = 30 °C back, two pipes at U' = 0.3 W/(m K) in
    25 °C ground lose 0.3 x 1000.7 m x (85 + 30 - 50) K = 19.51 kW, so 280.49 kW arrive for
    8,000 h = 2,243.9 MWh/a. F2 pays 3,520,000 VND/t for coal of 22 MJ/kg (6.111 MWh/t), i.e.
    576,000 VND/MWh of fuel = 720,000 VND/MWh of heat at 80 % boiler efficiency. CO2: anthracite
    98.3 kg/GJ x 3.6 / 1000 / 0.8 = 0.44235 t/MWh of heat. Investment 1e9 VND/km x 1.0007 km +
    1e6 VND/kW x 280.49 kW, spread over 30 years at 0 %."""
    matches, excluded = heat_matches(park, assumptions=SIMPLE)
    assert matches.height == 1
    m = matches.row(0, named=True)
    dist = 6371.0 * math.radians(0.009)
    loss = 0.3 * dist * (85 + 30 - 50)
    delivered = 300.0 - loss
    assert (m["supplier"], m["receiver"], m["amount_kind"]) == ("F1", "F2", "energy_flow")
    assert m["distance_km"] == pytest.approx(dist, rel=1e-9)
    assert m["heat_loss"] == pytest.approx(loss, rel=1e-9)
    assert m["max_amount"] == pytest.approx(delivered * 8.0, rel=1e-9)
    assert m["supply_factor"] == pytest.approx(300.0 / delivered)
    assert m["supply_amount"] == pytest.approx(4000.0) and m["demand_amount"] == pytest.approx(2400.0)
    assert m["receiver_saving"] == pytest.approx(720_000.0)
    assert m["price_source"] == "fuel_price"
    assert m["co2_avoided_per_unit"] == pytest.approx(98.3 * 3.6 / 1000 / 0.8)
    assert m["fixed_cost"] == pytest.approx((1e9 * dist + 1e6 * delivered) / 30.0)
    assert m["net_benefit"] == pytest.approx(m["max_amount"] * 720_000.0 - m["fixed_cost"])
    # F3 has no coordinates: the pair is reported, not dropped silently
    assert excluded.row(0, named=True)["receiver"] == "F3"
    assert "latitude" in excluded.row(0, named=True)["reason"]


def test_long_pipes_lose_the_heat(park: Park) -> None:
    lossy = {**SIMPLE, "heat_loss_coefficient": 20.0}
    matches, excluded = heat_matches(park, assumptions=lossy)
    assert matches.height == 0
    assert "pipe losses" in excluded.filter(pl.col("receiver") == "F2")["reason"][0]


def test_default_price_when_receiver_reports_none(park: Park) -> None:
    prices = receiver_prices(park).rows_by_key("firm", named=True, unique=True)
    assert prices["F3"]["price_source"] == "default"
    assert prices["F3"]["receiver_saving"] == pytest.approx(
        heat_assumptions()["fuel_price"] / heat_assumptions()["boiler_efficiency"]
    )


def test_emission_factors_are_the_cited_ones() -> None:
    """IPCC 2006 Vol. 2 defaults (kg CO2/GJ): natural gas 56.1, residual fuel oil 77.4; Viet Nam
    grid 2023: 0.6592 t CO2/MWh (vietnam-facts.yaml); biomass counted as zero."""
    assert emission_factor("natural_gas") == ("natural_gas", pytest.approx(56.1 * 0.0036))
    assert emission_factor("fuel_oil") == ("fuel_oil", pytest.approx(77.4 * 0.0036))
    assert emission_factor("electricity") == ("electricity", 0.6592)
    assert emission_factor("rice_husk") == ("biomass", 0.0)
    assert emission_factor("spent_grain") is None
    names = {r["name"] for r in heat_factor_sources()}
    assert {"grid_electricity", "boiler_efficiency", "fuel_coal"} <= names
    assert all(r["source"] and r["confidence"] in "HML" for r in heat_factor_sources())


def test_annuity_factor() -> None:
    """CRF(10 %, 30 a) = 0.1 x 1.1^30 / (1.1^30 - 1) = 0.106079; CRF(0, n) = 1/n."""
    assert annuity_factor(0.10, 30) == pytest.approx(0.1 * 1.1**30 / (1.1**30 - 1))
    assert annuity_factor(0.0, 20) == pytest.approx(0.05)
    with pytest.raises(ValueError):
        annuity_factor(0.1, 0)


def test_unknown_assumption_is_refused() -> None:
    with pytest.raises(KeyError, match="pipe_cost"):
        heat_assumptions({"pipe_costs": 1.0})
