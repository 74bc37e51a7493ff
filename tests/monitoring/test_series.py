from __future__ import annotations

import pytest
from monitoring_testing import PARK_ID, make_park

from eipkit.monitoring import MonitoringInputError, indicator_info, kpi_series, monthly_series
from eipkit.park import Park


def _kpi(indicator: str, year: int, value: float, unit: str | None, month: int | None = None, **kw: object) -> dict:
    row = {"entity": PARK_ID, "indicator": indicator, "year": year, "value": value, "unit": unit, "month": month}
    row.update(kw)
    return row


def test_series_names_scope_and_order(park: Park) -> None:
    s = kpi_series(park, lang="vi")
    assert s.row(0, named=True)["scope"] == "park"
    assert s.filter(entity="F1")["entity_name"].unique().to_list() == ["Bia Một"]
    assert s.filter(entity=PARK_ID)["indicator_name"][0] == "Điện tiêu thụ"
    assert s["complete"].all()
    assert s.height == 4


def test_units_are_harmonised_to_the_latest_row() -> None:
    p = make_park(kpis=[_kpi("water_use", 2023, 1.5, "ML/a"), _kpi("water_use", 2024, 1_400_000, "m3/a")])
    s = kpi_series(p)
    assert s["value"].to_list() == pytest.approx([1_500.0, 1_400_000.0])
    assert set(s["unit"]) == {"m3/a"}


def test_units_of_different_kinds_are_an_error_naming_the_kpi() -> None:
    p = make_park(kpis=[_kpi("water_use", 2023, 1.5, "t/a"), _kpi("water_use", 2024, 1.4, "m3/a")])
    with pytest.raises(MonitoringInputError, match=r"water_use.*'t/a'.*'m3/a'"):
        kpi_series(p)


def test_monthly_stocks_are_summed_and_rates_day_weighted() -> None:
    """Hand-solved: 12 months of 10 t give 120 t; a rate of 100 m³/day in February 2024 (29 days)
    and 200 in the 11 other months (337 days) averages (29*100 + 337*200)/366 = 192.08 m³/day."""
    rows = [_kpi("sludge", 2024, 10.0, "t", m) for m in range(1, 13)]
    rows += [_kpi("inflow", 2024, 100.0 if m == 2 else 200.0, "m3/day", m) for m in range(1, 13)]
    s = kpi_series(make_park(kpis=rows))
    assert s.filter(indicator="sludge")["value"].item() == pytest.approx(120.0)
    assert s.filter(indicator="inflow")["value"].item() == pytest.approx((29 * 100 + 337 * 200) / 366)
    assert s.filter(indicator="inflow")["months"].item() == 12
    assert s["complete"].all()


def test_incomplete_year_is_flagged_and_annual_row_wins() -> None:
    rows = [_kpi("sludge", 2024, 10.0, "t", m) for m in range(1, 7)]
    rows += [_kpi("inflow", 2024, 5.0, "m3/day", m) for m in range(1, 13)]
    rows.append(_kpi("inflow", 2024, 7.0, "m3/day"))
    s = kpi_series(make_park(kpis=rows))
    sludge = s.filter(indicator="sludge").row(0, named=True)
    assert sludge["complete"] is False and sludge["months"] == 6 and sludge["value"] == 60.0
    inflow = s.filter(indicator="inflow")
    assert inflow.height == 1 and inflow["value"].item() == 7.0 and inflow["months"].item() is None
    assert monthly_series(make_park(kpis=rows), indicator="inflow").height == 12


def test_filters_and_empty_park() -> None:
    assert kpi_series(make_park(), entity="F1")["entity"].unique().to_list() == ["F1"]
    empty = kpi_series(make_park(kpis=[]))
    assert empty.is_empty() and "complete" in empty.columns
    assert monthly_series(make_park(kpis=[])).is_empty()


def test_unknown_indicator_keeps_its_key() -> None:
    assert indicator_info("odd_kpi", "vi") == {"key": "odd_kpi", "name": "odd_kpi", "better": None}
    assert indicator_info("recycled_waste")["better"] == "higher"


def test_demo_monthly_inflow_is_combined(demo: Park) -> None:
    s = kpi_series(demo, entity="OPER", indicator="wastewater_inflow")
    rows = demo.kpis.filter(entity="OPER", indicator="wastewater_inflow").sort("month")
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    expected = sum(d * v for d, v in zip(days, rows["value"], strict=True)) / 365
    assert s["value"].item() == pytest.approx(expected)
