"""Co-processing screening: checks at and around each limit, exclusions, substitution by hand, receiver."""

from __future__ import annotations

import polars as pl
import pytest

from eipkit.coprocessing import (
    CRITERIA,
    CoprocessingInputError,
    check_limit,
    co2_saved,
    coal_replaced,
    exclusion_reason,
    find_kiln,
    kiln_receiver_streams,
    limit_set,
    limit_sets,
    screen_wastes,
    thermal_substitution,
    waste_energy,
)
from eipkit.park import Park

LIMITS = {
    "calorific_value": 15.0,
    "moisture": 20.0,
    "chlorine": 0.5,
    "sulfur": 2.0,
    "Hg": 10.0,
    "Cd": 50.0,
    "Pb": 500.0,
    "As": 50.0,
    "Cr": 500.0,
    "Ni": 500.0,
}


def _waste(sid: str, firm: str, rc: str, qty: float, **kw: object) -> dict[str, object]:
    return {
        "id": sid,
        "firm": firm,
        "direction": "out",
        "category": "waste",
        "resource_class": rc,
        "quantity": qty,
        "unit": "t/a",
        **kw,
    }


def _park(kiln_cv: float | None = 25.0) -> Park:
    firms = [
        {"id": "F1", "name": "Garage", "sector": "automotive"},
        {"id": "F2", "name": "Electronics", "sector": "electronics"},
        {"id": "F3", "name": "Clinic", "sector": "services"},
        {"id": "K", "name": "Cement kiln", "sector": "building_materials", "role": "external"},
        {"id": "G", "name": "Grinding", "sector": "building_materials"},
    ]
    coal = {
        "id": "K.coal",
        "firm": "K",
        "direction": "in",
        "category": "energy",
        "resource_class": "coal",
        "quantity": 36000,
        "unit": "t/a",
        "unit_cost": 3_000_000,
        "cost_unit": "VND/t",
    }
    if kiln_cv is not None:
        coal["calorific_value"] = kiln_cv
    streams = [
        _waste("F1.oil", "F1", "waste_oil", 90, calorific_value=40, moisture=2),
        _waste("F1.tyres", "F1", "rubber_waste", 36, calorific_value=28, moisture=1),
        _waste("F2.boards", "F2", "e_waste", 5, calorific_value=20),
        _waste("F3.med", "F3", "sludge", 1, waste_code_vn="13 01 01", calorific_value=15),
        _waste("F3.sludge", "F3", "organic_sludge", 10),
        coal,
    ]
    qualities = [
        {"stream": "F1.oil", "parameter": "chlorine", "value": 0.5, "unit": "%"},
        {"stream": "F1.oil", "parameter": "sulfur", "value": 0.4, "unit": "%"},
        {"stream": "F1.tyres", "parameter": "chlorine", "value": 0.1, "unit": "%"},
        {"stream": "F1.tyres", "parameter": "sulfur", "value": 2.5, "unit": "%"},
    ]
    return Park.from_records(
        {"id": "C", "name": "Co-processing park", "province": "Hải Dương"},
        firms=firms,
        streams=streams,
        qualities=qualities,
    )


@pytest.mark.parametrize("criterion", list(CRITERIA))
def test_each_limit_at_and_around(criterion: str) -> None:
    limit = LIMITS[criterion]
    kind = CRITERIA[criterion]["kind"]
    below, at, above = limit * 0.999, limit, limit * 1.001
    result = check_limit([below, at, above], limit, kind).tolist()
    assert result[1] == "pass"  # a value exactly at the limit passes
    assert result == (["pass", "pass", "fail"] if kind == "max" else ["fail", "pass", "pass"])
    assert check_limit([None], limit, kind).tolist() == ["no_data"]
    assert check_limit([at], None, kind).tolist() == ["limit_unverified"]


def test_qcvn_limit_sets_are_unverified() -> None:
    """vietnam-facts.md 6.1: QCVN 41:2011 and 41:2025 acceptance limits are unverified - no numbers shipped."""
    assert set(limit_sets()) == {"qcvn_41_2025", "qcvn_41_2011"}
    for name in limit_sets():
        chosen = limit_set(name)
        assert chosen["status"] == "unverified"
        assert all(v is None for v in chosen["limits"].values())


def test_exclusions_gtz_holcim() -> None:
    assert exclusion_reason("e_waste", None) == "electronic scrap"
    assert exclusion_reason("acids", None) is not None
    assert "13" in str(exclusion_reason("sludge", "13 01 01"))
    assert exclusion_reason("waste_oil", "17 02 03") is None
    assert exclusion_reason("e_waste", None, "vi") == "phế liệu điện tử"


def test_substitution_by_hand() -> None:
    """90 t waste oil at 40 MJ/kg = 3,600 GJ = 1,000 MWh; replaces 144 t of 25 MJ/kg coal; saves
    3,600 GJ x (98.3 - 73.3) kg/GJ = 90 t CO2 (IPCC 2006 factors)."""
    energy = waste_energy(90.0, 40.0)
    assert energy == pytest.approx(1000.0)
    assert coal_replaced(energy, 25.0) == pytest.approx(144.0)
    assert co2_saved(energy, 98.3, 73.3) == pytest.approx(90.0)
    assert co2_saved(energy, 98.3, 85.0, 1.0) == pytest.approx(3600 * 0.0983)  # fully biogenic
    assert thermal_substitution([energy], 250_000.0) == pytest.approx(0.004)
    with pytest.raises(ValueError):
        thermal_substitution([1.0], 0.0)


def test_default_screening_shows_limits_unverified() -> None:
    screening = screen_wastes(_park())
    status = dict(zip(screening.wastes["stream"], screening.wastes["status"], strict=True))
    assert status["F2.boards"] == "excluded" and status["F3.med"] == "excluded"
    assert status["F1.oil"] == "incomplete"
    oil = screening.wastes.filter(pl.col("stream") == "F1.oil").row(0, named=True)
    assert oil["check_chlorine"] == "limit_unverified"
    assert any("limit unverified" in n for n in screening.notes)
    assert set(screening.criteria["status"]) == {"unverified"}
    assert "K.coal" not in status  # the kiln's own streams are not screened


def test_screening_with_user_limits() -> None:
    screening = screen_wastes(
        _park(),
        limits={"calorific_value": 15, "moisture": 20, "chlorine": 0.5, "sulfur": 2.0},
        criteria=("calorific_value", "moisture", "chlorine", "sulfur"),
    )
    rows = {r["stream"]: r for r in screening.wastes.iter_rows(named=True)}
    assert rows["F1.oil"]["status"] == "passes"  # chlorine exactly at 0.5 % passes
    assert rows["F1.tyres"]["status"] == "fails" and rows["F1.tyres"]["reason"] == "sulfur"
    assert rows["F3.sludge"]["status"] == "incomplete"  # no data
    assert rows["F1.oil"]["energy"] == pytest.approx(1000.0)
    assert rows["F1.oil"]["coal_replaced"] == pytest.approx(144.0)
    assert rows["F1.oil"]["co2_saved"] == pytest.approx(90.0)
    totals = screening.totals
    assert totals["kiln_fuel_energy"] == pytest.approx(36000 * 25 / 3.6)
    assert totals["passes_substitution"] == pytest.approx(1000.0 / 250_000.0)
    assert totals["passes_coal_cost_saved"] == pytest.approx(144.0 * 3_000_000)


def test_kiln_and_errors() -> None:
    park = _park()
    kiln = find_kiln(park)
    assert kiln.firm == "K" and kiln.coal_factor == 98.3  # G grinds only: no fuel
    with pytest.raises(CoprocessingInputError, match="not a firm"):
        find_kiln(park, "NOPE")
    with pytest.raises(CoprocessingInputError, match="fuel"):
        find_kiln(park, "G")
    with pytest.raises(CoprocessingInputError, match="fuel"):
        screen_wastes(_park(kiln_cv=None))
    with pytest.raises(CoprocessingInputError, match="criteria"):
        screen_wastes(park, criteria=("colour",))
    with pytest.raises(KeyError):
        screen_wastes(park, limits={"colour": 5})
    with pytest.raises(ValueError, match=">= 0"):
        screen_wastes(park, limits={"chlorine": -1})
    with pytest.raises(CoprocessingInputError, match="between 0 and 1"):
        screen_wastes(park, max_substitution=2.0)


def test_substitution_cap_scales_the_wastes() -> None:
    screening = screen_wastes(_park(), max_substitution=0.001)
    assert screening.totals["candidates_substitution"] == pytest.approx(0.001)
    assert any("cap" in n for n in screening.notes)


def test_kiln_receiver_streams_are_valid_park_streams() -> None:
    park = _park()
    receiver = kiln_receiver_streams(screen_wastes(park))
    assert set(receiver["resource_class"]) == {"waste_oil", "rubber_waste"}
    assert receiver["firm"].unique().to_list() == ["K"]
    streams = park.table("streams", derived=False).to_dicts() + receiver.to_dicts()
    extended = Park.from_records(park.meta, firms=park.table("firms", derived=False).to_dicts(), streams=streams)
    assert extended.streams.filter(pl.col("id") == "K.coprocess_waste_oil")["amount"][0] == pytest.approx(90.0)
