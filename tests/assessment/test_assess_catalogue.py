"""Criteria catalogues: shipped files load, carry the reference unchanged, and broken files are refused clearly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from assess_testing import AS_OF, build, tenants

from eipkit.assessment import CatalogueError, assess, framework_ids, load_framework
from eipkit.assessment.catalogue import ENV_VAR

FRAMEWORKS = Path(__file__).resolve().parents[2] / "src" / "eipkit" / "assessment" / "_frameworks"
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "eip-criteria.yaml"
CARRIED = (
    "category",
    "subcategory",
    "kind",
    "title_en",
    "title_vi",
    "comparator",
    "threshold",
    "threshold_status",
    "threshold_note",
    "candidate_threshold",
    "candidate_basis",
    "unit",
    "applies_to",
    "data_needed",
    "source",
    "confidence",
    "maps_to",
    "notes",
)


def test_shipped_frameworks_load_with_reference_counts() -> None:
    """eip-criteria.yaml meta.counts: 36 IEF2, 8 VN82, 35 VN35 (79 criteria in all)."""
    assert framework_ids() == ["IEF2", "VN35", "VN82"]
    counts = {f: len(load_framework(f).criteria) for f in framework_ids()}
    assert counts == {"IEF2": 36, "VN82": 8, "VN35": 35}


def test_unverified_thresholds_are_null_and_candidates_kept() -> None:
    """eip-criteria.md §1: SOC.1/2/4/6 candidate 75 %, IEF2-ENV-07 candidate 100 %, never a threshold."""
    candidates = {}
    for fid in framework_ids():
        for c in load_framework(fid).criteria:
            if c.threshold_status == "unverified":
                assert c.threshold is None, c.id
            if c.candidate_threshold is not None:
                candidates[c.id] = c.candidate_threshold
    assert candidates == {
        "IEF2-ENV-07": 100.0,
        "VN35-C05-SOC1": 75.0,
        "VN35-C05-SOC2": 75.0,
        "VN35-C05-SOC4": 75.0,
        "VN35-C05-SOC6": 75.0,
    }
    ief2 = load_framework("IEF2")
    assert all(c.threshold is None for c in ief2.criteria), "every IEF2 numeric threshold is unverified"


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference not available")
def test_catalogues_carry_every_reference_field_unchanged() -> None:
    """Thresholds, statuses, sources and confidence come only from the shared eip-criteria.yaml."""
    ref = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    ours = {c.id: c for fid in framework_ids() for c in load_framework(fid).criteria}
    assert set(ours) == {c["id"] for c in ref["criteria"]}
    for entry in ref["criteria"]:
        mine = ours[entry["id"]]
        assert mine.indicator_text == entry["indicator"]
        for key in CARRIED:
            expected: Any = entry.get(key)
            got = getattr(mine, key)
            if expected is None and got in ([], None, ""):
                continue
            assert got == expected, (entry["id"], key)


def test_maps_to_refer_to_existing_criteria() -> None:
    ids = {c.id for fid in framework_ids() for c in load_framework(fid).criteria}
    for fid in framework_ids():
        for c in load_framework(fid).criteria:
            assert set(c.maps_to) <= ids, c.id


def _broken(tmp_path: Path, edit: Any) -> Path:
    data = yaml.safe_load((FRAMEWORKS / "VN82.yaml").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _set(i: int, **values: Any) -> Any:
    def edit(data: dict[str, Any]) -> None:
        data["criteria"][i].update(values)

    return edit


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (_set(2, threshold_status="unverified"), ["VN82-03", "candidate_threshold"]),
        (_set(2, threshold=None), ["VN82-03", "needs a numeric threshold"]),
        (_set(0, candidate_threshold=50), ["VN82-01", "only for threshold_status 'unverified'"]),
        (_set(2, indicator="recp_share_typo"), ["VN82-03", "unknown indicator 'recp_share_typo'"]),
        (_set(1, indicator="fact:grievance_rules"), ["VN82-02", "not a park fact"]),
        (_set(2, comparator="exists", threshold=None, threshold_status="not_applicable"), ["yes/no indicator"]),
        (_set(4, comparator="within"), ["VN82-05", "violation count"]),
        (_set(3, id="VN82-03"), ["unique", "VN82-03"]),
        (_set(0, category="finance"), ["VN82-01", "category 'finance'"]),
        (_set(0, confidence="certain"), ["VN82-01", "confidence"]),
        (_set(0, scope="firm"), []),  # scope firm with a park indicator is allowed (broadcast)
        (lambda d: d.pop("sources"), ["sources"]),
        (lambda d: d.update(verdict_criteria=["VN82-99"]), ["VN82-99"]),
        (lambda d: d["criteria"][0].update(applies_if={"kind_of_park": ["new"]}), ["not park columns"]),
    ],
)
def test_broken_catalogue_is_refused_with_place_and_fix(tmp_path: Path, edit: Any, words: list[str]) -> None:
    path = _broken(tmp_path, edit)
    if not words:
        load_framework(path)
        return
    with pytest.raises(CatalogueError) as info:
        load_framework(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_invalid_yaml_and_unknown_id(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_framework(bad)
    with pytest.raises(KeyError, match="available: IEF2, VN35, VN82"):
        load_framework("VN99")
    assert load_framework("vn35").id == "VN35"


def _custom(folder: Path) -> Path:
    """A one-criterion framework of another country, written as a file (no code)."""
    data = {
        "catalogue_version": "0.1",
        "compiled": "2026-12-01",
        "id": "XX-TEST",
        "name": "Test framework",
        "name_vi": "Bộ tiêu chí thử",
        "status": "draft",
        "sources": ["test"],
        "notice": {"en": "Test only.", "vi": "Chỉ để thử."},
        "categories": {"env": {"en": "Environment", "vi": "Môi trường"}},
        "criteria": [
            {
                "id": "XX-1",
                "category": "env",
                "kind": "prerequisite",
                "title_en": "Half the firms apply RECP",
                "title_vi": "Một nửa doanh nghiệp áp dụng SXSH",
                "indicator": "recp_applying_share",
                "comparator": ">=",
                "threshold": 50,
                "threshold_status": "verified",
                "applies_to": "firm",
                "source": "test",
                "confidence": "high",
            }
        ],
    }
    path = folder / "XX-TEST.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_user_framework_from_a_file_path(tmp_path: Path) -> None:
    path = _custom(tmp_path)
    park = build(firms=tenants(2, recp_status="applying") + tenants(2, start=3))
    result = assess(park, path, as_of=AS_OF)
    assert result.verdict(framework="XX-TEST")["verdict"] == "meets"


def test_user_framework_from_env_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _custom(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert "XX-TEST" in framework_ids()
    park = build(firms=tenants(1, recp_status="applying") + tenants(2, start=2))
    assert assess(park, "XX-TEST", as_of=AS_OF).verdict()["verdict"] == "does_not_meet"
