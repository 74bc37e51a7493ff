from __future__ import annotations

from pathlib import Path

import pytest
from report_testing import make_park

from eipkit.report import (
    SECTIONS,
    AnalysisFailed,
    Column,
    Section,
    SectionSpec,
    Table,
    build_report,
    compute_results,
    register_section,
    write_report,
)


def test_model_checks_columns() -> None:
    import polars as pl

    assert Column("x", "X", "Ích", "t/a").header("en") == "X [t/a]"
    with pytest.raises(ValueError, match="not in its frame"):
        Table("k", "T", pl.DataFrame({"a": [1]}), (Column("b", "B", "B"),))


def test_unknown_language_and_section() -> None:
    park = make_park()
    with pytest.raises(ValueError, match="language"):
        build_report(park, lang="fr")
    with pytest.raises(ValueError, match="unknown report section"):
        build_report(park, sections=["nope"])
    with pytest.raises(ValueError, match="format"):
        write_report(park, "unused", formats=["docx"])


def test_failed_analysis_is_shown_not_hidden() -> None:
    def run(park: object) -> object:
        raise RuntimeError("solver exploded")

    def build(park: object, results: object, lang: str) -> Section:
        return Section("boom", "Boom")

    register_section(SectionSpec("boom", build, order=50, run=run, title_key="summary.title"))
    try:
        results = compute_results(make_park(), sections=["boom"])
        assert isinstance(results["boom"], AnalysisFailed)
        report = build_report(make_park(), results, "en", sections=["boom"])
        text = " ".join(getattr(b, "text", "") for b in report.section("boom").blocks)
        assert "solver exploded" in text
        status = report.section("summary").tables[-1].frame["status"].to_list()
        assert any("solver exploded" in s for s in status)
    finally:
        SECTIONS.pop("boom")


def test_small_park_report_files(tmp_path: Path) -> None:
    written = write_report(make_park(), tmp_path, lang="vi", formats=("html", "xlsx"), sections=["map", "monitoring"])
    assert set(written) == {"html_vi", "xlsx_vi"}
    text = written["html_vi"].read_text(encoding="utf-8")
    assert "Bản đồ doanh nghiệp và liên kết" in text and "KCN Thử" in text
