"""Composite curves, grand composite curve and utility placement."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.heat import (
    HeatInputError,
    composite_curves,
    grand_composite_curve,
    pinch_targets,
    place_utilities,
    problem_table,
)

KEMP = ([20.0, 170.0, 80.0, 150.0], [135.0, 60.0, 140.0, 30.0], [2.0, 3.0, 4.0, 1.5])


def test_kemp_composite_curves_by_hand() -> None:
    """Kemp (2007) four streams: the hot composite rises 30->60 °C with CP 1.5 (45 kW), 60->150 with
    CP 4.5 (405 kW), 150->170 with CP 3 (60 kW); the cold composite starts at QCmin = 60 kW and rises
    20->80 with CP 2 (120 kW), 80->135 with CP 6 (330 kW), 135->140 with CP 4 (20 kW)."""
    cc = composite_curves(*KEMP, dtmin=10)
    hot = cc.filter(pl.col("curve") == "hot")
    cold = cc.filter(pl.col("curve") == "cold")
    assert hot["temperature"].to_list() == [30.0, 60.0, 150.0, 170.0]
    assert hot["enthalpy_flow"].to_list() == pytest.approx([0.0, 45.0, 450.0, 510.0])
    assert cold["temperature"].to_list() == [20.0, 80.0, 135.0, 140.0]
    assert cold["enthalpy_flow"].to_list() == pytest.approx([60.0, 180.0, 510.0, 530.0])


def test_curves_touch_at_dtmin_at_the_pinch() -> None:
    """At the pinch enthalpy the hot curve is at 90 °C and the cold one at 80 °C (ΔTmin = 10 K)."""
    cc = composite_curves(*KEMP, dtmin=10)
    hot = cc.filter(pl.col("curve") == "hot")
    cold = cc.filter(pl.col("curve") == "cold")
    h = 180.0  # cold curve's 80 °C point
    t_hot = np.interp(h, hot["enthalpy_flow"].to_numpy(), hot["temperature"].to_numpy())
    assert t_hot == pytest.approx(90.0)
    assert float(cold.filter(pl.col("enthalpy_flow") == h)["temperature"][0]) == 80.0


def test_grand_composite_is_the_cascade() -> None:
    pt = problem_table(*KEMP, dtmin=10)
    gcc = grand_composite_curve(pt)
    assert gcc.columns == ["shifted_temperature", "heat_flow"]
    assert gcc["heat_flow"].to_list() == pt["heat_flow"].to_list()
    with pytest.raises(HeatInputError):
        grand_composite_curve(pl.DataFrame({"x": [1.0]}))


def test_utility_placement_kemp_by_hand() -> None:
    """Kemp four streams, QHmin 20 kW. The 140->85 °C shifted interval (CPnet -1.5) needs 82.5 kW and
    62.5 kW comes down from the hot streams above. A level at shifted S can supply what is needed
    below S: 1.5 x (S - 85). Steam at 120 °C (S = 115) can supply 45 >= 20 kW, so all of it; at
    100 °C (S = 95) only 15 kW, and the other 5 kW must come from above 95 °C (unmet with this level
    alone). Cooling: 60 kW below the pinch; cooling water at 60 °C (shifted 65) can take
    R(65) = 75 x 20/30 = 50 kW, the remaining 10 kW must go colder."""
    pt = problem_table(*KEMP, dtmin=10)
    placed = place_utilities(pt, 10, hot_levels={"LP": 120.0}, cold_levels={"CW": 60.0})
    duty = dict(zip(placed["utility"] + "/" + placed["side"], placed["duty"], strict=True))
    assert duty["LP/hot"] == pytest.approx(20.0)
    assert duty["CW/cold"] == pytest.approx(50.0)
    assert duty["unmet/cold"] == pytest.approx(10.0)
    too_cold = place_utilities(pt, 10, hot_levels={"LLP": 100.0})
    assert too_cold.filter(pl.col("utility") == "LLP")["duty"][0] == pytest.approx(15.0)
    assert too_cold.filter(pl.col("utility") == "unmet")["duty"][0] == pytest.approx(5.0)


def test_utility_placement_prefers_cheapest_level() -> None:
    pt = problem_table(*KEMP, dtmin=10)
    placed = place_utilities(pt, 10, hot_levels=[250.0, 120.0], cold_levels=[10.0, 60.0])
    rows = {(r["side"], r["temperature"]): r["duty"] for r in placed.iter_rows(named=True)}
    assert rows[("hot", 120.0)] == pytest.approx(20.0) and rows[("hot", 250.0)] == pytest.approx(0.0)
    assert rows[("cold", 60.0)] == pytest.approx(50.0) and rows[("cold", 10.0)] == pytest.approx(10.0)
    assert "unmet" not in placed["utility"].to_list()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 300), st.integers(0, 300), st.floats(0.1, 10.0)).filter(lambda s: s[0] != s[1]),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.integers(-20, 350), min_size=0, max_size=3),
    st.lists(st.integers(-20, 350), min_size=0, max_size=3),
)
def test_placement_accounts_for_every_kw(rows: list[tuple[int, int, float]], hot: list[int], cold: list[int]) -> None:
    ts, tt, cp = ([float(r[0]) for r in rows], [float(r[1]) for r in rows], [r[2] for r in rows])
    t = pinch_targets(ts, tt, cp, dtmin=10)
    placed = place_utilities(
        problem_table(ts, tt, cp, dtmin=10), 10, [float(x) for x in hot] + [400.0], [float(x) for x in cold] + [-50.0]
    )
    for side, target in (("hot", t.hot_utility), ("cold", t.cold_utility)):
        part = placed.filter(pl.col("side") == side)
        assert (part["duty"] >= 0).all()
        assert float(part["duty"].sum()) == pytest.approx(target, abs=1e-6)
        assert "unmet" not in part["utility"].to_list()  # 400 °C and -50 °C levels reach everything
