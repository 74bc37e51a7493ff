"""The network MILP: a hand-solved park, brute force on small cases, every capacity respected."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from network_testing import FREE_TRANSPORT
from scipy.optimize import linprog  # type: ignore[import-untyped]

from eipkit.network import NetworkInputError, check_solution, park_candidates, select_network
from eipkit.park import Park


def test_hand_solved_park(park: Park) -> None:
    """See network_testing.py: 800 t/a to B and 400 t/a to C, 780 million VND/a, proven optimal."""
    candidates, _ = park_candidates(park, FREE_TRANSPORT)
    s = select_network(candidates, time_limit=10, relative_gap=0.0)
    flows = dict(zip(s.selected["receiver"], s.selected["flow"], strict=True))
    assert s.status == "optimal" and s.gap == pytest.approx(0.0, abs=1e-9)
    assert flows == {"B": pytest.approx(800.0), "C": pytest.approx(400.0)}
    assert s.net_benefit == pytest.approx(780_000_000.0)
    assert s.feasible and s.violations == ()


def test_fixed_cost_can_close_a_link(park: Park) -> None:
    """With 300 million VND/a fixed cost per link: A -> B alone earns 800 x 700,000 - 300 M = 260 M;
    A -> C alone 1,000 x 600,000 - 300 M = 300 M; both 560 M + 400 x 600,000 - 600 M = 200 M.
    The best network is A -> C alone, 300 million VND/a."""
    candidates, _ = park_candidates(park, {**FREE_TRANSPORT, "link_fixed_cost": 300_000_000.0})
    s = select_network(candidates, time_limit=10, relative_gap=0.0)
    assert s.selected["receiver"].to_list() == ["C"]
    assert s.selected["flow"].to_list() == [pytest.approx(1000.0)]
    assert s.net_benefit == pytest.approx(300_000_000.0)


def test_shared_infrastructure_group() -> None:
    """Two links share a 50,000 VND/a pipe corridor: 80 x 1,000 + 20 x 900 - 2 x 10,000 - 50,000
    = 28,000 VND/a, still better than nothing."""
    c = pl.DataFrame(
        {
            "id": ["A-C", "B-C"],
            "supplier": ["A", "B"],
            "receiver": ["C", "C"],
            "max_amount": [80.0, 80.0],
            "demand_stream": ["C_in", "C_in"],
            "demand_amount": [100.0, 100.0],
            "receiver_saving": [1000.0, 900.0],
            "fixed_cost": [10_000.0, 10_000.0],
            "group": ["G", "G"],
            "group_fixed_cost": [50_000.0, 50_000.0],
        }
    )
    s = select_network(c, time_limit=10, relative_gap=0.0)
    assert s.net_benefit == pytest.approx(28_000.0)
    too_dear = c.with_columns(pl.lit(100_000.0).alias("group_fixed_cost"))
    assert select_network(too_dear, time_limit=10, relative_gap=0.0).selected.height == 0


def test_co2_floor_out_of_reach_is_reported_infeasible() -> None:
    c = pl.DataFrame(
        {
            "id": ["L"],
            "supplier": ["A"],
            "receiver": ["B"],
            "max_amount": [10.0],
            "receiver_saving": [5.0],
            "co2_avoided_per_unit": [1.0],
        }
    )
    s = select_network(c, time_limit=10, co2_min=20.0)
    assert s.status == "infeasible" and not s.feasible
    assert select_network(c, time_limit=10, co2_min=5.0).co2_avoided >= 5.0 - 1e-9


def test_co2_objective() -> None:
    c = pl.DataFrame(
        {
            "id": ["L1", "L2"],
            "supplier": ["A", "A"],
            "receiver": ["B", "C"],
            "max_amount": [10.0, 10.0],
            "supply_stream": ["a", "a"],
            "supply_amount": [10.0, 10.0],
            "receiver_saving": [9.0, 1.0],
            "co2_avoided_per_unit": [0.1, 1.0],
        }
    )
    assert select_network(c, time_limit=10).selected["id"].to_list() == ["L1"]
    assert select_network(c, time_limit=10, objective="co2").selected["id"].to_list() == ["L2"]
    with pytest.raises(NetworkInputError, match="objective"):
        select_network(c, objective="money")


def test_empty_candidates() -> None:
    s = select_network(
        pl.DataFrame(
            {"id": [], "supplier": [], "receiver": [], "max_amount": []},
            schema={"id": pl.String, "supplier": pl.String, "receiver": pl.String, "max_amount": pl.Float64},
        )
    )
    assert s.status == "empty" and s.net_benefit == 0.0 and s.feasible


def test_limits_must_be_sane() -> None:
    c = pl.DataFrame({"id": ["L"], "supplier": ["A"], "receiver": ["B"], "max_amount": [1.0]})
    with pytest.raises(ValueError, match="time_limit"):
        select_network(c, time_limit=0)
    with pytest.raises(ValueError, match="relative_gap"):
        select_network(c, relative_gap=1.5)


def test_check_solution_finds_breaches() -> None:
    links = pl.DataFrame(
        {
            "id": ["L1", "L2"],
            "max_amount": [10.0, 10.0],
            "flow": [12.0, 6.0],
            "built": [True, True],
            "supply_stream": ["s", "s"],
            "supply_amount": [15.0, 15.0],
            "supply_factor": [1.0, 1.0],
            "demand_stream": [None, None],
            "demand_amount": [None, None],
        }
    )
    breaches = check_solution(links)
    assert any("L1" in b for b in breaches) and any("node s" in b for b in breaches)


# -- random small networks: every capacity respected, and the optimum equals brute force ------------

_link = st.tuples(
    st.integers(0, 2),  # supplier / supply node
    st.integers(0, 2),  # receiver / demand node
    st.floats(1.0, 50.0),  # capacity
    st.floats(-50.0, 100.0),  # margin per unit
    st.floats(0.0, 800.0),  # fixed cost
    st.floats(1.0, 1.5),  # supply factor
)


def _frame(
    links: list[tuple[int, int, float, float, float, float]], s_cap: list[float], d_cap: list[float]
) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "id": [f"L{i}" for i in range(len(links))],
            "supplier": [f"S{r[0]}" for r in links],
            "receiver": [f"R{r[1]}" for r in links],
            "max_amount": [r[2] for r in links],
            "supply_stream": [f"s{r[0]}" for r in links],
            "supply_amount": [s_cap[r[0]] for r in links],
            "supply_factor": [r[5] for r in links],
            "demand_stream": [f"d{r[1]}" for r in links],
            "demand_amount": [d_cap[r[1]] for r in links],
            "receiver_saving": [r[3] for r in links],
            "fixed_cost": [r[4] for r in links],
        }
    )


def _brute_force(
    links: list[tuple[int, int, float, float, float, float]], s_cap: list[float], d_cap: list[float]
) -> float:
    best = 0.0
    n = len(links)
    for built in itertools.product([0, 1], repeat=n):
        on = [i for i in range(n) if built[i]]
        if not on:
            continue
        c = np.array([-links[i][3] for i in on])
        a_ub, b_ub = [], []
        for _node, caps, col, factor in ((0, s_cap, 0, True), (1, d_cap, 1, False)):
            for k, cap in enumerate(caps):
                row = [(links[i][5] if factor else 1.0) if links[i][col] == k else 0.0 for i in on]
                if any(row):
                    a_ub.append(row)
                    b_ub.append(cap)
        res = linprog(
            c, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=[(0, links[i][2]) for i in on], method="highs"
        )
        best = max(best, -res.fun - sum(links[i][4] for i in on))
    return float(best)


@settings(max_examples=12, deadline=None)
@given(
    st.lists(_link, min_size=1, max_size=4),
    st.lists(st.floats(5.0, 80.0), min_size=3, max_size=3),
    st.lists(st.floats(5.0, 80.0), min_size=3, max_size=3),
)
def test_random_networks_respect_capacities_and_are_optimal(
    links: list[tuple[int, int, float, float, float, float]], s_cap: list[float], d_cap: list[float]
) -> None:
    frame = _frame(links, s_cap, d_cap)
    s = select_network(frame, time_limit=20, relative_gap=0.0)
    assert s.status == "optimal"
    assert check_solution(s.links) == ()
    flow = s.links["flow"].to_numpy()
    assert (flow >= 0).all() and (flow <= s.links["max_amount"].to_numpy() * (1 + 1e-9)).all()
    for node, caps, factor in (("supply_stream", s_cap, "supply_factor"), ("demand_stream", d_cap, None)):
        use = s.links.group_by(node).agg((pl.col("flow") * (pl.col(factor) if factor else 1.0)).sum().alias("u"))
        for row in use.iter_rows():
            assert row[1] <= caps[int(row[0][1:])] * (1 + 1e-9) + 1e-9
    assert s.net_benefit == pytest.approx(_brute_force(links, s_cap, d_cap), rel=1e-6, abs=1e-4)


def test_losing_links_are_pruned() -> None:
    """A solve stopped within its gap may keep a link that loses money; dropping it keeps every
    limit and raises the benefit (here: 10 x 5 - 100 = -50 VND/a is dropped, 10 x 20 stays)."""
    from eipkit.network.candidates import candidate_table
    from eipkit.network.select import _prune, _with_results

    table = candidate_table(
        pl.DataFrame(
            {
                "id": ["bad", "good"],
                "supplier": ["A", "A"],
                "receiver": ["B", "C"],
                "max_amount": [10.0, 10.0],
                "receiver_saving": [5.0, 20.0],
                "fixed_cost": [100.0, 0.0],
            }
        )
    )
    pruned = _prune(table, _with_results(table, np.array([10.0, 10.0])))
    assert pruned.filter(pl.col("built"))["id"].to_list() == ["good"]
    assert check_solution(pruned) == ()
