r"""Water-network problem data: sources, sinks, contaminants, regenerators, discharge limits.

Units used throughout :mod:`eipkit.water`: flows in t/h, concentrations in ppm (mg/kg, equal to
mg/L at the stated water density of 1 t/m³), mass loads in kg/h. One t/h times one ppm is one g/h,
so a mass load :math:`m` [kg/h] picked up by a flow :math:`F` [t/h] raises its concentration by
:math:`\Delta C = 1000\, m / F` [ppm].
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = ["LimitingData", "Regenerator", "WaterInputError", "WaterProblem"]

FloatArray = npt.NDArray[np.float64]

#: Mass load [kg/h] times this over a flow [t/h] gives a concentration rise [ppm].
LOAD_TO_PPM = 1000.0


class WaterInputError(ValueError):
    """Input data of a water study are wrong; the message names the item and the fix."""


def _as_1d(values: object, n: int, what: str) -> FloatArray:
    arr = np.asarray(values, dtype=float).reshape(-1)
    if arr.size == 1 and n != 1:
        arr = np.full(n, float(arr[0]))
    if arr.size != n:
        raise WaterInputError(f"{what}: expected {n} values, got {arr.size}")
    return arr


def _as_2d(values: object, n: int, k: int, what: str) -> FloatArray:
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 1 and k == 1:
        arr = arr.reshape(-1, 1)
    if arr.shape != (n, k):
        raise WaterInputError(f"{what}: expected shape ({n}, {k}), got {arr.shape}")
    return arr


def _check_flows(ids: Sequence[str], flows: FloatArray, what: str) -> None:
    for i, f in zip(ids, flows, strict=True):
        if not np.isfinite(f):
            raise WaterInputError(f"{what} '{i}': flow is missing or not a number; give a flow in t/h")
        if f < 0:
            raise WaterInputError(f"{what} '{i}': negative flow {f:g} t/h; flows must be zero or positive")


def _check_conc(ids: Sequence[str], conc: FloatArray, names: Sequence[str], what: str, allow_nan: bool) -> None:
    bad = conc < 0
    if bad.any():
        i, k = np.argwhere(bad)[0]
        raise WaterInputError(
            f"{what} '{ids[i]}': negative concentration {conc[i, k]:g} ppm of {names[k]}; give a value >= 0"
        )
    if not allow_nan and np.isnan(conc).any():
        i, k = np.argwhere(np.isnan(conc))[0]
        raise WaterInputError(f"{what} '{ids[i]}': no concentration of {names[k]}; give a value in ppm")


@dataclass(frozen=True)
class Regenerator:
    """A regeneration (or central treatment-and-reuse) unit: takes sources, returns cleaner water.

    Attributes
    ----------
    id : str
        Name of the unit.
    outlet_concentration : array of float
        Outlet concentration per contaminant [ppm] (fixed outlet quality).
    capacity : float
        Largest inlet flow [t/h]; ``inf`` for no limit.
    price : float
        Cost of regenerating one m³ [VND/m³] (used by the cost objective).
    inlet_concentration : array of float or None
        If given, the mixed inlet must have exactly this concentration [ppm] per contaminant
        (NaN: free). Used for pure-mixing hubs and for removal-ratio searches.
    plant : str or None
        Plant the unit belongs to (``None``: a park-wide hub, reachable from every plant).
    """

    id: str
    outlet_concentration: FloatArray
    capacity: float = float("inf")
    price: float = 0.0
    inlet_concentration: FloatArray | None = None
    plant: str | None = None

    def __post_init__(self) -> None:
        out = np.asarray(self.outlet_concentration, dtype=float).reshape(-1)
        object.__setattr__(self, "outlet_concentration", out)
        if (out < 0).any() or np.isnan(out).any():
            raise WaterInputError(f"regenerator '{self.id}': outlet concentrations must be numbers >= 0")
        if not self.capacity >= 0:
            raise WaterInputError(f"regenerator '{self.id}': capacity must be >= 0 t/h")
        if self.inlet_concentration is not None:
            object.__setattr__(
                self, "inlet_concentration", np.asarray(self.inlet_concentration, dtype=float).reshape(-1)
            )


@dataclass(frozen=True)
class WaterProblem:
    """Fixed-flowrate water sources and sinks with one or more contaminants.

    A *source* is water a process gives out (flow [t/h], concentration [ppm] per contaminant);
    a *sink* is water a process takes in (flow [t/h], maximum inlet concentration [ppm] per
    contaminant; ``inf`` = no limit). Freshwater makes up what sources cannot supply; unused source
    water is wastewater.

    Build it with :meth:`WaterProblem.build`; every array is checked (negative or missing flows,
    negative concentrations raise :class:`WaterInputError`).
    """

    contaminants: tuple[str, ...]
    source_id: tuple[str, ...]
    source_flow: FloatArray
    source_concentration: FloatArray
    sink_id: tuple[str, ...]
    sink_flow: FloatArray
    sink_concentration: FloatArray
    freshwater_concentration: FloatArray
    source_plant: tuple[str | None, ...] = ()
    sink_plant: tuple[str | None, ...] = ()
    regenerators: tuple[Regenerator, ...] = ()
    discharge_limit: FloatArray | None = None
    treatment_removal: FloatArray | None = None
    distance_km: FloatArray | None = None
    notes: tuple[str, ...] = field(default=())

    @classmethod
    def build(
        cls,
        source_id: Sequence[str],
        source_flow: object,
        source_concentration: object,
        sink_id: Sequence[str],
        sink_flow: object,
        sink_concentration: object,
        contaminants: Sequence[str] = ("C",),
        freshwater_concentration: object = 0.0,
        source_plant: Sequence[str | None] | None = None,
        sink_plant: Sequence[str | None] | None = None,
        regenerators: Sequence[Regenerator] = (),
        discharge_limit: object = None,
        treatment_removal: object = None,
        distance_km: object = None,
        notes: Sequence[str] = (),
        allow_unknown: bool = False,
    ) -> WaterProblem:
        """Check and assemble a problem from plain arrays (flows t/h, concentrations ppm).

        Parameters
        ----------
        allow_unknown : bool
            Accept NaN source concentrations (unknown quality): such a source is then never sent
            to a sink that limits that contaminant.
        """
        names = tuple(contaminants)
        k = len(names)
        if k == 0:
            raise WaterInputError("no contaminant given; name at least one")
        if len(set(names)) != k:
            raise WaterInputError(f"contaminant names repeat: {names}")
        sid, did = tuple(map(str, source_id)), tuple(map(str, sink_id))
        for what, ids in (("source", sid), ("sink", did)):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise WaterInputError(f"{what} ids repeat: {', '.join(dup)}; give each a unique id")
        sf, df = _as_1d(source_flow, len(sid), "source flows"), _as_1d(sink_flow, len(did), "sink flows")
        _check_flows(sid, sf, "source")
        _check_flows(did, df, "sink")
        sc = _as_2d(source_concentration, len(sid), k, "source concentrations")
        dc = _as_2d(sink_concentration, len(did), k, "sink concentrations")
        dc = np.where(np.isnan(dc), np.inf, dc)
        _check_conc(sid, sc, names, "source", allow_unknown)
        _check_conc(did, dc, names, "sink", False)
        fw = _as_1d(freshwater_concentration, k, "freshwater concentrations")
        if (fw < 0).any() or np.isnan(fw).any():
            raise WaterInputError("freshwater concentrations must be numbers >= 0 ppm")
        for reg in regenerators:
            if reg.outlet_concentration.size != k:
                raise WaterInputError(f"regenerator '{reg.id}': give one outlet concentration per contaminant")
        lim = None if discharge_limit is None else _as_1d(discharge_limit, k, "discharge limits")
        rem = None if treatment_removal is None else _as_1d(treatment_removal, k, "treatment removal ratios")
        if rem is not None and ((rem < 0) | (rem > 1) | np.isnan(rem)).any():
            raise WaterInputError("treatment removal ratios must lie between 0 and 1")
        dist = None
        if distance_km is not None:
            dist = _as_2d(distance_km, len(sid), len(did), "distances")
            if (dist < 0).any() or np.isnan(dist).any():
                raise WaterInputError("distances must be numbers >= 0 km")
        return cls(
            contaminants=names,
            source_id=sid,
            source_flow=sf,
            source_concentration=sc,
            sink_id=did,
            sink_flow=df,
            sink_concentration=dc,
            freshwater_concentration=fw,
            source_plant=tuple(source_plant) if source_plant is not None else (None,) * len(sid),
            sink_plant=tuple(sink_plant) if sink_plant is not None else (None,) * len(did),
            regenerators=tuple(regenerators),
            discharge_limit=lim,
            treatment_removal=rem,
            distance_km=dist,
            notes=tuple(notes),
        )

    @property
    def plants(self) -> tuple[str, ...]:
        """Plants named by sources or sinks (sorted)."""
        return tuple(sorted({p for p in (*self.source_plant, *self.sink_plant) if p is not None}))

    def subset(self, plant: str) -> WaterProblem:
        """Return the sources and sinks of one plant only (no regenerators, no distances)."""
        s = [i for i, p in enumerate(self.source_plant) if p == plant]
        d = [j for j, p in enumerate(self.sink_plant) if p == plant]
        return dataclasses.replace(
            self,
            source_id=tuple(self.source_id[i] for i in s),
            source_flow=self.source_flow[s],
            source_concentration=self.source_concentration[s],
            source_plant=tuple(self.source_plant[i] for i in s),
            sink_id=tuple(self.sink_id[j] for j in d),
            sink_flow=self.sink_flow[d],
            sink_concentration=self.sink_concentration[d],
            sink_plant=tuple(self.sink_plant[j] for j in d),
            regenerators=(),
            distance_km=None if self.distance_km is None else self.distance_km[np.ix_(s, d)],
        )

    def single(self, contaminant: str) -> WaterProblem:
        """Return the problem restricted to one contaminant (a relaxation: its targets are lower bounds)."""
        if contaminant not in self.contaminants:
            raise WaterInputError(f"unknown contaminant '{contaminant}'; known: {', '.join(self.contaminants)}")
        k = self.contaminants.index(contaminant)
        regs = tuple(
            dataclasses.replace(
                r,
                outlet_concentration=r.outlet_concentration[[k]],
                inlet_concentration=None if r.inlet_concentration is None else r.inlet_concentration[[k]],
            )
            for r in self.regenerators
        )
        return dataclasses.replace(
            self,
            contaminants=(contaminant,),
            source_concentration=self.source_concentration[:, [k]],
            sink_concentration=self.sink_concentration[:, [k]],
            freshwater_concentration=self.freshwater_concentration[[k]],
            regenerators=regs,
            discharge_limit=None if self.discharge_limit is None else self.discharge_limit[[k]],
            treatment_removal=None if self.treatment_removal is None else self.treatment_removal[[k]],
        )

    def __repr__(self) -> str:
        return (
            f"<WaterProblem {len(self.source_id)} sources ({self.source_flow.sum():.4g} t/h), "
            f"{len(self.sink_id)} sinks ({self.sink_flow.sum():.4g} t/h), contaminants {', '.join(self.contaminants)}>"
        )


@dataclass(frozen=True)
class LimitingData:
    """Fixed-load water-using operations (Wang & Smith 1994 limiting data).

    Attributes
    ----------
    operation_id : tuple of str
        Names of the operations.
    mass_load : array (n_operations, n_contaminants)
        Contaminant picked up [kg/h].
    cin_max, cout_max : array (n_operations, n_contaminants)
        Maximum inlet and outlet concentrations [ppm].
    contaminants : tuple of str
        Contaminant names.
    plant : tuple of str or None
        Plant of each operation.
    """

    operation_id: tuple[str, ...]
    mass_load: FloatArray
    cin_max: FloatArray
    cout_max: FloatArray
    contaminants: tuple[str, ...] = ("C",)
    plant: tuple[str | None, ...] = ()

    def __post_init__(self) -> None:
        n, k = len(self.operation_id), len(self.contaminants)
        for name in ("mass_load", "cin_max", "cout_max"):
            object.__setattr__(self, name, _as_2d(getattr(self, name), n, k, name))
        if not self.plant:
            object.__setattr__(self, "plant", (None,) * n)
        ids = self.operation_id
        for name in ("mass_load", "cin_max", "cout_max"):
            arr = getattr(self, name)
            if np.isnan(arr).any() or (arr < 0).any():
                i, c = np.argwhere(np.isnan(arr) | (arr < 0))[0]
                raise WaterInputError(
                    f"operation '{ids[i]}': {name} of {self.contaminants[c]} is missing or negative; give a value >= 0"
                )
        bad = (self.cout_max <= self.cin_max) & (self.mass_load > 0)
        if bad.any():
            i, c = np.argwhere(bad)[0]
            raise WaterInputError(
                f"operation '{ids[i]}': cout_max ({self.cout_max[i, c]:g}) must exceed cin_max "
                f"({self.cin_max[i, c]:g}) for {self.contaminants[c]} when it picks up a load"
            )
        if (self.mass_load.sum(axis=1) <= 0).any():
            i = int(np.argmin(self.mass_load.sum(axis=1)))
            raise WaterInputError(f"operation '{ids[i]}': no mass load; a fixed-load operation must pick up some load")

    @property
    def limiting_flow(self) -> FloatArray:
        r"""Limiting flow rate of each operation [t/h]: :math:`\max_k 1000\, m_k / (C^{out}_k - C^{in}_k)`."""
        with np.errstate(divide="ignore", invalid="ignore"):
            f = np.where(self.mass_load > 0, LOAD_TO_PPM * self.mass_load / (self.cout_max - self.cin_max), 0.0)
        return np.asarray(f.max(axis=1), dtype=float)
