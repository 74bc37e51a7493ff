"""Checking the candidate-link table before selection.

The columns are defined once, on the bottom floor, in :mod:`eipkit.candidates` (units and
meaning of every column). :func:`candidate_table` checks a table, fills the defaults and keeps any
other columns; every error names the links and how to fix them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from eipkit.candidates import CANDIDATE_COLUMNS

__all__ = ["CANDIDATE_COLUMNS", "NetworkInputError", "candidate_table"]


class NetworkInputError(ValueError):
    """Candidate links that cannot be optimised; the message names the links and the fix."""


_REQUIRED = ("id", "supplier", "receiver", "max_amount")
_MAX_NAMED = 5


def _names(ids: list[Any], mask: Any) -> str:
    bad = [str(ids[i]) for i in np.flatnonzero(np.asarray(mask))]
    more = f" and {len(bad) - _MAX_NAMED} more" if len(bad) > _MAX_NAMED else ""
    return ", ".join(bad[:_MAX_NAMED]) + more


def _shared(frame: pl.DataFrame, key: str, value: str, what: str) -> None:
    """Links sharing a node or group must give it the same value (or all leave it empty)."""
    clash = (
        frame.filter(pl.col(key).is_not_null())
        .group_by(key)
        .agg(pl.col(value).n_unique().alias("n"))
        .filter(pl.col("n") > 1)
    )
    if clash.height:
        nodes = ", ".join(str(v) for v in clash.get_column(key).to_list()[:_MAX_NAMED])
        raise NetworkInputError(
            f"{what} {nodes}: links sharing it give different '{value}'; give the same value on every link "
            "of the node (it is the node's limit, not the link's)"
        )


def candidate_table(candidates: pl.DataFrame) -> pl.DataFrame:
    """Check a candidate-link table and fill its defaults.

    Parameters
    ----------
    candidates : polars.DataFrame
        Candidate links in the columns of :data:`CANDIDATE_COLUMNS` (see the module docstring).

    Returns
    -------
    polars.DataFrame
        Every column of :data:`CANDIDATE_COLUMNS` in that order, typed, defaults filled, followed by
        any extra input columns.

    Raises
    ------
    NetworkInputError
        On missing required columns or values, duplicate ids, a link from a firm to itself, a
        capacity that is not positive, negative limits or fixed costs, NaN values, or a node or
        group given different limits or costs by its links.

    Examples
    --------
    >>> t = candidate_table(pl.DataFrame({"id": ["L1"], "supplier": ["A"], "receiver": ["B"],
    ...                                   "max_amount": [100.0], "receiver_saving": [50_000.0]}))
    >>> t.select("supply_factor", "fixed_cost").row(0)
    (1.0, 0.0)
    """
    missing = [c for c in _REQUIRED if c not in candidates.columns]
    if missing:
        raise NetworkInputError(
            f"candidate table lacks column(s) {', '.join(missing)}; each link needs id, supplier, receiver and "
            "max_amount (capacity per year)"
        )
    cols = []
    for name, (dtype, default) in CANDIDATE_COLUMNS.items():
        if name in candidates.columns:
            try:
                col = candidates.get_column(name).cast(dtype, strict=True)
            except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError) as exc:
                raise NetworkInputError(f"column '{name}' must hold {dtype} values") from exc
        else:
            col = pl.Series(name, [None] * candidates.height, dtype=dtype)
        if default is not None:
            col = col.fill_null(default)
        cols.append(col.alias(name))
    extra = candidates.select([c for c in candidates.columns if c not in CANDIDATE_COLUMNS])
    table = pl.DataFrame(cols).hstack(extra) if extra.width else pl.DataFrame(cols)
    if table.height == 0:
        return table
    ids = table.get_column("id").to_list()
    for name in _REQUIRED:
        nulls = table.get_column(name).is_null().to_numpy()
        if nulls.any():
            raise NetworkInputError(f"link(s) {_names(ids, nulls)}: '{name}' is empty; every link needs it")
    dup = table.get_column("id").is_duplicated().to_numpy()
    if dup.any():
        raise NetworkInputError(f"link id(s) {_names(ids, dup)} appear more than once; give each link its own id")
    loop = (table.get_column("supplier") == table.get_column("receiver")).to_numpy()
    if loop.any():
        raise NetworkInputError(f"link(s) {_names(ids, loop)}: supplier and receiver are the same firm")
    for name, (dtype, _) in CANDIDATE_COLUMNS.items():
        if dtype == pl.Float64:
            values = table.get_column(name).to_numpy().astype(float)
            bad = np.isnan(values) & ~table.get_column(name).is_null().to_numpy() | np.isinf(values)
            if bad.any():
                raise NetworkInputError(f"link(s) {_names(ids, bad)}: '{name}' is not a finite number")
    cap = table.get_column("max_amount").to_numpy()
    if (cap <= 0).any():
        raise NetworkInputError(f"link(s) {_names(ids, cap <= 0)}: max_amount must be positive (t/a, m3/a or MWh/a)")
    for name in ("supply_amount", "demand_amount", "fixed_cost", "group_fixed_cost"):
        values = table.get_column(name).fill_null(0.0).to_numpy()
        if (values < 0).any():
            raise NetworkInputError(f"link(s) {_names(ids, values < 0)}: '{name}' must be zero or positive")
    factor = table.get_column("supply_factor").to_numpy()
    if (factor <= 0).any():
        raise NetworkInputError(f"link(s) {_names(ids, factor <= 0)}: supply_factor must be positive")
    _shared(table, "supply_stream", "supply_amount", "supply node")
    _shared(table, "demand_stream", "demand_amount", "demand node")
    _shared(table, "group", "group_fixed_cost", "group")
    for node in ("supply_stream", "demand_stream"):
        kinds = (
            table.filter(pl.col(node).is_not_null() & pl.col("amount_kind").is_not_null())
            .group_by(node)
            .agg(pl.col("amount_kind").n_unique().alias("n"))
            .filter(pl.col("n") > 1)
        )
        if kinds.height:
            raise NetworkInputError(
                f"node(s) {', '.join(map(str, kinds.get_column(node).to_list()[:_MAX_NAMED]))}: links of "
                "different amount kinds (t/a, m3/a, MWh/a) share the node; a node holds one kind of quantity"
            )
    return table
