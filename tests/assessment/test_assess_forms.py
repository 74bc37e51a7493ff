"""Circular 05/2025 forms A.4/A.5/B.4/B.5 filled from a hand-built park, and the certification dossier."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest
from assess_testing import AS_OF, PARK_ID, model_park, model_tables

from eipkit.assessment import assess, write_dossier, write_forms
from eipkit.assessment.forms import A5_CODES, form_a4, form_b4, form_b5


@pytest.fixture(scope="module")
def park():  # type: ignore[no-untyped-def]
    firms = model_tables()["firms"]
    firms[2].update(employees=150, recp_status="planned")
    measures = [
        {
            "id": "M1",
            "firm": "F01",
            "title": "Biến tần",
            "theme": "energy",
            "status": "verified",
            "annual_saving": 2e8,
            "resource_saving": 120,
            "saving_unit": "MWh/a",
            "co2_saving": 80,
            "year": 2024,
        },
        {
            "id": "M2",
            "firm": "F01",
            "title": "Tuần hoàn nước",
            "theme": "water",
            "status": "implemented",
            "annual_saving": 5e7,
            "resource_saving": 10,
            "saving_unit": "m3/day",
            "year": 2023,
        },
    ]
    streams = [
        {
            "id": "E1",
            "firm": "F01",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": 880,
            "unit": "MWh/a",
        },
        {
            "id": "S1",
            "firm": "F01",
            "direction": "out",
            "category": "by_product",
            "resource_class": "spent_grain",
            "quantity": 100,
            "unit": "t/a",
            "destination": "sold",
            "unit_cost": -2e5,
            "cost_unit": "VND/t",
        },
    ]
    facts = model_tables()["facts"] + [
        {"entity": "F03", "fact": "grievance_rules", "value": True, "document": "QC-01"},
        {"entity": "F01", "fact": "information_disclosure", "value": False},
    ]
    ex = model_tables()["exchanges"]
    ex[0]["supply_stream"] = "S1"
    return model_park(firms=firms, measures=measures, streams=streams, facts=facts, exchanges=ex)


def _a4(park) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {key: (value, unit, note) for _, key, value, unit, note in form_a4(park, AS_OF)}


def test_form_a4_hand_checked(park) -> None:  # type: ignore[no-untyped-def]
    """A.4: land split, RECP uptake and savings, symbiosis, from the park tables (Circular 05/2025 §C6)."""
    a4 = _a4(park)
    assert a4["green_area"] == (10.0, "ha", pytest.approx(10.0))
    assert a4["leased_industrial_area"][2] == pytest.approx(80.0)  # 60 of 75 ha leased
    assert a4["recp_firms"][0] == 1 and a4["recp_solutions"][0] == 2
    assert a4["recp_solutions_year"][0] == 1  # M1 in the data year 2024
    assert a4["recp_planned"] == (1, "", "F03")
    assert a4["energy_saved"] == (pytest.approx(120_000.0), "kWh/a", "")
    assert a4["energy_saved_pct"][0] == pytest.approx(100 * 120 / (880 + 120))
    assert a4["water_saved"][0] == pytest.approx(3650.0)
    assert a4["co2_avoided"][0] == 80 and a4["total_savings"][0] == pytest.approx(2.5e8)
    assert a4["waste_reused"] == (pytest.approx(100.0), "t/a", "S1")  # sold through operating link X1
    assert a4["links_operating"][0] == 1 and a4["type_by_product"][0] == 1
    assert a4["partners_same"] == (2, "", "F01, F02")


def test_form_b4_b5(park) -> None:  # type: ignore[no-untyped-def]
    b4 = form_b4(park).filter(pl.col("firm") == "F01").row(0, named=True)
    assert b4["measures"] == 2 and b4["energy_saved"] == pytest.approx(120) and b4["supplied"] == pytest.approx(100)
    assert b4["iso"] == "ISO 14001" and b4["links"] == "X1"
    b5 = {r["firm"]: r for r in form_b5(park).to_dicts()}
    assert b5["F01"]["ENV.2"] and b5["F01"]["SOC.2"] is False and b5["F02"]["SOC.2"] is None
    assert b5["F03"]["SOC.1"] and b5["F03"]["SOC.1_applies"] and not b5["F01"]["SOC.1_applies"]


def test_forms_written_as_excel(park, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = write_forms(park, tmp_path, "vi", as_of=AS_OF)
    book = openpyxl.load_workbook(paths["forms_park"])
    assert book.sheetnames == ["A.4", "A.5"]
    a5 = [row for row in book["A.5"].iter_rows(values_only=True) if row[0] in A5_CODES]
    assert len(a5) == 18 and a5[0][:3] == ("ENV.1", "Cộng sinh công nghiệp (ENV.1)", "Đạt")
    assert "Thông tư 05/2025" in book["A.4"]["A4"].value
    firms = openpyxl.load_workbook(paths["forms_enterprise"])
    b5 = list(firms["B.5"].iter_rows(values_only=True))
    row = next(r for r in b5 if r[0] == "F01")
    assert row[3] == "có" and row[4] == "không áp dụng (≤ 100 lao động)"


def test_dossier(park, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Decree 35/2022 Art. 41: 6 sets; drafts, forms, checklist, missing evidence, summary, in Vietnamese."""
    result = assess(park, "VN35", as_of=AS_OF)
    written = write_dossier(park, tmp_path, result=result)
    for key in (
        "forms_park",
        "forms_enterprise",
        "registration_letter",
        "operations_report",
        "self_assessment",
        "checklist",
        "eco_enterprises",
        "dossier_summary",
    ):
        assert Path(written[key]).exists(), key
    checklist = {r["item"]: r["state"] for r in pl.read_csv(written["checklist"]).to_dicts()}
    assert checklist == {
        "registration_letter": "drafted",
        "operations_report": "drafted",
        "self_assessment": "complete",
        "indicator_forms": "drafted",
        "other_documents": "optional",
    }
    summary = Path(written["dossier_summary"]).read_text(encoding="utf-8")
    assert "Số bộ hồ sơ: 6" in summary and "Đáp ứng các tiêu chí" in summary
    letter = Path(written["registration_letter"]).read_text(encoding="utf-8")
    assert "DỰ THẢO" in letter and "Ban Quản lý các KCN tỉnh Bắc Ninh" in letter


def test_dossier_lists_missing_evidence(tmp_path: Path) -> None:
    tables = model_tables()
    tables["exchanges"][0].pop("agreement")
    tables["facts"] = [dict(f, document=None) if f["fact"] == "io_monitoring" else f for f in tables["facts"]]
    park = model_park(**tables)
    written = write_dossier(park, tmp_path, "en", as_of=AS_OF)
    checklist = {r["item"]: r["state"] for r in pl.read_csv(written["checklist"]).to_dicts()}
    assert checklist["self_assessment"] == "incomplete"
    summary = Path(written["dossier_summary"]).read_text(encoding="utf-8")
    assert "symbiosis link X1: no agreement reference recorded" in summary
    assert "Coordinated input/output monitoring mechanism: no evidence document recorded" in summary
    assert PARK_ID in Path(written["forms_park"]).name
