"""``eipkit assess | frameworks | dossier`` and the assessment's demo outputs, through Typer's CliRunner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eipkit.cli import app
from eipkit.cli._assess import demo_outputs
from eipkit.park import Park, write_park

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _park() -> Park:
    firms = [
        {"id": "OP", "name": "Hạ tầng", "role": "operator", "sector": "water_utility"},
        {"id": "F01", "name": "Bia A", "sector": "beverage", "iso_14001": True, "recp_status": "verified"},
        {"id": "F02", "name": "Thức ăn B", "sector": "food", "iso_14001": True},
        {"id": "F03", "name": "Thực phẩm C", "sector": "food", "violations_3y": 1},
    ]
    exchanges = [{"id": "X1", "supplier": "F01", "receiver": "F02", "status": "operating", "agreement": "HĐ 1"}]
    facts = [
        {"entity": "KCN_T", "fact": "basic_services", "value": True, "document": "BC", "date": dt.date(2025, 1, 1)}
    ]
    record = {"id": "KCN_T", "name": "KCN Thử", "name_en": "Test Park", "province": "Hà Nam", "total_area": 100.0}
    return Park.from_records(record, firms=firms, exchanges=exchanges, facts=facts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("park") / "kcn_t"
    write_park(_park(), path)
    return path


def test_help_lists_assessment_commands() -> None:
    code, out = run("--help")
    assert code == 0
    for command in ("assess", "frameworks", "dossier"):
        assert command in out


def test_frameworks(tmp_path: Path) -> None:
    code, out = run("frameworks", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert {k: v["criteria"] for k, v in rows.items()} == {"IEF2": 36, "VN35": 35, "VN82": 8}
    code, out = run("frameworks", "--lang", "en")
    assert code == 0 and "repealed" in out and "EIPKIT_FRAMEWORKS" in out


def test_assess_json_and_files(folder: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out = run(
        "assess",
        str(folder),
        "--json",
        "--as-of",
        "2025-06-30",
        "-f",
        "VN35",
        "-f",
        "VN82",
        "--out",
        str(out_dir),
        "--lang",
        "en",
    )
    assert code == 0, out
    data = json.loads(out)
    fws = {f["framework"]: f for f in data["parks"][0]["frameworks"]}
    assert fws["VN35"]["verdict"] == "does_not_meet"  # F03 has a violation (Art. 37(2)(a))
    row = next(r for r in fws["VN35"]["criteria"] if r["criterion"] == "VN35-A37-2a")
    assert row["status"] == "not_met" and "F03" in row["gap_text"]
    assert data["as_of"] == "2025-06-30" and Path(data["files"]["criteria"]).exists()


def test_assess_table_in_both_languages(folder: Path, tmp_path: Path) -> None:
    code, out = run("assess", str(folder), "--out", str(tmp_path), "--as-of", "2025-06-30", "--firms")
    assert code == 0 and "Kết luận: Chưa đáp ứng các tiêu chí" in out and "Đánh giá doanh nghiệp sinh thái" in out
    code, out = run("assess", str(folder), "--out", str(tmp_path), "--lang", "en", "-f", "IEF2")
    assert code == 0 and "Verdict:" in out and "IEF2 — Test Park" in out


def test_assess_errors(folder: Path, tmp_path: Path) -> None:
    code, out = run("assess", str(folder), "-f", "VN99", "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "no framework 'VN99'" in out
    code, out = run("assess", str(folder), "--as-of", "2025-13-01", "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "YYYY-MM-DD" in out


def test_dossier(folder: Path, tmp_path: Path) -> None:
    code, out = run("dossier", str(folder), "--out", str(tmp_path), "--json", "--as-of", "2025-06-30")
    assert code == 0, out
    data = json.loads(out)
    assert data["checklist"][0]["item"] == "registration_letter"
    assert Path(data["files"]["forms_park"]).suffix == ".xlsx"
    code, out = run("dossier", str(folder), "--out", str(tmp_path / "en"), "--lang", "en")
    assert code == 0 and "EIP certification dossier" in out


def test_demo_outputs(tmp_path: Path) -> None:
    written = demo_outputs(_park(), tmp_path, "vi")
    for key in ("scorecard_vi", "scorecard_en", "assessment_criteria", "dossier_forms_park", "dossier_dossier_summary"):
        assert Path(written[key]).exists(), key
    assert "Verdict:" in Path(written["scorecard_en"]).read_text(encoding="utf-8")
