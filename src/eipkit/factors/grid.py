"""Viet Nam's grid CO2 emission factor by data year (Department of Climate Change)."""

from __future__ import annotations

import polars as pl

from eipkit.factors._base import Factor, UnverifiedValueError, load_data

__all__ = ["grid_emission_factor", "grid_emission_factors"]


def _entry_factor(year: int, entry: dict[str, object], official: bool, sources: str) -> Factor:
    value = entry["value"]
    assert isinstance(value, (int, float))
    note = str(entry.get("document") or entry.get("by") or entry.get("note") or "")
    return Factor(
        name=f"grid_emission_factor_{year}",
        value=float(value),
        unit="tCO2/MWh",
        confidence=str(entry.get("confidence", "")),
        source=str(entry.get("source") or sources),
        status="ok" if official else "estimate",
        note=note if official else f"research estimate, not an official DCC figure: {note}",
    )


def grid_emission_factor(year: int | None = None, estimates: bool = False) -> Factor:
    """Return the national grid emission factor [tCO2/MWh] of a data year.

    Parameters
    ----------
    year : int, optional
        Data year; default the latest official year (2023: 0.6592 tCO2/MWh).
    estimates : bool
        Also accept the 2024/2025 research estimates (not official DCC figures; their status is
        ``estimate``).

    Raises
    ------
    UnverifiedValueError
        For a year without an official value (and, unless ``estimates``, without an estimate).

    Examples
    --------
    >>> grid_emission_factor().value
    0.6592
    >>> grid_emission_factor(2025, estimates=True).status
    'estimate'
    """
    data = load_data("grid")
    sources = "; ".join(data["sources"])
    chosen = int(data["default_year"]) if year is None else int(year)
    official = {int(k): v for k, v in data["official"].items()}
    if chosen in official:
        return _entry_factor(chosen, official[chosen], True, sources)
    research = {int(k): v for k, v in data["research_estimates_not_official"].items()}
    if chosen in research and estimates:
        return _entry_factor(chosen, research[chosen], False, sources)
    hint = " (a research estimate exists: pass estimates=True)" if chosen in research else ""
    raise UnverifiedValueError(
        f"no official grid emission factor for {chosen}{hint}; official years: "
        f"{min(official)}-{max(official)}. Pass another year or your own factor."
    )


def grid_emission_factors() -> pl.DataFrame:
    """Return all official values and research estimates as a table (year, value, status, confidence)."""
    data = load_data("grid")
    rows = []
    for status, key in (("ok", "official"), ("estimate", "research_estimates_not_official")):
        for year, entry in data[key].items():
            rows.append(
                {
                    "year": int(year),
                    "value": float(entry["value"]),
                    "unit": "tCO2/MWh",
                    "status": status,
                    "confidence": str(entry.get("confidence", "")),
                }
            )
    return pl.DataFrame(rows).sort("year")
