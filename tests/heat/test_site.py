"""Inter-firm heat recovery: firm targets, total site segments, site target, pairwise recovery."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.heat import firm_targets, pairwise_recovery, park_heat_streams, site_segments, site_targets
from eipkit.park import Park


def _table(rows: list[tuple[str, float, float, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "id": [f"S{i}" for i in range(len(rows))],
            "firm": [r[0] for r in rows],
            "supply_temperature": [r[1] for r in rows],
            "target_temperature": [r[2] for r in rows],
            "cp": [r[3] for r in rows],
        }
    )


def test_firm_targets_each_firm_alone(park: Park) -> None:
    streams, _ = park_heat_streams(park)
    ft = {r["firm"]: r for r in firm_targets(streams, 10).iter_rows(named=True)}
    assert ft["F1"]["cold_utility"] == pytest.approx(500.0) and ft["F1"]["hot_utility"] == 0.0
    assert ft["F2"]["hot_utility"] == pytest.approx(300.0)
    assert ft["F3"]["hot_utility"] == pytest.approx(200.0)


def test_site_target_by_hand(park: Park) -> None:
    """F1's 500 kW of flue gas (250 -> 80 °C) is hotter than both demands (25 -> 80 and 60 -> 120 °C)
    even with ΔTmin = 10 K inside firms and 10 K more through the heat network: its source segment
    (shifted 245 -> 75, then 240 -> 70) lies above the sink segments (30 -> 85 and 65 -> 125, then
    35 -> 90 and 70 -> 130) except for 70-90 °C, and the cascade 0, 323.5, 307.8, 190.9, 0 kW never
    goes negative, so all 500 kW of demand can be met between firms."""
    streams, _ = park_heat_streams(park)
    t = site_targets(streams, 10)
    assert t.firms_hot_utility == pytest.approx(500.0)
    assert t.site_hot_utility == pytest.approx(0.0, abs=1e-6)
    assert t.inter_firm_recovery == pytest.approx(500.0)
    assert t.site_cold_utility == pytest.approx(0.0, abs=1e-6)


def test_network_approach_limits_recovery() -> None:
    """Firm A gives 100 kW cooling 100 -> 60 °C (CP 2.5); firm B heats 40 -> 80 °C (CP 2.5). Shifted
    by 5 K inside each firm: source 95 -> 55, sink 45 -> 85. With dt_network = 0 the intervals
    95-85, 85-55, 55-45 give +25, 0, -25 kW: cascade 0, 25, 25, 0, so all 100 kW can pass. With
    dt_network = 20 K the segments become 85 -> 45 and 55 -> 95: -25, 0, +25 kW, cascade 0, -25,
    -25, 0, so 25 kW must still be bought and only 75 kW passes between the firms."""
    table = _table([("A", 100.0, 60.0, 2.5), ("B", 40.0, 80.0, 2.5)])
    assert site_targets(table, 10, dt_network=0).inter_firm_recovery == pytest.approx(100.0)
    assert site_targets(table, 10, dt_network=20).inter_firm_recovery == pytest.approx(75.0)
    pairs = pairwise_recovery(table, 10, dt_network=20)
    assert pairs.row(0, named=True)["recovery"] == pytest.approx(75.0)


def test_segments_remove_pockets_and_add_up() -> None:
    """A firm with a pocket: hot 200 -> 100 CP 1 and cold 150 -> 190 CP 2 (80 kW) and cold 20 -> 60
    CP 1 (40 kW). Its sink segments add up to its hot utility and source segments to its cold one."""
    table = _table([("A", 200.0, 100.0, 1.0), ("A", 150.0, 190.0, 2.0), ("A", 20.0, 60.0, 1.0)])
    seg = site_segments(table, 10)
    ft = firm_targets(table, 10).row(0, named=True)
    assert seg.filter(pl.col("profile") == "sink")["duty"].sum() == pytest.approx(ft["hot_utility"])
    assert seg.filter(pl.col("profile") == "source")["duty"].sum() == pytest.approx(ft["cold_utility"])
    assert (seg["cp"] > 0).all()


def test_pairs_exclude_the_same_firm(park: Park) -> None:
    streams, _ = park_heat_streams(park)
    pairs = pairwise_recovery(streams, 10)
    assert set(zip(pairs["supplier"], pairs["receiver"], strict=True)) == {("F1", "F2"), ("F1", "F3")}
    assert pairs.filter(pl.col("receiver") == "F2")["recovery"][0] == pytest.approx(300.0)
    assert (pairs["supplier"] != pairs["receiver"]).all()


def test_site_needs_firms() -> None:
    table = _table([("A", 100.0, 60.0, 2.5)]).with_columns(pl.lit(None, dtype=pl.String).alias("firm"))
    with pytest.raises(ValueError, match="firm"):
        site_targets(table, 10)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C"]), st.integers(20, 250), st.integers(20, 250), st.floats(0.5, 5.0)
        ).filter(lambda r: r[1] != r[2]),
        min_size=1,
        max_size=8,
    ),
    st.floats(0.0, 30.0),
)
def test_site_recovery_is_bounded(rows: list[tuple[str, int, int, float]], net: float) -> None:
    """0 <= inter-firm recovery <= firms' own hot utility, and the site needs at least what direct
    integration of every stream needs (the network adds an approach, so it can only do worse)."""
    table = _table([(r[0], float(r[1]), float(r[2]), r[3]) for r in rows])
    t = site_targets(table, 10, dt_network=net)
    tol = 1e-6 * max(1.0, t.firms_hot_utility)
    assert -tol <= t.inter_firm_recovery <= t.firms_hot_utility + tol
    assert t.site_hot_utility >= t.direct_hot_utility - tol
    assert t.site_hot_utility - t.site_cold_utility == pytest.approx(
        t.firms_hot_utility - t.firms_cold_utility, abs=tol
    )
