r"""Catalogue of typical RECP options with published savings, screened against each firm.

Each option (``recp/_data/options.yaml``) names the firm quantity its saving applies to (its
*basis*, e.g. ``fuel_use``) and the published saving share range :math:`[s_{lo}, s_{hi}]`. For a
firm with basis :math:`B` the screening gives

.. math:: \Delta Q = [s_{lo} B,\ s_{hi} B], \qquad \Delta C = p\,\Delta Q, \qquad
          \Delta \mathrm{CO_2} = e\,\Delta Q

with the firm's own average price :math:`p` of that resource (``annual_cost`` over amount of its
streams) and CO2 factor :math:`e` (grid factor for electricity; the firm's fuel mix with IPCC
factors for fuels). Options whose basis is not in the park data (the compressed-air share of
electricity), or whose source gives no saving share, are listed with that status; options
defined by a benchmark gap use :func:`~eipkit.recp.compare_benchmarks`. No costs are shipped
(no cited Vietnamese costs): use the park's measures table for cost-benefit.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from eipkit.factors import fuel_factor, fuel_of_class, grid_emission_factor
from eipkit.recp.benchmarks import compare_benchmarks
from eipkit.recp.indicators import firm_resources

__all__ = ["option_catalogue", "screen_options"]

#: Bases not in park data, and the firm quantity that makes the option relevant.
_APPLIES_WITH = {"compressed_air_electricity": "electricity_use"}


@cache
def _options() -> dict[str, Any]:
    text = resources.files("eipkit.recp").joinpath("_data", "options.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)["options"]
    return data


def option_catalogue(sector: str | None = None, lang: str = "en") -> pl.DataFrame:
    """Return the catalogue (all options, or those for ``sector``) with ranges and sources.

    Examples
    --------
    >>> "boiler_economiser" in option_catalogue("food")["option"].to_list()
    True
    """
    rows = []
    for key, o in _options().items():
        sectors = o["sectors"]
        if sector is not None and sectors != "all" and sector not in sectors:
            continue
        low, high = o["saving_range"] or (None, None)
        rows.append(
            {
                "option": key,
                "title": o["title"].get(lang, o["title"]["en"]),
                "theme": o["theme"],
                "sectors": "all" if sectors == "all" else ", ".join(sectors),
                "basis": o["basis"],
                "saving_low": low,
                "saving_high": high,
                "payback": o.get("payback"),
                "source": o["source"],
                "confidence": o["confidence"],
                "note": o.get("note", ""),
            }
        )
    schema = {
        "option": pl.String,
        "title": pl.String,
        "theme": pl.String,
        "sectors": pl.String,
        "basis": pl.String,
        "saving_low": pl.Float64,
        "saving_high": pl.Float64,
        "payback": pl.String,
        "source": pl.String,
        "confidence": pl.String,
        "note": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def _prices_and_factors(park: Any, grid: float) -> dict[str, dict[str, float | None]]:
    """Per firm: average price [VND per unit] and CO2 factor [t per unit] of fuel, electricity, water."""
    s = park.streams.filter(pl.col("direction") == "in")
    out: dict[str, dict[str, float | None]] = {}
    acc: dict[str, dict[str, float]] = {}
    for r in s.iter_rows(named=True):
        firm = r["firm"]
        a = acc.setdefault(firm, {})
        amount = r["amount"]
        if amount is None:
            continue
        if r["resource_class"] == "electricity" and r["amount_kind"] == "energy_flow":
            key, qty = "electricity_use", float(amount)
        elif r["category"] == "water" and r["amount_kind"] == "volume_flow":
            key, qty = "water_use", float(amount)
        elif r["category"] == "energy":
            if r["amount_kind"] == "energy_flow":
                qty = float(amount)
            elif r["amount_kind"] == "mass_flow" and r["calorific_value"] is not None:
                qty = float(amount) * float(r["calorific_value"]) / 3.6
            else:
                continue
            key = "fuel_use"
            fuel = fuel_of_class(r["resource_class"])
            factor = fuel_factor(fuel) if fuel else None
            if factor is not None and factor.co2.verified and factor.biogenic_share is not None:
                co2 = qty * 3.6 * float(factor.co2.value or 0.0) * (1 - factor.biogenic_share) / 1000.0
                a["fuel_co2"] = a.get("fuel_co2", 0.0) + co2
                a["fuel_co2_energy"] = a.get("fuel_co2_energy", 0.0) + qty
        else:
            continue
        a[f"{key}_qty"] = a.get(f"{key}_qty", 0.0) + qty
        if r["annual_cost"] is not None:
            a[f"{key}_cost"] = a.get(f"{key}_cost", 0.0) + float(r["annual_cost"])
            a[f"{key}_costed"] = a.get(f"{key}_costed", 0.0) + qty
    for firm, a in acc.items():
        entry: dict[str, float | None] = {}
        for key in ("electricity_use", "water_use", "fuel_use"):
            costed = a.get(f"{key}_costed", 0.0)
            entry[f"{key}_price"] = a[f"{key}_cost"] / costed if costed else None
        entry["electricity_use_co2"] = grid
        entry["water_use_co2"] = None
        energy = a.get("fuel_co2_energy", 0.0)
        entry["fuel_use_co2"] = a["fuel_co2"] / energy if energy else None
        out[firm] = entry
    return out


def screen_options(park: Any, year: int | None = None, lang: str = "en") -> pl.DataFrame:
    """Screen the catalogue against every firm (see the module docstring).

    Returns
    -------
    polars.DataFrame
        One row per firm and applicable option: ``basis_amount``, ``saving_low``/``saving_high``
        [basis unit/a], ``money_low``/``money_high`` [VND/a], ``co2_low``/``co2_high`` [t/a]
        (null where not computable), ``status`` and ``source``.
    """
    grid = float(grid_emission_factor(year).require())
    base = firm_resources(park)
    prices = _prices_and_factors(park, grid)
    gaps = compare_benchmarks(park)
    co2_by_product = (
        park.streams.filter(
            (pl.col("direction") == "out")
            & (pl.col("resource_class") == "co2_concentrated")
            & (pl.col("amount_kind") == "mass_flow")
        )
        .group_by("firm")
        .agg(pl.col("amount").sum())
    )
    co2_bp = dict(zip(co2_by_product["firm"].to_list(), co2_by_product["amount"].to_list(), strict=True))
    catalogue = option_catalogue(lang=lang)
    rows = []
    for firm in base.iter_rows(named=True):
        for o in catalogue.iter_rows(named=True):
            if o["sectors"] != "all" and firm["sector"] not in o["sectors"].split(", "):
                continue
            spec = _options()[o["option"]]
            basis = o["basis"]
            row: dict[str, Any] = {
                "firm": firm["firm"],
                "name": firm["name"],
                "sector": firm["sector"],
                "option": o["option"],
                "title": o["title"],
                "basis": basis,
                "source": o["source"],
                "confidence": o["confidence"],
            }
            low: float
            high: float | None
            amount: float | None
            if "benchmark" in spec:
                gap = gaps.filter((pl.col("firm") == firm["firm"]) & (pl.col("benchmark") == spec["benchmark"]))
                if gap.is_empty() or gap["saving_to_best"][0] is None:
                    continue
                amount = float(firm[basis]) if firm.get(basis) is not None else None
                low = float(gap["saving_to_best"][0])
                high = low
                status = "benchmark_gap" if low > 0 else "at_best_practice"
            elif basis == "co2_by_product":
                by_product = co2_bp.get(firm["firm"])
                if by_product is None:
                    continue
                amount = float(by_product)
                low = amount * float(o["saving_low"])
                high = None if o["saving_high"] is None else amount * float(o["saving_high"])
                status = "ok" if o["saving_high"] is not None else "at_least"
            elif basis not in base.columns:
                proxy = _APPLIES_WITH.get(basis)
                if proxy is not None and firm.get(proxy) is not None:
                    rows.append({**row, "status": "basis_not_in_park_data"})
                continue
            else:
                amount = firm[basis]
                if amount is None or amount <= 0:
                    continue
                if o["saving_low"] is None:
                    rows.append({**row, "basis_amount": float(amount), "status": "no_published_saving_share"})
                    continue
                low, high = float(amount) * o["saving_low"], float(amount) * o["saving_high"]
                status = "ok"
            row.update({"basis_amount": amount, "saving_low": low, "saving_high": high, "status": status})
            info = prices.get(firm["firm"], {})
            price, factor = info.get(f"{basis}_price"), info.get(f"{basis}_co2")
            if price is not None:
                row.update({"money_low": low * price, "money_high": None if high is None else high * price})
            if factor is not None:
                row.update({"co2_low": low * factor, "co2_high": None if high is None else high * factor})
            rows.append(row)
    schema = {
        "firm": pl.String,
        "name": pl.String,
        "sector": pl.String,
        "option": pl.String,
        "title": pl.String,
        "basis": pl.String,
        "basis_amount": pl.Float64,
        "saving_low": pl.Float64,
        "saving_high": pl.Float64,
        "money_low": pl.Float64,
        "money_high": pl.Float64,
        "co2_low": pl.Float64,
        "co2_high": pl.Float64,
        "status": pl.String,
        "source": pl.String,
        "confidence": pl.String,
    }
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)
