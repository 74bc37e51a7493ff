from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from monitoring_testing import FIRMS, KPIS, PARK, PARK_ID, make_park

from eipkit.monitoring import DERIVED_SOURCE, MonitoringInputError, import_year, kpi_changes, stream_kpis
from eipkit.park import Park, ParkValidationError, write_park
from eipkit.park.summary import park_totals

NEW_ROWS = [
    {"entity": PARK_ID, "indicator": "electricity_use", "year": 2025, "value": 1100.0, "unit": "MWh/a"},
    {"entity": "F1", "indicator": "water_use", "year": 2025, "value": 4800.0, "unit": "m3/a", "verified": True},
]


def test_import_rows_returns_a_new_park(park: Park) -> None:
    new = import_year(park, NEW_ROWS)
    assert new.kpis.height == park.kpis.height + 2
    assert park.kpis.height == len(KPIS)  # the given park is unchanged
    changes = kpi_changes(park, new)
    assert changes["change"].to_list() == ["added", "added"]
    assert changes.filter(entity="F1")["new_value"].item() == 4800.0


def test_import_csv_problems_name_the_file_row(park: Park, tmp_path: Path) -> None:
    path = tmp_path / "kpis_2025.csv"
    rows = [*NEW_ROWS, {"entity": "NOBODY", "indicator": "water_use", "year": 2025, "value": 1.0, "unit": "m3/a"}]
    pl.DataFrame(rows).write_csv(path)
    with pytest.raises(ParkValidationError) as info:
        import_year(park, path)
    issue = next(i for i in info.value.report.errors if "NOBODY" in (i.value or ""))
    assert issue.location == "kpis_2025.csv" and issue.row == 4
    pl.DataFrame(NEW_ROWS).write_csv(path)
    assert import_year(park, path).kpis.height == park.kpis.height + 2


def test_repeated_values_need_replace(park: Park) -> None:
    again = [{"entity": "F1", "indicator": "water_use", "year": 2024, "value": 5100.0, "unit": "m3/a"}]
    with pytest.raises(MonitoringInputError, match=r"F1/water_use/2024.*replace=True"):
        import_year(park, again)
    new = import_year(park, again, replace=True)
    assert new.kpis.height == park.kpis.height
    changed = kpi_changes(park, new)
    assert changed.row(0, named=True)["change"] == "changed" and changed["old_value"].item() == 5000.0


def test_stream_kpis_follow_park_totals(park: Park, demo: Park) -> None:
    """The park rows equal park_totals; the operator's water is not counted (resold to tenants)."""
    for p in (park, demo):
        rows = stream_kpis(p).filter(entity=p.id)
        totals = park_totals(p)
        for name, value in rows.select("indicator", "value").iter_rows():
            assert value == pytest.approx(totals[name]), name
    firms = stream_kpis(park).filter(pl.col("entity") != PARK_ID)
    assert firms.filter(entity="F1", indicator="water_use")["value"].item() == 5000.0
    assert firms.filter(entity="OP", indicator="water_use").is_empty()
    assert stream_kpis(park).filter(entity=PARK_ID, indicator="electricity_use")["value"].item() == 1050.0
    assert stream_kpis(park).filter(entity=PARK_ID, indicator="hazardous_waste")["value"].item() == 20.0


def _next_year(**record: object) -> Park:
    return make_park(park={**PARK, "data_year": 2025, **record}, kpis=[NEW_ROWS[1]])


def test_import_park_file_adds_history_and_derived_values(park: Park, tmp_path: Path) -> None:
    folder = write_park(_next_year(), tmp_path / "p2025")
    new = import_year(park, folder)
    assert new.meta["data_year"] == 2025
    rows = new.kpis.filter(year=2025)
    assert rows.filter(entity="F1", indicator="water_use")["value"].item() == 4800.0  # reported wins
    derived = rows.filter(pl.col("source_note") == DERIVED_SOURCE)
    assert derived.filter(entity=PARK_ID, indicator="electricity_use")["value"].item() == 1050.0
    assert new.kpis.filter(year=2023).height == 2  # history kept
    assert import_year(park, _next_year(), derive=False).kpis.height == park.kpis.height + 1


def test_import_park_file_refusals(park: Park) -> None:
    with pytest.raises(MonitoringInputError, match="park 'OTHER'"):
        import_year(park, make_park(park={**PARK, "id": "OTHER"}, kpis=[]))
    with pytest.raises(MonitoringInputError, match="older than"):
        import_year(park, make_park(park={**PARK, "data_year": 2020}, kpis=[]))
    no_year = {k: v for k, v in PARK.items() if k != "data_year"}
    with pytest.raises(MonitoringInputError, match="data_year"):
        import_year(park, make_park(park=no_year, kpis=[]))
    gone = [f for f in FIRMS if f["id"] != "F1"]
    streams = [s for s in make_park().streams.to_dicts() if s["firm"] != "F1"]
    streams = [{k: s[k] for k in ("id", "firm", "direction", "category", "quantity", "unit")} for s in streams]
    smaller = make_park(
        park={**PARK, "data_year": 2025}, firms=gone, streams=streams, kpis=[], measures=[], exchanges=[]
    )
    with pytest.raises(MonitoringInputError, match=r"F1.*status 'closed'"):
        import_year(park, smaller)


def test_unreadable_csv_names_the_fix(park: Park, tmp_path: Path) -> None:
    with pytest.raises(MonitoringInputError, match="UTF-8 CSV"):
        import_year(park, tmp_path / "missing.csv")
