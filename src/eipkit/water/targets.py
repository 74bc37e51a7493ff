r"""Targets with regeneration and across plants (one contaminant).

Regeneration
------------
A regeneration unit takes source water and returns it at a fixed outlet concentration
:math:`C_R` (or with a removal ratio :math:`RR`, :math:`C_R = (1-RR)\,C_{in}`). Its targets are
found lexicographically on the network model (:mod:`eipkit.water.network`): first the minimum
freshwater, then the minimum regenerated flow at that freshwater (the regeneration-recycling
targets of Feng, Bai & Zheng 2007). With a fixed outlet concentration both are linear
programmes, hence exact. With a removal ratio the outlet depends on the mixed inlet; for a given
inlet concentration :math:`C_{in}` the model is linear again, so :math:`C_{in}` is searched over
the source concentrations and a grid between them; the best answer is reported with a proven
lower bound (a unit whose outlet is :math:`(1-RR)\min_i C_i` whatever it takes in).

Inter-plant integration
-----------------------
Each plant alone, the park with direct pipes between plants (the pooled problem), and the park
where plants exchange water only through a central hub (Chew et al. 2008). A hub with a given
outlet concentration is a regeneration unit shared by all plants (linear, exact). A hub that
only mixes has outlet = inlet concentration :math:`C_h`; for fixed :math:`C_h` the model is
linear, so :math:`C_h` is searched and the direct-integration target is the proven lower bound.

References
----------
Feng, X., Bai, J., Zheng, X. (2007). On the use of graphical method to determine the targets of
single-contaminant regeneration recycling water systems. Chem. Eng. Sci. 62, 2127-2138.
Chew, I.M.L. et al. (2008). Synthesis of direct and indirect interplant water network.
Ind. Eng. Chem. Res. 47, 9485-9496.
Foo, D.C.Y. (2012). Process Integration for Resource Conservation. CRC Press, Boca Raton.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from eipkit.water._problem import Regenerator, WaterInputError, WaterProblem
from eipkit.water.cascade import InfeasibleWaterError, water_cascade

__all__ = ["interplant_targets", "regeneration_target"]


def _single(problem: WaterProblem) -> None:
    if len(problem.contaminants) != 1:
        raise WaterInputError(
            f"targets need one contaminant, the problem has {len(problem.contaminants)}; use problem.single(name)"
        )


def _cascade(problem: WaterProblem) -> dict[str, Any]:
    r = water_cascade(
        problem.source_flow,
        problem.source_concentration[:, 0],
        problem.sink_flow,
        problem.sink_concentration[:, 0],
        float(problem.freshwater_concentration[0]),
        problem.source_id,
        problem.sink_id,
    )
    return {
        "freshwater_flow": r.freshwater_flow,
        "wastewater_flow": r.wastewater_flow,
        "pinch_concentration": r.pinch_concentration,
        "kind": r.kind,
    }


def _with_unit(problem: WaterProblem, unit: Regenerator, integration: str = "direct") -> dict[str, Any] | None:
    """Lexicographic LP (freshwater, then regenerated flow) with one extra unit, single contaminant.

    Small dense LPs solved by HiGHS through :func:`scipy.optimize.linprog` (the searches below
    solve many of them; building each with linopy would dominate the run time).
    """
    from scipy.optimize import linprog  # type: ignore[import-untyped]

    c_src = problem.source_concentration[:, 0]
    c_max = problem.sink_concentration[:, 0]
    n_s, n_d = c_src.size, c_max.size
    ok = np.ones((n_s, n_d), dtype=bool)
    if integration != "direct":
        sp = np.array(problem.source_plant, dtype=object)[:, None]
        dp = np.array(problem.sink_plant, dtype=object)[None, :]
        ok = sp == dp
    # columns: f (n_s*n_d), fw (n_d), ww (n_s), g (n_s), h (n_d), rd (1)
    nf = n_s * n_d
    i_fw, i_ww, i_g, i_h, i_rd = nf, nf + n_d, nf + n_d + n_s, nf + n_d + 2 * n_s, nf + 2 * n_d + 2 * n_s
    size = i_rd + 1
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for i in range(n_s):
        row = np.zeros(size)
        row[i * n_d : (i + 1) * n_d] = 1
        row[i_ww + i] = row[i_g + i] = 1
        a_eq.append(row)
        b_eq.append(problem.source_flow[i])
    finite = np.isfinite(c_max)
    for j in range(n_d):
        row = np.zeros(size)
        row[j:nf:n_d] = 1
        row[i_fw + j] = row[i_h + j] = 1
        a_eq.append(row)
        b_eq.append(problem.sink_flow[j])
        if finite[j]:
            q = np.zeros(size)
            q[j:nf:n_d] = c_src
            q[i_fw + j] = problem.freshwater_concentration[0]
            q[i_h + j] = unit.outlet_concentration[0]
            a_ub.append(q)
            b_ub.append(problem.sink_flow[j] * c_max[j])
    row = np.zeros(size)
    row[i_g : i_g + n_s] = 1
    row[i_h : i_h + n_d] = -1
    row[i_rd] = -1
    a_eq.append(row)
    b_eq.append(0.0)
    if unit.inlet_concentration is not None and np.isfinite(unit.inlet_concentration[0]):
        row = np.zeros(size)
        row[i_g : i_g + n_s] = c_src - unit.inlet_concentration[0]
        a_eq.append(row)
        b_eq.append(0.0)
    if np.isfinite(unit.capacity):
        row = np.zeros(size)
        row[i_g : i_g + n_s] = 1
        a_ub.append(row)
        b_ub.append(unit.capacity)
    bounds: list[tuple[float, float | None]] = [(0.0, None)] * size
    for i in range(n_s):
        for j in range(n_d):
            if not ok[i, j]:
                bounds[i * n_d + j] = (0.0, 0.0)
    cost = np.zeros(size)
    cost[i_fw : i_fw + n_d] = 1
    args = {"A_eq": np.array(a_eq), "b_eq": np.array(b_eq), "bounds": bounds, "method": "highs"}
    if a_ub:
        args |= {"A_ub": np.array(a_ub), "b_ub": np.array(b_ub)}
    res = linprog(cost, **args)
    if res.status != 0:
        return None
    fresh = float(res.fun)
    ub_rows = [*a_ub, cost]
    args["A_ub"] = np.array(ub_rows)
    args["b_ub"] = np.array([*b_ub, fresh + 1e-10 * max(1.0, fresh)])
    second = np.zeros(size)
    second[i_g : i_g + n_s] = 1
    res2 = linprog(second, **args)
    x = np.asarray(res2.x if res2.status == 0 else res.x, dtype=float).clip(min=0.0)
    return {
        "freshwater_flow": fresh,
        "wastewater_flow": fresh + float(problem.source_flow.sum() - problem.sink_flow.sum()),
        "regenerated_flow": round(float(x[i_g : i_g + n_s].sum()), 9),
        "flows": x[:nf].reshape(n_s, n_d),
    }


def _allocation(problem: WaterProblem, flows: np.ndarray) -> list[dict[str, Any]]:
    s, d = np.nonzero(flows > 1e-7)
    return [
        {"source": problem.source_id[i], "sink": problem.sink_id[j], "flow": float(flows[i, j])}
        for i, j in zip(s, d, strict=True)
    ]


def _search(
    problem: WaterProblem, make: Any, candidates: np.ndarray, refine: int = 12, integration: str = "direct"
) -> tuple[float, dict[str, Any] | None]:
    """Minimise freshwater (then regenerated flow) over a concentration; grid, then golden refinement."""
    best_c, best = float("nan"), None

    def key(res: dict[str, Any] | None) -> tuple[float, float]:
        return (np.inf, np.inf) if res is None else (res["freshwater_flow"], res["regenerated_flow"])

    results = [(float(c), _with_unit(problem, make(float(c)), integration)) for c in candidates]
    for c, res in results:
        if key(res) < key(best):
            best_c, best = c, res
    if best is None:
        return best_c, None
    idx = int(np.argmin(np.abs(candidates - best_c)))
    lo = float(candidates[max(idx - 1, 0)])
    hi = float(candidates[min(idx + 1, candidates.size - 1)])
    golden = (np.sqrt(5) - 1) / 2
    for _ in range(refine):
        a = hi - golden * (hi - lo)
        b = lo + golden * (hi - lo)
        ra, rb = _with_unit(problem, make(a), integration), _with_unit(problem, make(b), integration)
        for c, res in ((a, ra), (b, rb)):
            if key(res) < key(best):
                best_c, best = c, res
        if key(ra) <= key(rb):
            hi = b
        else:
            lo = a
    return best_c, best


def regeneration_target(
    problem: WaterProblem,
    outlet_concentration: float | None = None,
    removal_ratio: float | None = None,
    capacity: float = float("inf"),
) -> dict[str, Any]:
    """Freshwater, wastewater and regenerated-flow targets with one regeneration unit.

    Parameters
    ----------
    problem : WaterProblem
        Sources and sinks of one contaminant.
    outlet_concentration : float, optional
        Fixed outlet concentration of the unit [ppm].
    removal_ratio : float, optional
        Fraction of the inlet load removed (0-1), instead of a fixed outlet.
    capacity : float
        Largest flow the unit takes [t/h].

    Returns
    -------
    dict
        ``without`` (cascade targets without regeneration), ``with`` (``freshwater_flow``,
        ``wastewater_flow``, ``regenerated_flow``, ``regeneration_inlet_concentration``),
        ``guarantee``, ``lower_bound``, ``gap``.

    Raises
    ------
    WaterInputError
        Neither or both of ``outlet_concentration`` and ``removal_ratio`` given, or values out of range.
    """
    _single(problem)
    if (outlet_concentration is None) == (removal_ratio is None):
        raise WaterInputError("give exactly one of outlet_concentration (ppm) and removal_ratio (0-1)")
    base = _cascade(problem)
    if outlet_concentration is not None:
        if not outlet_concentration >= 0:
            raise WaterInputError("outlet_concentration must be >= 0 ppm")
        res = _with_unit(problem, Regenerator("REG", np.array([outlet_concentration]), capacity))
        if res is None:
            raise InfeasibleWaterError("infeasible: no network meets the sinks even with regeneration")
        flows = res.pop("flows")
        return {
            "without": base,
            "with": {**res, "regeneration_outlet_concentration": float(outlet_concentration)},
            "allocation": _allocation(problem, flows),
            "lower_bound": res["freshwater_flow"],
            "gap": 0.0,
            "guarantee": "global optimum (linear programmes: minimum freshwater, then minimum regenerated flow)",
        }
    assert removal_ratio is not None
    if not 0 <= removal_ratio <= 1:
        raise WaterInputError("removal_ratio must lie between 0 and 1")
    conc = problem.source_concentration[:, 0]
    grid = np.unique(np.concatenate([conc, np.linspace(conc.min(), conc.max(), 41)])) if conc.size else np.zeros(1)

    def make(c_in: float) -> Regenerator:
        return Regenerator(
            "REG", np.array([(1 - removal_ratio) * c_in]), capacity, inlet_concentration=np.array([c_in])
        )

    c_in, best = _search(problem, make, grid)
    relaxed = _with_unit(
        problem, Regenerator("REG", np.array([(1 - removal_ratio) * float(conc.min() if conc.size else 0.0)]), capacity)
    )
    lower = relaxed["freshwater_flow"] if relaxed else 0.0
    if best is None:
        raise InfeasibleWaterError("infeasible: no network meets the sinks even with regeneration")
    flows = best.pop("flows")
    fresh = best["freshwater_flow"]
    gap = 0.0 if fresh <= 1e-9 else max(0.0, (fresh - lower) / fresh)
    return {
        "without": base,
        "with": {
            **best,
            "regeneration_inlet_concentration": c_in,
            "regeneration_outlet_concentration": (1 - removal_ratio) * c_in,
        },
        "allocation": _allocation(problem, flows),
        "lower_bound": lower,
        "gap": gap,
        "guarantee": (
            "best over a search of the regeneration inlet concentration (linear programme at each value); "
            f"proven lower bound {lower:.6g} t/h, relative gap {gap:.2g}"
        ),
    }


def interplant_targets(problem: WaterProblem, hub_concentration: float | None = None) -> dict[str, Any]:
    """Targets of each plant alone, of direct integration and of indirect integration via a hub.

    Parameters
    ----------
    problem : WaterProblem
        Sources and sinks of one contaminant, each with a plant.
    hub_concentration : float, optional
        Outlet concentration of a central regeneration hub [ppm]; without it the hub only mixes
        the water it receives and its concentration is searched.

    Returns
    -------
    dict
        ``plants`` (stand-alone targets by plant), ``separate`` (their sums), ``direct`` (pooled
        targets, with pinch) and ``indirect`` (via the hub, with ``hub_flow``, ``guarantee``).
    """
    _single(problem)
    plants = problem.plants
    if not plants or any(p is None for p in (*problem.source_plant, *problem.sink_plant)):
        raise WaterInputError("inter-plant targets need a plant for every source and sink (column 'plant')")
    alone = {p: _cascade(problem.subset(p)) for p in plants}
    separate = {
        "freshwater_flow": sum(t["freshwater_flow"] for t in alone.values()),
        "wastewater_flow": sum(t["wastewater_flow"] for t in alone.values()),
    }
    direct = _cascade(problem)
    p = dataclasses.replace(problem, regenerators=())
    if hub_concentration is not None:
        unit = Regenerator("HUB", np.array([float(hub_concentration)]))
        res = _with_unit_scheme(p, unit)
        guarantee, lower = "global optimum (linear programme, hub outlet fixed)", None
        c_hub = float(hub_concentration)
    else:
        conc = problem.source_concentration[:, 0]
        grid = np.unique(np.concatenate([conc, np.linspace(conc.min(), conc.max(), 41)]))

        def make(c: float) -> Regenerator:
            return Regenerator("HUB", np.array([c]), inlet_concentration=np.array([c]))

        c_hub, res = _search(p, make, grid, integration="indirect")
        lower = direct["freshwater_flow"]
        guarantee = (
            "best over a search of the hub concentration; the direct-integration target is the proven lower bound"
        )
    if res is None:
        raise InfeasibleWaterError("infeasible: no indirect network meets the sinks")
    indirect = {
        "freshwater_flow": res["freshwater_flow"],
        "wastewater_flow": res["wastewater_flow"],
        "hub_flow": res["regenerated_flow"],
        "hub_concentration": c_hub,
        "guarantee": guarantee,
    }
    if lower is not None:
        indirect["lower_bound"] = lower
        fresh = res["freshwater_flow"]
        indirect["gap"] = 0.0 if fresh <= 1e-9 else max(0.0, (fresh - lower) / fresh)
    return {"plants": alone, "separate": separate, "direct": direct, "indirect": indirect}


def _with_unit_scheme(problem: WaterProblem, unit: Regenerator) -> dict[str, Any] | None:
    return _with_unit(problem, unit, integration="indirect")
