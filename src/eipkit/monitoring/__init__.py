"""Annual monitoring of a park: KPI time series per park and per firm, trends, year-on-year changes.

* :func:`kpi_series`, :func:`monthly_series` - the ``kpis`` table as series in one unit, months
  combined into years;
* :func:`year_on_year`, :func:`trend_table` (and the single-series :func:`linear_trend`,
  :func:`compound_annual_growth`) - changes and trends, judged against each indicator's better
  direction (:func:`indicator_info`);
* :func:`measure_timeline`, :func:`exchange_timeline` - RECP measures and symbiosis exchanges
  in place with their verified savings, year by year;
* :func:`import_year`, :func:`stream_kpis`, :func:`kpi_changes` - add a new year's data (KPI
  rows or a whole park file) and get a new, validated park;
* :class:`MonitoringStudy` - every table of the annual monitoring report in one call.

>>> from eipkit.datasets import demo_park
>>> from eipkit.monitoring import kpi_series, year_on_year
>>> yoy = year_on_year(kpi_series(demo_park()))
>>> yoy.filter(entity="DEMO_SONGCAU", indicator="water_use", year=2025)["change"].item()
50000.0
"""

from eipkit.monitoring.importing import DERIVED_SOURCE, import_year, kpi_changes, stream_kpis
from eipkit.monitoring.series import (
    MonitoringInputError,
    indicator_info,
    indicator_source,
    kpi_series,
    monthly_series,
)
from eipkit.monitoring.study import MonitoringResult, MonitoringStudy
from eipkit.monitoring.timeline import exchange_timeline, measure_timeline, undated_items
from eipkit.monitoring.trends import (
    STABLE_PERCENT,
    TrendFit,
    compound_annual_growth,
    linear_trend,
    trend_table,
    year_on_year,
)

__all__ = [
    "DERIVED_SOURCE",
    "STABLE_PERCENT",
    "MonitoringInputError",
    "MonitoringResult",
    "MonitoringStudy",
    "TrendFit",
    "compound_annual_growth",
    "exchange_timeline",
    "import_year",
    "indicator_info",
    "indicator_source",
    "kpi_changes",
    "kpi_series",
    "linear_trend",
    "measure_timeline",
    "monthly_series",
    "stream_kpis",
    "trend_table",
    "undated_items",
    "year_on_year",
]
