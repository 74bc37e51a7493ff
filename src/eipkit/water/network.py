r"""Multi-contaminant water-network design: source-to-sink allocation on linopy + HiGHS.

Model
-----
Sources :math:`i` (flow :math:`F_i`, concentrations :math:`C_{ik}`), sinks :math:`j` (flow
:math:`F_j`, limits :math:`C^{max}_{jk}`), regenerators :math:`r` (fixed outlet :math:`C^R_{rk}`,
capacity :math:`R_r`) and freshwater (:math:`C^{fw}_k`). Flows :math:`f_{ij}, g_{ir}, h_{rj}`,
freshwater :math:`w_j`, wastewater :math:`e_i` and regenerated water discharged :math:`d_r`:

.. math::

    \sum_j f_{ij} + \sum_r g_{ir} + e_i = F_i, \qquad
    \sum_i f_{ij} + \sum_r h_{rj} + w_j = F_j,\\
    \sum_i f_{ij} C_{ik} + \sum_r h_{rj} C^R_{rk} + w_j C^{fw}_k \le F_j C^{max}_{jk}, \qquad
    \sum_i g_{ir} = \sum_j h_{rj} + d_r \le R_r,\\
    (1-\tau_k)\Big(\sum_i e_i C_{ik} + \sum_r d_r C^R_{rk}\Big) \le C^{dis}_k \Big(\sum_i e_i + \sum_r d_r\Big).

Source concentrations are data, so every constraint is linear (a linear programme, solved to
global optimality). Connections use binaries :math:`y_{ij}` with :math:`f_{ij} \le \min(F_i,F_j)\,
y_{ij}`; the total annualised cost is

.. math::

    TAC = H\Big(p_{fw}\sum_j w_j + p_{ww}\big(\sum_i e_i + \sum_r d_r\big) + \sum_r p_r \sum_i g_{ir}\Big)
          + \sum_{ij} y_{ij}\,(a + b\,d_{ij})

with :math:`H` operating hours [h/a], prices per m³ (water density 1 t/m³), :math:`a` the
annualised fixed cost of a pipe and :math:`b` its cost per km. The number of inter-plant
connections may be limited: :math:`\sum_{ij:\,p(i)\ne p(j)} y_{ij} \le N`. With binaries the
problem is a MILP; HiGHS reports its bound and gap, which the result carries.

References
----------
Takama, N., Kuriyama, T., Shiroko, K., Umeda, T. (1980). Optimal water allocation in a petroleum
refinery. Comput. Chem. Eng. 4, 251-258.
Chew, I.M.L., Tan, R., Ng, D.K.S., Foo, D.C.Y., Majozi, T., Gouws, J. (2008). Synthesis of direct
and indirect interplant water network. Ind. Eng. Chem. Res. 47, 9485-9496.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from eipkit.water._problem import FloatArray, WaterInputError, WaterProblem
from eipkit.water._solve import quiet, require_linopy
from eipkit.water.cascade import InfeasibleWaterError

__all__ = ["INTEGRATION_SCHEMES", "OBJECTIVES", "NetworkResult", "check_sinks", "optimise_network"]

#: Objectives of :func:`optimise_network`.
OBJECTIVES: tuple[str, ...] = ("freshwater", "cost")
#: Inter-plant schemes: direct pipes, only through park-wide regenerators/hubs, or none.
INTEGRATION_SCHEMES: tuple[str, ...] = ("direct", "indirect", "none")
_EPS = 1e-7


@dataclass(frozen=True)
class NetworkResult:
    """An optimal (or best found) water network.

    Attributes
    ----------
    status : str
        ``optimal`` or ``feasible`` (stopped by the time limit with a network in hand).
    guarantee : str
        What is proven about the answer (global optimum of an LP, MILP gap ...).
    freshwater_flow, wastewater_flow : float
        Totals [t/h].
    total_cost : float or None
        Total annualised cost [VND/a] (cost objective only).
    gap : float
        Relative gap between the answer and the best bound (0 for a linear programme).
    lower_bound : float
        Best proven bound on the objective.
    allocation : polars.DataFrame
        ``source``, ``sink``, ``flow`` [t/h] for every flow above 1e-7 t/h (freshwater, regenerators
        and wastewater included; ``FW`` is freshwater, ``WW`` wastewater).
    sink_concentrations : polars.DataFrame
        ``sink`` plus one column per contaminant: the mixed inlet concentration [ppm] and its limit.
    connections : polars.DataFrame
        Source-to-sink pipes built: ``source``, ``sink``, ``source_plant``, ``sink_plant``,
        ``interplant``, ``distance_km``.
    """

    status: str
    guarantee: str
    objective: str
    freshwater_flow: float
    wastewater_flow: float
    regenerated_flow: dict[str, float]
    total_cost: float | None
    gap: float
    lower_bound: float
    allocation: pl.DataFrame
    sink_concentrations: pl.DataFrame
    connections: pl.DataFrame
    discharge_concentration: dict[str, float]
    solve_time: float
    notes: tuple[str, ...] = field(default=())

    @property
    def interplant_connections(self) -> int:
        """Number of source-to-sink pipes between different plants."""
        return int(self.connections.get_column("interplant").sum()) if self.connections.height else 0

    def as_dict(self) -> dict[str, Any]:
        """Return the result as plain Python data (for JSON)."""
        return {
            "status": self.status,
            "guarantee": self.guarantee,
            "objective": self.objective,
            "freshwater_flow": self.freshwater_flow,
            "wastewater_flow": self.wastewater_flow,
            "regenerated_flow": self.regenerated_flow,
            "total_cost": self.total_cost,
            "gap": self.gap,
            "lower_bound": self.lower_bound,
            "allocation": self.allocation.to_dicts(),
            "sink_concentrations": self.sink_concentrations.to_dicts(),
            "connections": self.connections.to_dicts(),
            "interplant_connections": self.interplant_connections,
            "discharge_concentration": self.discharge_concentration,
            "solve_time": self.solve_time,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        return (
            f"<NetworkResult {self.status}: freshwater {self.freshwater_flow:.6g} t/h, wastewater "
            f"{self.wastewater_flow:.6g} t/h, {self.connections.height} pipes, gap {self.gap:.2g}>"
        )


def check_sinks(problem: WaterProblem) -> None:
    """Raise :class:`InfeasibleWaterError` for a sink that no available water can meet on its own.

    A sink is hopeless when, for some contaminant, the freshwater, every source and every
    regenerator outlet are all above its limit (no mixture can then be below it).
    """
    supply = [problem.freshwater_concentration[None, :]]
    if problem.source_concentration.size:
        supply.append(np.where(np.isnan(problem.source_concentration), np.inf, problem.source_concentration))
    supply += [r.outlet_concentration[None, :] for r in problem.regenerators]
    cleanest = np.vstack(supply).min(axis=0)
    bad = (problem.sink_concentration < cleanest[None, :]) & (problem.sink_flow[:, None] > 0)
    if bad.any():
        j, k = np.argwhere(bad)[0]
        raise InfeasibleWaterError(
            f"infeasible: sink '{problem.sink_id[j]}' accepts at most {problem.sink_concentration[j, k]:g} ppm of "
            f"{problem.contaminants[k]} but the cleanest water available has {cleanest[k]:g} ppm; supply cleaner "
            "freshwater, add a regeneration unit or relax the limit"
        )


def _allowed(problem: WaterProblem, integration: str) -> FloatArray:
    """Source-to-sink arcs allowed (1.0) or not (0.0)."""
    unknown = np.isnan(problem.source_concentration)[:, None, :] & np.isfinite(problem.sink_concentration)[None, :, :]
    ok = ~unknown.any(axis=2)
    if integration != "direct":
        sp = np.array(problem.source_plant, dtype=object)[:, None]
        dp = np.array(problem.sink_plant, dtype=object)[None, :]
        ok &= (sp == dp) | (sp == None) | (dp == None)  # noqa: E711 - elementwise comparison
    return ok.astype(float)


def _trivial(problem: WaterProblem, objective: str) -> NetworkResult:
    """No sink: everything leaves as wastewater."""
    alloc = pl.DataFrame(
        {"source": list(problem.source_id), "sink": ["WW"] * len(problem.source_id), "flow": problem.source_flow}
    )
    return NetworkResult(
        "optimal",
        "trivial (no sink)",
        objective,
        0.0,
        float(problem.source_flow.sum()),
        {},
        None,
        0.0,
        0.0,
        alloc.filter(pl.col("flow") > _EPS),
        pl.DataFrame({"sink": []}, schema={"sink": pl.String}),
        _connections(problem, np.zeros((len(problem.source_id), 0))),
        {},
        0.0,
    )


def _connections(problem: WaterProblem, flows: FloatArray) -> pl.DataFrame:
    s, d = np.nonzero(flows > _EPS)
    dist = problem.distance_km[s, d] if problem.distance_km is not None else np.full(s.size, np.nan)
    sp = [problem.source_plant[i] for i in s]
    dp = [problem.sink_plant[j] for j in d]
    return pl.DataFrame(
        {
            "source": [problem.source_id[i] for i in s],
            "sink": [problem.sink_id[j] for j in d],
            "flow": flows[s, d],
            "source_plant": sp,
            "sink_plant": dp,
            "interplant": [a is not None and b is not None and a != b for a, b in zip(sp, dp, strict=True)],
            "distance_km": dist,
        },
        schema={
            "source": pl.String,
            "sink": pl.String,
            "flow": pl.Float64,
            "source_plant": pl.String,
            "sink_plant": pl.String,
            "interplant": pl.Boolean,
            "distance_km": pl.Float64,
        },
    )


def optimise_network(
    problem: WaterProblem,
    objective: str = "freshwater",
    integration: str = "direct",
    freshwater_price: float = 0.0,
    wastewater_price: float = 0.0,
    operating_hours: float = 8760.0,
    pipe_fixed_cost: float = 0.0,
    pipe_cost_per_km: float = 0.0,
    max_interplant_connections: int | None = None,
    time_limit: float = 60.0,
    relative_gap: float = 1e-4,
) -> NetworkResult:
    """Allocate sources, regenerated water and freshwater to sinks under every contaminant limit.

    Parameters
    ----------
    problem : WaterProblem
        Sources, sinks, regenerators and discharge limits.
    objective : str
        ``freshwater`` (minimum freshwater, then minimum regenerated flow) or ``cost`` (minimum
        total annualised cost, see the module docstring).
    integration : str
        ``direct`` (pipes between plants allowed), ``indirect`` (plants exchange water only through
        park-wide regenerators or hubs) or ``none`` (each plant on its own).
    freshwater_price, wastewater_price : float
        Prices [VND/m³] of freshwater and of wastewater disposal/treatment.
    operating_hours : float
        Hours per year the network runs [h/a].
    pipe_fixed_cost : float
        Annualised fixed cost of one source-to-sink pipe [VND/a].
    pipe_cost_per_km : float
        Annualised pipe cost per km [VND/a/km] (needs ``problem.distance_km``).
    max_interplant_connections : int, optional
        Largest number of pipes between different plants.
    time_limit : float
        Solver time limit [s].
    relative_gap : float
        Relative MILP gap at which HiGHS stops.

    Returns
    -------
    NetworkResult

    Raises
    ------
    InfeasibleWaterError
        If no network meets every limit (the message says what to change).
    TimeoutError
        If the time limit passes before any network is found.
    """
    if objective not in OBJECTIVES:
        raise WaterInputError(f"unknown objective '{objective}'; use one of {', '.join(OBJECTIVES)}")
    if integration not in INTEGRATION_SCHEMES:
        raise WaterInputError(f"unknown integration '{integration}'; use one of {', '.join(INTEGRATION_SCHEMES)}")
    if time_limit <= 0:
        raise WaterInputError("time_limit must be > 0 s")
    check_sinks(problem)
    if not problem.sink_id:
        return _trivial(problem, objective)
    lp = require_linopy()
    import xarray as xr

    p = problem
    n_s, n_d, n_r = len(p.source_id), len(p.sink_id), len(p.regenerators)
    src, snk, con = list(p.source_id), list(p.sink_id), list(p.contaminants)
    reg = [r.id for r in p.regenerators]
    c_src = xr.DataArray(
        np.nan_to_num(p.source_concentration),
        dims=("source", "contaminant"),
        coords={"source": src, "contaminant": con},
    )
    limit = xr.DataArray(p.sink_concentration, dims=("sink", "contaminant"), coords={"sink": snk, "contaminant": con})
    finite = np.isfinite(limit)
    f_s = xr.DataArray(p.source_flow, dims="source", coords={"source": src})
    f_d = xr.DataArray(p.sink_flow, dims="sink", coords={"sink": snk})
    cfw = xr.DataArray(p.freshwater_concentration, dims="contaminant", coords={"contaminant": con})
    allowed = _allowed(p, integration)
    upper = np.minimum(p.source_flow[:, None], p.sink_flow[None, :]) * allowed
    m = lp.Model()
    f = m.add_variables(
        lower=0,
        upper=xr.DataArray(upper, dims=("source", "sink"), coords={"source": src, "sink": snk}),
        name="Water-flow",
    )
    fw = m.add_variables(lower=0, upper=f_d, name="Freshwater-flow")
    ww = m.add_variables(lower=0, upper=f_s, name="Wastewater-flow")
    out_src = f.sum("sink") + ww
    in_snk = f.sum("source") + fw
    load_snk = (f * c_src).sum("source") + fw * cfw
    g = h = d = None
    if n_r:
        c_reg = xr.DataArray(
            np.array([r.outlet_concentration for r in p.regenerators]),
            dims=("regenerator", "contaminant"),
            coords={"regenerator": reg, "contaminant": con},
        )
        cap = np.array([r.capacity for r in p.regenerators])
        reg_plant = np.array([r.plant for r in p.regenerators], dtype=object)
        g_ok = (
            ~np.asarray(np.isnan(p.source_concentration).any(axis=1))[:, None]
            | np.array([r.inlet_concentration is None for r in p.regenerators])[None, :]
        )
        h_ok = np.ones((n_r, n_d), dtype=bool)
        if integration != "direct":
            sp, dp = np.array(p.source_plant, dtype=object), np.array(p.sink_plant, dtype=object)
            g_ok &= (reg_plant[None, :] == None) | (sp[:, None] == reg_plant[None, :])  # noqa: E711
            h_ok &= (reg_plant[:, None] == None) | (dp[None, :] == reg_plant[:, None])  # noqa: E711
        if integration == "none":
            g_ok &= reg_plant[None, :] != None  # noqa: E711
        g_up = np.minimum(p.source_flow[:, None], np.minimum(cap, p.source_flow.sum())[None, :]) * g_ok
        h_up = np.minimum(np.minimum(cap, p.source_flow.sum())[:, None], p.sink_flow[None, :]) * h_ok
        g = m.add_variables(
            lower=0,
            upper=xr.DataArray(g_up, dims=("source", "regenerator"), coords={"source": src, "regenerator": reg}),
            name="Regenerator-inflow",
        )
        h = m.add_variables(
            lower=0,
            upper=xr.DataArray(h_up, dims=("regenerator", "sink"), coords={"regenerator": reg, "sink": snk}),
            name="Regenerator-outflow",
        )
        d = m.add_variables(lower=0, coords=[("regenerator", reg)], name="Regenerator-discharge")
        out_src = out_src + g.sum("regenerator")
        in_snk = in_snk + h.sum("regenerator")
        load_snk = load_snk + (h * c_reg).sum("regenerator")
        m.add_constraints(g.sum("source") - h.sum("sink") - d == 0, name="Regenerator-balance")
        finite_cap = np.isfinite(cap)
        if finite_cap.any():
            capa = xr.DataArray(np.where(finite_cap, cap, 0.0), dims="regenerator", coords={"regenerator": reg})
            m.add_constraints(
                g.sum("source") <= capa,
                name="Regenerator-capacity",
                mask=xr.DataArray(finite_cap, dims="regenerator", coords={"regenerator": reg}),
            )
        for r_i, r in enumerate(p.regenerators):
            if r.inlet_concentration is None:
                continue
            for k_i, c_in in enumerate(r.inlet_concentration):
                if np.isfinite(c_in):
                    coef = xr.DataArray(
                        np.nan_to_num(p.source_concentration[:, k_i]) - c_in, dims="source", coords={"source": src}
                    )
                    m.add_constraints(
                        (g.isel(regenerator=r_i) * coef).sum("source") == 0, name=f"Regenerator-inlet-{r_i}-{k_i}"
                    )
    m.add_constraints(out_src == f_s, name="Source-balance")
    m.add_constraints(in_snk == f_d, name="Sink-balance")
    m.add_constraints(load_snk <= f_d * limit.where(finite, 0.0), name="Sink-quality", mask=finite)
    discharge = ww.sum() + (d.sum() if d is not None else 0)
    if p.discharge_limit is not None:
        _add_discharge(m, p, ww, d, c_src, con, reg)
    binaries = objective == "cost" and (pipe_fixed_cost > 0 or pipe_cost_per_km > 0)
    binaries |= max_interplant_connections is not None
    y = None
    if binaries:
        y = m.add_variables(binary=True, coords=[("source", src), ("sink", snk)], name="Water-connection")
        up = xr.DataArray(upper, dims=("source", "sink"), coords={"source": src, "sink": snk})
        m.add_constraints(f - up * y <= 0, name="Water-connection-link")
        if max_interplant_connections is not None:
            sp, dp = np.array(p.source_plant, dtype=object)[:, None], np.array(p.sink_plant, dtype=object)[None, :]
            inter = (sp != dp) & (sp != None) & (dp != None)  # noqa: E711
            mask = xr.DataArray(inter.astype(float), dims=("source", "sink"), coords={"source": src, "sink": snk})
            m.add_constraints((y * mask).sum() <= int(max_interplant_connections), name="Interplant-connections")
    if objective == "cost":
        if pipe_cost_per_km > 0 and p.distance_km is None:
            raise WaterInputError("pipe_cost_per_km needs distances between sources and sinks (distance_km)")
        hours = float(operating_hours)
        expr = hours * freshwater_price * fw.sum() + hours * wastewater_price * discharge
        if g is not None:
            price = xr.DataArray([r.price for r in p.regenerators], dims="regenerator", coords={"regenerator": reg})
            expr = expr + hours * (g.sum("source") * price).sum()
        if y is not None:
            dist = p.distance_km if p.distance_km is not None else np.zeros((n_s, n_d))
            pipe = xr.DataArray(
                pipe_fixed_cost + pipe_cost_per_km * dist, dims=("source", "sink"), coords={"source": src, "sink": snk}
            )
            expr = expr + (y * pipe).sum()
        m.add_objective(expr)
    else:
        m.add_objective(fw.sum())
    start = time.perf_counter()
    target: float | None = None
    status, gap, bound = _solve(m, time_limit, relative_gap, y is not None)
    if objective == "freshwater" and g is not None and status in ("optimal", "feasible"):
        best = target = float(m.objective.value)
        m.add_constraints(fw.sum() <= best * (1 + 1e-9) + 1e-9, name="Freshwater-target")
        m.add_objective(g.sum(), overwrite=True)
        _solve(m, time_limit, relative_gap, y is not None)
        bound = min(bound, best)
    elapsed = time.perf_counter() - start
    return _result(p, m, status, gap, bound, objective, y is not None, elapsed, f, fw, ww, g, h, d, target)


def _add_discharge(m: Any, p: WaterProblem, ww: Any, d: Any, c_src: Any, con: list[str], reg: list[str]) -> None:
    import xarray as xr

    assert p.discharge_limit is not None
    lim = p.discharge_limit
    keep = np.isfinite(lim)
    unknown = np.asarray(np.isnan(p.source_concentration)[:, keep].any(axis=0))
    if unknown.any():
        names = [c for c, k in zip(np.array(con)[keep], unknown, strict=True) if k]
        raise WaterInputError(f"discharge limits on {', '.join(names)} need every source's concentration of it")
    tau = p.treatment_removal if p.treatment_removal is not None else np.zeros(len(con))
    keep_da = xr.DataArray(keep, dims="contaminant", coords={"contaminant": con})
    lim_da = xr.DataArray(np.where(keep, lim, 0.0), dims="contaminant", coords={"contaminant": con})
    rem = xr.DataArray(1.0 - tau, dims="contaminant", coords={"contaminant": con})
    load = (ww * c_src * rem).sum("source") - ww.sum() * lim_da
    if d is not None:
        c_reg = xr.DataArray(
            np.array([r.outlet_concentration for r in p.regenerators]),
            dims=("regenerator", "contaminant"),
            coords={"regenerator": reg, "contaminant": con},
        )
        load = load + (d * c_reg * rem).sum("regenerator") - d.sum() * lim_da
    m.add_constraints(load <= 0, name="Discharge-quality", mask=keep_da)


def _solve(m: Any, time_limit: float, relative_gap: float, mip: bool) -> tuple[str, float, float]:
    options: dict[str, Any] = {"time_limit": float(time_limit), "output_flag": False, "log_to_console": False}
    if mip:
        options["mip_rel_gap"] = float(relative_gap)
    with quiet():
        m.solve(solver_name="highs", **options)
    cond = str(m.termination_condition)
    has_solution = m.status == "ok" or (cond in ("time_limit", "iteration_limit") and np.isfinite(_objective(m)))
    if cond in ("infeasible", "infeasible_or_unbounded"):
        raise InfeasibleWaterError(
            "infeasible: no network meets every sink limit (and discharge limit); the sources cleaner than the "
            "freshwater cannot cover the sinks that need them, or the discharge cannot meet its limits: "
            "add a regeneration or treatment unit (treatment_removal) or relax the limits"
        )
    if not has_solution:
        raise TimeoutError(f"no water network found within {time_limit:g} s ({cond}); raise time_limit")
    value = _objective(m)
    if not np.isfinite(value):
        raise TimeoutError(f"no water network found within {time_limit:g} s ({cond}); raise time_limit")
    if not mip:
        return "optimal", 0.0, value
    info = m.solver_model.getInfo()
    gap, bound = float(info.mip_gap), float(info.mip_dual_bound)
    status = "optimal" if cond == "optimal" else "feasible"
    return status, (gap if np.isfinite(gap) else 1.0), bound


def _objective(m: Any) -> float:
    try:
        value = m.objective.value
    except Exception:  # pragma: no cover - defensive: no solution values
        return float("nan")
    return float(value) if value is not None else float("nan")


def _sol(var: Any) -> FloatArray:
    out: FloatArray = np.nan_to_num(np.asarray(var.solution.values, dtype=float), nan=0.0).clip(min=0.0)
    return out


def _result(
    p: WaterProblem,
    m: Any,
    status: str,
    gap: float,
    bound: float,
    objective: str,
    mip: bool,
    elapsed: float,
    f: Any,
    fw: Any,
    ww: Any,
    g: Any,
    h: Any,
    d: Any,
    target: float | None = None,
) -> NetworkResult:
    fs, fws, wws = _sol(f), _sol(fw), _sol(ww)
    gs = _sol(g) if g is not None else np.zeros((len(p.source_id), 0))
    hs = _sol(h) if h is not None else np.zeros((0, len(p.sink_id)))
    ds = _sol(d) if d is not None else np.zeros(0)
    reg = [r.id for r in p.regenerators]
    rows: list[tuple[str, str, float]] = []
    rows += [(p.source_id[i], p.sink_id[j], fs[i, j]) for i, j in zip(*np.nonzero(fs > _EPS), strict=True)]
    rows += [("FW", p.sink_id[j], fws[j]) for j in np.nonzero(fws > _EPS)[0]]
    rows += [(p.source_id[i], reg[r], gs[i, r]) for i, r in zip(*np.nonzero(gs > _EPS), strict=True)]
    rows += [(reg[r], p.sink_id[j], hs[r, j]) for r, j in zip(*np.nonzero(hs > _EPS), strict=True)]
    rows += [(p.source_id[i], "WW", wws[i]) for i in np.nonzero(wws > _EPS)[0]]
    rows += [(reg[r], "WW", ds[r]) for r in np.nonzero(ds > _EPS)[0]]
    alloc = pl.DataFrame(rows, schema={"source": pl.String, "sink": pl.String, "flow": pl.Float64}, orient="row")
    csrc = p.source_concentration
    c_reg = np.array([r.outlet_concentration for r in p.regenerators]).reshape(len(reg), len(p.contaminants))
    load = np.einsum("ij,ik->jk", fs, np.nan_to_num(csrc)) + hs.T @ c_reg + fws[:, None] * p.freshwater_concentration
    unknown = (fs.T @ np.isnan(csrc).astype(float)) > _EPS
    with np.errstate(divide="ignore", invalid="ignore"):
        conc = np.where(p.sink_flow[:, None] > 0, load / p.sink_flow[:, None], 0.0)
    conc = np.where(unknown, np.nan, conc)
    cols: dict[str, Any] = {"sink": list(p.sink_id)}
    for k, name in enumerate(p.contaminants):
        cols[name] = conc[:, k]
        cols[f"{name}_max"] = p.sink_concentration[:, k]
    discharge = float(wws.sum() + ds.sum())
    if target is not None:
        discharge = target + float(p.source_flow.sum() - p.sink_flow.sum())
    dis: dict[str, float] = {}
    if discharge > _EPS:
        tau = p.treatment_removal if p.treatment_removal is not None else np.zeros(len(p.contaminants))
        dload = wws @ np.nan_to_num(csrc) + ds @ c_reg
        unknown_d = (wws @ np.isnan(csrc).astype(float)) > _EPS
        for k, name in enumerate(p.contaminants):
            dis[name] = float("nan") if unknown_d[k] else float((1 - tau[k]) * dload[k] / discharge)
    value = _objective(m)
    total_cost = value if objective == "cost" else None
    if mip:
        guarantee = f"MILP solved by HiGHS: best bound {bound:.6g}, relative gap {gap:.2g}" + (
            " (global optimum within the gap tolerance)" if status == "optimal" else " (stopped by the time limit)"
        )
    else:
        guarantee = "global optimum (linear programme solved by HiGHS)"
    return NetworkResult(
        status=status,
        guarantee=guarantee,
        objective=objective,
        freshwater_flow=float(fws.sum()) if target is None else target,
        wastewater_flow=discharge,
        regenerated_flow={reg[r]: float(gs[:, r].sum()) for r in range(len(reg))},
        total_cost=total_cost,
        gap=gap,
        lower_bound=bound,
        allocation=alloc,
        sink_concentrations=pl.DataFrame(cols),
        connections=_connections(p, fs),
        discharge_concentration=dis,
        solve_time=elapsed,
        notes=p.notes,
    )
