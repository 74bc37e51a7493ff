r"""EVN time-of-use tariffs: prices by voltage level and hourly price series.

The year is the reference calendar of eipkit's hourly models: 8,760 hours of 2025 (a non-leap
year starting on a Wednesday), local time (ICT, UTC+7), hour :math:`h` covering
:math:`[h, h+1)`. Windows that start or end on the half hour (09:30) split an hour; the hourly
price is the time-weighted mean of the periods in it,

.. math:: p_h = \sum_{k \in \{off, normal, peak\}} s_{h,k}\,p_k

where :math:`s_{h,k}` is the share of hour :math:`h` in period :math:`k`. Public holidays are not
modelled (they are billed as the weekday schedule here).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from eipkit.factors._base import Factor, load_data

__all__ = ["PERIODS", "REFERENCE_YEAR", "hourly_tariff", "tariff_prices", "tou_schedules", "tou_shares"]

#: Reference calendar year of hourly models (non-leap; 1 January is a Wednesday).
REFERENCE_YEAR = 2025
#: Tariff periods, in the column order of :func:`tou_shares`.
PERIODS: tuple[str, ...] = ("offpeak", "normal", "peak")
_FIRST_WEEKDAY = 2  # Monday = 0; 2025-01-01 is a Wednesday
_HOURS = 8760


def tou_schedules() -> list[str]:
    """Names of the shipped time-of-use schedules (legacy Circular 16/2014, Decision 963/2026)."""
    return list(load_data("tariffs")["tou_schedules"])


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _day_shares(windows: dict[str, list[list[str]]]) -> npt.NDArray[np.float64]:
    minute = np.full(24 * 60, -1, dtype=int)
    for k, period in enumerate(PERIODS):
        for start, end in windows.get(period, []):
            minute[_minutes(start) : _minutes(end)] = k
    if np.any(minute < 0):
        raise ValueError("a time-of-use schedule does not cover every minute of the day")
    shares = np.zeros((24, 3))
    for k in range(3):
        shares[:, k] = (minute == k).reshape(24, 60).mean(axis=1)
    return shares


@cache
def _shares(schedule: str) -> npt.NDArray[np.float64]:
    schedules = load_data("tariffs")["tou_schedules"]
    if schedule not in schedules:
        raise KeyError(f"unknown time-of-use schedule '{schedule}'; known: {', '.join(schedules)}")
    spec = schedules[schedule]
    weekday, sunday = _day_shares(spec["mon_sat"]), _day_shares(spec["sunday"])
    day = np.arange(_HOURS) // 24
    is_sunday = (day + _FIRST_WEEKDAY) % 7 == 6
    hour = np.arange(_HOURS) % 24
    result = np.where(is_sunday[:, None], sunday[hour], weekday[hour])
    result.setflags(write=False)
    return result


def tou_shares(schedule: str | None = None) -> npt.NDArray[np.float64]:
    """Share of each hour of the reference year in each period, shape (8760, 3).

    Columns follow :data:`PERIODS` (off-peak, normal, peak); rows sum to 1.

    Examples
    --------
    >>> shares = tou_shares("legacy_circular_16_2014")
    >>> shares.sum(axis=0).round(1).tolist()  # hours per period in 2025
    [2190.0, 5005.0, 1565.0]
    """
    return _shares(schedule or str(load_data("tariffs")["default_schedule"]))


def tariff_prices(voltage: str | None = None, customer: str = "production") -> dict[str, Factor]:
    """Retail prices of MOIT Decision 1279/QĐ-BCT (2025) [VND/kWh, excl. VAT] by period.

    Parameters
    ----------
    voltage : str, optional
        ``ge_110kv``, ``22_to_110kv`` (default), ``6_to_22kv`` or ``lt_6kv`` (production);
        ``ge_22kv``, ``6_to_22kv``, ``lt_6kv`` (business).
    customer : str
        ``production`` (sản xuất) or ``business`` (kinh doanh).

    Examples
    --------
    >>> tariff_prices("22_to_110kv")["peak"].value
    3398.0
    """
    data = load_data("tariffs")
    current = data["current"]
    if customer not in ("production", "business"):
        raise KeyError(f"unknown customer group '{customer}'; use production or business")
    table = current[customer]
    level = voltage or str(data["default_voltage"])
    if level not in table:
        raise KeyError(f"unknown voltage level '{level}' for {customer}; known: {', '.join(table)}")
    source = f"MOIT Decision {current['decision']} (effective {current['effective']}); " + "; ".join(current["sources"])
    return {
        period: Factor(
            f"tariff_{customer}_{level}_{period}",
            float(table[level][period]),
            "VND/kWh",
            str(current["confidence"]),
            source,
        )
        for period in PERIODS
    }


def hourly_tariff(
    voltage: str | None = None, schedule: str | None = None, customer: str = "production"
) -> npt.NDArray[np.float64]:
    """Hourly retail price [VND/MWh] over the reference year (8,760 values).

    Examples
    --------
    >>> prices = hourly_tariff("22_to_110kv")
    >>> prices.shape, float(prices.max()), float(prices.min())
    ((8760,), 3398000.0, 1190000.0)
    """
    prices = tariff_prices(voltage, customer)
    per_kwh = np.array([prices[p].require() for p in PERIODS])
    return np.asarray(tou_shares(schedule) @ per_kwh * 1000.0, dtype=float)
