r"""Fixed-load operations with several contaminants: a bilinear network solved with a proven gap.

Model (Takama et al. 1980; Savelski & Bagajewicz 2003)
------------------------------------------------------
Operation :math:`i` picks up :math:`m_{ik}` [kg/h] of contaminant :math:`k`; its inlet must stay
at or below :math:`C^{in}_{ik}` and its outlet at or below :math:`C^{out}_{ik}`. With freshwater
:math:`w_i`, reuse flows :math:`f_{ij}` (outlet of :math:`i` to inlet of :math:`j`), wastewater
:math:`e_i`, throughput :math:`F_i` and outlet concentrations :math:`c_{ik}`:

.. math::

    F_i = w_i + \sum_j f_{ji} = e_i + \sum_j f_{ij},\qquad
    F_i c_{ik} = w_i C^{fw}_k + \sum_j f_{ji} c_{jk} + 1000\, m_{ik},\\
    w_i C^{fw}_k + \sum_j f_{ji} c_{jk} \le F_i C^{in}_{ik},\qquad c_{ik} \le C^{out}_{ik},
    \qquad \min \sum_i w_i .

The products :math:`f_{ji} c_{jk}` and :math:`F_i c_{ik}` make it a non-convex bilinear programme.
Each throughput is bounded by the operation's limiting flow
:math:`F_i \le \max_k 1000\,m_{ik}/(C^{out}_{ik}-C^{in}_{ik})` (Wang & Smith 1994).

Method and guarantee
--------------------
*Upper bound*: fixing assumed outlet concentrations :math:`\hat c_{ik}` turns the model into a
linear programme whose solutions are valid networks (the true outlet concentrations then lie
below :math:`\hat c`); starting from :math:`\hat c = C^{out}` (Savelski & Bagajewicz's necessary
condition) and updating :math:`\hat c` to the true concentrations never raises the freshwater.
*Lower bound*: McCormick (1976) envelopes of every product over concentration boxes, refined by
spatial branch-and-bound on the outlet concentrations, plus the single-contaminant water-pinch
targets as cuts. The result reports both bounds and the relative gap; ``status`` is
``global_optimum`` only when the gap is within the tolerance.

References
----------
Takama, N. et al. (1980). Optimal water allocation in a petroleum refinery. Comput. Chem. Eng. 4, 251-258.
Wang, Y.P., Smith, R. (1994). Wastewater minimisation. Chem. Eng. Sci. 49(7), 981-1006.
Savelski, M., Bagajewicz, M. (2003). On the necessary conditions of optimality of water utilization
systems in process plants with multiple contaminants. Chem. Eng. Sci. 58, 5349-5362.
McCormick, G.P. (1976). Computability of global solutions to factorable nonconvex programs. Math. Program. 10, 147-175.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl
from scipy import sparse  # type: ignore[import-untyped]
from scipy.optimize import linprog  # type: ignore[import-untyped]

from eipkit.water._problem import LOAD_TO_PPM, FloatArray, LimitingData, WaterInputError
from eipkit.water.cascade import InfeasibleWaterError, fixed_load_cascade

__all__ = ["FixedLoadResult", "optimise_fixed_load"]


@dataclass(frozen=True)
class FixedLoadResult:
    """Best network found for fixed-load operations, with its proven bound.

    Attributes
    ----------
    status : str
        ``global_optimum`` (gap within tolerance) or ``feasible`` (time or node limit reached).
    freshwater_flow, wastewater_flow : float
        Freshwater and wastewater of the best network [t/h] (equal: no water is lost).
    lower_bound : float
        Proven lower bound on the minimum freshwater [t/h].
    gap : float
        :math:`(F_{best} - F_{bound}) / F_{best}`.
    allocation : polars.DataFrame
        ``source``, ``sink``, ``flow`` [t/h] (``FW`` freshwater, ``WW`` wastewater, operations by id).
    operations : polars.DataFrame
        Per operation: throughput and inlet/outlet concentration of every contaminant.
    """

    status: str
    guarantee: str
    freshwater_flow: float
    wastewater_flow: float
    lower_bound: float
    gap: float
    allocation: pl.DataFrame
    operations: pl.DataFrame
    nodes: int
    solve_time: float

    def as_dict(self) -> dict[str, Any]:
        """Return the result as plain Python data (for JSON)."""
        return {
            "status": self.status,
            "guarantee": self.guarantee,
            "freshwater_flow": self.freshwater_flow,
            "wastewater_flow": self.wastewater_flow,
            "lower_bound": self.lower_bound,
            "gap": self.gap,
            "allocation": self.allocation.to_dicts(),
            "operations": self.operations.to_dicts(),
            "nodes": self.nodes,
            "solve_time": self.solve_time,
        }

    def __repr__(self) -> str:
        return (
            f"<FixedLoadResult {self.status}: freshwater {self.freshwater_flow:.6g} t/h, bound "
            f"{self.lower_bound:.6g}, gap {self.gap:.2g}, {self.nodes} nodes>"
        )


class _Layout:
    """Column indices of the relaxation LP."""

    def __init__(self, n: int, k: int) -> None:
        self.n, self.k = n, k
        self.fw = np.arange(n)
        self.f = n + np.arange(n * n).reshape(n, n)
        self.ww = n + n * n + np.arange(n)
        self.F = 2 * n + n * n + np.arange(n)
        base = 3 * n + n * n
        self.c = base + np.arange(n * k).reshape(n, k)
        self.L = base + n * k + np.arange(n * n * k).reshape(n, n, k)
        self.P = base + n * k + n * n * k + np.arange(n * k).reshape(n, k)
        self.size = base + 2 * n * k + n * n * k


class _Rows:
    def __init__(self) -> None:
        self.r: list[int] = []
        self.c: list[int] = []
        self.v: list[float] = []
        self.rhs: list[float] = []

    def add(self, cols: list[int], vals: list[float], rhs: float) -> None:
        row = len(self.rhs)
        self.r += [row] * len(cols)
        self.c += cols
        self.v += vals
        self.rhs.append(rhs)

    def matrix(self, size: int) -> tuple[sparse.csr_matrix, FloatArray]:
        a = sparse.csr_matrix((self.v, (self.r, self.c)), shape=(len(self.rhs), size))
        return a, np.asarray(self.rhs, dtype=float)


def _mccormick(ub: _Rows, z: int, x: int, y: int, xl: float, xu: float, yl: float, yu: float) -> None:
    """Envelopes of z = x*y as <= rows: four inequalities (McCormick 1976)."""
    ub.add([x, y, z], [yl, xl, -1.0], xl * yl)  # z >= xl*y + x*yl - xl*yl
    ub.add([x, y, z], [yu, xu, -1.0], xu * yu)  # z >= xu*y + x*yu - xu*yu
    ub.add([z, x, y], [1.0, -yl, -xu], -xu * yl)  # z <= xu*y + x*yl - xu*yl
    ub.add([z, x, y], [1.0, -yu, -xl], -xl * yu)  # z <= xl*y + x*yu - xl*yu


class _Problem:
    def __init__(self, data: LimitingData, cfw: FloatArray) -> None:
        self.d, self.cfw = data, cfw
        n, k = len(data.operation_id), len(data.contaminants)
        self.n, self.k = n, k
        self.lay = _Layout(n, k)
        load = data.mass_load * LOAD_TO_PPM
        self.load = load
        self.flim = data.limiting_flow
        with np.errstate(divide="ignore", invalid="ignore"):
            need = np.where(load > 0, load / (data.cout_max - cfw[None, :]), 0.0)
        self.fmin = need.max(axis=1)
        self.fu = np.minimum(self.flim[:, None], self.flim[None, :]) * (1 - np.eye(n))
        self.c_lo = cfw[None, :] + np.where(load > 0, load / self.flim[:, None], 0.0)
        self.c_hi = np.maximum(data.cout_max, self.c_lo)

    def relaxation(self, lo: FloatArray, hi: FloatArray, cut: float) -> tuple[float, FloatArray | None]:
        lay, n, k, d = self.lay, self.n, self.k, self.d
        eq, ub = _Rows(), _Rows()
        for i in range(n):
            eq.add([lay.F[i], lay.fw[i], *lay.f[:, i]], [1.0, -1.0, *[-1.0] * n], 0.0)
            eq.add([lay.F[i], *lay.f[i, :], lay.ww[i]], [1.0, *[-1.0] * n, -1.0], 0.0)
            for c in range(k):
                eq.add([lay.P[i, c], *lay.L[:, i, c], lay.fw[i]], [1.0, *[-1.0] * n, -self.cfw[c]], self.load[i, c])
                ub.add([*lay.L[:, i, c], lay.fw[i], lay.F[i]], [*[1.0] * n, self.cfw[c], -d.cin_max[i, c]], 0.0)
                ub.add([*lay.L[i, :, c], lay.P[i, c]], [*[1.0] * n, -1.0], 0.0)
                _mccormick(ub, lay.P[i, c], lay.F[i], lay.c[i, c], self.fmin[i], self.flim[i], lo[i, c], hi[i, c])
                for j in range(n):
                    if i != j:
                        _mccormick(ub, lay.L[i, j, c], lay.f[i, j], lay.c[i, c], 0.0, self.fu[i, j], lo[i, c], hi[i, c])
        ub.add(list(lay.fw), [-1.0] * n, -cut)
        bounds = np.zeros((lay.size, 2))
        bounds[:, 1] = np.inf
        bounds[lay.f, 1] = self.fu
        bounds[lay.F, 0], bounds[lay.F, 1] = self.fmin, self.flim
        bounds[lay.c, 0], bounds[lay.c, 1] = lo, hi
        bounds[lay.L[np.arange(n), np.arange(n)], 1] = 0.0
        cost = np.zeros(lay.size)
        cost[lay.fw] = 1.0
        a_eq, b_eq = eq.matrix(lay.size)
        a_ub, b_ub = ub.matrix(lay.size)
        res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if res.status != 0:
            return np.inf, None
        return float(res.fun), np.asarray(res.x, dtype=float)

    def fixed(self, chat: FloatArray) -> tuple[float, FloatArray | None]:
        """LP with assumed outlet concentrations: its solutions are valid networks."""
        n, k, d = self.n, self.k, self.d
        nv = 2 * n + n * n + n  # fw, f, ww, F
        fw, f, ww, big_f = (
            np.arange(n),
            n + np.arange(n * n).reshape(n, n),
            n + n * n + np.arange(n),
            2 * n + n * n + np.arange(n),
        )
        eq, ub = _Rows(), _Rows()
        for i in range(n):
            eq.add([big_f[i], fw[i], *f[:, i]], [1.0, -1.0, *[-1.0] * n], 0.0)
            eq.add([big_f[i], *f[i, :], ww[i]], [1.0, *[-1.0] * n, -1.0], 0.0)
            for c in range(k):
                ub.add([*f[:, i], fw[i], big_f[i]], [*chat[:, c], self.cfw[c], -d.cin_max[i, c]], 0.0)
                ub.add([*f[:, i], fw[i], big_f[i]], [*chat[:, c], self.cfw[c], -chat[i, c]], -self.load[i, c])
        bounds = np.zeros((nv, 2))
        bounds[:, 1] = np.inf
        bounds[f, 1] = self.fu
        bounds[big_f, 1] = self.flim
        cost = np.zeros(nv)
        cost[fw] = 1.0
        a_eq, b_eq = eq.matrix(nv)
        a_ub, b_ub = ub.matrix(nv)
        res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if res.status != 0:
            return np.inf, None
        return float(res.fun), np.asarray(res.x, dtype=float)

    def true_concentrations(self, x: FloatArray) -> tuple[FloatArray, FloatArray]:
        n = self.n
        fw, f, big_f = x[:n], x[n : n + n * n].reshape(n, n), x[2 * n + n * n : 3 * n + n * n]
        safe = np.where(big_f > 1e-12, big_f, 1.0)
        a = f.T / safe[:, None]  # a[i, j] = f_ji / F_i
        b = (fw[:, None] * self.cfw[None, :] + self.load) / safe[:, None]
        c = np.asarray(np.linalg.solve(np.eye(n) - a, b), dtype=float)
        cin = np.asarray((f.T @ c + fw[:, None] * self.cfw[None, :]) / safe[:, None], dtype=float)
        return c, cin

    def improve(self, chat: FloatArray) -> tuple[float, FloatArray | None]:
        best, best_x = np.inf, None
        chat = np.clip(chat, self.c_lo, self.c_hi)
        for _ in range(20):
            val, x = self.fixed(chat)
            if x is None or val >= best - 1e-9 * max(1.0, best):
                if x is not None and val < best:
                    best, best_x = val, x
                break
            best, best_x = val, x
            c, _ = self.true_concentrations(x)
            chat = np.clip(c, self.c_lo, self.c_hi)
        return best, best_x


def optimise_fixed_load(
    data: LimitingData,
    freshwater_concentration: object = 0.0,
    time_limit: float = 30.0,
    relative_gap: float = 1e-4,
    max_nodes: int = 5000,
) -> FixedLoadResult:
    """Minimum freshwater of fixed-load operations with several contaminants, with a proven gap.

    Parameters
    ----------
    data : LimitingData
        Mass loads [kg/h] and maximum inlet/outlet concentrations [ppm] of every operation.
    freshwater_concentration : float or array_like
        Freshwater concentration per contaminant [ppm].
    time_limit : float
        Wall-clock limit of the branch-and-bound [s].
    relative_gap : float
        Stop when (best - bound) / best is at most this.
    max_nodes : int
        Largest number of branch-and-bound nodes.

    Returns
    -------
    FixedLoadResult

    Raises
    ------
    InfeasibleWaterError
        If no network exists (e.g. freshwater dirtier than an operation's inlet limit).
    """
    k = len(data.contaminants)
    cfw = np.asarray(freshwater_concentration, dtype=float).reshape(-1)
    cfw = np.full(k, cfw[0]) if cfw.size == 1 else cfw
    if cfw.size != k or (cfw < 0).any() or np.isnan(cfw).any():
        raise WaterInputError("give one freshwater concentration >= 0 ppm per contaminant")
    if time_limit <= 0:
        raise WaterInputError("time_limit must be > 0 s")
    bad = (data.cout_max <= cfw[None, :]) & (data.mass_load > 0)
    if bad.any():
        i, c = np.argwhere(bad)[0]
        raise InfeasibleWaterError(
            f"infeasible: operation '{data.operation_id[i]}' must leave at most {data.cout_max[i, c]:g} ppm of "
            f"{data.contaminants[c]} but the freshwater already has {cfw[c]:g} ppm; supply cleaner freshwater"
        )
    start = time.perf_counter()
    prob = _Problem(data, cfw)
    cut = 0.0
    for c in range(k):
        has = data.mass_load[:, c] > 0
        if has.any():
            single = fixed_load_cascade(data.mass_load[has, c], data.cin_max[has, c], data.cout_max[has, c], cfw[c])
            cut = max(cut, single.freshwater_flow)
    best, best_x = prob.improve(data.cout_max.copy())
    if best_x is None:
        raise InfeasibleWaterError(
            "infeasible: no network meets the inlet limits with this freshwater; an operation's inlet limit is "
            "below the freshwater concentration; supply cleaner freshwater or relax the limits"
        )
    root_lb, root_x = prob.relaxation(prob.c_lo, prob.c_hi, cut)
    heap: list[tuple[float, int, FloatArray, FloatArray, FloatArray | None]] = []
    counter = 0
    if root_x is not None:
        heap.append((root_lb, counter, prob.c_lo.copy(), prob.c_hi.copy(), root_x))
    nodes, lower = 1, min(root_lb, best)
    lay = prob.lay
    while heap:
        lower = min(heap[0][0], best)
        if best - lower <= relative_gap * max(best, 1e-9) or nodes >= max_nodes:
            break
        if time.perf_counter() - start > time_limit:
            break
        lb, _, lo, hi, x = heapq.heappop(heap)
        if lb >= best * (1 - relative_gap) or x is None:
            continue
        c = x[lay.c]
        val, cand = prob.improve(c)
        if val < best:
            best, best_x = val, cand
        f, big_f = x[lay.f], x[lay.F]
        viol = np.abs(x[lay.L] - f[:, :, None] * c[:, None, :]).sum(axis=1) + np.abs(x[lay.P] - big_f[:, None] * c)
        width = hi - lo
        score = viol * (width > 1e-9 * np.maximum(1.0, hi))
        i, kk = np.unravel_index(int(np.argmax(score)), score.shape)
        if score[i, kk] <= 1e-9:
            continue
        split = float(np.clip(c[i, kk], lo[i, kk] + 0.1 * width[i, kk], hi[i, kk] - 0.1 * width[i, kk]))
        for a, b in ((lo[i, kk], split), (split, hi[i, kk])):
            nlo, nhi = lo.copy(), hi.copy()
            nlo[i, kk], nhi[i, kk] = a, b
            child_lb, child_x = prob.relaxation(nlo, nhi, cut)
            nodes += 1
            if child_x is not None and child_lb < best * (1 - relative_gap):
                counter += 1
                heapq.heappush(heap, (max(child_lb, lb), counter, nlo, nhi, child_x))
    lower = min(heap[0][0], best) if heap else best
    lower = max(lower, cut) if cut <= best else lower
    gap = 0.0 if best <= 1e-12 else max(0.0, (best - lower) / best)
    status = "global_optimum" if gap <= relative_gap else "feasible"
    guarantee = (
        f"spatial branch-and-bound on McCormick relaxations: freshwater {best:.6g} t/h, proven lower bound "
        f"{lower:.6g} t/h, relative gap {gap:.2g}"
        + (" (global optimum within the tolerance)" if status == "global_optimum" else " (stopped by a limit)")
    )
    assert best_x is not None
    return _fixed_result(prob, best_x, best, lower, gap, status, guarantee, nodes, time.perf_counter() - start)


def _fixed_result(
    prob: _Problem,
    x: FloatArray,
    best: float,
    lower: float,
    gap: float,
    status: str,
    guarantee: str,
    nodes: int,
    elapsed: float,
) -> FixedLoadResult:
    n, d = prob.n, prob.d
    ids = d.operation_id
    fw, f, ww = x[:n], x[n : n + n * n].reshape(n, n), x[n + n * n : 2 * n + n * n]
    big_f = x[2 * n + n * n : 3 * n + n * n]
    cout, cin = prob.true_concentrations(x)
    rows = [("FW", ids[i], fw[i]) for i in range(n) if fw[i] > 1e-7]
    rows += [(ids[i], ids[j], f[i, j]) for i in range(n) for j in range(n) if f[i, j] > 1e-7]
    rows += [(ids[i], "WW", ww[i]) for i in range(n) if ww[i] > 1e-7]
    alloc = pl.DataFrame(rows, schema={"source": pl.String, "sink": pl.String, "flow": pl.Float64}, orient="row")
    cols: dict[str, Any] = {"operation": list(ids), "flow": big_f}
    for c, name in enumerate(d.contaminants):
        cols[f"cin:{name}"] = cin[:, c]
        cols[f"cout:{name}"] = cout[:, c]
    return FixedLoadResult(
        status, guarantee, best, float(ww.sum()), lower, gap, alloc, pl.DataFrame(cols), nodes, elapsed
    )
