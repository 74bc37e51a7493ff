r"""Cost-benefit of options and the marginal abatement cost (MAC) curve.

Each option :math:`i` has an investment :math:`I_i` [VND], a net yearly saving :math:`S_i`
[VND/a] (savings minus any added operating cost), a lifetime :math:`n_i` [a] and an abatement
:math:`A_i` [t CO2/a]. Its cash flows are :math:`(-I_i, S_i, \dots, S_i)`, giving NPV, IRR and
simple payback (:mod:`eipkit.finance`). Its marginal abatement cost is the annualised net cost
per tonne avoided,

.. math:: \mathrm{MAC}_i = \frac{I_i\,\mathrm{CRF}(r, n_i) - S_i}{A_i} \quad [\mathrm{VND/t\,CO_2}]

(negative: the option saves money while it cuts CO2). The curve sorts options by MAC; each is
a bar of width :math:`A_i` starting at the cumulative abatement of the cheaper ones. Options
without an abatement or a capex are not placed on the curve; they are returned with the reason.

References
----------
.. [1] Kesicki, F. and Ekins, P. (2012). Marginal abatement cost curves: a call for caution.
   Climate Policy 12(2), 219-236 (definition, annualisation and limits of MAC curves).
.. [2] McKinsey & Company (2009). Pathways to a Low-Carbon Economy: Version 2 of the Global
   Greenhouse Gas Abatement Cost Curve (curve construction).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from eipkit.factors import Factor, cost_assumption, use_factor
from eipkit.finance import annuity_factor, irr, npv, payback_period

__all__ = ["OPTION_COLUMNS", "cost_benefit", "mac_curve", "measure_options"]

#: Columns of an options table (:func:`mac_curve`, :func:`cost_benefit`).
OPTION_COLUMNS: tuple[str, ...] = (
    "option",
    "group",
    "firm",
    "title",
    "capex",
    "annual_saving",
    "co2_saving",
    "lifetime",
)


def _resolve(value: float | None, name: str, unit: str, notes: list[str]) -> float:
    if value is not None:
        return float(value)
    return use_factor(cost_assumption(name), notes)


def cost_benefit(
    options: pl.DataFrame,
    discount_rate: float | None = None,
    lifetime: float | None = None,
    notes: list[str] | None = None,
) -> pl.DataFrame:
    """NPV, IRR, payback and MAC of each option (vectorised over the options).

    Parameters
    ----------
    options : polars.DataFrame
        Columns :data:`OPTION_COLUMNS` (``lifetime`` may be null: ``lifetime`` applies).
    discount_rate : float, optional
        Real discount rate [1/a]; default 0.08 (eipkit assumption, confidence L, flagged).
    lifetime : float, optional
        Lifetime [a] of options without their own; default 10 (confidence L, flagged).
    notes : list of str, optional
        Receives warnings about indicative defaults.

    Examples
    --------
    >>> opts = pl.DataFrame({"option": ["A"], "group": ["recp"], "firm": ["F"], "title": ["t"],
    ...     "capex": [1000.0], "annual_saving": [400.0], "co2_saving": [2.0], "lifetime": [3.0]})
    >>> row = cost_benefit(opts, discount_rate=0.0).row(0, named=True)
    >>> row["npv"], row["payback"], row["mac"]
    (200.0, 2.5, -33.33333333333334)
    """
    notes = [] if notes is None else notes
    missing = [c for c in OPTION_COLUMNS if c not in options.columns]
    if missing:
        raise ValueError(f"options table lacks columns {missing}; needed: {', '.join(OPTION_COLUMNS)}")
    rate = _resolve(discount_rate, "discount_rate", "1/a", notes)
    if options["lifetime"].null_count():
        default_life = _resolve(lifetime, "measure_lifetime", "a", notes)
    else:
        default_life = float(lifetime or 0.0)
    frame = options.with_columns(pl.col("lifetime").cast(pl.Float64).fill_null(default_life))
    bad = frame.filter(pl.col("lifetime") <= 0)
    if bad.height:
        raise ValueError(f"options with lifetime <= 0: {bad['option'].to_list()}")
    capex = frame["capex"].cast(pl.Float64).to_numpy()
    saving = frame["annual_saving"].cast(pl.Float64).to_numpy()
    co2 = frame["co2_saving"].cast(pl.Float64).to_numpy()
    life = frame["lifetime"].to_numpy()
    ok = np.isfinite(capex) & np.isfinite(saving)
    n_max = int(np.ceil(life.max())) if life.size else 1
    years = np.arange(n_max + 1)
    flows = np.where(
        years[None, :] == 0,
        -np.nan_to_num(capex)[:, None],
        np.where(years[None, :] <= life[:, None], np.nan_to_num(saving)[:, None], 0.0),
    )
    if frame.height:
        values = np.where(ok, npv(flows, rate), np.nan)
        rates = np.where(ok, irr(flows), np.nan)
        payback = np.where(ok, payback_period(flows), np.nan)
        crf = np.asarray(annuity_factor(rate, life), dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            mac = np.where(ok & (co2 > 0), (np.nan_to_num(capex) * crf - np.nan_to_num(saving)) / co2, np.nan)
    else:
        values = rates = payback = mac = np.zeros(0)
    return frame.with_columns(
        pl.Series("npv", values, dtype=pl.Float64),
        pl.Series("irr", rates, dtype=pl.Float64),
        pl.Series("payback", payback, dtype=pl.Float64),
        pl.Series("mac", mac, dtype=pl.Float64),
        pl.lit(rate).alias("discount_rate"),
    )


def measure_options(park: Any, statuses: tuple[str, ...] = ("proposed", "planned")) -> pl.DataFrame:
    """Return the park's RECP measures as an options table (:data:`OPTION_COLUMNS`).

    Parameters
    ----------
    park : Park
        The park.
    statuses : tuple of str
        Measure statuses to include (default the options still to decide: proposed, planned;
        add ``implemented``/``verified`` to evaluate carried-out measures).
    """
    table: pl.DataFrame = park.measures.filter(pl.col("status").is_in(list(statuses))).select(
        pl.col("id").alias("option"),
        pl.lit("recp").alias("group"),
        "firm",
        "title",
        pl.col("capex").cast(pl.Float64),
        pl.col("annual_saving").cast(pl.Float64),
        pl.col("co2_saving").cast(pl.Float64),
        pl.lit(None, dtype=pl.Float64).alias("lifetime"),
    )
    return table


def mac_curve(
    options: pl.DataFrame, discount_rate: float | None = None, lifetime: float | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, list[str]]:
    """Marginal abatement cost curve of a set of options (see the module docstring).

    Parameters
    ----------
    options : polars.DataFrame
        Columns :data:`OPTION_COLUMNS`; ``group`` tells RECP, symbiosis and solar options apart.
    discount_rate, lifetime : float, optional
        As in :func:`cost_benefit`.

    Returns
    -------
    curve : polars.DataFrame
        Options on the curve, sorted by ``mac`` [VND/t CO2], with ``start`` and ``end`` of their
        bar on the cumulative abatement axis [t CO2/a] and the cost-benefit columns.
    excluded : polars.DataFrame
        Options left off with ``reason`` (no abatement, no capex or no saving given).
    notes : list of str
        Warnings about indicative defaults.

    Examples
    --------
    >>> opts = pl.DataFrame({"option": ["A", "B"], "group": ["recp", "solar"], "firm": ["F", "F"],
    ...     "title": ["a", "b"], "capex": [1000.0, 100.0], "annual_saving": [0.0, 100.0],
    ...     "co2_saving": [1.0, 4.0], "lifetime": [10.0, 10.0]})
    >>> curve, excluded, _ = mac_curve(opts, discount_rate=0.0)
    >>> curve.select("option", "mac", "start", "end").rows()
    [('B', -22.5, 0.0, 4.0), ('A', 100.0, 4.0, 5.0)]
    """
    notes: list[str] = []
    evaluated = cost_benefit(options, discount_rate, lifetime, notes)
    reason = (
        pl.when(pl.col("co2_saving").is_null() | (pl.col("co2_saving") <= 0))
        .then(pl.lit("no CO2 abatement"))
        .when(pl.col("capex").is_null())
        .then(pl.lit("capex not given"))
        .when(pl.col("annual_saving").is_null())
        .then(pl.lit("annual saving not given"))
        .otherwise(None)
    )
    evaluated = evaluated.with_columns(reason.alias("reason"))
    excluded = evaluated.filter(pl.col("reason").is_not_null()).select(*OPTION_COLUMNS, "reason")
    curve = (
        evaluated.filter(pl.col("reason").is_null())
        .drop("reason")
        .sort("mac", "option")
        .with_columns(pl.col("co2_saving").cum_sum().alias("end"))
        .with_columns((pl.col("end") - pl.col("co2_saving")).alias("start"))
    )
    return curve, excluded, notes


def assumption_factors() -> list[Factor]:
    """Return the default assumptions of the cost-benefit (discount rate, measure lifetime)."""
    return [cost_assumption("discount_rate"), cost_assumption("measure_lifetime")]
