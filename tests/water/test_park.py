"""Water studies on a hand-built park: conversion rules, the central WWTP, QCVN 40:2011 limits."""

from __future__ import annotations

import pytest

from eipkit.park import Park
from eipkit.water import QCVN_40_2025_STATUS, discharge_limits, park_water_problem, park_water_study


def small_park() -> Park:
    """Two tenants and the operator's WWTP.

    A (brewery) takes 10 m3/h of water (COD <= 50 mg/L) and gives 8 m3/h at COD 40 mg/L;
    B (dyeing) takes 5 m3/h with no stated limit and gives 20 m3/h at COD 400 mg/L;
    the WWTP takes 28 m3/h of wastewater and returns effluent at COD 30 mg/L.
    """
    firms = [
        {"id": "A", "name": "Bia A", "sector": "beverage"},
        {"id": "B", "name": "Det B", "sector": "textile_dyeing"},
        {"id": "OP", "name": "XLNT", "sector": "water_utility", "role": "operator"},
    ]
    streams = [
        {"id": "A.in", "firm": "A", "direction": "in", "category": "water", "quantity": 10, "unit": "m3/h"},
        {"id": "A.out", "firm": "A", "direction": "out", "category": "wastewater", "quantity": 8, "unit": "m3/h"},
        {"id": "B.in", "firm": "B", "direction": "in", "category": "water", "quantity": 5, "unit": "m3/h"},
        {"id": "B.out", "firm": "B", "direction": "out", "category": "wastewater", "quantity": 20, "unit": "m3/h"},
        {"id": "OP.in", "firm": "OP", "direction": "in", "category": "wastewater", "quantity": 28, "unit": "m3/h"},
        {"id": "OP.out", "firm": "OP", "direction": "out", "category": "water", "quantity": 28, "unit": "m3/h"},
    ]
    qualities = [
        {"stream": "A.in", "parameter": "COD", "value": 50, "unit": "mg/L", "bound": "max"},
        {"stream": "A.out", "parameter": "COD", "value": 40, "unit": "mg/L"},
        {"stream": "B.out", "parameter": "COD", "value": 400, "unit": "mg/L"},
        {"stream": "OP.out", "parameter": "COD", "value": 30, "unit": "mg/L"},
    ]
    return Park.from_records(
        {"id": "P", "name": "KCN P", "province": "Bắc Ninh"}, firms=firms, streams=streams, qualities=qualities
    )


def test_conversion_rules() -> None:
    p = park_water_problem(small_park())
    assert p.contaminants == ("COD",)
    assert list(p.sink_id) == ["A.in", "B.in"]
    assert p.sink_flow.tolist() == pytest.approx([10.0, 5.0])  # m3/h -> t/h at 1 t/m3
    assert p.sink_concentration[:, 0].tolist() == pytest.approx([50.0, 0.0])  # B: no limit -> freshwater quality
    assert p.source_concentration[:, 0].tolist() == pytest.approx([40.0, 400.0])
    (wwtp,) = p.regenerators
    assert wwtp.capacity == pytest.approx(28.0)
    assert wwtp.outlet_concentration.tolist() == [30.0]
    assert any("density 1 t/m3" in n for n in p.notes)


def test_study_by_hand() -> None:
    """A.in (10 t/h, COD <= 50) can take A.out (8 t/h at 40) and 2 t/h of WWTP effluent (30 ppm):
    8*40 + 2*30 = 380 <= 500; B.in needs freshwater (5 t/h). Minimum freshwater: 5 t/h."""
    s = park_water_study(small_park())
    assert s["current"]["freshwater_flow"] == pytest.approx(15.0)
    assert s["freshwater_flow"] == pytest.approx(5.0)
    assert s["savings"]["freshwater_flow"] == pytest.approx(10.0)
    (row,) = s["wwtp_compliance"]
    assert row == {"plant": "OP:WWTP", "parameter": "COD", "effluent": 30.0, "limit": 150.0, "complies": True}
    assert "unverified" in s["qcvn_40_2025"]


def test_qcvn_40_2011_values_from_reference() -> None:
    """QCVN 40:2011/BTNMT (shared/reference/vietnam-facts.yaml): COD A 75 / B 150, TSS 50 / 100 mg/L."""
    assert discharge_limits("A")["COD"] == 75.0
    assert discharge_limits("B")["TSS"] == 100.0
    assert discharge_limits("B", kq=0.9, kf=1.1)["COD"] == pytest.approx(150 * 0.99)
    assert "unverified" in QCVN_40_2025_STATUS


def test_demo_park_water_study_runs() -> None:
    from eipkit.datasets import demo_park

    s = park_water_study(demo_park())
    assert s["freshwater_flow"] <= s["current"]["freshwater_flow"] + 1e-6
    assert s["network"]["status"] == "optimal"
