"""The orchestrator and its result: wiring, texts in Vietnamese and English, gaps, files written."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from assess_testing import AS_OF, build, model_park, model_tables, park_facts, renamed, tenants

from eipkit.assessment import ParkAssessment, assess, load_framework
from eipkit.assessment._markdown import scorecard_markdown


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    """The model park grown to 20 firms, of which 1 applies RECP with savings (a gap of 3 firms)."""
    firms = model_tables()["firms"] + tenants(15, start=6)
    return assess(model_park(firms=firms), ["VN35", "VN82", "IEF2"], as_of=AS_OF)


def _row(result, criterion: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    fw = criterion.split("-")[0]
    return next(r for r in result.scorecard(framework=fw, lang=lang) if r["criterion"] == criterion)


def test_orchestrator_holds_inputs_and_runs() -> None:
    study = ParkAssessment(model_park(), ["VN35", load_framework("IEF2")], as_of=AS_OF)
    assert [fw.id for fw in study.frameworks] == ["VN35", "IEF2"]
    assert "1 park(s) x VN35, IEF2" in repr(study)
    out = study.run()
    assert out.park_ids == ["P1"] and out.as_of == AS_OF
    with pytest.raises(ValueError, match="no framework"):
        ParkAssessment(model_park(), [])


def test_gap_in_the_criterion_unit_with_candidates(result) -> None:  # type: ignore[no-untyped-def]
    """Decree 35/2022 Art. 37(2)(c): 1 of 20 firms (5 %) -> 3 more firms needed for 20 %."""
    en, vi = _row(result, "VN35-A37-2c", "en"), _row(result, "VN35-A37-2c", "vi")
    assert en["status"] == "not_met" and en["value_text"] == "5.0 %" and en["threshold_text"] == "≥ 20 %"
    assert en["gap_text"].startswith("3 more firm(s) must apply RECP and report measured savings; candidates: F02")
    assert vi["value_text"] == "5,0 %" and vi["gap_text"].startswith("Cần thêm 3 doanh nghiệp")
    assert en["helps"].startswith("RECP measures") and vi["status_text"] == "Chưa đạt"


def test_land_gap_in_percentage_points_and_hectares() -> None:
    """Decree 82/2018 cl. 4: 21.25 % of 400 ha -> 3.75 points short, 15 ha more."""
    park = build(
        {
            "total_area": 400.0,
            "green_area": 40.0,
            "road_area": 30.0,
            "technical_infrastructure_area": 10.0,
            "social_infrastructure_area": 5.0,
            "industrial_land_area": 280.0,
        }
    )
    row = _row(assess(park, "VN82", as_of=AS_OF), "VN82-05")
    assert row["value"] == pytest.approx(21.25)
    assert row["gap_text"].startswith("3.8 percentage points short: about 15 ha more")


def test_symbiosis_count_gap(result) -> None:  # type: ignore[no-untyped-def]
    park = model_park(exchanges=[])
    row = _row(assess(park, "VN82", as_of=AS_OF), "VN82-06")
    assert row["gap_text"] == "1 more operating symbiosis link(s) needed"
    assert row["helps"].startswith("Symbiosis matching")


def test_scorecard_rows_follow_categories_and_carry_sources(result) -> None:  # type: ignore[no-untyped-def]
    rows = result.scorecard(framework="VN35", lang="vi")
    assert len(rows) == 34  # ECOENT-01 is per firm
    cats = [r["category"] for r in rows]
    order = list(load_framework("VN35").categories)
    assert cats == sorted(cats, key=order.index)
    assert all(r["source"] and r["confidence"] in ("high", "medium", "low") for r in rows)


def test_verdict_texts_in_both_languages(result) -> None:  # type: ignore[no-untyped-def]
    vi, en = result.verdict(framework="VN35", lang="vi"), result.verdict(framework="VN35", lang="en")
    assert (vi["verdict"], vi["verdict_text"]) == ("does_not_meet", "Chưa đáp ứng các tiêu chí")
    assert en["verdict_text"] == "Does not yet meet the criteria"
    assert "VN35-A37-2c" in en["details"][1]
    assert en["notice"] != vi["notice"]
    cats = result.categories(framework="VN35", lang="vi")
    assert {c["category_name"] for c in cats} >= {"Môi trường", "Xã hội"}


def test_to_dict_is_json_and_write_files(result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(result.to_dict("en"), default=str))
    assert data["parks"][0]["frameworks"][0]["framework"] == "VN35"
    assert len(data["parks"][0]["enterprises"]) == 20
    written = result.write(tmp_path, "vi")
    assert set(written) == {"assessment_json", "criteria", "verdicts", "enterprises", "scorecard_vi"}
    criteria = pl.read_csv(written["criteria"])
    assert criteria.height == 34 + 8 + 36 and set(criteria["status"]) <= {
        "met",
        "not_met",
        "insufficient_data",
        "threshold_unverified",
        "not_applicable",
    }
    text = Path(written["scorecard_vi"]).read_text(encoding="utf-8")
    assert "Kết luận: Chưa đáp ứng các tiêu chí" in text and "| VN35-A37-2c |" in text


def test_markdown_in_english(result) -> None:  # type: ignore[no-untyped-def]
    text = scorecard_markdown(result, "P1", "en")
    assert "Verdict: Does not yet meet the criteria" in text
    assert "Eco-enterprise assessment" in text


def test_several_parks_need_a_name() -> None:
    parks = [renamed(model_park(), "A"), renamed(model_park(facts=park_facts(value=False)), "B")]
    out = assess(parks, "VN35", as_of=AS_OF)
    with pytest.raises(ValueError, match="name one of A, B"):
        out.scorecard()
    with pytest.raises(KeyError, match="not assessed"):
        out.verdict("C")
    assert out.verdict("A")["verdict"] == "meets" and out.verdict("B")["verdict"] == "does_not_meet"
