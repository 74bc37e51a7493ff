r"""One-at-a-time sensitivity (tornado) of a business model's NPV.

Each key assumption :math:`x_i` is moved to :math:`x_i (1 - v)` and :math:`x_i (1 + v)` with the
others at their base values; the NPV of the chosen side is recomputed and the parameters are
ranked by the swing :math:`|\mathrm{NPV}(x_i^{+}) - \mathrm{NPV}(x_i^{-})|` (the bars of a tornado
chart, widest on top). Moving the generation re-runs the hour-by-hour self-consumption, so
the non-linear effect of the surplus cap is kept.

References
----------
.. [1] Saltelli, A. et al. (2008). Global Sensitivity Analysis: The Primer. Wiley, sec. 1.2.1
   (one-at-a-time designs and their limits: no interactions between parameters).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import polars as pl

from eipkit.energy._validate import EnergyInputError, share
from eipkit.energy.business import MODELS, BusinessCase, _model_flows
from eipkit.finance import npv

__all__ = ["tornado"]


def _parameters(case: BusinessCase, model: str) -> list[str]:
    names = ["capex", "annual_opex", "tariff", "generation", "discount_rate"]
    if case.degradation > 0:
        names.append("degradation")
    if case.surplus_price > 0:
        names.append("surplus_price")
    if model == "onsite_ppa":
        names.append("ppa_discount")
    if model.startswith("dppa") and case.strike_price is not None:
        names.append("strike_price")
    if model == "dppa_grid" and case.service_charge > 0:
        names.append("service_charge")
    return names


def _scaled(case: BusinessCase, name: str, factor: float) -> BusinessCase:
    if name in ("tariff", "generation"):
        return replace(case, **{name: getattr(case, name) * factor})
    value = getattr(case, name)
    return replace(case, **{name: value * factor})


def _npv(case: BusinessCase, model: str, side: str) -> float:
    firm, investor = _model_flows(case, model, case.selfuse())
    flows = firm if side == "firm" else investor
    if flows is None:
        raise EnergyInputError(f"model '{model}' has no investor besides the firm; use side='firm'")
    return float(npv(flows, case.discount_rate))


def tornado(
    case: BusinessCase, model: str = "self_investment", variation: float = 0.2, side: str = "firm"
) -> pl.DataFrame:
    """Tornado table of the NPV of ``side`` for ``model`` when each assumption moves by ±``variation``.

    Parameters
    ----------
    case : BusinessCase
        The base case (:func:`~eipkit.energy.business_case`).
    model : str
        One of :data:`~eipkit.energy.MODELS`.
    variation : float
        Relative move of each parameter (0.2 = ±20 %).
    side : str
        ``firm`` or ``investor``.

    Returns
    -------
    polars.DataFrame
        ``parameter, base_value, low_value, high_value, npv_low, npv_high, swing`` sorted by
        swing (largest first); the base NPV is in every row (``npv_base``).

    Examples
    --------
    >>> import numpy as np
    >>> from eipkit.energy import business_case
    >>> case = business_case(np.full(8760, 100.0), np.full(8760, 200.0), 1000.0, capex=1e10,
    ...                      annual_opex=1e8, lifetime=20, discount_rate=0.08, degradation=0.0,
    ...                      tariff=np.full(8760, 2e6), lease_term=10, ppa_discount=0.1,
    ...                      service_charge=0.0, surplus_price=0.0)
    >>> tornado(case)["parameter"].to_list()[:2]
    ['tariff', 'generation']
    """
    if model not in MODELS:
        raise EnergyInputError(f"unknown business model '{model}'; known: {', '.join(MODELS)}")
    if side not in ("firm", "investor"):
        raise EnergyInputError("side must be 'firm' or 'investor'")
    v = share(variation, "variation")
    if model.startswith("dppa") and case.strike_price is None:
        raise EnergyInputError("a DPPA tornado needs a strike_price (the contract price is negotiated)")
    base = _npv(case, model, side)
    rows = []
    for name in _parameters(case, model):
        current = getattr(case, name)
        shown = float(np.mean(current)) if isinstance(current, np.ndarray) else float(current)
        low, high = _npv(_scaled(case, name, 1.0 - v), model, side), _npv(_scaled(case, name, 1.0 + v), model, side)
        rows.append(
            {
                "parameter": name,
                "base_value": shown,
                "low_value": shown * (1 - v),
                "high_value": shown * (1 + v),
                "npv_base": base,
                "npv_low": low,
                "npv_high": high,
                "swing": abs(high - low),
            }
        )
    return pl.DataFrame(rows).sort("swing", descending=True)
