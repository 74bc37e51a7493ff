"""Fixtures for the report tests: the demo report is built, rendered and printed once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eipkit.park import Park
from eipkit.report import Report, build_report, compute_results, render_html, write_pdf


@pytest.fixture(scope="session")
def demo() -> Park:
    from eipkit.datasets import demo_park

    return demo_park()


@pytest.fixture(scope="session")
def results(demo: Park) -> dict[str, Any]:
    return compute_results(demo)


@pytest.fixture(scope="session")
def reports(demo: Park, results: dict[str, Any]) -> dict[str, Report]:
    return {lang: build_report(demo, results, lang) for lang in ("vi", "en")}


@pytest.fixture(scope="session")
def html(reports: dict[str, Report]) -> dict[str, str]:
    return {lang: render_html(report) for lang, report in reports.items()}


@pytest.fixture(scope="session")
def pdfs(reports: dict[str, Report], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    return {lang: write_pdf(report, folder / f"report_{lang}.pdf") for lang, report in reports.items()}
