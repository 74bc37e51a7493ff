r"""KPI time series of a park and its firms, read from the park's ``kpis`` table.

A KPI row is one value of one indicator for one entity (the park or a firm) in one year, or in
one month of a year. :func:`kpi_series` returns one annual value per entity, indicator and year:

* annual rows are taken as given;
* months are combined into a year when no annual row exists for it: stocks (t, m³, MWh, pieces
  per month) are summed, rates and shares (m³/day, %, counts) are averaged weighted by the days of
  each month,

.. math::

    V_y = \sum_{m} v_m \quad \text{(stocks)}, \qquad
    \bar v_y = \frac{\sum_m d_m\, v_m}{\sum_m d_m} \quad \text{(rates)},

  where :math:`d_m` is the number of days of month :math:`m`; a year with fewer than 12 months is
  kept but marked ``complete = False`` (trends and year-on-year changes skip it);
* the values of one entity and indicator are expressed in one unit: that of the latest row.
  Values in another unit of the same kind are converted; a unit of another kind is an error.

Indicator names and the direction that is better come from ``_data/indicators.yaml``
(:func:`indicator_info`); any other indicator key is accepted and shown by its key.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from eipkit.park import Park
from eipkit.units import UnitError, conversion_factor, kind_of

__all__ = ["MonitoringInputError", "indicator_info", "indicator_source", "kpi_series", "monthly_series"]

#: Quantity kinds whose monthly values add up to a year (a stock per month).
_STOCK_KINDS = frozenset({"mass", "volume", "energy", "count"})
_KEYS = ["entity", "indicator"]


class MonitoringInputError(ValueError):
    """Monitoring data that cannot be used as given; the message says what to change."""


@cache
def _indicators() -> dict[str, Any]:
    text = resources.files("eipkit.monitoring").joinpath("_data", "indicators.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def indicator_source() -> str:
    """Return the source statement of the indicator list (for the methodology annex)."""
    return str(_indicators()["source"])


def indicator_info(key: str, lang: str = "en") -> dict[str, Any]:
    """Return the name of indicator ``key`` in ``lang`` and which direction is better.

    Returns
    -------
    dict
        ``key``, ``name`` (the key itself for an indicator eipkit does not know) and ``better``
        (``"lower"``, ``"higher"`` or None when a change is neither good nor bad).

    Examples
    --------
    >>> indicator_info("water_use", "vi")["name"], indicator_info("water_use")["better"]
    ('Nước sử dụng', 'lower')
    >>> indicator_info("my_kpi")
    {'key': 'my_kpi', 'name': 'my_kpi', 'better': None}
    """
    entry = _indicators()["items"].get(key, {})
    return {"key": key, "name": str(entry.get(lang) or entry.get("en") or key), "better": entry.get("better")}


def _indicator_frame(keys: list[str], lang: str) -> pl.DataFrame:
    infos = [indicator_info(k, lang) for k in keys]
    return pl.DataFrame(
        {
            "indicator": keys,
            "indicator_name": [i["name"] for i in infos],
            "better": [i["better"] for i in infos],
        },
        schema={"indicator": pl.String, "indicator_name": pl.String, "better": pl.String},
    )


def _entities(park: Park) -> pl.DataFrame:
    firms = park.firms.select(pl.col("id").alias("entity"), pl.col("name").alias("entity_name"))
    record = pl.DataFrame({"entity": [park.id], "entity_name": [park.name]})
    return pl.concat([record, firms]).unique("entity", keep="first")


def _unit_factors(kpis: pl.DataFrame) -> pl.DataFrame:
    """One target unit per entity and indicator (the latest row's) and a factor per row."""
    latest = (
        kpis.sort(["year", "month"], nulls_last=False)
        .group_by(_KEYS, maintain_order=True)
        .agg(pl.col("unit").last().alias("target_unit"))
    )
    rows = kpis.join(latest, on=_KEYS, how="left", nulls_equal=True)
    pairs = rows.select("entity", "indicator", "unit", "target_unit").unique()
    factors: dict[tuple[str | None, str | None], float] = {}
    for entity, indicator, unit, target in pairs.iter_rows():
        if (unit, target) in factors:
            continue
        if unit == target:
            factors[(unit, target)] = 1.0
            continue
        if unit is None or target is None:
            raise MonitoringInputError(
                f"KPI '{indicator}' of '{entity}' has values with and without a unit "
                f"({unit or 'none'} and {target or 'none'}); give every year the same unit"
            )
        try:
            if kind_of(unit) == "temperature":
                raise UnitError("temperatures are not converted in KPI series")
            factors[(unit, target)] = conversion_factor(unit, target)
        except UnitError as exc:
            raise MonitoringInputError(
                f"KPI '{indicator}' of '{entity}' is given in '{unit}' and in '{target}', which cannot be "
                f"converted ({exc}); use one unit for every year of an indicator"
            ) from None
    table = pl.DataFrame(
        {
            "unit": [k[0] for k in factors],
            "target_unit": [k[1] for k in factors],
            "factor": list(factors.values()),
        },
        schema={"unit": pl.String, "target_unit": pl.String, "factor": pl.Float64},
    )
    return rows.join(table, on=["unit", "target_unit"], how="left", nulls_equal=True)


def _stock_flags(units: list[str | None]) -> pl.DataFrame:
    flags = []
    for unit in units:
        try:
            flags.append(unit is not None and kind_of(unit) in _STOCK_KINDS)
        except UnitError:
            flags.append(False)
    return pl.DataFrame({"unit": units, "stock": flags}, schema={"unit": pl.String, "stock": pl.Boolean})


def _harmonised(park: Park, entity: str | None, indicator: str | None) -> pl.DataFrame:
    kpis = park.kpis
    if entity is not None:
        kpis = kpis.filter(pl.col("entity") == entity)
    if indicator is not None:
        kpis = kpis.filter(pl.col("indicator") == indicator)
    if kpis.is_empty():
        return kpis.with_columns(pl.lit(None, pl.String).alias("target_unit"))
    rows = _unit_factors(kpis)
    return rows.with_columns((pl.col("value") * pl.col("factor")).alias("value"), pl.col("target_unit").alias("unit"))


def _decorate(frame: pl.DataFrame, park: Park, lang: str) -> pl.DataFrame:
    names = _indicator_frame(sorted(set(frame.get_column("indicator").to_list())), lang)
    return (
        frame.join(_entities(park), on="entity", how="left")
        .join(names, on="indicator", how="left")
        .with_columns(
            pl.when(pl.col("entity") == park.id).then(pl.lit("park")).otherwise(pl.lit("firm")).alias("scope")
        )
    )


_SERIES_COLUMNS = [
    "scope",
    "entity",
    "entity_name",
    "indicator",
    "indicator_name",
    "better",
    "year",
    "value",
    "unit",
    "verified",
    "months",
    "complete",
    "source_note",
]


def _empty_series() -> pl.DataFrame:
    types: dict[str, Any] = dict.fromkeys(_SERIES_COLUMNS, pl.String)
    types.update(year=pl.Int64, value=pl.Float64, verified=pl.Boolean, months=pl.Int64, complete=pl.Boolean)
    return pl.DataFrame(schema=types)


def kpi_series(park: Park, entity: str | None = None, indicator: str | None = None, lang: str = "en") -> pl.DataFrame:
    """Return one value per entity, indicator and year (monthly values combined into years).

    Parameters
    ----------
    park : Park
    entity : str, optional
        Only this entity (the park id or a firm id).
    indicator : str, optional
        Only this indicator key.
    lang : {"vi", "en"}
        Language of ``indicator_name``.

    Returns
    -------
    polars.DataFrame
        Columns ``scope`` (``park`` or ``firm``), ``entity``, ``entity_name``, ``indicator``,
        ``indicator_name``, ``better``, ``year``, ``value``, ``unit``, ``verified`` (every value
        of the year verified), ``months`` (number of months combined; null for an annual row),
        ``complete`` and ``source_note``; park rows first.

    Raises
    ------
    MonitoringInputError
        If one indicator of one entity is given in units that cannot be converted to each other.

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P", "name": "KCN", "province": "Bắc Ninh"},
    ...     firms=[{"id": "F1", "name": "A", "sector": "food"}],
    ...     kpis=[{"entity": "P", "indicator": "electricity_use", "year": 2024, "value": 1.2, "unit": "GWh/a"},
    ...           {"entity": "P", "indicator": "electricity_use", "year": 2025, "value": 1300, "unit": "MWh/a"}])
    >>> kpi_series(p)["value"].to_list()
    [1200.0, 1300.0]
    """
    rows = _harmonised(park, entity, indicator)
    if rows.is_empty():
        return _empty_series()
    annual = rows.filter(pl.col("month").is_null()).with_columns(
        pl.lit(None, pl.Int64).alias("months"), pl.lit(True).alias("complete")
    )
    monthly = rows.filter(pl.col("month").is_not_null())
    columns = ["entity", "indicator", "year", "value", "unit", "verified", "months", "complete", "source_note"]
    parts = [annual.select(columns)]
    if monthly.height:
        days = pl.date(pl.col("year"), pl.col("month"), 1).dt.month_end().dt.day().cast(pl.Float64)
        stocks = _stock_flags(sorted(set(monthly.get_column("unit").to_list()), key=str))
        combined = (
            monthly.with_columns(days.alias("days"))
            .join(stocks, on="unit", how="left", nulls_equal=True)
            .group_by(["entity", "indicator", "year", "unit"])
            .agg(
                pl.when(pl.col("stock").first())
                .then(pl.col("value").sum())
                .otherwise((pl.col("value") * pl.col("days")).sum() / pl.col("days").sum())
                .alias("value"),
                pl.col("verified").fill_null(False).all().alias("verified"),
                pl.col("month").n_unique().cast(pl.Int64).alias("months"),
                pl.col("source_note").drop_nulls().first().alias("source_note"),
            )
            .with_columns((pl.col("months") == 12).alias("complete"))
            .join(annual.select("entity", "indicator", "year"), on=["entity", "indicator", "year"], how="anti")
        )
        parts.append(combined.select(columns))
    out = _decorate(pl.concat(parts, how="vertical_relaxed"), park, lang)
    return out.select(_SERIES_COLUMNS).sort(
        [pl.col("scope") != "park", "entity", "indicator", "year"], maintain_order=True
    )


def monthly_series(
    park: Park, entity: str | None = None, indicator: str | None = None, lang: str = "en"
) -> pl.DataFrame:
    """Return the monthly KPI rows, in one unit per entity and indicator, with a ``date`` column.

    Returns
    -------
    polars.DataFrame
        Columns ``scope``, ``entity``, ``entity_name``, ``indicator``, ``indicator_name``,
        ``year``, ``month``, ``date`` (first day of the month), ``value``, ``unit``, ``verified``.
    """
    rows = _harmonised(park, entity, indicator).filter(pl.col("month").is_not_null())
    columns = [
        "scope",
        "entity",
        "entity_name",
        "indicator",
        "indicator_name",
        "year",
        "month",
        "date",
        "value",
        "unit",
        "verified",
    ]
    if rows.is_empty():
        types: dict[str, Any] = dict.fromkeys(columns, pl.String)
        types.update(year=pl.Int64, month=pl.Int64, date=pl.Date, value=pl.Float64, verified=pl.Boolean)
        return pl.DataFrame(schema=types)
    rows = rows.with_columns(pl.date(pl.col("year"), pl.col("month"), 1).alias("date"))
    return _decorate(rows, park, lang).select(columns).sort(["entity", "indicator", "date"])
