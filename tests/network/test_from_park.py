"""Candidate links from a park: planned exchanges, same-class pairs, costs and exclusions."""

from __future__ import annotations

import math

import polars as pl
import pytest
from network_testing import FIRMS, STREAMS, network_park

from eipkit.network import link_assumptions, park_candidates


def test_pairs_and_transport_cost() -> None:
    """A -> B is 0.005° of latitude: 6371 x radians(0.005) = 0.556 km, x 1.3 route factor; trucks at
    3,000 VND per t and km cost 3,000 x 1.3 x 0.556 = 2,168 VND/t."""
    candidates, excluded = park_candidates(network_park())
    row = candidates.filter(pl.col("receiver") == "B").row(0, named=True)
    km = 6371.0 * math.radians(0.005) * 1.3
    assert row["distance_km"] == pytest.approx(km)
    assert row["variable_cost"] == pytest.approx(3000.0 * km)
    assert (row["supplier_saving"], row["receiver_saving"]) == (100_000.0, 600_000.0)
    assert row["supply_stream"] == "SA" and row["supply_amount"] == 1200.0 and row["origin"] == "pair"
    assert row["fixed_cost"] == link_assumptions()["link_fixed_cost"]
    assert excluded.height == 0
    assert "fly_ash" not in candidates["resource_class"].to_list()  # nobody wants ash


def test_planned_exchange_and_committed_amounts() -> None:
    """An operating exchange already takes 500 t/a of A's grain to B: only 700 t/a of A's supply and
    300 t/a of B's demand are left. A planned (idea) exchange A -> D is a candidate; the existing
    A -> B link is not proposed again."""
    exchanges = [
        {
            "id": "X1",
            "supplier": "A",
            "receiver": "B",
            "supply_stream": "SA",
            "demand_stream": "SB",
            "resource_class": "spent_grain",
            "status": "operating",
            "quantity": 500.0,
            "unit": "t/a",
        },
        {
            "id": "X2",
            "supplier": "A",
            "receiver": "D",
            "resource_class": "spent_grain",
            "status": "idea",
            "quantity": 100.0,
            "unit": "t/a",
            "annual_benefit": 5_000_000.0,
        },
    ]
    candidates, _ = park_candidates(network_park(exchanges=exchanges))
    ids = set(candidates["id"].to_list())
    assert "EX_X2" in ids and "PAIR_SA_SB" not in ids
    to_c = candidates.filter(pl.col("id") == "PAIR_SA_SC").row(0, named=True)
    assert to_c["supply_amount"] == pytest.approx(700.0) and to_c["max_amount"] == pytest.approx(700.0)
    planned = candidates.filter(pl.col("id") == "EX_X2").row(0, named=True)
    assert planned["receiver_saving"] == pytest.approx(50_000.0)  # annual_benefit / amount
    assert planned["origin"] == "exchange"


def test_fuel_exchange_co2_from_calorific_value() -> None:
    """1 t of coal at 22 MJ/kg is 6.111 MWh; anthracite 98.3 kg CO2/GJ -> 0.35388 t/MWh, i.e.
    2.1626 t CO2 per t of coal exchanged."""
    streams = [
        *STREAMS,
        {
            "id": "K1",
            "firm": "D",
            "direction": "out",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 100.0,
            "unit": "t/a",
            "calorific_value": 22.0,
        },
        {
            "id": "K2",
            "firm": "C",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 50.0,
            "unit": "t/a",
            "unit_cost": 3000000.0,
            "cost_unit": "VND/t",
        },
    ]
    candidates, _ = park_candidates(network_park(streams=streams))
    coal = candidates.filter(pl.col("resource_class") == "coal").row(0, named=True)
    assert coal["co2_avoided_per_unit"] == pytest.approx(98.3 * 3.6 / 1000 * 22.0 / 3.6)
    assert coal["co2_estimated"] is True
    grain = candidates.filter(pl.col("resource_class") == "spent_grain").row(0, named=True)
    assert grain["co2_estimated"] is False


def test_firm_without_coordinates_is_reported() -> None:
    firms = [dict(f) for f in FIRMS]
    firms[2] = {k: v for k, v in firms[2].items() if k not in ("latitude", "longitude")}
    candidates, excluded = park_candidates(network_park(firms=firms))
    assert "C" not in candidates["receiver"].to_list()
    assert "latitude" in excluded.filter(pl.col("receiver") == "C")["reason"][0]


def test_unknown_assumption() -> None:
    with pytest.raises(KeyError, match="transport_cost_mass"):
        link_assumptions({"transport": 1.0})
