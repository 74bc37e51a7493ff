"""Recognising streams from class, code or free text (Vietnamese and English)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.symbiosis import classify_streams, classify_text, knowledge_base
from eipkit.symbiosis.classify import normalise_code, strip_accents
from eipkit.vocab import vocabulary


def test_fly_ash_three_ways_land_in_one_class() -> None:
    """The issue's example: 'tro bay', 'fly ash from coal boiler' and EWC 10 01 02 are one class."""
    frame = pl.DataFrame(
        {
            "id": ["a", "b", "c"],
            "description": ["tro bay", "fly ash from coal boiler", None],
            "ewc_code": [None, None, "10 01 02"],
        }
    )
    out = classify_streams(frame)
    assert out.get_column("class").to_list() == ["fly_ash"] * 3
    assert out.get_column("class_method").to_list() == ["synonym", "synonym", "code"]
    assert out.get_column("class_confidence").min() >= 0.75


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bã hèm bia ướt", "spent_grain"),
        ("ba hem bia", "spent_grain"),  # typed without diacritics
        ("Thạch cao khử lưu huỳnh", "fgd_gypsum"),
        ("Nước thải sau xử lý đạt cột A", "treated_effluent"),
        ("Dầu nhớt thải từ xưởng", "waste_oil"),
        ("Vảy cán thép", "mill_scale"),
        ("Màng PE quấn pallet", "pe"),
        ("xỉ lò điện hồ quang", "steel_slag"),
        ("used tyres", "rubber_waste"),
        ("spent pickle liquor (FeCl2)", "spent_pickling_acid"),
        ("Fermentation CO2 from the brewery", "co2_concentrated"),
        ("Hơi 10 bar mua từ lò hơi trung tâm (process steam)", "steam_lp"),  # broader evidence supports it
    ],
)
def test_synonyms_in_both_languages(text: str, expected: str) -> None:
    assert classify_text(text).resource_class == expected


def test_longest_name_wins_and_accents_matter() -> None:
    assert classify_text("tro bay").resource_class == "fly_ash"  # not 'ash' ('tro')
    assert classify_text("nước thải với vôi").resource_class == "wastewater"  # 'với' (with) is not 'vôi' (lime)
    assert classify_text("vôi bột").resource_class == "lime"


def test_abbreviations_need_upper_case() -> None:
    assert classify_text("DO for the generator").resource_class == "fuel_oil"
    assert classify_text("do something red").resource_class is None


def test_text_similarity_catches_spelling_variants() -> None:
    found = classify_text("spentgrain from brewing")
    assert found.resource_class == "spent_grain" and found.method == "similarity"
    assert 0.4 < found.confidence < 0.85


def test_category_decides_between_classes() -> None:
    text = "Nước nóng dư từ làm lạnh dịch nha (surplus wort-cooling water)"
    assert classify_text(text, "heat").resource_class == "hot_water"


def test_codes_and_their_ambiguity() -> None:
    frame = pl.DataFrame(
        {
            "id": ["amb", "amb_text", "vn", "group", "bad"],
            "description": [None, "phoi đồng (copper chips)", None, None, None],
            "ewc_code": ["12 01 03", "120103", None, None, "not a code"],
            "waste_code_vn": [None, None, "17 02 03", "17 99 99", None],
        }
    )
    out = {r["id"]: r for r in classify_streams(frame).iter_rows(named=True)}
    assert out["amb"]["class"] == "metal_scrap" and out["amb"]["class_method"] == "code_ambiguous"
    assert out["amb_text"]["class"] == "copper_scrap" and out["amb_text"]["class_method"] == "code_text"
    assert out["vn"]["class"] == "waste_oil" and out["vn"]["class_confidence"] == 0.95
    assert out["group"]["class_method"] == "code_group" and out["group"]["class_confidence"] == 0.5
    assert out["bad"]["class"] is None and out["bad"]["class_method"] == "none"


def test_given_class_kept_refined_and_conflicts_reported() -> None:
    frame = pl.DataFrame(
        {
            "id": ["given", "refined", "conflict", "water"],
            "resource_class": ["fly_ash", "hazardous_waste", "fly_ash", "water"],
            "description": [None, "Cặn sơn (paint sludge)", None, "Nước cấp lò hơi"],
            "ewc_code": [None, None, "13 02 05*", None],
        }
    )
    out = {r["id"]: r for r in classify_streams(frame, "vi").iter_rows(named=True)}
    assert out["given"]["class"] == "fly_ash" and out["given"]["class_confidence"] == 1.0
    assert out["refined"]["class"] == "paint_sludge" and out["refined"]["class_method"] == "refined"
    assert out["conflict"]["class"] == "fly_ash" and "Dầu thải" in out["conflict"]["class_conflict"]
    assert out["water"]["class"] == "water"  # inputs are never re-classed by text
    assert "loại" in out["given"]["class_reason"]  # Vietnamese reason


def test_unclassified_streams_are_reported_not_dropped() -> None:
    frame = pl.DataFrame({"id": ["x", "y"], "description": ["máy móc cũ khác", None]})
    out = classify_streams(frame)
    assert out.height == 2
    assert out.get_column("class").is_null().all()
    assert out.get_column("class_reason").str.contains("resource_class").all()


def test_every_class_name_classifies_to_itself() -> None:
    for cls, item in vocabulary("resource_classes").items():
        for lang in ("en", "vi"):
            assert classify_text(item[lang]).resource_class == cls, (cls, item[lang])


def test_helpers() -> None:
    assert strip_accents("Đường Đỏ") == "duong do"
    assert normalise_code("10.01.02") == ("10 01 02", False)
    assert normalise_code("1001") == (None, False)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_classification_is_total_and_bounded(text: str) -> None:
    kb = knowledge_base()
    found = classify_text(text)
    assert 0.0 <= found.confidence <= 1.0
    assert (found.resource_class is None) == (found.method == "none")
    assert found.resource_class is None or found.resource_class in kb.parents
    assert classify_text(text) == found  # deterministic
