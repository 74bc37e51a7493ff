"""The annual monitoring study: every table of a year-on-year monitoring report, in one call."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from eipkit.monitoring.series import kpi_series, monthly_series
from eipkit.monitoring.timeline import exchange_timeline, measure_timeline, undated_items
from eipkit.monitoring.trends import trend_table, year_on_year
from eipkit.park import Park

__all__ = ["MonitoringResult", "MonitoringStudy"]


@dataclass(frozen=True)
class MonitoringResult:
    """Tables of the annual monitoring of one park (see :class:`MonitoringStudy`).

    Attributes
    ----------
    park_id : str
    year : int or None
        The report year (None when the park has no KPI, measure or exchange with a year).
    series : polars.DataFrame
        Annual KPI series (:func:`~eipkit.monitoring.kpi_series`).
    monthly : polars.DataFrame
        Monthly KPI rows (:func:`~eipkit.monitoring.monthly_series`).
    changes : polars.DataFrame
        Year-on-year changes of the report year (:func:`~eipkit.monitoring.year_on_year`).
    trends : polars.DataFrame
        Trends over all complete years (:func:`~eipkit.monitoring.trend_table`).
    measures, exchanges : polars.DataFrame
        Timelines of RECP measures and symbiosis exchanges in place.
    undated : dict
        Measures and exchanges in place that have no year (left out of the timelines).
    """

    park_id: str
    year: int | None
    series: pl.DataFrame
    monthly: pl.DataFrame
    changes: pl.DataFrame
    trends: pl.DataFrame
    measures: pl.DataFrame
    exchanges: pl.DataFrame
    undated: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output (tables as lists of records)."""
        return {
            "park": self.park_id,
            "year": self.year,
            "series": self.series.to_dicts(),
            "changes": self.changes.to_dicts(),
            "trends": self.trends.to_dicts(),
            "measures": self.measures.to_dicts(),
            "exchanges": self.exchanges.to_dicts(),
            "undated": self.undated,
        }


class MonitoringStudy:
    """Run the annual monitoring of a park: series, year-on-year changes, trends and timelines.

    Parameters
    ----------
    park : Park
    year : int, optional
        Report year (default: the park's ``data_year``, else the latest KPI year).
    lang : {"vi", "en"}
        Language of indicator names.

    Examples
    --------
    >>> from eipkit.datasets import demo_park
    >>> result = MonitoringStudy(demo_park()).run()
    >>> result.year
    2025
    """

    def __init__(self, park: Park, year: int | None = None, lang: str = "en") -> None:
        self.park = park
        self.year = year
        self.lang = lang

    def report_year(self, series: pl.DataFrame) -> int | None:
        """Return the report year: the one given, the park's ``data_year`` or the latest KPI year."""
        if self.year is not None:
            return self.year
        data_year = self.park.meta.get("data_year")
        if data_year is not None:
            return int(data_year)
        latest = series.get_column("year").max()
        return int(latest) if latest is not None else None  # type: ignore[arg-type]

    def run(self) -> MonitoringResult:
        """Compute every table and return a :class:`MonitoringResult`."""
        series = kpi_series(self.park, lang=self.lang)
        year = self.report_year(series)
        upto = series if year is None else series.filter(pl.col("year") <= year)
        changes = year_on_year(upto)
        if year is not None:
            changes = changes.filter(pl.col("year") == year)
        return MonitoringResult(
            park_id=self.park.id,
            year=year,
            series=upto,
            monthly=monthly_series(self.park, lang=self.lang),
            changes=changes,
            trends=trend_table(upto),
            measures=measure_timeline(self.park, year),
            exchanges=exchange_timeline(self.park, year),
            undated=undated_items(self.park),
        )
