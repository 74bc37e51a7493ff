"""Input checks shared by the energy modules: every error names what is wrong and how to fix it."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["HOURS", "EnergyInputError", "FloatArray", "hourly", "month_of_hour", "non_negative", "share"]

#: Hours of the reference year of every hourly series (2025, non-leap).
HOURS = 8760
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

FloatArray = npt.NDArray[np.float64]


def month_of_hour() -> npt.NDArray[np.int64]:
    """Month (0 = January) of each hour of the reference year."""
    return np.repeat(np.arange(12, dtype=np.int64), np.array(_DAYS_IN_MONTH) * 24)


class EnergyInputError(ValueError):
    """An energy input is missing or inconsistent (the message says how to fix it)."""


def hourly(values: Any, name: str, allow_negative: bool = False) -> FloatArray:
    """Return ``values`` as a float array of 8,760 hours, or raise naming the problem.

    Examples
    --------
    >>> hourly([1.0] * 8760, "load").sum()
    np.float64(8760.0)
    """
    array = np.asarray(values, dtype=float)
    if array.ndim != 1 or array.shape[0] != HOURS:
        got = array.shape[0] if array.ndim == 1 else f"shape {array.shape}"
        raise EnergyInputError(
            f"{name} must have one value per hour of a non-leap year ({HOURS} values); got {got}. "
            "Resample your series to hourly values for 2025 (drop 29 February of leap years)."
        )
    if not np.all(np.isfinite(array)):
        raise EnergyInputError(f"{name} contains NaN or infinite values; fill every hour")
    if not allow_negative and np.any(array < 0):
        raise EnergyInputError(f"{name} contains negative values (first at hour {int(np.argmax(array < 0))})")
    return array


def non_negative(value: Any, name: str, unit: str) -> float:
    """Return ``value`` as a float >= 0, or raise (negative prices, areas, costs)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise EnergyInputError(f"{name} must be a number ({unit}), got {value!r}") from None
    if not np.isfinite(number) or number < 0:
        raise EnergyInputError(f"{name} must be a finite number >= 0 ({unit}), got {value!r}")
    return number


def share(value: Any, name: str) -> float:
    """Return ``value`` as a float in [0, 1], or raise."""
    number = non_negative(value, name, "fraction 0-1")
    if number > 1:
        raise EnergyInputError(f"{name} is a share between 0 and 1, got {value!r} (write 0.5, not 50)")
    return number
