from __future__ import annotations

import pytest

from eipkit.datasets import demo_park
from eipkit.park.summary import park_summary, park_totals
from eipkit.report import park_data_report
from eipkit.report.data_report import format_number


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_has_sections_and_numbers(lang: str) -> None:
    park = demo_park()
    text = park_data_report(park, lang)
    assert text.count("\n## ") >= 5
    water = park_totals(park)["water_use"]
    assert format_number(water, lang) in text


def test_summary_counts_match_tables() -> None:
    park = demo_park()
    s = park_summary(park)
    assert s["counts"]["streams"] == park.streams.height
    assert sum(r["firms"] for r in s["firms_by_sector"]) == s["counts"]["tenants"]


def test_format_number() -> None:
    assert format_number(1234.5, "vi", 1) == "1.234,5"
    assert format_number(None) == "–"
