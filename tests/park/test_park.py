"""The Park object: derived columns in canonical units, construction from records, access, repr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from park_testing import FIRMS, PARK_RECORD, park_records

from eipkit.park import DERIVED_COLUMNS, TABLES, Park, ParkValidationError, schema, write_park


def by_id(frame: pl.DataFrame, key: str = "id") -> dict[str, dict[str, Any]]:
    return {row[key]: row for row in frame.to_dicts()}


def from_records(records: dict[str, Any], strict: bool = False) -> Park:
    records = dict(records)
    return Park.from_records(records.pop("park"), strict=strict, **records)


# -- derived columns, checked by hand ----------------------------------------------------------------

# stream: (amount_kind, amount in canonical units per year, annual cost in VND/a)
EXPECTED_STREAMS = {
    # 50 t/month * 12 = 600 t/a; sold at -200,000 VND/t
    "S01": ("mass_flow", 600.0, -1.2e8),
    # 120 m3/day while F01_BREW runs 6000 h: 120 / 24 * 6000 = 30,000 m3/a; 15,000 VND/m3
    "S02": ("volume_flow", 30_000.0, 4.5e8),
    # 100 m3/day * 6000 h / 24 = 25,000 m3/a; no cost
    "S03": ("volume_flow", 25_000.0, None),
    # 40 t per month (stock + period): 480 t/a
    "S04": ("mass_flow", 480.0, None),
    # 500 kW for F02_FEED's 8000 h = 4,000 MWh/a; 1,800 VND/kWh = 1.8e6 VND/MWh
    "S05": ("energy_flow", 4000.0, 7.2e9),
    # 2 GJ/h for the stream's own 7000 h (not the firm's 8760) = 14,000 GJ = 3,888.9 MWh
    "S06": ("energy_flow", 14_000 / 3.6, None),
    # 1200 t/a, seasonal months do not change an annual figure
    "S07": ("mass_flow", 1200.0, None),
    # 3000 m3/day for OP, whose operating hours default to 8760: 3000 * 365
    "S08": ("volume_flow", 1_095_000.0, None),
}


@pytest.mark.parametrize("stream", sorted(EXPECTED_STREAMS))
def test_stream_amounts_and_costs(park: Park, stream: str) -> None:
    kind, amount, cost = EXPECTED_STREAMS[stream]
    row = by_id(park.streams)[stream]
    assert row["amount_kind"] == kind
    assert row["amount"] == pytest.approx(amount, rel=1e-12)
    if cost is None:
        assert row["annual_cost"] is None
    else:
        assert row["annual_cost"] == pytest.approx(cost, rel=1e-12)


def test_quality_canonical_values(park: Park) -> None:
    rows = {(r["stream"], r["parameter"]): r for r in park.qualities.to_dicts()}
    assert (rows["S03", "COD"]["canonical_value"], rows["S03", "COD"]["canonical_unit"]) == (800.0, "mg/L")
    assert (rows["S03", "pH"]["canonical_value"], rows["S03", "pH"]["canonical_unit"]) == (7.2, "1")
    assert rows["S01", "dry_solids"]["canonical_value"] == pytest.approx(0.22, rel=1e-12)  # 22 %
    # chloride is mg/L, or a fraction (its 'alt' unit): 500 ppm -> 0.0005
    assert rows["S07", "chloride"]["canonical_value"] == pytest.approx(5e-4, rel=1e-12)
    assert rows["S07", "chloride"]["canonical_unit"] == "1"


def test_quality_units_are_converted() -> None:
    records = park_records()
    records["qualities"] = [
        {"stream": "S03", "parameter": "COD", "value": 0.8, "unit": "g/L"},
        {"stream": "S03", "parameter": "TSS", "value": 120.0, "unit": "g/m3"},
        {"stream": "S06", "parameter": "temperature", "value": 523.15, "unit": "K"},
        {"stream": "S07", "parameter": "chloride", "value": 35.0, "unit": "mg/L"},
        {"stream": "S07", "parameter": "Fe", "value": 2.5, "unit": "%"},
    ]
    q = {(r["stream"], r["parameter"]): (r["canonical_value"], r["canonical_unit"])
         for r in from_records(records).qualities.to_dicts()}
    assert q["S03", "COD"] == (pytest.approx(800.0, rel=1e-12), "mg/L")
    assert q["S03", "TSS"] == (pytest.approx(120.0, rel=1e-12), "mg/L")
    assert q["S06", "temperature"] == (pytest.approx(250.0, rel=1e-12), "degC")
    assert q["S07", "chloride"] == (35.0, "mg/L")
    assert q["S07", "Fe"] == (pytest.approx(0.025, rel=1e-12), "1")


def test_firm_output_exchange_and_measure_amounts(park: Park) -> None:
    firms = by_id(park.firms)
    # 1,000,000 hL/a = 100,000 m3/a (a calendar rate: operating hours do not apply)
    assert (firms["F01_BREW"]["output_kind"], firms["F01_BREW"]["output_amount"]) == ("volume_flow",
                                                                                        pytest.approx(1e5))
    assert (firms["F02_FEED"]["output_kind"], firms["F02_FEED"]["output_amount"]) == ("mass_flow", 30_000.0)
    assert firms["OP"]["output_kind"] is None and firms["OP"]["output_amount"] is None
    exchanges = by_id(park.exchanges)
    assert (exchanges["X01"]["amount_kind"], exchanges["X01"]["amount"]) == ("mass_flow", 480.0)
    # an exchange rate per day runs during the supplier's operating hours: 100 m3/day / 24 h * 6000 h
    assert (exchanges["X02"]["amount_kind"], exchanges["X02"]["amount"]) == ("volume_flow", pytest.approx(25_000.0))
    assert by_id(park.measures)["M01"]["amount"] == 120.0
    assert by_id(park.measures)["M01"]["amount_kind"] == "energy_flow"


def test_derived_columns_are_listed_and_never_written(park: Park, tmp_path: Path) -> None:
    for name in TABLES:
        assert park.table(name, derived=False).columns == list(schema()[name].names)
        assert park.table(name).columns == list(schema()[name].names) + list(DERIVED_COLUMNS.get(name, ()))
    folder = write_park(park, tmp_path / "p")
    header = (folder / "streams.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert not {"amount", "amount_kind", "annual_cost"} & set(header)


def test_rates_follow_the_firm_operating_hours() -> None:
    records = park_records()
    records["firms"][1]["operating_hours"] = 3000.0
    park = from_records(records)
    assert by_id(park.streams)["S02"]["amount"] == pytest.approx(120 / 24 * 3000)
    assert by_id(park.streams)["S01"]["amount"] == 600.0  # t/month: unchanged


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(q=st.floats(min_value=1e-6, max_value=1e9), k=st.floats(min_value=1e-3, max_value=1e3),
       unit=st.sampled_from(["t/month", "kg/day", "m3/h", "kW", "GJ/h", "L/s", "piece/day"]),
       hours=st.one_of(st.none(), st.floats(min_value=1.0, max_value=8760.0)))
def test_stream_amount_is_linear_in_the_quantity(q: float, k: float, unit: str, hours: float | None) -> None:
    base = {"firm": "F", "direction": "out", "category": "waste", "description": "x", "unit": unit,
            "operating_hours": hours, "unit_cost": 10.0}
    cost_unit = {"t/month": "VND/t", "kg/day": "VND/kg", "m3/h": "VND/m3", "kW": "VND/kWh", "GJ/h": "VND/MWh",
                 "L/s": "VND/L", "piece/day": "VND/piece"}[unit]
    park = Park.from_records(
        {"id": "P", "name": "KCN", "province": "Hà Nội"},
        firms=[{"id": "F", "name": "F", "sector": "food"}],
        streams=[{**base, "id": "A", "quantity": q, "cost_unit": cost_unit},
                 {**base, "id": "B", "quantity": k * q, "cost_unit": cost_unit},
                 {**base, "id": "C", "quantity": q + k * q, "cost_unit": cost_unit}],
    )
    a, b, c = (by_id(park.streams)[s] for s in "ABC")
    assert b["amount"] == pytest.approx(k * a["amount"], rel=1e-9)
    assert c["amount"] == pytest.approx(a["amount"] + b["amount"], rel=1e-9)
    assert b["annual_cost"] == pytest.approx(k * a["annual_cost"], rel=1e-9)


# -- construction ------------------------------------------------------------------------------------


def test_from_records_rejects_unknown_tables() -> None:
    with pytest.raises(ValueError, match="unknown tables: plants, tenants; tables: park, firms"):
        Park.from_records(PARK_RECORD, firms=FIRMS, plants=[{"id": "X"}], tenants=[])


def test_constructor_needs_every_table(park: Park) -> None:
    with pytest.raises(ValueError, match="tables missing: streams"):
        Park({name: frame for name, frame in park.tables.items() if name != "streams"})


def test_from_records_fills_defaults_and_reads_words() -> None:
    park = Park.from_records({"id": "P1", "name": "KCN A", "province": "Bắc Ninh"},
                             firms=[{"id": "F1", "name": "Bia A", "sector": "beverage", "iso_14001": "có",
                                     "iso_50001": "Không", "employees": "12"}])
    firm = park.firms.row(0, named=True)
    assert (firm["role"], firm["operating_hours"], firm["status"], firm["recp_status"]) == ("tenant", 8760.0,
                                                                                          "operating", "none")
    assert (firm["iso_14001"], firm["iso_50001"], firm["iso_45001"], firm["employees"]) == (True, False, False, 12)
    assert (park.meta["country"], park.meta["eip_path"]) == ("VN", "existing")
    assert park.streams.height == 0 and park.streams.columns[:2] == ["id", "firm"]


def test_from_records_accepts_data_frames(park: Park) -> None:
    other = Park.from_records(park.meta, **{name: park.table(name, derived=False) for name in TABLES[1:]})
    assert other == park


def test_from_records_strict_turns_warnings_into_errors() -> None:
    records = park_records()
    records["streams"][5]["temperature"] = None  # heat stream without temperature
    assert from_records(records).report.checks() == {"streams.heat_temperature"}
    with pytest.raises(ParkValidationError) as info:
        from_records(records, strict=True)
    assert [(i.check, i.table, i.row) for i in info.value.report.issues] == [("streams.heat_temperature", "streams", 6)]


def test_check_reruns_every_check(park: Park) -> None:
    assert park.check().issues == []
    assert park.check(strict=True).issues == []
    records = park_records()
    records["firms"][3]["roof_area"] = 1e9
    warned = from_records(records)
    assert [i.check for i in warned.check().issues] == ["firms.roof_exceeds_land"]
    with pytest.raises(ParkValidationError):
        warned.check(strict=True)


# -- access, equality, repr --------------------------------------------------------------------------


def test_access(park: Park) -> None:
    assert (park.id, park.name) == ("KCN_HK", "KCN Sinh thái Hòa Khánh")
    assert park.meta["province"] == "Đà Nẵng" and park.meta["workers"] == 12000
    assert park.firms["id"].to_list() == ["OP", "F01_BREW", "F02_FEED", "F03_STEEL"]
    for name in TABLES[1:]:
        assert getattr(park, name).equals(park.table(name)) and getattr(park, name).equals(park.tables[name])
    assert (park.infrastructure.height, park.facts.height, park.kpis.height, park.measures.height) == (2, 2, 2, 1)
    assert park.source == "records"


def test_repr(park: Park) -> None:
    assert repr(park) == "<Park 'KCN_HK' 'KCN Sinh thái Hòa Khánh': 4 firms, 8 streams, 2 exchanges>"
    small = Park.from_records({"id": "P", "name": "KCN 'B'", "province": "x"},
                              firms=[{"id": "F", "name": "f", "sector": "food"}])
    assert repr(small) == "<Park 'P' \"KCN 'B'\": 1 firms, 0 streams, 0 exchanges>"


def test_equality(park: Park) -> None:
    fresh = from_records(park_records())
    assert fresh is not park and fresh == park
    records = park_records()
    records["streams"][0]["quantity"] = 51.0
    assert park != from_records(records)
    assert park != "KCN_HK"
    with pytest.raises(TypeError):
        hash(park)


# -- known bugs --------------------------------------------------------------------------------------


def test_from_records_accepts_empty_tables() -> None:
    park = Park.from_records(PARK_RECORD, firms=FIRMS, streams=[], measures=[])
    assert park.streams.height == 0 and park.measures.height == 0


def test_large_integers_are_kept_exactly() -> None:
    records = park_records()
    records["park"]["workers"] = 2**53 + 1
    assert from_records(records).meta["workers"] == 2**53 + 1
