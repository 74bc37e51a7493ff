r"""Wind turbine output with windpowerlib and the turbine library it ships (offline).

Wind speeds are **user input**: no typical Vietnamese wind speeds are compiled in the reference
sources (primary reference: Global Wind Atlas), so eipkit has no default. Give either an annual
mean speed at a measurement height or an hourly series.

Height correction (Hellman power law, windpowerlib ``wind_speed.hellman``)

.. math:: v_{hub} = v_{m} \left(\frac{h_{hub}}{h_{m}}\right)^{\alpha}, \qquad \alpha = 1/7

Annual energy from a mean speed :math:`\bar v`: hub-height speeds follow a Weibull distribution
with shape :math:`k` (2 = Rayleigh, the distribution IEC 61400-12-1 uses to report annual energy
production) and scale :math:`c = \bar v / \Gamma(1 + 1/k)`,

.. math:: E = 8760 \int_0^\infty P(v)\,\frac{k}{c}\left(\frac{v}{c}\right)^{k-1} e^{-(v/c)^k}\,dv

with the power curve :math:`P(v)` of the turbine (windpowerlib ``power_output.power_curve``,
linear interpolation, zero outside the curve). Without an hourly series the hourly output is the
expected value in every hour (flat); give hourly speeds for self-consumption studies.

References
----------
.. [1] Haas, S., Krien, U., Schachler, B. et al. (2024). wind-python/windpowerlib: a library to
   model wind energy feed-in, v0.2.2. Turbine data: OpenEnergy Database (oedb) wind turbine
   library, snapshot shipped with windpowerlib.
.. [2] IEC 61400-12-1:2017. Power performance measurements of electricity producing wind
   turbines (annual energy production for Rayleigh-distributed wind speeds).
.. [3] Manwell, J. F., McGowan, J. G. and Rogers, A. L. (2009). Wind Energy Explained, 2nd ed.
   Wiley, sec. 2.4 (Weibull statistics) and 2.3.3 (power-law profile).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import polars as pl

from eipkit.energy._validate import HOURS, EnergyInputError, FloatArray, hourly, non_negative

__all__ = ["WindProfile", "turbine_types", "wind_profile"]

_HELLMAN = 1.0 / 7.0


@cache
def _turbine(turbine_type: str, hub_height: float) -> Any:
    from windpowerlib import WindTurbine  # type: ignore[import-untyped]

    known = turbine_types()["turbine_type"].to_list()
    if turbine_type not in known:
        raise EnergyInputError(
            f"unknown turbine_type '{turbine_type}'; choose one of the {len(known)} turbines with a power curve "
            f"in windpowerlib's library (eipkit.energy.turbine_types()), e.g. {', '.join(known[:3])}"
        )
    return WindTurbine(hub_height=hub_height, turbine_type=turbine_type)


@cache
def _turbine_table() -> pl.DataFrame:
    from windpowerlib import data

    frame = data.get_turbine_types(turbine_library="local", print_out=False, filter_=True)
    return pl.DataFrame(
        {
            "manufacturer": [str(x) for x in frame["manufacturer"]],
            "turbine_type": [str(x) for x in frame["turbine_type"]],
        }
    ).sort("turbine_type")


def turbine_types() -> pl.DataFrame:
    """Turbines with a power curve in windpowerlib's shipped library (manufacturer, turbine_type)."""
    return _turbine_table()


@dataclass
class WindProfile:
    """Hourly output of one turbine over the reference year.

    Attributes
    ----------
    output : numpy.ndarray
        AC output [kW] in each of the 8,760 hours.
    annual_energy : float
        Annual energy [MWh/a].
    capacity : float
        Rated power of the turbine [kW].
    capacity_factor : float
        Annual energy over rated power times 8,760 h.
    hub_wind_speed : float
        Mean wind speed at hub height [m/s].
    settings : dict
        Turbine, heights, shape and whether the series is hourly or a flat expectation.
    notes : list of str
        Warnings to show with the result.
    """

    output: FloatArray
    annual_energy: float
    capacity: float
    capacity_factor: float
    hub_wind_speed: float
    settings: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"<WindProfile {self.settings.get('turbine_type')}: {self.annual_energy:.0f} MWh/a, "
            f"CF {self.capacity_factor:.1%}>"
        )


def _hub_speed(speed: Any, measurement_height: float, hub_height: float, hellman_exponent: float) -> Any:
    return np.asarray(speed, dtype=float) * (hub_height / measurement_height) ** hellman_exponent


def wind_profile(
    turbine_type: str,
    hub_height: float,
    wind_speed: Any,
    measurement_height: float | None = None,
    weibull_shape: float = 2.0,
    hellman_exponent: float = _HELLMAN,
) -> WindProfile:
    """Hourly output of one turbine from a mean wind speed or an hourly series.

    Parameters
    ----------
    turbine_type : str
        A turbine of :func:`turbine_types` (e.g. ``"E-82/2350"``, ``"V90/2000"``).
    hub_height : float
        Hub height [m].
    wind_speed : float or array_like of 8760
        Annual mean wind speed [m/s] (Weibull method) or hourly speeds [m/s]. Required: eipkit
        ships no wind-speed defaults.
    measurement_height : float, optional
        Height of the given speeds [m]; default the hub height (no correction).
    weibull_shape : float
        Weibull shape k for a mean speed (2 = Rayleigh, IEC 61400-12-1).
    hellman_exponent : float
        Power-law exponent of the height correction (1/7 for open terrain).

    Examples
    --------
    >>> w = wind_profile("E-82/2350", 100.0, 6.5)
    >>> 0.2 < w.capacity_factor < 0.5
    True
    """
    from windpowerlib import power_output

    if wind_speed is None:
        raise EnergyInputError(
            "wind_speed is required (m/s): eipkit has no default wind speeds for Viet Nam; take a site "
            "measurement or the Global Wind Atlas value at your hub height"
        )
    height = non_negative(hub_height, "hub_height", "m")
    if height <= 0:
        raise EnergyInputError("hub_height must be positive (m)")
    at = height if measurement_height is None else non_negative(measurement_height, "measurement_height", "m")
    if at <= 0:
        raise EnergyInputError("measurement_height must be positive (m)")
    shape = non_negative(weibull_shape, "weibull_shape", "-")
    if shape <= 0:
        raise EnergyInputError("weibull_shape must be positive")
    turbine = _turbine(turbine_type, height)
    curve = turbine.power_curve
    speeds_curve = curve["wind_speed"].to_numpy(dtype=float)
    power_curve_kw = curve["value"].to_numpy(dtype=float) / 1000.0
    rated = float(turbine.nominal_power) / 1000.0
    notes: list[str] = []
    speeds = np.asarray(wind_speed, dtype=float)
    if speeds.ndim == 0:
        mean = non_negative(float(speeds), "wind_speed", "m/s")
        hub_mean = float(_hub_speed(mean, at, height, hellman_exponent))
        scale = hub_mean / math.gamma(1.0 + 1.0 / shape)
        grid = np.linspace(0.0, 40.0, 4001)
        with np.errstate(divide="ignore", invalid="ignore"):
            pdf = np.nan_to_num((shape / scale) * (grid / scale) ** (shape - 1.0) * np.exp(-((grid / scale) ** shape)))
        power = np.asarray(power_output.power_curve(grid, speeds_curve, power_curve_kw), dtype=float)
        mean_power = float(np.trapezoid(power * pdf, grid))
        output = np.full(HOURS, mean_power)
        mode = "weibull"
        notes.append("hourly output is the expected value (flat): give hourly wind speeds for self-consumption")
    else:
        series = hourly(speeds, "wind_speed")
        hub = _hub_speed(series, at, height, hellman_exponent)
        hub_mean = float(hub.mean())
        output = np.asarray(power_output.power_curve(hub, speeds_curve, power_curve_kw), dtype=float)
        mode = "hourly"
    energy = float(output.sum()) / 1000.0
    settings = {
        "turbine_type": turbine_type,
        "hub_height": height,
        "measurement_height": at,
        "mode": mode,
        "weibull_shape": shape if mode == "weibull" else None,
        "hellman_exponent": hellman_exponent,
        "source": "windpowerlib 0.2.2 turbine library (OpenEnergy Database snapshot)",
    }
    return WindProfile(output, energy, rated, energy * 1000.0 / (rated * HOURS), hub_mean, settings, notes)
