r"""Solar PV yield with pvlib, offline: hourly output per kWp over the reference year.

The chain (pvlib functions, no weather download):

1. **Clear sky** - Ineichen & Perez (2002) clear-sky GHI with the Linke turbidity climatology
   and altitude shipped with pvlib (``pvlib/data/LinkeTurbidities.h5``, ``Altitude.h5``).
2. **Cloudiness** - the irradiation of the site (cited annual GHI of the nearest Vietnamese
   province, 12 monthly values, or an hourly series given by the user) sets the monthly mean
   clearness index :math:`\bar K_T = H / H_0`. Daily clearness indices follow the distribution of
   Bendt, Collares-Pereira & Rabl (1981),

   .. math:: F(k) = \frac{e^{\gamma k_{min}} - e^{\gamma k}}{e^{\gamma k_{min}} - e^{\gamma k_{max}}},
             \quad k_{min} = 0.05,\ k_{max} = 0.6313 + 0.267\bar K_T - 11.9(\bar K_T - 0.75)^8

   with :math:`\gamma` solved so that the mean is :math:`\bar K_T`; the days of a month take the
   quantiles of :math:`F` in a fixed golden-ratio order (deterministic), each day's clear-sky
   profile is scaled to its daily irradiation, and month totals are kept exact. With only an
   annual GHI, the monthly values follow the clear-sky shape (a stated simplification).
3. **Beam and diffuse** - Erbs, Klein & Duffie (1982) decomposition.
4. **Plane of array** - Hay & Davies (1980) transposition, ground albedo 0.2, and the physical
   incidence-angle modifier of the beam (De Soto et al. 2006).
5. **Cell temperature** - PVsyst model :math:`T_c = T_a + \alpha G (1 - \eta) / U_c`, with
   :math:`U_c` = 29 W/(m²K) free-standing or 20 W/(m²K) on a roof (semi-integrated).
6. **DC and AC** - PVWatts: :math:`P_{dc} = G_{eff}/1000\,P_{dc0}\,(1 + \gamma (T_c - 25))`,
   :math:`\gamma = -0.35\,\%/K`, system losses (PVWatts defaults 14.08 %; preset ``atlas``: the
   same without the 3 % availability loss, as in the Global Solar Atlas PVOUT definition), then
   the PVWatts inverter (96 % nominal, DC/AC ratio 1.1).

Validation: in the ``atlas`` configuration (free-standing, optimum tilt), the yields at the cited
provinces fall within the published regional ranges of vietnam-facts.md 4.1 (tests/energy).

References
----------
.. [1] Holmgren, W. F., Hansen, C. W. and Mikofski, M. A. (2018). pvlib python: a python package
   for modeling solar energy systems. Journal of Open Source Software 3(29), 884.
.. [2] Ineichen, P. and Perez, R. (2002). A new airmass independent formulation for the Linke
   turbidity coefficient. Solar Energy 73(3), 151-157.
.. [3] Bendt, P., Collares-Pereira, M. and Rabl, A. (1981). The frequency distribution of daily
   insolation values. Solar Energy 27(1), 1-5.
.. [4] Erbs, D. G., Klein, S. A. and Duffie, J. A. (1982). Estimation of the diffuse radiation
   fraction for hourly, daily and monthly-average global radiation. Solar Energy 28(4), 293-302.
.. [5] Hay, J. E. and Davies, J. A. (1980). Calculation of the solar radiation incident on an
   inclined surface. Proc. First Canadian Solar Radiation Data Workshop, 59-72.
.. [6] Dobos, A. P. (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from eipkit.energy._validate import HOURS, EnergyInputError, FloatArray, hourly, month_of_hour, non_negative
from eipkit.factors import REFERENCE_YEAR, Factor, nearest_solar_location, pv_setting, use_factor
from eipkit.factors.energy_rules import pvwatts_loss_components

__all__ = ["LOSS_PRESETS", "MOUNTINGS", "SolarProfile", "clearness_quantiles", "roof_capacity", "solar_profile"]

#: Loss presets: which PVWatts loss components are overridden (percent).
LOSS_PRESETS: dict[str, dict[str, float]] = {"pvwatts": {}, "atlas": {"availability": 0.0}}
#: Mountings and their PVsyst thermal coefficient setting.
MOUNTINGS: dict[str, str] = {"roof": "u_c_roof", "free_standing": "u_c_free_standing"}
_TZ = "Asia/Ho_Chi_Minh"
_GOLDEN = 0.6180339887498949


@dataclass
class SolarProfile:
    """Hourly PV output of 1 kWp over the reference year, and how it was obtained.

    Attributes
    ----------
    ac : numpy.ndarray
        AC output [kW per kWp] in each of the 8,760 hours (= kWh per kWp in that hour).
    specific_yield : float
        Annual AC output [kWh/kWp/a].
    ghi : float
        Annual global horizontal irradiation used [kWh/m²/a].
    poa : float
        Annual irradiation on the modules [kWh/m²/a].
    settings : dict
        Latitude, longitude, tilt, azimuth, mounting, losses and the source of the irradiation.
    notes : list of str
        Warnings to show with the result (indicative values used, simplifications).
    """

    ac: FloatArray
    specific_yield: float
    ghi: float
    poa: float
    settings: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def monthly(self) -> FloatArray:
        """Return the AC output of each month [kWh/kWp]."""
        return np.asarray(np.bincount(month_of_hour(), weights=self.ac, minlength=12), dtype=float)

    def __repr__(self) -> str:
        return f"<SolarProfile {self.specific_yield:.0f} kWh/kWp/a, GHI {self.ghi:.0f} kWh/m²/a>"


def _month_index() -> Any:
    return month_of_hour()


def clearness_quantiles(mean_clearness: float, days: int) -> FloatArray:
    r"""Daily clearness indices of a month from the Bendt et al. (1981) distribution.

    Parameters
    ----------
    mean_clearness : float
        Monthly mean clearness index :math:`\bar K_T` (irradiation over extraterrestrial).
    days : int
        Number of days.

    Returns
    -------
    numpy.ndarray
        ``days`` values, the quantiles of the distribution at :math:`(i + 0.5)/n`, ascending;
        their mean equals ``mean_clearness`` to within the discretisation.

    Examples
    --------
    >>> q = clearness_quantiles(0.5, 30)
    >>> round(float(q.mean()), 2), bool(q[0] < q[-1])
    (0.5, True)
    """
    from scipy.optimize import brentq  # type: ignore[import-untyped]

    k_min = 0.05
    k_max = 0.6313 + 0.267 * mean_clearness - 11.9 * (mean_clearness - 0.75) ** 8
    if not k_min < mean_clearness < k_max:
        raise EnergyInputError(
            f"monthly clearness index {mean_clearness:.3f} is outside the range of the Bendt distribution "
            f"({k_min}-{k_max:.2f}); check the irradiation values and their unit (kWh/m² per month)"
        )

    def mean_minus_target(gamma: float) -> float:
        a, b = np.exp(gamma * k_min), np.exp(gamma * k_max)
        return float(((k_min - 1 / gamma) * a - (k_max - 1 / gamma) * b) / (a - b) - mean_clearness)

    midpoint = 0.5 * (k_min + k_max)
    p = (np.arange(days) + 0.5) / days
    if abs(mean_clearness - midpoint) < 1e-3:
        # gamma -> 0: the distribution tends to the uniform one on [k_min, k_max]
        return np.asarray(k_min + p * (k_max - k_min), dtype=float)
    bracket = (1e-3, 200.0) if mean_clearness > midpoint else (-200.0, -1e-3)
    gamma = brentq(mean_minus_target, *bracket)
    a, b = np.exp(gamma * k_min), np.exp(gamma * k_max)
    return np.asarray(np.log(a - p * (a - b)) / gamma, dtype=float)


@lru_cache(maxsize=32)
def _sky(latitude: float, longitude: float) -> dict[str, Any]:
    """Solar position, clear sky and extraterrestrial irradiance of a site (cached)."""
    import pandas as pd  # type: ignore[import-untyped]
    import pvlib  # type: ignore[import-untyped]

    times = pd.date_range(f"{REFERENCE_YEAR}-01-01 00:30", periods=HOURS, freq="h", tz=_TZ)
    altitude = float(pvlib.location.lookup_altitude(latitude, longitude))
    site = pvlib.location.Location(latitude, longitude, tz=_TZ, altitude=altitude)
    position = site.get_solarposition(times)
    clear = site.get_clearsky(times, model="ineichen", solar_position=position)
    extra = pvlib.irradiance.get_extra_radiation(times)
    cos_zenith = np.clip(np.cos(np.radians(position["zenith"].to_numpy())), 0.0, None)
    return {
        "times": times,
        "position": position,
        "clear_ghi": clear["ghi"].to_numpy(),
        "extra": extra.to_numpy(),
        "h0": extra.to_numpy() * cos_zenith,
        "altitude": altitude,
    }


def _synthetic_ghi(sky: dict[str, Any], monthly_ghi: FloatArray) -> FloatArray:
    """Hourly GHI [W/m²] with the given monthly totals [kWh/m²] and Bendt daily variability."""
    clear = sky["clear_ghi"]
    day = np.arange(HOURS) // 24
    month = _month_index()
    clear_day = np.bincount(day, weights=clear)
    h0_day = np.bincount(day, weights=sky["h0"])
    month_of_day = month[::24]
    ghi = np.zeros(HOURS)
    for m in range(12):
        days = np.flatnonzero(month_of_day == m)
        target = monthly_ghi[m] * 1000.0  # Wh/m²
        if target > clear_day[days].sum() * 1.02:
            raise EnergyInputError(
                f"irradiation of month {m + 1} ({monthly_ghi[m]:.0f} kWh/m²) exceeds the clear-sky value "
                f"({clear_day[days].sum() / 1000:.0f} kWh/m²); check the unit (kWh/m² per month)"
            )
        quantiles = clearness_quantiles(target / h0_day[days].sum(), days.size)
        order = np.argsort(np.argsort((np.arange(days.size) * _GOLDEN) % 1.0))
        ratio = np.minimum(quantiles[order] * h0_day[days] / clear_day[days], 1.0)
        hours = np.isin(day, days)
        ghi[hours] = clear[hours] * np.repeat(ratio, 24)
        ghi[hours] *= target / ghi[hours].sum()
    return ghi


def roof_capacity(roof_area: Any, power_density: float | None = None, notes: list[str] | None = None) -> Any:
    """PV capacity [kWp] that fits on a usable roof area [m²].

    Parameters
    ----------
    roof_area : float or array_like
        Roof area usable for modules [m²] (firms column ``roof_area``).
    power_density : float, optional
        Capacity per m² of usable roof [kWp/m²]; default module efficiency 19 % (PVWatts
        premium) times a packing factor 0.8 (eipkit assumption, confidence L, flagged) = 0.152.
    notes : list of str, optional
        Receives a warning line when an indicative default is used.

    Examples
    --------
    >>> roof_capacity(1000.0, power_density=0.15)
    150.0
    """
    area = np.asarray(roof_area, dtype=float)
    if area.size == 0 or np.any(~np.isfinite(area)):
        raise EnergyInputError("no roof area: fill firms.roof_area (m² usable for panels) or give a capacity")
    if np.any(area < 0):
        raise EnergyInputError("roof_area must not be negative")
    if power_density is None:
        density = use_factor(pv_setting("module_efficiency"), notes) * use_factor(pv_setting("packing_factor"), notes)
    else:
        density = non_negative(power_density, "power_density", "kWp/m²")
    result = area * density
    return float(result) if result.ndim == 0 else result


def _setting(name: str, value: float | None, unit: str, notes: list[str]) -> float:
    if value is not None:
        return float(value)
    return use_factor(pv_setting(name), notes)


def solar_profile(
    latitude: float,
    longitude: float,
    tilt: float | None = None,
    azimuth: float = 180.0,
    ghi: float | None = None,
    monthly_ghi: Any = None,
    hourly_ghi: Any = None,
    mounting: str = "roof",
    losses: str = "pvwatts",
    air_temperature: float | None = None,
) -> SolarProfile:
    """Hourly AC output of 1 kWp of PV at a site (see the module docstring for the model).

    Parameters
    ----------
    latitude, longitude : float
        Site [degree, WGS 84].
    tilt : float, optional
        Module tilt [degree]; default the cited optimum tilt of the nearest province.
    azimuth : float
        Module azimuth [degree], 180 = facing south.
    ghi : float, optional
        Annual global horizontal irradiation [kWh/m²/a]; default the cited value of the nearest
        Vietnamese province (Global Solar Atlas, vietnam-facts.md 4.1).
    monthly_ghi : array_like of 12, optional
        Monthly irradiation [kWh/m² per month] (e.g. from PVGIS), instead of ``ghi``.
    hourly_ghi : array_like of 8760, optional
        Measured or TMY hourly GHI [W/m²] for the reference year, instead of ``ghi``.
    mounting : str
        ``roof`` (semi-integrated, hotter) or ``free_standing``.
    losses : str
        ``pvwatts`` (default 14.08 %) or ``atlas`` (without the availability loss, as the Global
        Solar Atlas PVOUT).
    air_temperature : float, optional
        Daytime air temperature [°C]; default 27 °C (eipkit assumption, confidence L, flagged).

    Returns
    -------
    SolarProfile

    Examples
    --------
    >>> p = solar_profile(21.03, 105.85)          # Hanoi, cited GHI 1,402 kWh/m²/a
    >>> 1000 < p.specific_yield < 1200, p.ac.shape
    (True, (8760,))
    """
    import pvlib

    notes: list[str] = []
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise EnergyInputError(f"latitude/longitude out of range: {latitude}, {longitude}")
    if mounting not in MOUNTINGS:
        raise EnergyInputError(f"unknown mounting '{mounting}'; use one of {', '.join(MOUNTINGS)}")
    if losses not in LOSS_PRESETS:
        raise EnergyInputError(f"unknown losses preset '{losses}'; use one of {', '.join(LOSS_PRESETS)}")
    given = [x is not None for x in (ghi, monthly_ghi, hourly_ghi)]
    if sum(given) > 1:
        raise EnergyInputError("give only one of ghi, monthly_ghi and hourly_ghi")
    nearest = nearest_solar_location(latitude, longitude)
    sky = _sky(round(float(latitude), 2), round(float(longitude), 2))
    if hourly_ghi is not None:
        ghi_hourly = hourly(hourly_ghi, "hourly_ghi")
        source = "hourly GHI given by the user"
    else:
        if monthly_ghi is not None:
            months = np.asarray(monthly_ghi, dtype=float)
            if months.shape != (12,) or not np.all(np.isfinite(months)) or np.any(months <= 0):
                raise EnergyInputError("monthly_ghi needs 12 positive values (kWh/m² per month, January first)")
            source = "monthly GHI given by the user"
        else:
            if ghi is None:
                ghi = float(nearest["ghi"])
                source = f"cited annual GHI of {nearest['label']} ({nearest['distance_km']} km; {nearest['source']})"
                if nearest["distance_km"] > 100:
                    notes.append(
                        f"nearest cited solar location {nearest['label']} is {nearest['distance_km']} km away: "
                        "give ghi for your site"
                    )
            else:
                source = "annual GHI given by the user"
            annual = non_negative(ghi, "ghi", "kWh/m²/a")
            clear_month = np.bincount(_month_index(), weights=sky["clear_ghi"], minlength=12)
            months = annual * clear_month / clear_month.sum()
            notes.append("monthly irradiation spread with the clear-sky shape (only an annual GHI is cited)")
        ghi_hourly = _synthetic_ghi(sky, months)
    position = sky["position"]
    times = sky["times"]
    zenith = position["apparent_zenith"].to_numpy()
    decomposition = pvlib.irradiance.erbs(ghi_hourly, zenith, times)
    surface_tilt = float(nearest["tilt"]) if tilt is None else float(tilt)
    if not 0 <= surface_tilt <= 90:
        raise EnergyInputError(f"tilt must be between 0 and 90 degrees, got {tilt}")
    albedo = _setting("albedo", None, "1", notes)
    poa = pvlib.irradiance.get_total_irradiance(
        surface_tilt,
        azimuth,
        zenith,
        position["azimuth"].to_numpy(),
        decomposition["dni"],
        ghi_hourly,
        decomposition["dhi"],
        dni_extra=sky["extra"],
        model="haydavies",
        albedo=albedo,
    )
    aoi = pvlib.irradiance.aoi(surface_tilt, azimuth, zenith, position["azimuth"].to_numpy())
    beam = np.nan_to_num(np.asarray(poa["poa_direct"], dtype=float) * pvlib.iam.physical(aoi))
    diffuse = np.nan_to_num(np.asarray(poa["poa_diffuse"], dtype=float))
    poa_global = np.nan_to_num(np.asarray(poa["poa_global"], dtype=float))
    temp_air = _setting("air_temperature", air_temperature, "degC", notes)
    efficiency = _setting("module_efficiency", None, "1", notes)
    u_c = _setting(MOUNTINGS[mounting], None, "W/(m2K)", notes)
    cell = pvlib.temperature.pvsyst_cell(
        poa_global, temp_air, wind_speed=1.0, u_c=u_c, u_v=0.0, module_efficiency=efficiency
    )
    gamma = _setting("temperature_coefficient", None, "1/K", notes)
    dc = np.asarray(pvlib.pvsystem.pvwatts_dc(beam + diffuse, cell, 1.0, gamma), dtype=float)
    components, loss_source = pvwatts_loss_components()
    components.update(LOSS_PRESETS[losses])
    loss = float(pvlib.pvsystem.pvwatts_losses(**components)) / 100.0
    eta = _setting("inverter_efficiency", None, "1", notes)
    ratio = _setting("dc_ac_ratio", None, "1", notes)
    ac = np.asarray(pvlib.inverter.pvwatts(dc * (1.0 - loss), (1.0 / ratio) / eta, eta_inv_nom=eta), dtype=float)
    ac = np.clip(np.nan_to_num(ac), 0.0, None)
    settings = {
        "latitude": latitude,
        "longitude": longitude,
        "tilt": surface_tilt,
        "azimuth": azimuth,
        "mounting": mounting,
        "losses": losses,
        "system_losses": round(loss, 4),
        "air_temperature": temp_air,
        "irradiation_source": source,
        "loss_source": loss_source,
        "nearest_location": nearest["location"],
        "region": nearest["region"],
    }
    return SolarProfile(
        ac, float(ac.sum()), float(ghi_hourly.sum() / 1000.0), float(poa_global.sum() / 1000.0), settings, notes
    )


def setting_factors() -> list[Factor]:
    """Return the PV model settings with their sources (for reports)."""
    names = (
        "temperature_coefficient",
        "module_efficiency",
        "packing_factor",
        "albedo",
        "u_c_free_standing",
        "u_c_roof",
        "air_temperature",
        "inverter_efficiency",
        "dc_ac_ratio",
        "atlas_availability",
    )
    return [pv_setting(n) for n in names]
