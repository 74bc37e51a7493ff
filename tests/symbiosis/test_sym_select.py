"""The selection MILP: capacities respected, hand-solvable optimum, time limit and gap reported."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.symbiosis import select_opportunities


def table(rows: list[tuple[str, str, float, float, float, float, float, float]]) -> pl.DataFrame:
    cols = ("supply_stream", "demand_stream", "amount", "factor", "s_amount", "d_amount", "unit_margin", "fixed_cost")
    frame = pl.DataFrame(
        rows,
        schema=dict.fromkeys(cols, pl.Float64) | {"supply_stream": pl.String, "demand_stream": pl.String},
        orient="row",
    )
    return frame.with_row_index("cid").with_columns(pl.col("cid").cast(pl.Int64))


def test_two_suppliers_compete_for_one_demand() -> None:
    """s1 (margin 5/t) and s2 (3/t), 100 t each, one demand of 120 t: 100 t from s1 and 20 t from s2 = 560."""
    sel = select_opportunities(table([("s1", "d", 100, 1, 100, 120, 5, 0), ("s2", "d", 100, 1, 100, 120, 3, 0)]))
    assert sel.status == "optimal"
    assert sel.chosen.get_column("selected_amount").to_list() == pytest.approx([100, 20])
    assert sel.objective == pytest.approx(560)


def test_fixed_cost_can_make_a_link_not_worth_building() -> None:
    """s1 would earn 500 but costs 600 a year to build; s2 earns 3/t on 100 t: only s2, 300."""
    sel = select_opportunities(table([("s1", "d", 100, 1, 100, 120, 5, 600), ("s2", "d", 100, 1, 100, 120, 3, 0)]))
    assert sel.chosen.get_column("selected").to_list() == [False, True]
    assert sel.objective == pytest.approx(300)
    assert sel.gap <= 1e-3 and sel.runtime > 0 and sel.time_limit == 10.0


def test_one_supply_serves_two_demands_with_unit_factors() -> None:
    """150 t of supply; d1 takes 2 units per t up to 100 (=> 50 t), d2 the rest (100 t)."""
    sel = select_opportunities(table([("s", "d1", 150, 2, 150, 100, 4, 0), ("s", "d2", 150, 1, 150, 500, 1, 0)]))
    assert sel.chosen.get_column("selected_amount").to_list() == pytest.approx([50, 100])


def test_nothing_worth_choosing_and_bad_arguments() -> None:
    assert select_opportunities(table([("s", "d", 10, 1, 10, 10, -1, 0)])).status == "empty"
    with pytest.raises(ValueError, match="time_limit"):
        select_opportunities(table([("s", "d", 10, 1, 10, 10, 1, 0)]), time_limit=0)
    with pytest.raises(ValueError, match="lack columns"):
        select_opportunities(pl.DataFrame({"cid": [0]}))


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 1000))
def test_capacities_are_always_respected(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 12
    sup = rng.integers(0, 3, n)
    dem = rng.integers(0, 3, n)
    s_amt = rng.uniform(10, 100, 3)
    d_amt = rng.uniform(10, 100, 3)
    factor = rng.choice([0.5, 1.0, 2.0], n)
    rows = [
        (
            f"s{sup[i]}",
            f"d{dem[i]}",
            float(min(s_amt[sup[i]], d_amt[dem[i]] / factor[i])),
            float(factor[i]),
            float(s_amt[sup[i]]),
            float(d_amt[dem[i]]),
            float(rng.uniform(-1, 5)),
            float(rng.choice([0.0, 50.0])),
        )
        for i in range(n)
    ]
    frame = table(rows)
    sel = select_opportunities(frame)
    got = frame.join(sel.chosen, on="cid")
    assert (got["selected_amount"] <= got["amount"] + 1e-6).all()
    by_s = got.group_by("supply_stream").agg(pl.col("selected_amount").sum(), pl.col("s_amount").first())
    assert (by_s["selected_amount"] <= by_s["s_amount"] + 1e-6).all()
    by_d = got.group_by("demand_stream").agg(
        (pl.col("selected_amount") * pl.col("factor")).sum().alias("used"), pl.col("d_amount").first()
    )
    assert (by_d["used"] <= by_d["d_amount"] + 1e-6).all()
    value = (got["selected_amount"] * got["unit_margin"]).sum() - (
        got["fixed_cost"] * got["selected"].cast(float)
    ).sum()
    assert sel.objective == pytest.approx(value, rel=1e-6, abs=1e-6)
