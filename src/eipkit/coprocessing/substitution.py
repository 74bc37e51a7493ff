r"""Thermal substitution, coal replaced and CO2 saved when a kiln burns wastes instead of coal.

For wastes of mass :math:`m_w` [t/a] and lower heating value :math:`H_w` [MJ/kg] fed to a kiln
whose fuels supply :math:`E_k` [MWh/a], replacing coal of heating value :math:`H_c` [MJ/kg] and
emission factor :math:`f_c` [kg CO2/GJ]:

.. math::
    E_w = \frac{m_w H_w}{3.6}, \qquad
    \mathrm{TSR} = \frac{\sum_w E_w}{E_k}, \qquad
    m_c = \frac{3.6\,E_w}{H_c}, \qquad
    \Delta\mathrm{CO_2} = \frac{3.6\,E_w \left(f_c - f_w (1 - b_w)\right)}{1000}

where :math:`f_w` and :math:`b_w` are the waste's CO2 factor and biogenic share: the fossil CO2
of the waste is counted, its biogenic CO2 is not, as in the cement-sector protocol. Energy is
replaced one for one (no correction for the kiln's specific heat consumption with alternative
fuels).

References
----------
.. [1] WBCSD Cement Sustainability Initiative (2011). CO2 and Energy Accounting and Reporting
   Standard for the Cement Industry (Cement CO2 Protocol), version 3.0: alternative fossil and
   biomass fuels, thermal substitution rate.
.. [2] IPCC (2006). Guidelines, Vol. 2, ch. 2, Table 2.2 (fuel factors).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["co2_saved", "coal_replaced", "thermal_substitution", "waste_energy"]


def _array(value: Any, name: str) -> Any:
    x = np.asarray(value, dtype=float)
    if np.any(x < 0):
        raise ValueError(f"{name} must not be negative")
    return x


def _out(x: Any) -> Any:
    return float(x) if np.ndim(x) == 0 else x


def waste_energy(mass_flow: Any, calorific_value: Any) -> Any:
    """Heat [MWh/a] of ``mass_flow`` [t/a] of waste with lower heating value ``calorific_value`` [MJ/kg].

    Examples
    --------
    >>> waste_energy(3600.0, 20.0)
    20000.0
    """
    return _out(_array(mass_flow, "mass_flow") * _array(calorific_value, "calorific_value") / 3.6)


def thermal_substitution(energy_flow: Any, kiln_energy: float) -> float:
    """Share of the kiln's heat [0-1] that the wastes' ``energy_flow`` [MWh/a] would supply.

    Examples
    --------
    >>> thermal_substitution([100.0, 50.0], 1000.0)
    0.15
    """
    total = float(np.sum(_array(energy_flow, "energy_flow")))
    if kiln_energy <= 0:
        raise ValueError("kiln_energy must be positive (MWh/a): the kiln needs fuel data")
    return total / float(kiln_energy)


def coal_replaced(energy_flow: Any, coal_calorific_value: float) -> Any:
    """Coal [t/a] with heating value ``coal_calorific_value`` [MJ/kg] that ``energy_flow`` [MWh/a] replaces.

    Examples
    --------
    >>> coal_replaced(1000.0, 24.0)
    150.0
    """
    if coal_calorific_value <= 0:
        raise ValueError("coal_calorific_value must be positive (MJ/kg)")
    return _out(_array(energy_flow, "energy_flow") * 3.6 / coal_calorific_value)


def co2_saved(energy_flow: Any, coal_factor: float, waste_factor: Any, biogenic_share: Any = 0.0) -> Any:
    """CO2 avoided [t/a] when ``energy_flow`` [MWh/a] of waste replaces coal (see the module docstring).

    Parameters
    ----------
    energy_flow : float or array_like
        Heat supplied by the waste [MWh/a].
    coal_factor : float
        CO2 factor of the coal replaced [kg/GJ].
    waste_factor : float or array_like
        CO2 factor of the waste [kg/GJ] (NaN where unknown: the result is NaN).
    biogenic_share : float or array_like
        Biogenic share of the waste's carbon.

    Examples
    --------
    >>> round(co2_saved(1000.0, 98.3, 73.3, 0.0), 6)   # waste oil replacing anthracite
    90.0
    """
    e = _array(energy_flow, "energy_flow")
    b = np.asarray(biogenic_share, dtype=float)
    if np.any((b < 0) | (b > 1)):
        raise ValueError("biogenic_share must be between 0 and 1")
    f = np.asarray(waste_factor, dtype=float)
    return _out(e * 3.6 * (coal_factor - f * (1.0 - b)) / 1000.0)
