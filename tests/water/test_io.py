"""CSV inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from eipkit.water import LimitingData, WaterInputError, WaterProblem, WaterStudy, read_water_csv


def test_sources_sinks_csv(tmp_path: Path) -> None:
    f = tmp_path / "w.csv"
    f.write_text("id,kind,flow,c:COD,c:TSS\nS1,source,10,40,5\nD1,sink,8,50,\n", encoding="utf-8")
    p = read_water_csv(f)
    assert isinstance(p, WaterProblem)
    assert p.contaminants == ("COD", "TSS")
    assert p.sink_concentration[0, 1] == float("inf")  # empty sink cell = no limit


def test_limiting_csv_wang_smith(tmp_path: Path) -> None:
    """Wang & Smith (1994) example 1 as a limiting-data file: 90 t/h."""
    f = tmp_path / "l.csv"
    f.write_text("id,mass_load,cin_max,cout_max\n1,2,0,100\n2,5,50,100\n3,30,50,800\n4,4,400,800\n", encoding="utf-8")
    d = read_water_csv(f)
    assert isinstance(d, LimitingData)
    assert WaterStudy(d).target()["freshwater_flow"] == pytest.approx(90.0)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("id,kind,flow,concentration\nS1,src,10,40\n", "kind"),
        ("id,kind,flow,concentration\nS1,source,ten,40\n", "not a number"),
        ("id,kind,flow,concentration\nS1,source,10,\n", "no concentration"),
        ("id,kind,flow,concentration\nS1,source,-5,40\n", "negative"),
        ("id,foo\nS1,1\n", "give either"),
    ],
)
def test_bad_csv(tmp_path: Path, text: str, match: str) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(WaterInputError, match=match):
        read_water_csv(f)
