"""The water study of a park or a CSV problem: a thin orchestrator over the targeting and network engines."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from eipkit.park import Park
from eipkit.water._problem import LimitingData, WaterProblem
from eipkit.water.cascade import InfeasibleWaterError, fixed_load_cascade, water_cascade
from eipkit.water.fixed_load import optimise_fixed_load
from eipkit.water.network import optimise_network
from eipkit.water.park import QCVN_40_2025_STATUS, discharge_limits, park_water_problem
from eipkit.water.targets import interplant_targets

__all__ = ["WaterStudy", "park_targets", "park_water_study"]


class WaterStudy:
    """Hold a water problem (sources/sinks or limiting data) and run its targets and network.

    Parameters
    ----------
    problem : WaterProblem or LimitingData
        What to study.

    Examples
    --------
    >>> from eipkit.water import WaterProblem
    >>> p = WaterProblem.build(["S"], [10], [100], ["D"], [20], [50])
    >>> WaterStudy(p).target()["freshwater_flow"]
    10.0
    """

    def __init__(self, problem: WaterProblem | LimitingData) -> None:
        self.problem = problem

    def target(self, contaminant: str | None = None) -> dict[str, Any]:
        """Single-contaminant targets (cascade); with plants, also stand-alone and hub targets.

        The top-level ``freshwater_flow``, ``wastewater_flow`` and ``pinch_concentration`` are
        those of the whole (integrated) problem; ``plants`` holds each plant's own targets.
        """
        p = self.problem
        if isinstance(p, LimitingData):
            k = p.contaminants.index(contaminant) if contaminant else 0
            r = fixed_load_cascade(p.mass_load[:, k], p.cin_max[:, k], p.cout_max[:, k], operation_id=p.operation_id)
            out = r.as_dict()
            out["contaminant"] = p.contaminants[k]
            out["limiting_flow"] = dict(zip(p.operation_id, p.limiting_flow.tolist(), strict=True))
            return out
        name = contaminant or p.contaminants[0]
        single = p.single(name)
        r = water_cascade(
            single.source_flow,
            single.source_concentration[:, 0],
            single.sink_flow,
            single.sink_concentration[:, 0],
            float(single.freshwater_concentration[0]),
            single.source_id,
            single.sink_id,
        )
        out = r.as_dict()
        out["contaminant"] = name
        if all(x is not None for x in (*p.source_plant, *p.sink_plant)) and len(p.plants) > 1:
            inter = interplant_targets(dataclasses.replace(single, regenerators=()))
            out["plants"] = inter["plants"]
            out["separate"] = inter["separate"]
            out["indirect"] = inter["indirect"]
        return out

    def network(self, **kwargs: Any) -> dict[str, Any]:
        """Optimal network (all contaminants): LP/MILP for sources and sinks, bilinear B&B for limiting data."""
        p = self.problem
        if isinstance(p, LimitingData):
            keep = {k: kwargs[k] for k in ("time_limit", "relative_gap") if k in kwargs}
            return optimise_fixed_load(p, **keep).as_dict()
        return optimise_network(p, **kwargs).as_dict()


def _targets(problem: WaterProblem) -> dict[str, dict[str, Any]]:
    targets: dict[str, dict[str, Any]] = {}
    for name in problem.contaminants:
        single = problem.single(name)
        known = ~np.isnan(single.source_concentration[:, 0])
        try:
            targets[name] = water_cascade(
                single.source_flow[known],
                single.source_concentration[known, 0],
                single.sink_flow,
                single.sink_concentration[:, 0],
                float(single.freshwater_concentration[0]),
                [i for i, k in zip(single.source_id, known, strict=True) if k],
                single.sink_id,
            ).as_dict()
        except InfeasibleWaterError as exc:
            targets[name] = {"infeasible": str(exc)}
    return targets


def park_targets(park: Park, column: str = "B") -> dict[str, Any]:
    """Single-contaminant pinch targets of a park, one per contaminant (direct reuse, no regeneration).

    Sources of unknown quality for a contaminant are left out of its cascade (they cannot be
    reused where it is limited). See :func:`park_water_problem` for the conversion rules.
    """
    problem = park_water_problem(park, column=column)
    return {"contaminants": list(problem.contaminants), "targets": _targets(problem), "notes": list(problem.notes)}


def park_water_study(
    park: Park,
    column: str = "B",
    objective: str = "freshwater",
    time_limit: float = 60.0,
) -> dict[str, Any]:
    """Run the park's water study: current use, pinch targets per contaminant, the optimal network.

    Parameters
    ----------
    park : Park
        The park.
    column : str
        QCVN 40:2011/BTNMT column (``A`` or ``B``) for the discharge limits.
    objective : str
        Network objective (``freshwater`` or ``cost``).
    time_limit : float
        Solver time limit [s].

    Returns
    -------
    dict
        ``current`` (freshwater and wastewater now, t/h), ``targets`` (single-contaminant cascade
        per contaminant, direct reuse only: each bounds the reuse-only network from below),
        ``network`` (multi-contaminant optimum), ``savings``, ``wwtp_compliance`` and ``notes``.
    """
    problem = park_water_problem(park, column=column)
    current = {"freshwater_flow": float(problem.sink_flow.sum()), "wastewater_flow": float(problem.source_flow.sum())}
    targets = _targets(problem)
    notes = list(problem.notes)
    try:
        net = optimise_network(problem, objective=objective, time_limit=time_limit)
    except InfeasibleWaterError:
        if problem.discharge_limit is None:
            raise
        notes.append(
            "the discharge cannot meet QCVN 40:2011 without treatment: on-site treatment is needed; "
            "network optimised without the discharge limits"
        )
        net = optimise_network(
            dataclasses.replace(problem, discharge_limit=None), objective=objective, time_limit=time_limit
        )
    limits = discharge_limits(column)
    compliance = []
    for reg in problem.regenerators:
        for name, value in zip(problem.contaminants, reg.outlet_concentration, strict=True):
            if name in limits:
                compliance.append(
                    {
                        "plant": reg.id,
                        "parameter": name,
                        "effluent": float(value),
                        "limit": limits[name],
                        "complies": bool(value <= limits[name] + 1e-9),
                    }
                )
    return {
        "park": park.id,
        "contaminants": list(problem.contaminants),
        "current": current,
        "targets": targets,
        "network": net.as_dict(),
        "freshwater_flow": net.freshwater_flow,
        "wastewater_flow": net.wastewater_flow,
        "savings": {
            "freshwater_flow": current["freshwater_flow"] - net.freshwater_flow,
            "wastewater_flow": current["wastewater_flow"] - net.wastewater_flow,
        },
        "discharge_standard": f"QCVN 40:2011/BTNMT column {column}",
        "qcvn_40_2025": QCVN_40_2025_STATUS,
        "wwtp_compliance": compliance,
        "notes": notes,
    }
