"""Year-on-year changes and trends of KPI series.

Pure functions on one series (:func:`linear_trend`, :func:`compound_annual_growth`) and their
vectorised versions on a table of many series (:func:`year_on_year`, :func:`trend_table`, one
pass over all entities and indicators). Only complete years are used (see
:func:`eipkit.monitoring.kpi_series`).

A change is judged against the indicator's better direction (``better`` = ``lower`` or
``higher``): ``better``, ``worse`` or ``stable`` when the relative change is smaller than
:data:`STABLE_PERCENT`; no judgement (null) when the indicator has no better direction.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import polars as pl

__all__ = ["STABLE_PERCENT", "TrendFit", "compound_annual_growth", "linear_trend", "trend_table", "year_on_year"]

#: Relative change (percent, or percent per year for trends) below which a KPI counts as stable.
STABLE_PERCENT = 1.0

_KEYS = ["scope", "entity", "indicator"]


class TrendFit(NamedTuple):
    """Least-squares line through a series: ``value = intercept + slope * year``."""

    slope: float
    intercept: float
    r_squared: float


def _arrays(year: npt.ArrayLike, value: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(year, dtype=float)
    y = np.asarray(value, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError(f"year and value must be 1-D arrays of the same length (got {x.shape} and {y.shape})")
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    if x.size < 2 or np.unique(x).size < 2:
        raise ValueError("a trend needs values in at least two different years")
    return x, y


def linear_trend(year: npt.ArrayLike, value: npt.ArrayLike) -> TrendFit:
    r"""Fit a straight line to a KPI series by ordinary least squares.

    .. math::

        b = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2}, \qquad
        a = \bar y - b \bar x, \qquad
        R^2 = \frac{\left[\sum_i (x_i - \bar x)(y_i - \bar y)\right]^2}
                   {\sum_i (x_i - \bar x)^2 \sum_i (y_i - \bar y)^2}

    with :math:`x_i` the years and :math:`y_i` the values (NaN pairs are dropped). :math:`R^2` is
    NaN for a constant series. Reference: Montgomery, Peck & Vining, *Introduction to Linear
    Regression Analysis*, 5th ed., Wiley 2012, §2.2 and §2.9.

    Parameters
    ----------
    year : array_like
        Calendar years.
    value : array_like
        Values, in one unit.

    Returns
    -------
    TrendFit
        ``slope`` (unit of ``value`` per year), ``intercept`` and ``r_squared``.

    Raises
    ------
    ValueError
        With fewer than two distinct years.

    Examples
    --------
    >>> linear_trend([2022, 2023, 2024], [10.0, 12.0, 14.0]).slope
    2.0
    """
    x, y = _arrays(year, value)
    xc, yc = x - x.mean(), y - y.mean()
    sxy, sxx, syy = float(xc @ yc), float(xc @ xc), float(yc @ yc)
    slope = sxy / sxx
    r2 = sxy * sxy / (sxx * syy) if syy > 0 else float("nan")
    return TrendFit(slope, float(y.mean() - slope * x.mean()), r2)


def compound_annual_growth(year: npt.ArrayLike, value: npt.ArrayLike) -> float:
    r"""Return the compound annual growth rate between the first and the last year of a series.

    .. math::

        g = \left(\frac{y_{\text{last}}}{y_{\text{first}}}\right)^{1/(x_{\text{last}} -
        x_{\text{first}})} - 1

    The rate is undefined (NaN) unless the first value is positive and the last one is not
    negative. Reference: OECD, *Glossary of Statistical Terms*, "compound annual growth rate".

    Returns
    -------
    float
        Growth per year as a fraction (0.05 = +5 %/a).

    Examples
    --------
    >>> round(compound_annual_growth([2020, 2022], [100.0, 121.0]), 10)
    0.1
    """
    x, y = _arrays(year, value)
    order = np.argsort(x)
    first, last = y[order[0]], y[order[-1]]
    span = x[order[-1]] - x[order[0]]
    if first <= 0 or last < 0:
        return float("nan")
    return float((last / first) ** (1.0 / span) - 1.0)


def _judge(change: pl.Expr) -> pl.Expr:
    """``better``/``worse``/``stable`` from a relative change (percent) and the better direction."""
    good = pl.when(pl.col("better") == "lower").then(change < 0).otherwise(change > 0)
    return (
        pl.when(pl.col("better").is_null() | change.is_null())
        .then(pl.lit(None, pl.String))
        .when(change.abs() < STABLE_PERCENT)
        .then(pl.lit("stable"))
        .when(good)
        .then(pl.lit("better"))
        .otherwise(pl.lit("worse"))
    )


def year_on_year(series: pl.DataFrame) -> pl.DataFrame:
    r"""Compare every complete year of each series with the previous complete year.

    .. math::

        \Delta_y = v_y - v_{y'}, \qquad \Delta_y^{\%} = 100\, \frac{v_y - v_{y'}}{|v_{y'}|}

    where :math:`y'` is the latest earlier complete year of the same series (``previous_year``;
    usually :math:`y - 1`, older when years are missing). :math:`\Delta^{\%}` is null when
    :math:`v_{y'} = 0`.

    Parameters
    ----------
    series : polars.DataFrame
        Output of :func:`eipkit.monitoring.kpi_series`.

    Returns
    -------
    polars.DataFrame
        The complete rows of ``series`` that have a previous year, with ``previous_year``,
        ``previous_value``, ``change``, ``change_percent`` and ``direction``.
    """
    prev = pl.col("value").shift(1).over(_KEYS)
    rows = (
        series.filter(pl.col("complete"))
        .sort([*_KEYS, "year"])
        .with_columns(pl.col("year").shift(1).over(_KEYS).alias("previous_year"), prev.alias("previous_value"))
        .filter(pl.col("previous_year").is_not_null())
    )
    change = pl.col("value") - pl.col("previous_value")
    percent = pl.when(pl.col("previous_value") != 0).then(100.0 * change / pl.col("previous_value").abs())
    rows = rows.with_columns(change.alias("change"), percent.alias("change_percent"))
    return rows.with_columns(_judge(pl.col("change_percent")).alias("direction"))


def trend_table(series: pl.DataFrame) -> pl.DataFrame:
    r"""Fit a linear trend and a compound growth rate to every series with two or more complete years.

    The same formulas as :func:`linear_trend` and :func:`compound_annual_growth`, evaluated for
    all series at once. ``relative_slope`` is :math:`100\, b / \bar y` (percent of the mean per
    year) and decides ``direction``.

    Parameters
    ----------
    series : polars.DataFrame
        Output of :func:`eipkit.monitoring.kpi_series`.

    Returns
    -------
    polars.DataFrame
        One row per series: ``scope``, ``entity``, ``entity_name``, ``indicator``,
        ``indicator_name``, ``better``, ``unit``, ``first_year``, ``last_year``, ``points``,
        ``first_value``, ``last_value``, ``slope`` (unit per year), ``relative_slope`` (%/a),
        ``r_squared``, ``cagr`` (%/a) and ``direction``.
    """
    rows = series.filter(pl.col("complete") & pl.col("value").is_not_null()).sort([*_KEYS, "year"])
    x = pl.col("year").cast(pl.Float64)
    xc = x - x.mean()
    yc = pl.col("value") - pl.col("value").mean()
    sxy, sxx, syy = (xc * yc).sum(), (xc * xc).sum(), (yc * yc).sum()
    first, last = pl.col("value").first(), pl.col("value").last()
    span = (pl.col("year").last() - pl.col("year").first()).cast(pl.Float64)
    cagr = pl.when((first > 0) & (last >= 0)).then(100.0 * ((last / first) ** (1.0 / span) - 1.0))
    out = (
        rows.group_by(_KEYS, maintain_order=True)
        .agg(
            pl.col("entity_name").first(),
            pl.col("indicator_name").first(),
            pl.col("better").first(),
            pl.col("unit").first(),
            pl.col("year").first().alias("first_year"),
            pl.col("year").last().alias("last_year"),
            pl.col("year").n_unique().alias("points"),
            first.alias("first_value"),
            last.alias("last_value"),
            (sxy / sxx).alias("slope"),
            (100.0 * (sxy / sxx) / pl.col("value").mean().abs()).alias("relative_slope"),
            pl.when(syy > 0).then(sxy * sxy / (sxx * syy)).alias("r_squared"),
            cagr.alias("cagr"),
        )
        .filter(pl.col("points") >= 2)
    )
    out = out.with_columns(
        pl.when(pl.col("relative_slope").is_finite()).then(pl.col("relative_slope")).alias("relative_slope")
    )
    return out.with_columns(_judge(pl.col("relative_slope")).alias("direction"))
