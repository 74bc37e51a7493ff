from __future__ import annotations

import polars as pl
import pytest

from eipkit.monitoring import exchange_timeline, measure_timeline, undated_items
from eipkit.park import Park


def test_measure_timeline_hand_solved(park: Park) -> None:
    """M1 (verified, 2022, 40/a) and M2 (implemented, 2024, 90/a) count; M3 is only proposed and M4
    has no year. By 2024: 2 measures, saving 130/a of which 40/a verified, CO2 12 t/a."""
    t = measure_timeline(park)
    assert t["year"].to_list() == [2022, 2023, 2024]
    last = t.row(-1, named=True)
    assert (last["measures_total"], last["verified_total"]) == (2, 1)
    assert last["annual_saving"] == 130.0 and last["verified_saving"] == 40.0
    assert last["co2_saving"] == 12.0 and last["capex"] == 400.0
    assert t.filter(year=2023)["measures"].item() == 0
    assert undated_items(park) == {"measures": 1, "exchanges": 0}


def test_exchange_timeline_hand_solved(park: Park) -> None:
    t = exchange_timeline(park)
    assert t["year"].to_list() == [2021, 2022, 2023, 2024]
    assert t["exchanges_total"].to_list() == [1, 1, 2, 2]
    assert t["annual_benefit"].to_list() == [70.0, 70.0, 100.0, 100.0]
    assert exchange_timeline(park, year=2030)["year"].max() == 2030


def test_demo_timelines_match_tables(demo: Park) -> None:
    m = measure_timeline(demo)
    in_place = demo.measures.filter(pl.col("status").is_in(["implemented", "verified"]))
    assert m["annual_saving"][-1] == pytest.approx(in_place["annual_saving"].sum())
    x = exchange_timeline(demo)
    assert x["exchanges_total"][-1] == demo.exchanges.filter(status="operating").height
