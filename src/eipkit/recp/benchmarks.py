r"""Comparison of firms' resource intensity with published sector benchmarks.

For a firm with intensity :math:`x` (resource per unit of output, :mod:`eipkit.recp.indicators`)
and a benchmark with typical value :math:`x_{typ}` and, where published, best practice
:math:`x_{best}`:

.. math:: \rho = x / x_{typ}, \qquad
          \Delta Q = \max(0, x - x_{best})\,Y \quad \text{(saving potential to best practice)}

Only benchmarks with a published source are shipped (``recp/_data/benchmarks.yaml``); a firm
whose sector, indicator or output kind has no benchmark is not compared.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from eipkit.recp.indicators import firm_resources

__all__ = ["benchmark_table", "compare_benchmarks"]


@cache
def _benchmarks() -> dict[str, Any]:
    text = resources.files("eipkit.recp").joinpath("_data", "benchmarks.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)["benchmarks"]
    return data


def benchmark_table() -> pl.DataFrame:
    """Return the shipped sector benchmarks with their unit, range, source and confidence."""
    rows = []
    for key, b in _benchmarks().items():
        low, high = b["range"] or [None, None]
        rows.append(
            {
                "benchmark": key,
                "sector": b["sector"],
                "indicator": b["indicator"],
                "output_kind": b["output_kind"],
                "unit": b["unit"],
                "typical": float(b["typical"]),
                "best": None if b["best"] is None else float(b["best"]),
                "range_low": None if low is None else float(low),
                "range_high": None if high is None else float(high),
                "source": b["source"],
                "confidence": b["confidence"],
                "note": b.get("note", ""),
            }
        )
    return pl.DataFrame(rows)


def compare_benchmarks(park: Any) -> pl.DataFrame:
    """Compare every firm that has a matching benchmark (see the module docstring).

    Returns
    -------
    polars.DataFrame
        ``firm, name, sector, benchmark, indicator, unit, intensity, typical, best, range_low,
        range_high, ratio_to_typical, position (below_range, within_range, above_range or
        no_range), saving_to_best`` (canonical unit per year, null without a best practice),
        ``source, confidence``.

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P", "name": "P", "province": "Bắc Ninh"},
    ...     firms=[{"id": "B", "name": "B", "sector": "beverage", "output_quantity": 1000, "output_unit": "m3/a"}],
    ...     streams=[{"id": "B.w", "firm": "B", "direction": "in", "category": "water",
    ...               "resource_class": "freshwater", "quantity": 5000, "unit": "m3/a"}])
    >>> row = compare_benchmarks(p).row(0, named=True)
    >>> row["intensity"], row["position"], round(row["saving_to_best"], 6)
    (5.0, 'within_range', 1700.0)
    """
    base = firm_resources(park)
    bench = benchmark_table()
    rows = []
    for b in bench.iter_rows(named=True):
        firms = base.filter(
            (pl.col("sector") == b["sector"])
            & (pl.col("output_kind") == b["output_kind"])
            & pl.col(b["indicator"]).is_not_null()
            & (pl.col("output_amount") > 0)
        )
        for f in firms.iter_rows(named=True):
            x = float(f[b["indicator"]]) / float(f["output_amount"])
            low, high = b["range_low"], b["range_high"]
            if low is None or high is None:
                position = "no_range"
            else:
                position = "below_range" if x < low else "above_range" if x > high else "within_range"
            best = b["best"]
            saving = None if best is None else max(0.0, x - best) * float(f["output_amount"])
            rows.append(
                {
                    "firm": f["firm"],
                    "name": f["name"],
                    "sector": f["sector"],
                    "benchmark": b["benchmark"],
                    "indicator": b["indicator"],
                    "unit": b["unit"],
                    "intensity": x,
                    "typical": b["typical"],
                    "best": best,
                    "range_low": low,
                    "range_high": high,
                    "ratio_to_typical": x / b["typical"],
                    "position": position,
                    "saving_to_best": saving,
                    "source": b["source"],
                    "confidence": b["confidence"],
                }
            )
    schema = {
        "firm": pl.String,
        "name": pl.String,
        "sector": pl.String,
        "benchmark": pl.String,
        "indicator": pl.String,
        "unit": pl.String,
        "intensity": pl.Float64,
        "typical": pl.Float64,
        "best": pl.Float64,
        "range_low": pl.Float64,
        "range_high": pl.Float64,
        "ratio_to_typical": pl.Float64,
        "position": pl.String,
        "saving_to_best": pl.Float64,
        "source": pl.String,
        "confidence": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)
