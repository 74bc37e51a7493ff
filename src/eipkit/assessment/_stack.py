"""Many parks as one set of tables: every park table with a ``park`` column, for vectorised work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from eipkit.park import Park

__all__ = ["STACKED_TABLES", "ParkStack", "stack_parks"]

#: Park tables carried in a :class:`ParkStack` (each gains a leading ``park`` column).
STACKED_TABLES: tuple[str, ...] = (
    "firms",
    "streams",
    "exchanges",
    "infrastructure",
    "facts",
    "kpis",
    "measures",
)


@dataclass(frozen=True)
class ParkStack:
    """The tables of several parks stacked on top of each other.

    Attributes
    ----------
    parks : polars.DataFrame
        One row per park: the park record with its id in the column ``park``.
    firms, streams, exchanges, infrastructure, facts, kpis, measures : polars.DataFrame
        The park tables of every park, with the park id in the leading column ``park``.
    """

    parks: pl.DataFrame
    firms: pl.DataFrame
    streams: pl.DataFrame
    exchanges: pl.DataFrame
    infrastructure: pl.DataFrame
    facts: pl.DataFrame
    kpis: pl.DataFrame
    measures: pl.DataFrame

    @property
    def park_ids(self) -> list[str]:
        """Park ids in input order."""
        ids: list[str] = self.parks.get_column("park").to_list()
        return ids

    def __len__(self) -> int:
        return self.parks.height

    def __repr__(self) -> str:
        return f"<ParkStack {self.parks.height} parks, {self.firms.height} firms, {self.streams.height} streams>"


def _tag(frame: pl.DataFrame, park_id: str) -> pl.DataFrame:
    return frame.select(pl.lit(park_id, dtype=pl.String).alias("park"), pl.all())


def stack_parks(parks: Park | Sequence[Park]) -> ParkStack:
    """Stack the tables of one or many parks into one :class:`ParkStack`.

    Parameters
    ----------
    parks : Park or sequence of Park
        Validated parks; their ids must be distinct.

    Returns
    -------
    ParkStack

    Raises
    ------
    ValueError
        If no park is given or two parks share an id.

    Examples
    --------
    >>> from eipkit.park import Park
    >>> p = Park.from_records({"id": "P1", "name": "KCN A", "province": "Bắc Ninh"},
    ...                       firms=[{"id": "F1", "name": "A", "sector": "beverage"}])
    >>> stack_parks([p]).firms.select("park", "id").row(0)
    ('P1', 'F1')
    """
    items = [parks] if isinstance(parks, Park) else list(parks)
    if not items:
        raise ValueError("no park to assess: give a Park or a non-empty list of parks")
    ids = [p.id for p in items]
    seen: set[str] = set()
    dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    if dupes:
        raise ValueError(f"park ids must be distinct; repeated: {', '.join(dupes)} (rename the parks' 'id')")
    records = pl.concat([p.table("park").rename({"id": "park"}) for p in items], how="diagonal_relaxed")
    tables = {
        name: pl.concat([_tag(p.tables[name], p.id) for p in items], how="diagonal_relaxed") for name in STACKED_TABLES
    }
    return ParkStack(parks=records, **tables)
