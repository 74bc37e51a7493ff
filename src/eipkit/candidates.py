"""The candidate-link table: the contract between engines that propose links and the network.

Bottom floor: heat (inter-firm matches), the park adapter of the network and any other engine
write candidate links in these columns, and :mod:`eipkit.network` selects among them. The
columns are plain polars columns:

One row per possible link (an exchange of a material, water or heat from one firm to another):

====================== ========================= ===============================================
column                 unit                      meaning
====================== ========================= ===============================================
``id``                 -                         unique link id (required)
``supplier``           -                         firm giving the resource (required)
``receiver``           -                         firm taking it (required, not the supplier)
``resource_class``     -                         what flows (eipkit taxonomy), optional
``amount_kind``        -                         ``mass_flow``, ``volume_flow`` or ``energy_flow``
``max_amount``         t/a, m³/a or MWh/a        most the link can carry (capacity), > 0 (required)
``supply_stream``      -                         supply node id (a stream id); links sharing it
                                                 share ``supply_amount``; empty = own node
``supply_amount``      as ``max_amount``         what the supply node can give; empty = no limit
``supply_factor``      -                         supply used per unit delivered (>= 1 with losses);
                                                 default 1
``demand_stream``      -                         demand node id; links sharing it share
                                                 ``demand_amount``; empty = own node
``demand_amount``      as ``max_amount``         what the demand node can take; empty = no limit
``supplier_saving``    VND per unit              what the supplier saves per unit given (avoided
                                                 disposal fee; negative = forgone sale); default 0
``receiver_saving``    VND per unit              what the receiver saves per unit taken (avoided
                                                 purchase or fuel); default 0
``variable_cost``      VND per unit              running cost per unit moved (transport, pumping,
                                                 treatment); default 0
``fixed_cost``         VND/a                     yearly cost of having the link (annualised
                                                 investment, contract); default 0
``co2_avoided_per_unit`` t CO2e per unit         emissions avoided per unit moved; default 0
``group``              -                         shared infrastructure (pipe corridor, truck);
                                                 links in a group share ``group_fixed_cost``
``group_fixed_cost``   VND/a                     yearly cost of the group, paid once if any of its
                                                 links is built
====================== ========================= ===============================================

Other columns are kept and passed through; :func:`eipkit.network.candidate_table` checks a table
and fills the defaults.
"""

from __future__ import annotations

from typing import Any

import polars as pl

__all__ = ["CANDIDATE_COLUMNS", "candidate_schema"]

#: Candidate columns: name -> (dtype, default; None = no default / may stay empty).
CANDIDATE_COLUMNS: dict[str, tuple[Any, Any]] = {
    "id": (pl.String, None),
    "supplier": (pl.String, None),
    "receiver": (pl.String, None),
    "resource_class": (pl.String, None),
    "amount_kind": (pl.String, None),
    "max_amount": (pl.Float64, None),
    "supply_stream": (pl.String, None),
    "supply_amount": (pl.Float64, None),
    "supply_factor": (pl.Float64, 1.0),
    "demand_stream": (pl.String, None),
    "demand_amount": (pl.Float64, None),
    "supplier_saving": (pl.Float64, 0.0),
    "receiver_saving": (pl.Float64, 0.0),
    "variable_cost": (pl.Float64, 0.0),
    "fixed_cost": (pl.Float64, 0.0),
    "co2_avoided_per_unit": (pl.Float64, 0.0),
    "group": (pl.String, None),
    "group_fixed_cost": (pl.Float64, None),
}


def candidate_schema(**extra: Any) -> dict[str, Any]:
    """Return the polars schema of the candidate columns, followed by ``extra`` columns.

    Examples
    --------
    >>> list(candidate_schema(distance_km=pl.Float64))[-2:]
    ['group_fixed_cost', 'distance_km']
    """
    return {name: dtype for name, (dtype, _) in CANDIDATE_COLUMNS.items()} | extra
