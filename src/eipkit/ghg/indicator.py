"""The park GHG indicator: one record the assessment and reports can use."""

from __future__ import annotations

from typing import Any

from eipkit.ghg.account import ghg_account
from eipkit.ghg.avoided import avoided_emissions

__all__ = ["ghg_indicator"]


def ghg_indicator(park: Any, year: int | None = None) -> dict[str, Any]:
    """Key GHG figures of the park (inside its boundary), with data coverage and caveats.

    Returns
    -------
    dict
        ``total``, ``scope1``, ``scope2``, ``biogenic`` [t CO2/a], ``intensity`` [t CO2 per
        billion VND of value added], ``avoided_achieved`` and ``avoided_potential`` [t CO2/a]
        (measures and quantified exchanges), ``grid_factor`` [t CO2/MWh] with its ``grid_year``,
        ``fuel_streams_left_out`` (count), and ``notes``.

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P", "name": "P", "province": "Bắc Ninh"},
    ...     firms=[{"id": "F", "name": "F", "sector": "food", "value_added": 1e10}],
    ...     streams=[{"id": "F.el", "firm": "F", "direction": "in", "category": "energy",
    ...               "resource_class": "electricity", "quantity": 1000, "unit": "MWh/a"}])
    >>> round(ghg_indicator(p)["intensity"], 2)   # 659.2 t over 10 billion VND
    65.92
    """
    account = ghg_account(park, year)
    avoided = avoided_emissions(park, year)["totals"]
    return {
        **{k: account.totals[k] for k in ("total", "scope1", "scope2", "biogenic", "intensity", "grid_factor")},
        "grid_year": account.factors[0].name.rsplit("_", 1)[-1],
        "avoided_achieved": avoided["measures_achieved"] + avoided["exchanges_achieved"],
        "avoided_potential": avoided["measures_potential"] + avoided["exchanges_potential"],
        "fuel_streams_left_out": int(account.fuels.filter(account.fuels["status"] != "ok").height),
        "notes": account.notes,
    }
