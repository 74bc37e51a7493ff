r"""Scoring: pure, vectorised rules that turn an indicator value and a threshold into a result and a gap.

Every function takes and returns :class:`polars.Expr`, so one call scores any number of parks,
firms and criteria at once (``frame.select(condition_status(...))``).

Result of one condition
-----------------------
``threshold_unverified`` when the threshold status is ``unverified`` (never scored); otherwise
``insufficient_data`` when the value is missing or incomplete; otherwise ``met`` or ``not_met``:

==============  ======================================================
comparator      met when
==============  ======================================================
``>=``          :math:`v \ge T - \varepsilon`
``<=``          :math:`v \le T + \varepsilon`
``==``          :math:`|v - T| \le \varepsilon`
``within``      :math:`v = 0` (no violation within the look-back of T years)
``exists``      :math:`v = 1` (yes)
``documented``  :math:`v = 1` (yes, with the evidence on record)
==============  ======================================================

with :math:`\varepsilon = 10^{-9}\max(1, |T|)`, so a value exactly at the threshold (such as
20 % = 1 firm of 5) meets a ``>=`` criterion.

Gap of a miss, in the criterion's own unit
------------------------------------------
* firms (share of firms :math:`s = 100\,n/N`): the smallest :math:`k` with
  :math:`100\,(n + k)/N \ge T`, i.e. :math:`k = \lceil T N / 100 - n \rceil`;
* amount (share of a flow or area): percentage points :math:`T - s` and amount
  :math:`T D / 100 - n` in the unit of the flow (m³/a, t/a, MWh/a, ha);
* count: :math:`T - v`; ratio: :math:`T D - n` (e.g. VND/a of revenue missing);
* years (``<=``): :math:`v - T` years over the limit; violations: :math:`v` firms.

Several conditions of one criterion combine as: any ``not_met`` → ``not_met``; else any
``insufficient_data`` → ``insufficient_data``; else any ``threshold_unverified`` →
``threshold_unverified``; else ``met``.
"""

from __future__ import annotations

import polars as pl

__all__ = ["STATUSES", "combine_statuses", "condition_status", "gap_amount", "gap_firms", "gap_value"]

#: Results of a criterion, in the order of :func:`combine_statuses` (the last wins).
STATUSES: tuple[str, ...] = ("met", "threshold_unverified", "insufficient_data", "not_met", "not_applicable")
_RANK = {s: i for i, s in enumerate(STATUSES[:-1])}


def _eps(threshold: pl.Expr) -> pl.Expr:
    return 1e-9 * pl.max_horizontal(pl.lit(1.0), threshold.abs())


def condition_status(
    value: pl.Expr, threshold: pl.Expr, comparator: pl.Expr, threshold_status: pl.Expr, complete: pl.Expr
) -> pl.Expr:
    """Return the result of one condition (see the module docstring).

    Parameters
    ----------
    value, threshold : polars.Expr
        Indicator value and threshold (floats; yes/no as 1/0).
    comparator, threshold_status : polars.Expr
        Strings as in the catalogue.
    complete : polars.Expr
        Whether the indicator had every input it needs.

    Returns
    -------
    polars.Expr
        String: ``met``, ``not_met``, ``insufficient_data`` or ``threshold_unverified``.

    Examples
    --------
    >>> df = pl.DataFrame({"v": [20.0, 19.9], "t": [20.0, 20.0], "c": [">=", ">="],
    ...                    "s": ["verified", "verified"], "ok": [True, True]})
    >>> expr = condition_status(pl.col("v"), pl.col("t"), pl.col("c"), pl.col("s"), pl.col("ok"))
    >>> df.select(expr).to_series().to_list()
    ['met', 'not_met']
    """
    eps = _eps(threshold)
    ok = (
        pl.when(comparator == ">=")
        .then(value >= threshold - eps)
        .when(comparator == "<=")
        .then(value <= threshold + eps)
        .when(comparator == "==")
        .then((value - threshold).abs() <= eps)
        .when(comparator == "within")
        .then(value <= 0)
        .otherwise(value >= 0.5)
    )
    return (
        pl.when(threshold_status == "unverified")
        .then(pl.lit("threshold_unverified"))
        .when(~complete.fill_null(False) | value.is_null())
        .then(pl.lit("insufficient_data"))
        .when(ok)
        .then(pl.lit("met"))
        .otherwise(pl.lit("not_met"))
    )


def gap_firms(numerator: pl.Expr, denominator: pl.Expr, threshold: pl.Expr) -> pl.Expr:
    r"""Firms to add so that the share :math:`100\,n/N` reaches :math:`T` %: :math:`\lceil T N/100 - n \rceil`.

    Examples
    --------
    >>> pl.select(gap_firms(pl.lit(1.0), pl.lit(20.0), pl.lit(20.0))).item()
    3.0
    """
    need = threshold * denominator / 100.0 - numerator
    return pl.max_horizontal(pl.lit(0.0), (need - 1e-9).ceil())


def gap_amount(numerator: pl.Expr, denominator: pl.Expr, threshold: pl.Expr) -> pl.Expr:
    r"""Amount to add so that the share :math:`100\,n/D` reaches :math:`T` %: :math:`T D/100 - n`."""
    return pl.max_horizontal(pl.lit(0.0), threshold * denominator / 100.0 - numerator)


def gap_value(
    gap: pl.Expr, value: pl.Expr, numerator: pl.Expr, denominator: pl.Expr, threshold: pl.Expr, others: pl.Expr
) -> pl.Expr:
    """Gap of a miss in the unit of its ``gap`` kind (see the module docstring); null for other kinds.

    ``others`` is the list of entities that fail a yes/no check (its length is the gap of a
    ``boolean`` indicator that names firms; 1 otherwise).
    """
    return (
        pl.when(gap == "firms")
        .then(gap_firms(numerator, denominator, threshold))
        .when(gap == "amount")
        .then(gap_amount(numerator, denominator, threshold))
        .when(gap == "count")
        .then(pl.max_horizontal(pl.lit(0.0), threshold - value))
        .when(gap == "ratio")
        .then(pl.max_horizontal(pl.lit(0.0), threshold * denominator - numerator))
        .when(gap == "years")
        .then(pl.max_horizontal(pl.lit(0.0), value - threshold))
        .when(gap == "violations")
        .then(value)
        .when(gap == "boolean")
        .then(pl.max_horizontal(pl.lit(1.0), others.list.len().cast(pl.Float64)))
        .otherwise(None)
    )


def combine_statuses(status: pl.Expr) -> pl.Expr:
    """Aggregate the results of a criterion's conditions (use inside ``group_by().agg``).

    Examples
    --------
    >>> df = pl.DataFrame({"k": [1, 1, 2, 2], "s": ["met", "insufficient_data", "met", "not_met"]})
    >>> df.group_by("k", maintain_order=True).agg(combine_statuses(pl.col("s"))).get_column("s").to_list()
    ['insufficient_data', 'not_met']
    """
    rank = status.replace_strict(_RANK, return_dtype=pl.Int8).max()
    return (
        pl.when(rank == _RANK["not_met"])
        .then(pl.lit("not_met"))
        .when(rank == _RANK["insufficient_data"])
        .then(pl.lit("insufficient_data"))
        .when(rank == _RANK["threshold_unverified"])
        .then(pl.lit("threshold_unverified"))
        .otherwise(pl.lit("met"))
        .alias(status.meta.output_name())
    )
