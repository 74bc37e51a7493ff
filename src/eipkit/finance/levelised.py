r"""Annuities and the levelised cost of energy.

Capital recovery (annuity) factor: the share of an investment :math:`I` to pay each year for
:math:`n` years at rate :math:`r` so that the payments are worth :math:`I` today,

.. math:: \mathrm{CRF}(r, n) = \frac{r (1 + r)^n}{(1 + r)^n - 1}, \qquad
          \lim_{r \to 0} \mathrm{CRF} = \frac{1}{n}, \qquad A = I \cdot \mathrm{CRF}(r, n)

Levelised cost of energy: the constant price per unit of energy whose present value equals the
present value of the costs,

.. math:: \mathrm{LCOE} = \frac{I + \sum_{t=1}^{n} O_t (1 + r)^{-t}}
                               {\sum_{t=1}^{n} E_1 (1 - d)^{t-1} (1 + r)^{-t}}

with investment :math:`I` [VND] at year 0, yearly operating cost :math:`O_t` [VND/a], first-year
energy :math:`E_1` [MWh/a] falling by the degradation rate :math:`d` [1/a] each year.

References
----------
.. [1] Short, W., Packey, D. J. and Holt, T. (1995). A Manual for the Economic Evaluation of
   Energy Efficiency and Renewable Energy Technologies. NREL/TP-462-5173, eq. 4-4 (capital
   recovery factor) and sec. 4.4 (levelised cost of energy).
.. [2] IEA/NEA (2020). Projected Costs of Generating Electricity, 2020 Edition, sec. 2.1
   (LCOE methodology with discounting of both costs and energy).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from eipkit.finance.cashflow import FinanceInputError, _out, _rate

__all__ = ["annuity", "annuity_factor", "lcoe"]


def _lifetime(lifetime: Any) -> Any:
    years = np.asarray(lifetime, dtype=float)
    if not np.all(np.isfinite(years)) or np.any(years <= 0):
        raise FinanceInputError(f"lifetime must be a positive number of years, got {lifetime!r}")
    return years


def annuity_factor(discount_rate: Any, lifetime: Any) -> Any:
    r"""Capital recovery factor :math:`r (1+r)^n / ((1+r)^n - 1)`; :math:`1/n` at :math:`r = 0`.

    Parameters
    ----------
    discount_rate : float or array_like
        Real discount rate [1/a].
    lifetime : float or array_like
        Economic lifetime [a].

    Examples
    --------
    >>> round(annuity_factor(0.08, 10), 6)
    0.149029
    >>> annuity_factor(0.0, 4)
    0.25
    """
    rate = _rate(discount_rate)
    years = _lifetime(lifetime)
    # r / (1 - (1+r)^-n) with expm1/log1p: no cancellation for small rates.
    small = np.abs(rate) < 1e-15
    safe = np.where(small, 1.0, rate)
    factor = np.where(small, 1.0 / years, safe / -np.expm1(-years * np.log1p(safe)))
    return _out(np.asarray(factor, dtype=float))


def annuity(capex: Any, discount_rate: Any, lifetime: Any) -> Any:
    """Equal yearly payment [VND/a] that repays ``capex`` over ``lifetime`` at ``discount_rate``.

    Parameters
    ----------
    capex : float or array_like
        Investment at year 0 [VND].
    discount_rate : float or array_like
        Real discount rate [1/a].
    lifetime : float or array_like
        Economic lifetime [a].

    Examples
    --------
    >>> round(annuity(1_000_000, 0.08, 10))
    149029
    """
    investment = np.asarray(capex, dtype=float)
    if not np.all(np.isfinite(investment)):
        raise FinanceInputError("capex contains NaN or infinite values")
    return _out(np.asarray(investment * annuity_factor(discount_rate, lifetime), dtype=float))


def lcoe(
    capex: Any,
    annual_opex: Any,
    annual_energy: Any,
    discount_rate: Any,
    lifetime: int,
    degradation: Any = 0.0,
) -> Any:
    r"""Levelised cost of energy [VND/MWh] (see the module docstring for the formula).

    Parameters
    ----------
    capex : float or array_like
        Investment at year 0 [VND].
    annual_opex : float or array_like
        Operating and maintenance cost in every year 1..n [VND/a].
    annual_energy : float or array_like
        Energy delivered in year 1 [MWh/a]; must be positive.
    discount_rate : float or array_like
        Real discount rate [1/a].
    lifetime : int
        Economic lifetime [a] (whole years).
    degradation : float or array_like
        Yearly loss of output [1/a] (0.005 = 0.5 % per year).

    Examples
    --------
    >>> lcoe(1000.0, 0.0, 100.0, 0.0, 10)
    1.0
    >>> round(lcoe(1000.0, 10.0, 100.0, 0.08, 10), 4)
    1.5903
    """
    if int(lifetime) != lifetime or lifetime < 1:
        raise FinanceInputError(f"lifetime must be a whole number of years >= 1, got {lifetime!r}")
    rate = _rate(discount_rate)
    energy = np.asarray(annual_energy, dtype=float)
    if not np.all(np.isfinite(energy)) or np.any(energy <= 0):
        raise FinanceInputError(
            f"annual_energy must be positive (MWh/a), got {annual_energy!r}; "
            "a system that delivers no energy has no LCOE"
        )
    loss = np.asarray(degradation, dtype=float)
    if not np.all(np.isfinite(loss)) or np.any(loss < 0) or np.any(loss >= 1):
        raise FinanceInputError(f"degradation must be in [0, 1) per year, got {degradation!r}")
    investment = np.asarray(capex, dtype=float)
    opex = np.asarray(annual_opex, dtype=float)
    if not (np.all(np.isfinite(investment)) and np.all(np.isfinite(opex))):
        raise FinanceInputError("capex and annual_opex must be finite numbers")
    t = np.arange(1, int(lifetime) + 1, dtype=float)
    disc = (1.0 + rate[..., None]) ** -t
    costs = investment + opex * np.sum(disc, axis=-1)
    output = energy * np.sum((1.0 - loss[..., None]) ** (t - 1.0) * disc, axis=-1)
    return _out(np.asarray(costs / output, dtype=float))
