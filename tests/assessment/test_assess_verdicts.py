"""Results and verdicts: missing data, unverified thresholds, not applicable, greenfield parks, eco-enterprises."""

from __future__ import annotations

import datetime as dt

import pytest
from assess_testing import AS_OF, PARK_ID, firm, model_park, model_tables, park_facts, renamed, tenants
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.assessment import AssessmentResult, assess, load_framework
from eipkit.park import Park


def crit(result: AssessmentResult, criterion: str, entity: str = PARK_ID) -> dict[str, object]:
    c = result.criteria
    return c.filter((c["criterion"] == criterion) & (c["entity"] == entity)).row(0, named=True)


def test_model_park_meets_decree_35() -> None:
    """A park meeting every Art. 37 point (Decree 35/2022) gets the verdict 'meets'."""
    v = assess(model_park(), "VN35", as_of=AS_OF).verdict(lang="en")
    assert v["verdict"] == "meets"
    assert v["counts"]["met"] == 7 and v["counts"]["not_applicable"] == 3


@pytest.mark.parametrize(
    ("skip", "criterion"),
    [("basic_services", "VN35-A37-1b"), ("io_monitoring", "VN35-A37-1c"), ("sustainability_report", "VN35-A37-1d")],
)
def test_missing_fact_is_insufficient_data_never_a_pass_or_fail(skip: str, criterion: str) -> None:
    result = assess(model_park(facts=park_facts(skip=(skip,))), "VN35", as_of=AS_OF)
    assert crit(result, criterion)["status"] == "insufficient_data"
    v = result.verdict(lang="en")
    assert v["verdict"] == "insufficient_data" and v["counts"]["insufficient_data"] == 1
    row = next(r for r in result.scorecard(lang="en") if r["criterion"] == criterion)
    assert "missing:" in row["gap_text"] and row["helps"]


def test_missing_quantities_and_land_are_insufficient() -> None:
    streams = [{"id": "W1", "firm": "F01", "direction": "out", "category": "wastewater"}]  # no quantity
    park = model_park(record={"total_area": None, "industrial_land_area": None}, streams=streams)
    result = assess(park, ["VN82", "VN35"], as_of=AS_OF)
    assert crit(result, "VN82-05")["status"] == "insufficient_data"
    env3 = crit(result, "VN35-C05-ENV3")  # unverified threshold: still unverified, value incomplete
    assert env3["status"] == "threshold_unverified"


def test_no_tenants_is_insufficient() -> None:
    park = model_park(firms=[], exchanges=[])
    result = assess(park, "VN35", as_of=AS_OF)
    assert crit(result, "VN35-A37-2c")["status"] == "insufficient_data"
    assert crit(result, "VN35-A37-2a")["status"] == "insufficient_data"


@settings(max_examples=5, deadline=None)
@given(applying=st.integers(0, 6), large=st.booleans(), rules=st.booleans())
def test_unverified_thresholds_are_never_scored(applying: int, large: bool, rules: bool) -> None:
    """Whatever the data, unverified thresholds (e.g. SOC.1 candidate 75 %) give 'threshold_unverified'."""
    firms = tenants(6, employees=150 if large else 50)
    for row in firms[:applying]:
        row["recp_status"] = "applying"
    facts = park_facts() + [{"entity": f["id"], "fact": "grievance_rules", "value": rules} for f in firms]
    result = assess(model_park(firms=firms, facts=facts), ["VN35", "IEF2"], as_of=AS_OF)
    unverified = {
        c.id for f in ("VN35", "IEF2") for c in load_framework(f).criteria if c.threshold_status == "unverified"
    }
    rows = result.criteria.filter(result.criteria["criterion"].is_in(sorted(unverified)))
    assert set(rows["status"]) == {"threshold_unverified"}
    assert not rows["scored"].any()
    soc1 = next(r for r in result.scorecard(framework="VN35", lang="en") if r["criterion"] == "VN35-C05-SOC1")
    assert "candidate ≥ 75 %" in soc1["threshold_text"] and "not scored" in soc1["threshold_text"]


def test_low_confidence_is_indicative_and_left_out_of_the_verdict() -> None:
    """IEF2 low-confidence items (e.g. park EMS) are shown but never decide the verdict."""
    facts = [f for f in park_facts() if f["fact"] != "park_ems"]
    facts.append({"entity": PARK_ID, "fact": "park_ems", "value": False})
    result = assess(model_park(facts=facts), "IEF2", as_of=AS_OF)
    row = crit(result, "IEF2-ENV-01")
    assert row["status"] == "not_met" and row["indicative"] and not row["scored"]
    with_ems = assess(model_park(), "IEF2", as_of=AS_OF)
    assert crit(with_ems, "IEF2-ENV-01")["status"] == "met"
    assert result.verdict()["counts"] == with_ems.verdict()["counts"]


def test_greenfield_criteria_do_not_apply_to_existing_parks() -> None:
    result = assess(model_park(), "VN35", as_of=AS_OF)
    for cid in ("VN35-A38-a", "VN35-A38-b", "VN35-A38-c", "VN35-C05-PM4"):
        assert crit(result, cid)["status"] == "not_applicable"


def _greenfield(years: int) -> Park:
    return model_park(
        record={"eip_path": "new", "established": AS_OF.replace(year=AS_OF.year - years)},
        firms=tenants(5, iso_14001=True),
    )


def test_greenfield_window_open_then_closed() -> None:
    """Decree 35/2022 Art. 38(2)(a): a new EIP has 8 years from establishment to meet Art. 37."""
    parks = [renamed(_greenfield(3), "G3"), renamed(_greenfield(9), "G9")]
    result = assess(parks, "VN35", as_of=AS_OF)
    open_, late = result.verdict("G3", lang="en"), result.verdict("G9", lang="en")
    assert open_["verdict"] == "greenfield_window"
    assert open_["deadline"] == dt.date(2030, 6, 30) and "2030-06-30" in open_["verdict_text"]
    row = crit(result, "VN35-A38-b", "G3")
    assert row["status"] == "met" and row["open"] == ["VN35-A37-2c"]
    assert late["verdict"] == "does_not_meet"
    text = next(r for r in result.scorecard("G9", lang="en") if r["criterion"] == "VN35-A38-b")["gap_text"]
    assert "passed" in text and "VN35-A37-2c" in text


def test_historical_framework_is_flagged() -> None:
    v = assess(model_park(), "VN82", as_of=AS_OF).verdict(lang="en")
    assert not v["in_force"] and any("not in force" in d for d in v["details"])
    assert assess(model_park(), "VN82", as_of=dt.date(2020, 1, 1)).verdict()["in_force"]


def test_eco_enterprises_per_firm() -> None:
    """Decree 35/2022 Art. 2(8), 37(2): an eco-enterprise is in a certified EIP, compliant, in IS, with RECP savings."""
    firms = model_tables()["firms"]
    firms[0]["recp_status"] = "verified"  # F01: link X1, ISO, savings -> eco-enterprise
    firms[1]["recp_status"] = "applying"  # F02: link X1, ISO, but no measured savings
    firms[2].update(recp_status="verified", iso_14001=True)  # F03: no link
    firms.append(firm("F06", recp_status="verified", iso_14001=True, violations_3y=2))
    rows = {r["firm"]: r for r in assess(model_park(firms=firms), "VN35", as_of=AS_OF).enterprises(lang="en")}
    assert rows["F01"]["status"] == "met"
    assert rows["F02"]["status"] == "not_met" and "RECP" in rows["F02"]["gap_text"]
    assert rows["F03"]["status"] == "not_met" and "1 more operating symbiosis link" in rows["F03"]["gap_text"]
    assert "2 sanctioned violation(s)" in rows["F06"]["gap_text"]


def test_eco_enterprise_needs_a_certified_park() -> None:
    facts = [f for f in park_facts() if f["fact"] != "eip_certificate"]
    rows = assess(model_park(facts=facts), "VN35", as_of=AS_OF).enterprises(lang="en")
    assert {r["status"] for r in rows} <= {"insufficient_data", "not_met"}
    assert rows[0]["status"] == "insufficient_data" and "EIP certificate" in rows[0]["gap_text"]
    facts.append({"entity": PARK_ID, "fact": "eip_certificate", "value": False})
    rows = assess(model_park(facts=facts), "VN35", as_of=AS_OF).enterprises(lang="en")
    assert rows[0]["status"] == "not_met"
