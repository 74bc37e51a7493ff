"""Indicators from park data: hand-solvable parks, missing inputs, and many parks at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest
from assess_testing import AS_OF, PARK_ID, build, firm, park_facts, tenants
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.assessment import INDICATORS, compute_indicators, indicator_spec, stack_parks
from eipkit.park import Park


def ind(park: Park | list[Park], key: str, as_of: dt.date = AS_OF) -> dict[str, Any]:
    rows = compute_indicators(stack_parks(park), as_of, [key]).to_dicts()
    assert len(rows) >= 1
    return rows[0]


def test_recp_shares_count_operating_tenants_only() -> None:
    """5 operating tenants, 1 applying (20 %); the operator, an outside partner and a closed firm do not count."""
    firms = (
        tenants(1, recp_status="applying")
        + tenants(4, start=2)
        + [
            firm("EXT", role="external", recp_status="verified"),
            firm("OLD", status="closed", recp_status="verified"),
        ]
    )
    row = ind(build(firms=firms), "recp_applying_share")
    assert (row["numerator"], row["denominator"], row["value"]) == (1, 5, 20.0)
    assert row["evidence"] == ["F01"] and row["complete"]


def test_recp_from_measures_and_savings() -> None:
    """A measure carried out makes a firm 'applying'; a reported saving makes it 'with measured savings'."""
    firms = tenants(4)
    measures = [
        {"id": "M1", "firm": "F01", "title": "LED", "theme": "energy", "status": "implemented", "annual_saving": 1e8},
        {"id": "M2", "firm": "F02", "title": "Tách nước", "theme": "water", "status": "verified"},
        {
            "id": "M3",
            "firm": "F03",
            "title": "Thu hồi nhiệt",
            "theme": "energy",
            "status": "planned",
            "annual_saving": 5e8,
        },
    ]
    park = build(firms=firms, measures=measures)
    assert ind(park, "recp_applying_share")["value"] == 50.0
    assert ind(park, "recp_savings_share")["evidence"] == ["F01"]
    assert ind(park, "energy_efficiency_share")["evidence"] == ["F01"]


def test_recp_candidates_closest_first() -> None:
    firms = [firm("F01"), firm("F02", recp_status="aware"), firm("F03", recp_status="planned"), firm("F04")]
    assert ind(build(firms=firms), "recp_applying_share")["others"] == ["F03", "F02", "F01", "F04"]


EXCHANGES = [
    {"id": "X1", "supplier": "F01", "receiver": "F02", "status": "operating", "type": "by_product"},
    {"id": "X2", "supplier": "F02", "receiver": "EXT", "status": "operating", "type": "inter_park"},
    {"id": "X3", "supplier": "F03", "receiver": "F01", "status": "agreed"},
    {"id": "X4", "supplier": "EXT", "receiver": "EXT2", "status": "operating"},
]


def _symbiosis_park() -> Park:
    firms = [
        firm("F01", iso_14001=True),
        firm("F02"),
        firm("F03"),
        firm("F04", symbiosis_plan=True),
        firm("EXT", role="external", location_park="KCN B"),
        firm("EXT2", role="external"),
    ]
    return build(firms=firms, exchanges=EXCHANGES)


def test_symbiosis_links_and_participants() -> None:
    """Operating links with a party in the park count (X1, X2); agreed (X3) and outside-only (X4) do not."""
    park = _symbiosis_park()
    assert ind(park, "symbiosis_links")["value"] == 2
    assert ind(park, "symbiosis_links")["evidence"] == ["X1", "X2"]
    iso = ind(park, "symbiosis_participants_iso")
    assert (iso["value"], iso["evidence"], iso["others"]) == (0.0, ["F01"], ["F02"])
    plan = ind(park, "symbiosis_plan_share")  # F01, F02, F03 (parties), F04 (plan flag)
    assert plan["value"] == 100.0
    assert ind(park, "symbiosis_firm_share")["value"] == 50.0


def test_wastewater_reuse_hand_solved() -> None:
    """Two firms give 20,000 + 30,000 m3/a; 5,000 reused on site, 10,000 m3/a reclaimed via the WWTP: 30 %."""
    streams = [
        {
            "id": "W1",
            "firm": "F01",
            "direction": "out",
            "category": "wastewater",
            "resource_class": "industrial_wastewater",
            "quantity": 20000,
            "unit": "m3/a",
            "destination": "central_wwtp",
        },
        {
            "id": "W2",
            "firm": "F02",
            "direction": "out",
            "category": "wastewater",
            "resource_class": "industrial_wastewater",
            "quantity": 30000,
            "unit": "m3/a",
            "destination": "central_wwtp",
        },
        {
            "id": "W3",
            "firm": "F03",
            "direction": "out",
            "category": "wastewater",
            "resource_class": "industrial_wastewater",
            "quantity": 5000,
            "unit": "m3/a",
            "destination": "onsite_reuse",
        },
        {
            "id": "W4",
            "firm": "F03",
            "direction": "out",
            "category": "wastewater",
            "resource_class": "domestic_wastewater",
            "quantity": 9999,
            "unit": "m3/a",
            "destination": "sewer",
        },
    ]
    link = [
        {
            "id": "X1",
            "supplier": "OP",
            "receiver": "F02",
            "status": "operating",
            "type": "shared_infrastructure",
            "resource_class": "treated_effluent",
            "quantity": 10000,
            "unit": "m3/a",
        }
    ]
    park = build(firms=tenants(3), streams=streams, exchanges=link)
    row = ind(park, "wastewater_reuse_share")
    assert row["denominator"] == pytest.approx(55000)
    assert row["value"] == pytest.approx(100 * 15000 / 55000)
    assert set(row["evidence"]) == {"W3", "X1"} and row["complete"]
    assert ind(park, "wastewater_treated_share")["value"] == pytest.approx(100.0)


def test_wastewater_reuse_larger_than_generation_is_flagged() -> None:
    streams = [
        {"id": "W1", "firm": "F01", "direction": "out", "category": "wastewater", "quantity": 100, "unit": "m3/a"}
    ]
    link = [
        {
            "id": "X1",
            "supplier": "OP",
            "receiver": "F02",
            "status": "operating",
            "resource_class": "treated_effluent",
            "quantity": 500,
            "unit": "m3/a",
        }
    ]
    row = ind(build(firms=tenants(2), streams=streams, exchanges=link), "wastewater_reuse_share")
    assert not row["complete"] and "numerator_exceeds_total" in row["missing"]


def test_solid_waste_recovery_and_missing_destination() -> None:
    streams = [
        {
            "id": "S1",
            "firm": "F01",
            "direction": "out",
            "category": "by_product",
            "quantity": 300,
            "unit": "t/a",
            "destination": "sold",
        },
        {
            "id": "S2",
            "firm": "F02",
            "direction": "out",
            "category": "waste",
            "quantity": 600,
            "unit": "t/a",
            "destination": "landfill",
        },
        {"id": "S3", "firm": "F02", "direction": "out", "category": "waste", "quantity": 100, "unit": "t/a"},
    ]
    row = ind(build(firms=tenants(2), streams=streams), "solid_waste_recovery_share")
    assert row["value"] == pytest.approx(30.0)
    assert not row["complete"] and row["missing"] == ["streams:S3.destination"]


def test_renewable_share_converts_fuels_with_calorific_value() -> None:
    """360 t/a rice husk at 10 MJ/kg = 1,000 MWh/a; with 3,000 MWh/a electricity the share is 25 %."""
    streams = [
        {
            "id": "E1",
            "firm": "F01",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": 3000,
            "unit": "MWh/a",
        },
        {
            "id": "E2",
            "firm": "F02",
            "direction": "in",
            "category": "energy",
            "resource_class": "rice_husk",
            "quantity": 360,
            "unit": "t/a",
            "calorific_value": 10.0,
        },
    ]
    row = ind(build(firms=tenants(2), streams=streams), "renewable_energy_share")
    assert row["value"] == pytest.approx(25.0) and row["complete"]
    streams[1].pop("calorific_value")
    row = ind(build(firms=tenants(2), streams=streams), "renewable_energy_share")
    assert not row["complete"] and row["missing"] == ["streams:E2.calorific_value"]


def test_renewable_electricity_kpi_of_the_data_year() -> None:
    streams = [
        {
            "id": "E1",
            "firm": "F01",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": 4000,
            "unit": "MWh/a",
        }
    ]
    kpis = [
        {"entity": "F01", "indicator": "renewable_electricity", "year": 2024, "value": 1000, "unit": "MWh/a"},
        {"entity": "F01", "indicator": "renewable_electricity", "year": 2023, "value": 9999, "unit": "MWh/a"},
        {"entity": PARK_ID, "indicator": "renewable_electricity", "year": 2024, "value": 500_000, "unit": "kWh/a"},
    ]
    row = ind(build(firms=tenants(1), streams=streams, kpis=kpis), "renewable_energy_share")
    assert row["value"] == pytest.approx(100 * 1500 / 4000)


def test_land_shares() -> None:
    """VN82 cl. 4 land: (10 green + 10 road + 3 technical + 2 social) / 100 ha = 25 %."""
    park = build()
    assert ind(park, "shared_land_share")["value"] == pytest.approx(25.0)
    assert ind(park, "green_area_share")["value"] == pytest.approx(10.0)
    row = ind(build({"road_area": None}), "shared_land_share")
    assert not row["complete"] and row["missing"] == ["park:road_area"]


def test_local_employment_share_and_gaps() -> None:
    firms = [firm("F01", employees=100, employees_local=60), firm("F02", employees=300, employees_local=None)]
    row = ind(build(firms=firms), "local_employment_share")
    assert row["value"] == pytest.approx(15.0)
    assert not row["complete"] and row["missing"] == ["firms:F02.employees_local"]


def test_facts_missing_false_true_and_undocumented() -> None:
    assert ind(build(), "fact:ghg_programme")["missing"] == ["facts:ghg_programme"]
    facts = [{"entity": PARK_ID, "fact": "ghg_programme", "value": False}]
    assert ind(build(facts=facts), "fact:ghg_programme")["value"] == 0.0
    facts = [{"entity": PARK_ID, "fact": "ghg_programme", "value": True}]
    row = ind(build(facts=facts), "fact:ghg_programme")
    assert row["value"] == 1.0 and row["complete"] and row["notes"] == ["no_document"]


def test_firm_fact_share_among_large_firms() -> None:
    """SOC.1: firms with > 100 workers; a firm of unknown size is missing, small firms are left out."""
    firms = [
        firm("F01", employees=150),
        firm("F02", employees=101),
        firm("F03", employees=100),
        firm("F04", employees=None),
    ]
    facts = [
        {"entity": "F01", "fact": "grievance_rules", "value": True},
        {"entity": "F02", "fact": "grievance_rules", "value": False},
    ]
    row = ind(build(firms=firms, facts=facts), "firm_share_large:grievance_rules")
    assert (row["numerator"], row["denominator"], row["value"]) == (1, 2, 50.0)
    assert row["missing"] == ["firms:F04.employees"]


def test_report_ages_and_years() -> None:
    """Reports count within 12 months; plans age in calendar years (exactly 7 on the 7th anniversary)."""
    facts = park_facts(date=dt.date(2024, 6, 29))  # 366 days before AS_OF
    park = build(facts=facts)
    assert ind(park, "sustainability_reports")["value"] == 1.0
    assert ind(park, "sustainability_reports", AS_OF + dt.timedelta(days=1))["value"] == 0.0
    facts = park_facts(date=dt.date(2018, 6, 30))
    assert ind(build(facts=facts), "climate_plan_age")["value"] == pytest.approx(7.0)
    assert ind(build({"established": dt.date(2017, 6, 30)}), "years_since_establishment")["value"] == pytest.approx(8.0)


def test_service_revenue_ratio_from_kpis() -> None:
    kpis = [
        {"entity": "OP", "indicator": "service_revenue", "year": 2024, "value": 50_000, "unit": "million VND/a"},
        {"entity": PARK_ID, "indicator": "operating_cost", "year": 2024, "value": 40e9, "unit": "VND/a"},
    ]
    assert ind(build(kpis=kpis), "service_revenue_ratio")["value"] == pytest.approx(1.25)
    assert ind(build(), "service_revenue_ratio")["missing"] == ["kpis:service_revenue", "kpis:operating_cost"]


def test_no_tenants_gives_no_value() -> None:
    row = ind(build(firms=[]), "recp_applying_share")
    assert row["value"] is None and not row["complete"] and row["missing"] == ["no_tenants"]


def test_every_indicator_has_labels_in_both_languages() -> None:
    for key, spec in INDICATORS.items():
        assert spec.label("vi") and spec.label("en") and spec.action("vi") and spec.action("en"), key
    assert indicator_spec("firm_share_large:grievance_rules").label("vi").startswith("Doanh nghiệp trên 100")
    with pytest.raises(KeyError, match="not a park fact"):
        indicator_spec("fact:anti_harassment")


@settings(max_examples=6, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 6), st.integers(0, 6), st.integers(0, 3), st.booleans()),
        min_size=2,
        max_size=4,
    )
)
def test_many_parks_at_once_equal_one_by_one(specs: list[tuple[int, int, int, bool]]) -> None:
    """Stacking parks changes nothing: each park's indicators equal those computed alone."""
    parks = []
    for i, (n, applying, links, iso) in enumerate(specs):
        firms = [firm(f"F{j}", recp_status="applying" if j < applying else "none", iso_14001=iso) for j in range(n)]
        ex = [
            {"id": f"X{j}", "supplier": "F0", "receiver": f"F{j + 1}", "status": "operating"}
            for j in range(min(links, n - 1))
        ]
        tables = {"exchanges": ex} if ex else {}
        parks.append(build({"id": f"P{i}", "green_area": float(i)}, firms, **tables))
    keys = ["recp_applying_share", "symbiosis_links", "symbiosis_participants_iso", "green_area_share", "firm_iso"]
    together = compute_indicators(stack_parks(parks), AS_OF, keys).sort("park", "entity", "indicator")
    alone = pl.concat([compute_indicators(stack_parks(p), AS_OF, keys) for p in parks]).sort(
        "park", "entity", "indicator"
    )
    assert together.equals(alone)
