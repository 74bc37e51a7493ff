"""Pareto front (ε-constraint) and fair sharing of each link's benefit."""

from __future__ import annotations

import polars as pl
import pytest
from network_testing import FREE_TRANSPORT

from eipkit.network import NetworkStudy, firm_gains, pareto_front, park_candidates, select_network, share_benefits
from eipkit.park import Park

# One receiver takes at most 100 units: L1 earns 1,000 VND and avoids 0.1 t CO2 per unit, L2 earns
# 500 VND and avoids 1 t.
CONFLICT = pl.DataFrame(
    {
        "id": ["L1", "L2"],
        "supplier": ["A", "B"],
        "receiver": ["C", "C"],
        "max_amount": [100.0, 100.0],
        "demand_stream": ["c", "c"],
        "demand_amount": [100.0, 100.0],
        "receiver_saving": [1000.0, 500.0],
        "co2_avoided_per_unit": [0.1, 1.0],
    }
)


def test_pareto_front_by_hand() -> None:
    """Ends: all 100 units on L1 (100,000 VND/a, 10 t/a) and all on L2 (50,000 VND/a, 100 t/a). The
    middle floor is (10 + 100)/2 = 55 t/a: max 1,000 x1 + 500 x2 with x1 + x2 <= 100 and
    0.1 x1 + x2 >= 55 gives x1 = x2 = 50: 75,000 VND/a."""
    front, solutions = pareto_front(CONFLICT, points=3, time_limit=10, relative_gap=0.0)
    assert front["co2_avoided"].to_list() == pytest.approx([10.0, 55.0, 100.0], rel=1e-5)
    assert front["net_benefit"].to_list() == pytest.approx([100_000.0, 75_000.0, 50_000.0], rel=1e-5)
    assert not front["dominated"].any()
    assert all(s.feasible for s in solutions)
    with pytest.raises(ValueError):
        pareto_front(CONFLICT, points=1)


def test_pareto_single_point_when_no_conflict() -> None:
    front, _ = pareto_front(
        CONFLICT.with_columns(pl.Series("co2_avoided_per_unit", [1.0, 0.1])), points=4, time_limit=10
    )
    assert front.height == 1


def test_equal_surplus_by_hand(park: Park) -> None:
    """A -> B: 800 t; A saves 800 x 100,000 = 80 M, B 800 x 600,000 = 480 M, link cost 10 M: surplus
    550 M, 275 M each, so B pays A 275 - 80 = 195 M (243,750 VND/t). A -> C: 400 t, surplus
    40 + 200 - 10 = 230 M, 115 M each, C pays 75 M. A gains 390 M, B 275 M, C 115 M."""
    candidates, _ = park_candidates(park, FREE_TRANSPORT)
    shares = share_benefits(select_network(candidates, time_limit=10, relative_gap=0.0).selected)
    rows = {r["receiver"]: r for r in shares.iter_rows(named=True)}
    assert rows["B"]["surplus"] == pytest.approx(550e6) and rows["B"]["payment"] == pytest.approx(195e6)
    assert rows["B"]["unit_price"] == pytest.approx(243_750.0)
    assert rows["C"]["supplier_gain"] == pytest.approx(115e6) and rows["C"]["payment"] == pytest.approx(75e6)
    gains = dict(zip(*firm_gains(shares).select("firm", "gain").to_dict(as_series=False).values(), strict=True))
    assert gains == {"A": pytest.approx(390e6), "B": pytest.approx(275e6), "C": pytest.approx(115e6)}


def test_proportional_rule_by_hand() -> None:
    """Supplier saves 200 x 100 = 20,000, receiver 1,000 x 100 = 100,000, cost 30,000: surplus 90,000
    split 1:5, so the supplier gets 15,000 and the receiver 75,000."""
    links = pl.DataFrame(
        {
            "id": ["L"],
            "supplier": ["A"],
            "receiver": ["B"],
            "flow": [100.0],
            "built": [True],
            "supplier_saving": [200.0],
            "receiver_saving": [1000.0],
            "variable_cost": [100.0],
            "fixed_cost": [20_000.0],
            "group": [None],
            "group_fixed_cost": [None],
        }
    )
    row = share_benefits(links, "proportional").row(0, named=True)
    assert row["supplier_gain"] == pytest.approx(15_000.0) and row["receiver_gain"] == pytest.approx(75_000.0)
    with pytest.raises(KeyError, match="rules"):
        share_benefits(links, "shapley")


def test_group_cost_split_by_surplus() -> None:
    """A 30,000 VND/a corridor shared by links with surpluses 40,000 and 20,000 is split 2:1."""
    links = pl.DataFrame(
        {
            "id": ["L1", "L2"],
            "supplier": ["A", "B"],
            "receiver": ["C", "C"],
            "flow": [40.0, 20.0],
            "built": [True, True],
            "supplier_saving": [0.0, 0.0],
            "receiver_saving": [1000.0, 1000.0],
            "variable_cost": [0.0, 0.0],
            "fixed_cost": [0.0, 0.0],
            "group": ["G", "G"],
            "group_fixed_cost": [30_000.0, 30_000.0],
        }
    )
    shares = share_benefits(links)
    assert shares["link_cost"].to_list() == pytest.approx([20_000.0, 10_000.0])
    assert shares["surplus"].to_list() == pytest.approx([20_000.0, 10_000.0])


def test_worse_off_firms_are_reported() -> None:
    links = pl.DataFrame(
        {
            "id": ["L"],
            "supplier": ["A"],
            "receiver": ["B"],
            "flow": [10.0],
            "built": [True],
            "supplier_saving": [0.0],
            "receiver_saving": [10.0],
            "variable_cost": [0.0],
            "fixed_cost": [1000.0],
            "group": [None],
            "group_fixed_cost": [None],
        }
    )
    gains = firm_gains(share_benefits(links))
    assert gains["worse_off"].all()


def test_study_summary(park: Park) -> None:
    study = NetworkStudy.from_park(park, assumptions=FREE_TRANSPORT, time_limit=10, relative_gap=0.0)
    summary = study.summary()
    assert summary["no_firm_worse_off"] is True
    assert summary["solution"]["net_benefit"] == pytest.approx(780e6)
    assert {r["firm"] for r in summary["firm_gains"]} == {"A", "B", "C"}
