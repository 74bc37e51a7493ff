"""Water studies on a park: streams become sources and sinks; the central WWTP and discharge limits join in.

Conversion rules (each stated in the study's ``notes``):

* sinks: streams of category ``water`` with direction ``in``; their qualities with bound ``max``
  are the largest accepted inlet concentrations. A sink with no limit at all is taken to need
  freshwater quality (the conservative reading).
* sources: streams of category ``wastewater`` or ``water`` with direction ``out`` of tenants and
  external partners, with their measured qualities (bound ``value``); an unknown concentration
  keeps the source away from sinks that limit that contaminant.
* the central wastewater plant: firms with role ``operator``; their ``wastewater``-in streams give
  its capacity, their ``out`` streams its effluent quality; it becomes a park-wide regeneration
  hub whose effluent may be reused. An effluent value that is not reported is taken at the
  discharge limit the plant must meet (stated in the notes).
* flows: the annual ``amount`` (m³/a or t/a) divided by the stream's operating hours (else the
  firm's, else 8,760 h/a), with a water density of 1 t/m³; concentrations in mg/L are taken as
  ppm (same density), fractions are multiplied by 10⁶.
* discharge limits: QCVN 40:2011/BTNMT column A or B times Kq and Kf (default 1), from the cited
  data file shipped in this package; QCVN 40:2025/BTNMT limits are unverified and never used.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import polars as pl
import yaml

from eipkit.park import Park
from eipkit.park.checks import haversine_km
from eipkit.water._problem import Regenerator, WaterInputError, WaterProblem

__all__ = ["QCVN_40_2025_STATUS", "discharge_limits", "discharge_standards", "park_water_problem"]

#: Parameters that are not additive contaminants and are never used as such.
_NOT_CONTAMINANTS = {"pH", "temperature", "colour", "conductivity", "purity", "dry_solids", "protein", "moisture"}


@cache
def discharge_standards() -> dict[str, Any]:
    """Return the shipped discharge-standard data (QCVN 40:2011/BTNMT limits; QCVN 40:2025 status)."""
    text = resources.files("eipkit.water").joinpath("_data", "discharge_limits.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


#: What eipkit can say about the QCVN 40:2025/BTNMT limits.
QCVN_40_2025_STATUS: str = str(discharge_standards()["qcvn_40_2025_btnmt"]["limits_status"])


def discharge_limits(column: str = "B", kq: float = 1.0, kf: float = 1.0) -> dict[str, float]:
    r"""Industrial-wastewater discharge limits of QCVN 40:2011/BTNMT [mg/L].

    :math:`C_{max} = C \cdot K_q \cdot K_f` (Circular 47/2011/TT-BTNMT), with :math:`C` the
    column-A or column-B value, :math:`K_q` the receiving-water factor and :math:`K_f` the
    discharge-flow factor.

    Parameters
    ----------
    column : str
        ``A`` (receiving water used for domestic supply) or ``B`` (other).
    kq, kf : float
        Receiving-water and discharge-flow factors (1 when discharging to a park's central WWTP).

    Examples
    --------
    >>> discharge_limits("B")["COD"]
    150.0
    """
    if column not in ("A", "B"):
        raise WaterInputError(f"QCVN 40:2011 column must be 'A' or 'B', not '{column}'")
    if not (kq > 0 and kf > 0):
        raise WaterInputError("kq and kf must be positive")
    limits = discharge_standards()["qcvn_40_2011_btnmt"]["limits"]
    return {name: float(row[column]) * kq * kf for name, row in limits.items()}


def _hours(park: Park) -> pl.DataFrame:
    firms = park.firms.select(
        pl.col("id").alias("firm"),
        pl.col("role"),
        pl.col("operating_hours").alias("firm_hours"),
        pl.col("latitude"),
        pl.col("longitude"),
    )
    s = park.streams.join(firms, on="firm", how="left")
    hours = pl.coalesce(pl.col("operating_hours"), pl.col("firm_hours"), pl.lit(8760.0))
    flow = pl.when(pl.col("amount_kind").is_in(["volume_flow", "mass_flow"])).then(pl.col("amount") / hours)
    return s.with_columns(flow.alias("flow_t_h"))


def _ppm(q: pl.DataFrame) -> pl.DataFrame:
    factor = pl.when(pl.col("canonical_unit") == "mg/L").then(1.0).when(pl.col("canonical_unit") == "1").then(1e6)
    return q.with_columns((pl.col("canonical_value") * factor).alias("ppm")).filter(pl.col("ppm").is_not_null())


def park_water_problem(
    park: Park,
    contaminants: list[str] | None = None,
    column: str = "B",
    kq: float = 1.0,
    kf: float = 1.0,
    freshwater_concentration: float = 0.0,
) -> WaterProblem:
    """Build the park's water problem: sinks, sources, the central WWTP as a hub, discharge limits.

    Parameters
    ----------
    park : Park
        The park.
    contaminants : list of str, optional
        Quality parameters to study; default: those limited by some water demand (or, if none,
        those measured on sources and limited by QCVN 40:2011).
    column, kq, kf : str, float, float
        QCVN 40:2011/BTNMT column and factors for the discharge limits (see :func:`discharge_limits`).
    freshwater_concentration : float
        Concentration of the park's freshwater for every contaminant [ppm].

    Raises
    ------
    WaterInputError
        If the park has no water demand or no usable contaminant.
    """
    s = _hours(park)
    notes = [
        "flows: annual amount / operating hours, water density 1 t/m3 (1 m3 = 1 t; mg/L taken as ppm)",
        f"freshwater assumed at {freshwater_concentration:g} ppm of every contaminant",
    ]
    water = s.filter(pl.col("category").is_in(["water", "wastewater"]))
    no_flow = water.filter(pl.col("flow_t_h").is_null()).get_column("id").to_list()
    if no_flow:
        notes.append(f"streams without a volume or mass flow left out: {', '.join(no_flow)}")
    water = water.filter(pl.col("flow_t_h").is_not_null())
    op = pl.col("role") == "operator"
    sinks = water.filter((pl.col("category") == "water") & (pl.col("direction") == "in") & ~op)
    sources = water.filter((pl.col("direction") == "out") & ~op)
    wwtp_in = water.filter(op & (pl.col("direction") == "in") & (pl.col("category") == "wastewater"))
    wwtp_out = water.filter(op & (pl.col("direction") == "out"))
    if sinks.height == 0:
        raise WaterInputError(f"park '{park.id}' has no water demand (streams of category water, direction in)")
    q = _ppm(park.qualities).filter(~pl.col("parameter").is_in(list(_NOT_CONTAMINANTS)))
    limits_q = q.filter((pl.col("bound") == "max") & pl.col("stream").is_in(sinks.get_column("id").to_list()))
    values_q = q.filter(pl.col("bound") == "value")
    qcvn = discharge_limits(column, kq, kf)
    if contaminants is None:
        names = sorted(set(limits_q.get_column("parameter").to_list()))
        if not names:
            measured = set(
                values_q.filter(pl.col("stream").is_in(sources.get_column("id").to_list()))
                .get_column("parameter")
                .to_list()
            )
            names = sorted(measured & set(qcvn))
    else:
        names = list(contaminants)
    if not names:
        raise WaterInputError(f"park '{park.id}': no quality data on water streams; add qualities (e.g. COD, TSS)")

    def matrix(frame: pl.DataFrame, qual: pl.DataFrame, fill: float) -> np.ndarray:
        ids = frame.get_column("id").to_list()
        out = np.full((len(ids), len(names)), fill)
        pos = {i: n for n, i in enumerate(ids)}
        for stream, par, val in qual.select("stream", "parameter", "ppm").rows():
            if stream in pos and par in names:
                out[pos[stream], names.index(par)] = val
        return out

    sink_lim = matrix(sinks, limits_q, np.inf)
    bare = np.isinf(sink_lim).all(axis=1)
    if bare.any():
        sink_lim[bare] = freshwater_concentration
        ids = [str(sinks.get_column("id")[int(i)]) for i in np.nonzero(bare)[0]]
        notes.append(f"water demands without quality limits taken to need freshwater quality: {', '.join(ids)}")
    src_c = matrix(sources, values_q, np.nan)
    unknown = [f"{sources.get_column('id')[int(i)]}:{names[k]}" for i, k in np.argwhere(np.isnan(src_c))]
    if unknown:
        notes.append(f"unknown source qualities (kept away from sinks limiting them): {', '.join(unknown[:20])}")
    lim = np.array([qcvn.get(n, np.inf) for n in names])
    regs = []
    if wwtp_in.height:
        for firm in sorted(set(wwtp_in.get_column("firm").to_list())):
            cap = float(wwtp_in.filter(pl.col("firm") == firm).get_column("flow_t_h").sum())
            outs = wwtp_out.filter(pl.col("firm") == firm)
            eff = matrix(outs, values_q, np.nan)
            out_c = (
                np.nanmax(eff, axis=0)
                if eff.shape[0] and not np.isnan(eff).all(axis=0).all()
                else np.full(len(names), np.nan)
            )
            guessed = [n for n, v in zip(names, out_c, strict=True) if np.isnan(v)]
            out_c = np.where(np.isnan(out_c), lim, out_c)
            if np.isfinite(out_c).all():
                regs.append(Regenerator(f"{firm}:WWTP", out_c, cap, plant=None))
                notes.append(f"central WWTP {firm}: capacity {cap:.4g} t/h, effluent reusable as a park-wide hub")
                if guessed:
                    notes.append(
                        f"WWTP {firm} effluent {', '.join(guessed)} not reported: taken at the QCVN 40:2011 "
                        f"column {column} limit"
                    )
            else:
                notes.append(f"WWTP {firm} left out: effluent quality unknown and no discharge limit for it")
    notes.append(
        f"discharge limits: QCVN 40:2011/BTNMT column {column}, Kq={kq:g}, Kf={kf:g}; "
        f"QCVN 40:2025: {QCVN_40_2025_STATUS}"
    )
    known_dis = np.isfinite(lim) & ~np.isnan(src_c).any(axis=0)
    discharge = None
    if regs:
        notes.append("wastewater goes to the central WWTP; its effluent is checked against the discharge limits")
    elif known_dis.any():
        discharge = np.where(known_dis, lim, np.inf)
        notes.append("no central WWTP: the park's wastewater discharge must meet the discharge limits")
    dist = _distances(sources, sinks)
    return WaterProblem.build(
        sources.get_column("id").to_list(),
        sources.get_column("flow_t_h").to_numpy(),
        src_c,
        sinks.get_column("id").to_list(),
        sinks.get_column("flow_t_h").to_numpy(),
        sink_lim,
        contaminants=names,
        freshwater_concentration=freshwater_concentration,
        source_plant=sources.get_column("firm").to_list(),
        sink_plant=sinks.get_column("firm").to_list(),
        regenerators=regs,
        discharge_limit=discharge,
        distance_km=dist,
        notes=notes,
        allow_unknown=True,
        treatment_removal=None,
    )


def _distances(sources: pl.DataFrame, sinks: pl.DataFrame) -> np.ndarray | None:
    coords = [f.select("latitude", "longitude").to_numpy().astype(float) for f in (sources, sinks)]
    if any(np.isnan(c).any() for c in coords):
        return None
    a, b = coords
    return np.asarray(haversine_km(a[:, None, 0], a[:, None, 1], b[None, :, 0], b[None, :, 1]), dtype=float)
