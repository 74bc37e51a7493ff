"""Multi-contaminant network design on linopy + HiGHS."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eipkit.water import InfeasibleWaterError, Regenerator, WaterInputError, WaterProblem, optimise_network


def two_contaminant_problem(**kw: object) -> WaterProblem:
    """Hand case: one sink of 100 t/h limited to 20 ppm A and 50 ppm B; two sources.

    S1 (50 t/h): 40 ppm A, 0 ppm B; S2 (50 t/h): 0 ppm A, 100 ppm B; freshwater pure.
    Sink limits: 40 x1 <= 2000 and 100 x2 <= 5000 with x1 + x2 + w = 100: x1 <= 50, x2 <= 50,
    both at 50 leave w = 0 -> freshwater 0 would need 40*50 = 2000 (ok) and 100*50 = 5000 (ok).
    """
    return WaterProblem.build(
        ["S1", "S2"], [50, 50], [[40, 0], [0, 100]], ["D1"], [100], [[20, 50]], contaminants=["A", "B"], **kw
    )


def test_two_contaminants_by_hand() -> None:
    r = optimise_network(two_contaminant_problem())
    assert r.freshwater_flow == pytest.approx(0.0, abs=1e-7)
    conc = r.sink_concentrations.row(0, named=True)
    assert conc["A"] == pytest.approx(20.0)
    assert conc["B"] == pytest.approx(50.0)
    assert r.guarantee.startswith("global optimum")


def test_tighter_limit_needs_freshwater_by_hand() -> None:
    """Limit A at 10 ppm: 40 x1 <= 1000 -> x1 <= 25; x2 <= 50 -> freshwater 100 - 75 = 25 t/h."""
    p = WaterProblem.build(
        ["S1", "S2"], [50, 50], [[40, 0], [0, 100]], ["D1"], [100], [[10, 50]], contaminants=["A", "B"]
    )
    r = optimise_network(p)
    assert r.freshwater_flow == pytest.approx(25.0)
    assert r.wastewater_flow == pytest.approx(25.0)


def test_cost_objective_with_connection_limit_by_hand() -> None:
    """Two plants; one inter-plant pipe allowed.

    Plant P: source SP (10 t/h, 0 ppm) and nothing else; plant Q: sinks DQ1 and DQ2 (10 t/h each,
    limit 0 ppm). Freshwater costs 1 VND/m3 for 1000 h/a -> 10000 VND/a per 10 t/h saved; a pipe
    costs 100 VND/a. With at most one inter-plant pipe, one sink is served by SP, the other by
    freshwater: cost = 1000 h * 1 VND/t * 10 t/h + 100 = 10100 VND/a.
    """
    p = WaterProblem.build(
        ["SP"], [10], [0], ["DQ1", "DQ2"], [10, 10], [0, 0], source_plant=["P"], sink_plant=["Q", "Q"]
    )
    r = optimise_network(
        p,
        objective="cost",
        freshwater_price=1.0,
        operating_hours=1000,
        pipe_fixed_cost=100,
        max_interplant_connections=1,
    )
    assert r.total_cost == pytest.approx(10100.0)
    assert r.interplant_connections == 1
    assert r.freshwater_flow == pytest.approx(10.0)
    none = optimise_network(p, integration="none")
    assert none.freshwater_flow == pytest.approx(20.0)


def test_pipe_cost_by_distance_can_beat_reuse() -> None:
    """A 10 km pipe at 1e6 VND/a/km costs more than the freshwater it saves (10 t/h * 8760 h * 10 VND)."""
    p = WaterProblem.build(["S"], [10], [0], ["D"], [10], [0], distance_km=[[10.0]])
    r = optimise_network(p, objective="cost", freshwater_price=10.0, pipe_cost_per_km=1e6)
    assert r.connections.height == 0
    assert r.freshwater_flow == pytest.approx(10.0)
    cheap = optimise_network(p, objective="cost", freshwater_price=10.0, pipe_cost_per_km=1.0)
    assert cheap.freshwater_flow == pytest.approx(0.0, abs=1e-7)


def test_regenerator_fixed_outlet() -> None:
    """Regenerating S1 to 0 ppm A removes the need for freshwater of the 10-ppm case above."""
    p = WaterProblem.build(
        ["S1", "S2"],
        [50, 50],
        [[40, 0], [0, 100]],
        ["D1"],
        [100],
        [[10, 50]],
        contaminants=["A", "B"],
        regenerators=[Regenerator("R", np.array([0.0, 0.0]))],
    )
    r = optimise_network(p)
    assert r.freshwater_flow == pytest.approx(0.0, abs=1e-7)
    assert r.regenerated_flow["R"] > 0


def test_discharge_limit_with_treatment() -> None:
    """Wastewater 10 t/h at 300 ppm against a 150 ppm limit: infeasible raw, feasible with 50 % removal."""
    kw = dict(discharge_limit=[150.0])
    p = WaterProblem.build(["S"], [10], [300], ["D"], [5], [0], **kw)  # type: ignore[arg-type]
    with pytest.raises(InfeasibleWaterError, match="infeasible"):
        optimise_network(p)
    p2 = WaterProblem.build(["S"], [10], [300], ["D"], [5], [0], treatment_removal=[0.5], **kw)  # type: ignore[arg-type]
    r = optimise_network(p2)
    assert r.discharge_concentration["C"] == pytest.approx(150.0)


def test_hopeless_sink_is_named() -> None:
    p = WaterProblem.build(["S"], [10], [50], ["D9"], [5], [2], freshwater_concentration=5.0)
    with pytest.raises(InfeasibleWaterError, match="D9"):
        optimise_network(p)


def test_bad_inputs() -> None:
    with pytest.raises(WaterInputError, match="negative"):
        WaterProblem.build(["S"], [-1], [50], ["D"], [5], [2])
    with pytest.raises(WaterInputError, match="negative concentration"):
        WaterProblem.build(["S"], [1], [-50], ["D"], [5], [2])
    with pytest.raises(WaterInputError, match="repeat"):
        WaterProblem.build(["S", "S"], [1, 1], [5, 5], ["D"], [5], [2])
    with pytest.raises(WaterInputError, match="objective"):
        optimise_network(two_contaminant_problem(), objective="profit")


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 10_000))
def test_balances_close_and_limits_hold(seed: int) -> None:
    rng = np.random.default_rng(seed)
    ns, nd, k = int(rng.integers(1, 6)), int(rng.integers(1, 6)), int(rng.integers(1, 4))
    p = WaterProblem.build(
        [f"S{i}" for i in range(ns)],
        rng.uniform(1, 50, ns),
        rng.uniform(0, 300, (ns, k)),
        [f"D{j}" for j in range(nd)],
        rng.uniform(1, 50, nd),
        rng.uniform(0, 300, (nd, k)),
        contaminants=[f"c{c}" for c in range(k)],
    )
    r = optimise_network(p)
    flows = r.allocation
    for j, sink in enumerate(p.sink_id):
        got = flows.filter(flows["sink"] == sink)["flow"].sum()
        assert got == pytest.approx(p.sink_flow[j], rel=1e-6)
    for i, src in enumerate(p.source_id):
        sent = flows.filter(flows["source"] == src)["flow"].sum()
        assert sent == pytest.approx(p.source_flow[i], rel=1e-6)
    conc = r.sink_concentrations
    for c in p.contaminants:
        assert (conc[c].to_numpy() <= conc[f"{c}_max"].to_numpy() * (1 + 1e-6) + 1e-6).all()
    assert r.wastewater_flow == pytest.approx(r.freshwater_flow + p.source_flow.sum() - p.sink_flow.sum(), abs=1e-6)
