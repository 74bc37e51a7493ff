"""Sections presenting the engines' results: present, not failed, numbers equal to the engines' own."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from eipkit.report import AnalysisFailed, Report

ENGINES = ["assessment", "symbiosis", "water", "heat", "network", "energy", "ghg", "recp", "coprocessing"]


def _table(report: Report, key: str) -> pl.DataFrame:
    return next(t.frame for _, t in report.tables() if t.key == key)


@pytest.mark.parametrize("engine", ENGINES)
def test_engine_section_is_built(reports: dict[str, Report], results: dict[str, Any], engine: str) -> None:
    assert not isinstance(results[engine], AnalysisFailed), results[engine]
    for report in reports.values():
        section = report.section(engine)
        texts = " ".join(getattr(b, "text", "") for b in section.blocks)
        assert "could not be run" not in texts and "Không chạy được" not in texts
        assert section.highlights


def test_engine_numbers(reports: dict[str, Report], results: dict[str, Any]) -> None:
    report = reports["en"]
    verdicts = _table(report, "assessment.verdicts")
    assert verdicts["met"].to_list() == results["assessment"].verdicts["met"].to_list()
    top = _table(report, "symbiosis.top")
    opps = results["symbiosis"].opportunities
    first = opps.filter(pl.col("id") == top["id"][0])
    assert top["benefit_bn"][0] * 1e9 == pytest.approx(first["net_benefit_mid"][0])
    water = _table(report, "water.overview")
    assert water["fresh"][1] == pytest.approx(results["water"]["freshwater_flow"])
    ghg = results["ghg"].totals
    assert report.section("ghg").blocks[0].text.count(f"{ghg['total']:,.0f}") == 1  # type: ignore[union-attr]
    heat = _table(report, "heat.targets")
    assert heat["value"].max() == pytest.approx(
        max(v for k, v in results["heat"].summary()["targets"].items() if k.endswith(("utility", "recovery")))
    )
    figures = {f.key for _, f in report.figures()}
    assert {"assessment_scorecard", "symbiosis_map", "water_cascade", "heat_site_profiles", "recp_mac_curve"} <= figures
