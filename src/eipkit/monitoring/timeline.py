r"""What the park has put in place over the years: RECP measures and symbiosis exchanges.

Both timelines count what is in place at the end of each year and add up its annual savings:

.. math::

    S_y = \sum_{k:\, t_k \le y} s_k

where :math:`t_k` is the year measure (or exchange) :math:`k` started and :math:`s_k` its annual
saving (``annual_saving`` of a measure, ``annual_benefit`` of an exchange, both VND/a, and
``co2_saving`` in t/a). Measures count when their status is ``implemented`` or ``verified``;
exchanges when their status is ``operating``. Items without a year (or start date) cannot be
placed in time: they are left out of the timeline and counted by :func:`undated_items`.
"""

from __future__ import annotations

import polars as pl

from eipkit.park import Park

__all__ = ["exchange_timeline", "measure_timeline", "undated_items"]

_IN_PLACE = ["implemented", "verified"]


def _years(first: int | None, last: int | None) -> pl.DataFrame:
    if first is None or last is None or last < first:
        return pl.DataFrame({"year": []}, schema={"year": pl.Int64})
    return pl.DataFrame({"year": list(range(first, last + 1))}, schema={"year": pl.Int64})


def _last_year(park: Park, dated: pl.Series, year: int | None) -> int | None:
    if year is not None:
        return year
    candidates = [int(v) for v in (park.meta.get("data_year"), dated.max()) if isinstance(v, int)]
    return max(candidates) if candidates else None


def measure_timeline(park: Park, year: int | None = None) -> pl.DataFrame:
    """Return RECP measures in place and their savings, year by year.

    Parameters
    ----------
    park : Park
    year : int, optional
        Last year of the timeline (default: the park's ``data_year`` or the latest measure year).

    Returns
    -------
    polars.DataFrame
        ``year``, ``measures`` (put in place that year), ``measures_total``, ``verified_total``,
        and cumulative ``capex`` [VND], ``annual_saving`` [VND/a], ``verified_saving`` [VND/a]
        (measures with status ``verified``) and ``co2_saving`` [t/a].
    """
    m = park.measures.filter(pl.col("status").is_in(_IN_PLACE) & pl.col("year").is_not_null())
    last = _last_year(park, m.get_column("year"), year)
    years = _years(m.get_column("year").min(), last)  # type: ignore[arg-type]
    verified = pl.col("status") == "verified"
    per_year = m.group_by("year").agg(
        pl.len().cast(pl.Int64).alias("measures"),
        verified.sum().cast(pl.Int64).alias("verified"),
        pl.col("capex").fill_null(0.0).sum().alias("capex"),
        pl.col("annual_saving").fill_null(0.0).sum().alias("annual_saving"),
        pl.col("annual_saving").filter(verified).fill_null(0.0).sum().alias("verified_saving"),
        pl.col("co2_saving").fill_null(0.0).sum().alias("co2_saving"),
    )
    out = years.join(per_year, on="year", how="left").fill_null(0).sort("year")
    return out.select(
        "year",
        "measures",
        pl.col("measures").cum_sum().alias("measures_total"),
        pl.col("verified").cum_sum().alias("verified_total"),
        pl.col("capex").cum_sum(),
        pl.col("annual_saving").cum_sum(),
        pl.col("verified_saving").cum_sum(),
        pl.col("co2_saving").cum_sum(),
    )


def exchange_timeline(park: Park, year: int | None = None) -> pl.DataFrame:
    """Return operating symbiosis exchanges and their verified benefits, year by year.

    Parameters
    ----------
    park : Park
    year : int, optional
        Last year of the timeline (default: the park's ``data_year`` or the latest start year).

    Returns
    -------
    polars.DataFrame
        ``year``, ``exchanges`` (started that year), ``exchanges_total`` and cumulative
        ``annual_benefit`` [VND/a].
    """
    x = park.exchanges.filter((pl.col("status") == "operating") & pl.col("start_date").is_not_null())
    x = x.with_columns(pl.col("start_date").dt.year().cast(pl.Int64).alias("year"))
    last = _last_year(park, x.get_column("year"), year)
    years = _years(x.get_column("year").min(), last)  # type: ignore[arg-type]
    per_year = x.group_by("year").agg(
        pl.len().cast(pl.Int64).alias("exchanges"),
        pl.col("annual_benefit").fill_null(0.0).sum().alias("annual_benefit"),
    )
    out = years.join(per_year, on="year", how="left").fill_null(0).sort("year")
    return out.select(
        "year",
        "exchanges",
        pl.col("exchanges").cum_sum().alias("exchanges_total"),
        pl.col("annual_benefit").cum_sum(),
    )


def undated_items(park: Park) -> dict[str, int]:
    """Count measures in place without a year and operating exchanges without a start date."""
    measures = park.measures.filter(pl.col("status").is_in(_IN_PLACE) & pl.col("year").is_null()).height
    exchanges = park.exchanges.filter((pl.col("status") == "operating") & pl.col("start_date").is_null()).height
    return {"measures": measures, "exchanges": exchanges}
