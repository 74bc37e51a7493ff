"""Shared pure finance functions (bottom floor): NPV, IRR, payback, annuity, LCOE.

Every function is vectorised over numpy arrays: cash flows run along the last axis (year 0
first), rates and other parameters broadcast over the leading axes, so one call evaluates many
projects or sensitivity cases. Money in VND, energy in MWh, rates per year; analyses are in real
terms (constant money) unless the caller escalates prices itself.

* :mod:`eipkit.finance.cashflow` - :func:`npv`, :func:`irr`, :func:`payback_period`;
* :mod:`eipkit.finance.levelised` - :func:`annuity_factor`, :func:`annuity`, :func:`lcoe`.

>>> from eipkit.finance import npv, irr
>>> round(npv([-100, 60, 60], 0.05), 2), round(irr([-100, 60, 60]), 4)
(11.56, 0.1307)
"""

from eipkit.finance.cashflow import FinanceInputError, discount_factors, irr, npv, payback_period
from eipkit.finance.levelised import annuity, annuity_factor, lcoe

__all__ = [
    "FinanceInputError",
    "annuity",
    "annuity_factor",
    "discount_factors",
    "irr",
    "lcoe",
    "npv",
    "payback_period",
]
