r"""Hourly electricity load of a firm and how much of a generator's output it uses on site.

Load profile
    Without metered data, a firm's annual electricity :math:`E` [MWh/a] is spread evenly over
    its operating hours :math:`h_{op}` [h/a] (firms column ``operating_hours``), placed in shifts:
    Monday-Saturday (313 days in 2025), a daily block of :math:`h_{op}/313` hours centred on
    13:00 (so day shifts coincide with daylight); 24/7 when :math:`h_{op} \ge 7{,}512` (three
    shifts, six days) with Sundays added up to :math:`h_{op}`. This is a stated simplification (no
    cited sector profiles exist for Vietnam); give a metered 8,760-hour profile when you have one.

Self-consumption (behind the meter, hour by hour)

.. math:: S_h = \min(G_h, L_h), \quad X_h = \max(G_h - L_h, 0)\,\phi, \quad
          C_h = \max(G_h - L_h, 0) - X_h, \quad I_h = L_h - S_h

with generation :math:`G_h`, load :math:`L_h` [kW]; the exported surplus is scaled by
:math:`\phi = \min(1, c \sum_h G_h / \sum_h \max(G_h - L_h, 0))` so that exports stay within the
cap :math:`c` on the share of output sold (Decree 243/2026/ND-CP: 50 % of the output at the
inverter); the rest is curtailed. With ``zero_export`` (anti-backflow device, licence-exempt
under Decree 135/2024) nothing is exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eipkit.energy._validate import HOURS, EnergyInputError, FloatArray, hourly, non_negative, share
from eipkit.factors import rooftop_solar_rule, use_factor

__all__ = ["SelfConsumption", "load_profile", "self_consumption", "shift_profile"]

_WORK_DAYS = 313  # Monday-Saturday in 2025
_FIRST_WEEKDAY = 2  # 2025-01-01 is a Wednesday


def shift_profile(operating_hours: float = 8760.0) -> FloatArray:
    """Hourly weights (summing to 1) of a firm working ``operating_hours`` per year.

    Examples
    --------
    >>> w = shift_profile(8760.0)
    >>> round(float(w.sum()), 6), bool(np.allclose(w, w[0]))
    (1.0, True)
    >>> int((shift_profile(2504.0) > 0).sum())   # 8 h x 313 days
    2504
    """
    hours = non_negative(operating_hours, "operating_hours", "h/a")
    if not 0 < hours <= HOURS:
        raise EnergyInputError(f"operating_hours must be in (0, 8760] h/a, got {operating_hours!r}")
    day = np.arange(HOURS) // 24
    hour = np.arange(HOURS) % 24
    sunday = (day + _FIRST_WEEKDAY) % 7 == 6
    weights = np.zeros(HOURS)
    full_week = 24.0 * _WORK_DAYS
    if hours >= full_week:
        weights[~sunday] = 1.0
        weights[sunday] = (hours - full_week) / float(sunday.sum())
    else:
        block = hours / _WORK_DAYS
        start, end = 13.0 - block / 2.0, 13.0 + block / 2.0
        overlap = np.clip(np.minimum(hour + 1.0, end) - np.maximum(hour, start), 0.0, 1.0)
        weights[~sunday] = overlap[~sunday]
    return np.asarray(weights / weights.sum(), dtype=float)


def load_profile(annual_energy: float, operating_hours: float = 8760.0, profile: Any = None) -> FloatArray:
    """Hourly load [kW] of a firm using ``annual_energy`` [MWh/a].

    Parameters
    ----------
    annual_energy : float
        Electricity used per year [MWh/a] (the firm's electricity streams).
    operating_hours : float
        Operating hours [h/a] for the shift profile (ignored when ``profile`` is given).
    profile : array_like of 8760, optional
        Metered or typical hourly load shape (any scale; it is normalised to ``annual_energy``).

    Examples
    --------
    >>> round(float(load_profile(876.0).sum()))   # kWh over the year = 876 MWh
    876000
    """
    energy = non_negative(annual_energy, "annual_energy", "MWh/a")
    if profile is not None:
        shape = hourly(profile, "load profile")
        if shape.sum() <= 0:
            raise EnergyInputError("load profile is all zero; give the firm's hourly consumption")
        weights = shape / shape.sum()
    else:
        weights = shift_profile(operating_hours)
    return np.asarray(weights * energy * 1000.0, dtype=float)


@dataclass
class SelfConsumption:
    """Hour-by-hour split of a generator's output at a site (all hourly values in kW = kWh/h).

    Attributes
    ----------
    generation, load, self_consumed, exported, curtailed, imported : numpy.ndarray
        8,760 hourly values each.
    surplus_cap : float
        Cap on the exported share of the output that was applied.
    notes : list of str
        Warnings (e.g. indicative values).
    """

    generation: FloatArray
    load: FloatArray
    self_consumed: FloatArray
    exported: FloatArray
    curtailed: FloatArray
    imported: FloatArray
    surplus_cap: float
    notes: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, float]:
        """Annual totals [MWh/a] and shares (self-consumption and coverage ratios)."""
        gen = float(self.generation.sum()) / 1000.0
        load = float(self.load.sum()) / 1000.0
        used = float(self.self_consumed.sum()) / 1000.0
        return {
            "generation": gen,
            "load": load,
            "self_consumed": used,
            "exported": float(self.exported.sum()) / 1000.0,
            "curtailed": float(self.curtailed.sum()) / 1000.0,
            "imported": float(self.imported.sum()) / 1000.0,
            "self_consumption_share": used / gen if gen > 0 else 0.0,
            "coverage_share": used / load if load > 0 else 0.0,
        }

    def __add__(self, other: SelfConsumption) -> SelfConsumption:
        """Sum two sites (each keeps its own behind-the-meter balance)."""
        return SelfConsumption(
            self.generation + other.generation,
            self.load + other.load,
            self.self_consumed + other.self_consumed,
            self.exported + other.exported,
            self.curtailed + other.curtailed,
            self.imported + other.imported,
            max(self.surplus_cap, other.surplus_cap),
            list(dict.fromkeys(self.notes + other.notes)),
        )


def self_consumption(
    generation: Any, load: Any, surplus_cap: float | None = None, zero_export: bool = False
) -> SelfConsumption:
    """Split hourly generation [kW] into self-consumed, exported and curtailed energy.

    Parameters
    ----------
    generation : array_like of 8760
        Generator output [kW] (e.g. capacity x :attr:`SolarProfile.ac`).
    load : array_like of 8760
        Site load [kW] (:func:`load_profile`).
    surplus_cap : float, optional
        Largest share of the annual output that may be sold; default the current rule (0.5,
        Decree 243/2026/ND-CP, confidence H).
    zero_export : bool
        No export at all (anti-backflow device).

    Examples
    --------
    >>> g = np.full(8760, 2.0); l = np.full(8760, 1.0)
    >>> s = self_consumption(g, l, surplus_cap=0.25)
    >>> {k: round(v, 2) for k, v in s.totals().items() if k in ("self_consumed", "exported", "curtailed")}
    {'self_consumed': 8.76, 'exported': 4.38, 'curtailed': 4.38}
    """
    gen = hourly(generation, "generation")
    demand = hourly(load, "load")
    notes: list[str] = []
    if zero_export:
        cap = 0.0
    elif surplus_cap is None:
        cap = use_factor(rooftop_solar_rule("surplus_cap"), notes)
    else:
        cap = share(surplus_cap, "surplus_cap")
    used = np.minimum(gen, demand)
    surplus = gen - used
    total_surplus = float(surplus.sum())
    allowed = cap * float(gen.sum())
    phi = 1.0 if total_surplus <= allowed else (allowed / total_surplus if total_surplus > 0 else 0.0)
    exported = surplus * phi
    return SelfConsumption(gen, demand, used, exported, surplus - exported, demand - used, cap, notes)
