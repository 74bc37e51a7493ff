r"""Quantity kinds, their canonical units, and annualisation of rates.

Every value eipkit reads is converted to the canonical unit of its kind:

============================  ===============  ==============================================
kind                          canonical unit   examples accepted
============================  ===============  ==============================================
``mass_flow``                 t/a              kg/day, t/month, tấn/năm, kg/h
``volume_flow``               m³/a             m3/day, m3/h, L/s, Nm3/h
``energy_flow``               MWh/a            GJ/month, kWh/a, kW, MW
``count_flow``                piece/a          piece/day, pair/a
``mass`` / ``volume`` /       t / m³ / MWh /   stocks; a stream needs a period for them
``energy`` / ``count``        piece
``area``                      m²               ha, km2
``currency``                  VND              million VND, billion VND
``currency_flow``             VND/a            million VND/a
``unit_cost_mass`` ...        VND/t, VND/m³,   VND/kg, VND/kWh, million VND/t
                              VND/MWh, VND/piece
``mass_concentration``        mg/L             g/m3, kg/m3
``fraction``                  1                %, ppm, mg/kg, '-'
``temperature``               °C               K, degF
``pressure``                  bar              MPa, kPa, atm
``specific_energy``           MJ/kg            kcal/kg, GJ/t
============================  ===============  ==============================================

Annualisation
-------------
A rate whose time base is a day or shorter (``m3/h``, ``t/day``, ``kW``) is a rate *while the
plant runs*: its annual amount is :math:`q_a = q \\cdot f_h \\cdot H`, where :math:`f_h`
converts the rate to per-hour and :math:`H` is the operating hours per year (8,760 when running
continuously). A rate on a week, month or year base is a calendar average and is converted
directly (``t/month`` times 12).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pint

from eipkit.units._registry import UnitError, parse_unit, registry

__all__ = ["CANONICAL_UNITS", "KINDS", "annual_factor", "conversion_factor", "convert", "kind_name", "kind_of"]

#: Canonical unit of every quantity kind (pint syntax).
CANONICAL_UNITS: dict[str, str] = {
    "mass_flow": "t/a",
    "volume_flow": "m3/a",
    "energy_flow": "MWh/a",
    "count_flow": "piece/a",
    "person_count": "person",
    "mass": "t",
    "volume": "m3",
    "energy": "MWh",
    "count": "piece",
    "area": "m2",
    "currency": "VND",
    "currency_flow": "VND/a",
    "unit_cost_mass": "VND/t",
    "unit_cost_volume": "VND/m3",
    "unit_cost_energy": "VND/MWh",
    "unit_cost_count": "VND/piece",
    "mass_concentration": "mg/L",
    "fraction": "1",
    "temperature": "degC",
    "pressure": "bar",
    "specific_energy": "MJ/kg",
    "colour": "Pt_Co",
    "conductivity": "uS/cm",
    "length": "km",
    "time": "h",
}

#: Names of the quantity kinds.
KINDS: tuple[str, ...] = tuple(CANONICAL_UNITS)

#: Kinds of a stock and the annual kind a period turns them into.
_STOCK_TO_FLOW = {
    "mass": "mass_flow",
    "volume": "volume_flow",
    "energy": "energy_flow",
    "count": "count_flow",
}

_PERIOD_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}


def _canonical(kind: str) -> Any:
    return parse_unit(CANONICAL_UNITS[kind])


@lru_cache(maxsize=1)
def _dimension_table() -> dict[object, str]:
    table: dict[object, str] = {}
    for kind in KINDS:
        dims = _canonical(kind).dimensionality
        table.setdefault(dims, kind)
    # power is an energy flow
    table[registry().watt.dimensionality] = "energy_flow"
    return table


@lru_cache(maxsize=4096)
def kind_of(unit: str) -> str:
    """Return the quantity kind of a unit string.

    Parameters
    ----------
    unit : str
        A unit string, e.g. ``"kg/day"``.

    Returns
    -------
    str
        One of :data:`KINDS`.

    Raises
    ------
    UnitError
        If the unit cannot be parsed or is of no known kind.

    Examples
    --------
    >>> kind_of("kg/day"), kind_of("kW"), kind_of("ppm")
    ('mass_flow', 'energy_flow', 'fraction')
    """
    parsed = parse_unit(unit)
    kind = _dimension_table().get(parsed.dimensionality)
    if kind is None:
        raise UnitError(f"unit '{unit}' is of no quantity kind eipkit knows ({parsed.dimensionality})")
    return kind


@lru_cache(maxsize=4096)
def conversion_factor(unit: str, target: str) -> float:
    """Return the factor that converts values in ``unit`` to ``target``.

    Parameters
    ----------
    unit, target : str
        Unit strings of the same dimensionality (not offset temperatures: use
        :func:`convert_temperature` semantics through pint for those).

    Returns
    -------
    float

    Raises
    ------
    UnitError
        If the units are incompatible.

    Examples
    --------
    >>> conversion_factor("ha", "m2")
    10000.0
    """
    source, dest = parse_unit(unit), parse_unit(target)
    temperature = registry().kelvin.dimensionality
    if source != dest and source.dimensionality == temperature == dest.dimensionality:
        raise UnitError(f"'{unit}' to '{target}' is an offset conversion, not a factor; use convert()")
    try:
        return float(registry().Quantity(1.0, source).to(dest).magnitude)
    except pint.DimensionalityError:
        raise UnitError(
            f"unit '{unit}' cannot be converted to '{target}' (it is {kind_name(unit)}, "
            f"'{target}' is {kind_name(target)})"
        ) from None


def kind_name(unit: str) -> str:
    """Return the kind of ``unit`` for messages, or its dimensionality if it has no kind."""
    try:
        return kind_of(unit)
    except UnitError:
        return str(parse_unit(unit).dimensionality)


def _time_base_hours(unit: Any) -> float | None:
    """Hours of the time unit in the denominator of ``unit`` (None if it has none)."""
    ureg = registry()
    hours = None
    for name, exponent in unit._units.items():
        if float(exponent) < 0 and ureg.Quantity(1, name).dimensionality == ureg.hour.dimensionality:
            hours = float(ureg.Quantity(1, name).to("hour").magnitude)
    return hours


@lru_cache(maxsize=4096)
def annual_factor(unit: str, period: str | None = None) -> tuple[str, float, bool]:
    """How to turn a quantity in ``unit`` (per ``period``) into an annual canonical amount.

    Parameters
    ----------
    unit : str
        Unit of the quantity: a rate (``t/day``, ``kW``) or a stock (``t``) with a period.
    period : {"hour", "day", "week", "month", "year"}, optional
        Period of a stock quantity. Must be omitted for rates.

    Returns
    -------
    kind : str
        Annual kind (``mass_flow``, ``volume_flow``, ``energy_flow``, ``count_flow``).
    factor : float
        Multiply the quantity by this factor ...
    uses_hours : bool
        ... and, if True, by the operating hours per year (the rate applies while running).

    Raises
    ------
    UnitError
        If the unit is not a flow, a stock without period, or a rate with a period.

    Examples
    --------
    >>> annual_factor("t/day")
    ('mass_flow', 0.041666666666666664, True)
    >>> annual_factor("t", "month")
    ('mass_flow', 12.0, False)
    """
    kind = kind_of(unit)
    parsed = parse_unit(unit)
    if kind in _STOCK_TO_FLOW:
        if period is None:
            raise UnitError(f"unit '{unit}' has no period: write e.g. '{unit}/a' or fill the 'period' column")
        flow_kind = _STOCK_TO_FLOW[kind]
        per_unit = conversion_factor(unit, CANONICAL_UNITS[kind])
        hours = _PERIOD_HOURS[period]
        if hours <= 24.0:
            return flow_kind, per_unit / hours, True
        return flow_kind, per_unit * 8760.0 / hours, False
    if kind not in _STOCK_TO_FLOW.values():
        raise UnitError(f"unit '{unit}' is {kind}, not an amount per period (t/a, m3/day, MWh/a, kW ...)")
    if period is not None:
        raise UnitError(f"unit '{unit}' already has a period; leave the 'period' column empty")
    base = _time_base_hours(parsed)
    if base is None or base <= 24.0:  # power (kW) or an hourly/daily rate
        per_hour = conversion_factor(unit, CANONICAL_UNITS[kind]) / 8760.0
        return kind, per_hour, True
    return kind, conversion_factor(unit, CANONICAL_UNITS[kind]), False


def convert(values: np.ndarray, unit: str, target: str) -> np.ndarray:
    """Convert an array of values from ``unit`` to ``target`` (offset units such as °C work).

    Parameters
    ----------
    values : numpy.ndarray
        Values in ``unit``; NaN stays NaN.
    unit, target : str
        Unit strings of the same dimensionality.

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    UnitError
        If the units are incompatible.

    Examples
    --------
    >>> convert(np.array([0.0, 100.0]), "degC", "K").tolist()
    [273.15, 373.15]
    """
    source, dest = parse_unit(unit), parse_unit(target)
    if source == dest:
        return values
    try:
        return np.asarray(registry().Quantity(values, source).to(dest).magnitude, dtype=float)
    except pint.DimensionalityError:
        raise UnitError(
            f"unit '{unit}' cannot be converted to '{target}' (it is {kind_name(unit)}, "
            f"'{target}' is {kind_name(target)})"
        ) from None
