"""The demo report: sections present, figures embedded, numbers equal to the analyses' results."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from eipkit.monitoring import MonitoringResult, kpi_series, year_on_year
from eipkit.park import Park
from eipkit.park.summary import park_totals
from eipkit.report import Report
from eipkit.report.sections.annex import factor_sources, is_demo

SECTIONS = ["summary", "profile", "flows", "map", "monitoring", "annex"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sections_and_figures(reports: dict[str, Report], lang: str) -> None:
    report = reports[lang]
    keys = [s.key for s in report.sections]
    assert keys[0] == "summary"
    assert set(SECTIONS) <= set(keys)
    figures = {f.key for _, f in report.figures()}
    assert {"sankey_material", "sankey_water", "sankey_energy", "park_map", "monitoring_park"} <= figures
    for _, fig in report.figures():
        assert fig.png.startswith(b"\x89PNG")
    assert report.section("summary").blocks


def _table(report: Report, key: str) -> pl.DataFrame:
    return next(t.frame for _, t in report.tables() if t.key == key)


def test_key_figures_equal_park_totals(reports: dict[str, Report], demo: Park) -> None:
    totals = park_totals(demo)
    for report in reports.values():
        values = _table(report, "summary.key_figures")["value"].to_list()
        assert totals["electricity_use"] in values and totals["water_use"] in values
        profile = _table(report, "profile.totals")
        assert dict(profile.select("key", "value").iter_rows())["co2_emissions"] == totals["co2_emissions"]


def test_land_use_adds_up(reports: dict[str, Report], demo: Park) -> None:
    land = _table(reports["en"], "profile.land_use")
    assert land["area"].sum() == pytest.approx(demo.meta["total_area"])
    assert land["share"].sum() == pytest.approx(100.0)


def test_monitoring_numbers_equal_the_monitoring_package(
    reports: dict[str, Report], results: dict[str, Any], demo: Park
) -> None:
    result: MonitoringResult = results["monitoring"]
    assert result.year == demo.meta["data_year"]
    table = _table(reports["vi"], "monitoring.park_kpis")
    series = kpi_series(demo).filter(pl.col("scope") == "park")
    yoy = year_on_year(series).filter(pl.col("year") == result.year)
    for indicator, value, change in yoy.select("indicator", "value", "change_percent").iter_rows():
        row = table.filter(pl.col("indicator") == indicator).row(0, named=True)
        assert row[f"y{result.year}"] == value
        assert row["change_percent"] == pytest.approx(change)
    measures = _table(reports["en"], "monitoring.measures")
    assert measures["saving_bn"][-1] * 1e9 == pytest.approx(result.measures["annual_saving"][-1])


def test_exchanges_table_lists_every_exchange(reports: dict[str, Report], demo: Park) -> None:
    table = _table(reports["en"], "flows.exchanges")
    assert table.height == demo.exchanges.height
    assert table["benefit_bn"].sum() * 1e9 == pytest.approx(demo.exchanges["annual_benefit"].sum())


def test_annex_cites_factor_files_and_demo_sources(reports: dict[str, Report], demo: Park) -> None:
    assert is_demo(demo)
    factors = _table(reports["en"], "annex.factors")
    files = set(factors["file"])
    assert "datasets/_data/sector_intensities.yaml" in files
    assert any(f.startswith("heat/_data/") for f in files)
    brewery = factors.filter(pl.col("entry") == "intensities.brewery_water").row(0, named=True)
    assert brewery["value"] == "4.3" and "Campden" in brewery["source"]
    assert factor_sources().filter(pl.col("file").str.starts_with("datasets")).is_empty()
    annex = reports["en"].section("annex")
    if demo.report.issues:
        assert any(t.key == "annex.validation" for t in annex.tables)
    else:
        assert "no problems" in " ".join(b.text for b in annex.blocks if hasattr(b, "text"))
