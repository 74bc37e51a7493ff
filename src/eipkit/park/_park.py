"""The :class:`Park`: one industrial park as tables indexed by stable ids."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from eipkit.park._build import build_tables
from eipkit.park._raw import RawTable, records_to_raw
from eipkit.park.issues import ValidationReport
from eipkit.park.schema import TABLES, schema

__all__ = ["DERIVED_COLUMNS", "Park"]

#: Columns eipkit computes on loading (canonical units); they are never written to park files.
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "firms": ("output_kind", "output_amount"),
    "streams": ("amount_kind", "amount", "annual_cost"),
    "exchanges": ("amount_kind", "amount"),
    "measures": ("amount_kind", "amount"),
    "qualities": ("canonical_value", "canonical_unit"),
}


class Park:
    """An industrial park: metadata plus tables of firms, streams, exchanges and more.

    A ``Park`` is always valid: it is built by :func:`eipkit.park.read_park`,
    :meth:`Park.from_records` or :func:`eipkit.datasets.demo_park`, which type and check every
    table and refuse data with errors (:class:`~eipkit.park.ParkValidationError`).

    Each table is a :class:`polars.DataFrame` whose columns are those of the schema
    (:func:`eipkit.park.schema.schema`), plus derived columns in canonical units (see
    :data:`DERIVED_COLUMNS` and ``docs/glossary.md``). The id column (``id``, or the composite
    key) is unique.

    Attributes
    ----------
    report : ValidationReport
        Warnings found when the park was built.
    source : str
        Where the park was read from.
    """

    def __init__(
        self, tables: Mapping[str, pl.DataFrame], report: ValidationReport | None = None, source: str = ""
    ) -> None:
        missing = [t for t in TABLES if t not in tables]
        if missing:
            raise ValueError(f"tables missing: {', '.join(missing)}; build a Park with read_park() or from_records()")
        self._tables = dict(tables)
        self.report = report or ValidationReport()
        self.source = source

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_raw(cls, raws: Mapping[str, RawTable], source: str = "", strict: bool = False) -> Park:
        """Build a park from raw string tables (what readers produce)."""
        tables, report = build_tables(dict(raws), source=source, strict=strict)
        return cls(tables, report, source)

    @classmethod
    def from_records(
        cls, park: Mapping[str, Any], strict: bool = False, **tables: list[dict[str, Any]] | pl.DataFrame
    ) -> Park:
        """Build a park from Python data, with the same checks as a file.

        Parameters
        ----------
        park : mapping
            The park record (``id``, ``name``, ``province`` ...).
        strict : bool
            Treat warnings as errors.
        **tables : list of dict or polars.DataFrame
            Other tables by name (``firms=[...]``, ``streams=[...]``).

        Examples
        --------
        >>> p = Park.from_records(
        ...     {"id": "P1", "name": "KCN A", "province": "Bắc Ninh"},
        ...     firms=[{"id": "F1", "name": "Bia A", "sector": "beverage"}],
        ...     streams=[{"id": "S1", "firm": "F1", "direction": "out", "category": "by_product",
        ...               "resource_class": "spent_grain", "quantity": 50, "unit": "t/month"}],
        ... )
        >>> p.streams["amount"][0]
        600.0
        """
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise ValueError(f"unknown tables: {', '.join(sorted(unknown))}; tables: {', '.join(TABLES)}")
        raws = {"park": records_to_raw("park", [dict(park)], "park record")}
        for name, rows in tables.items():
            if isinstance(rows, list) and not rows:
                continue  # an empty table is an absent table
            raws[name] = records_to_raw(name, rows, f"table '{name}'")
        return cls.from_raw(raws, source="records", strict=strict)

    # -- access -------------------------------------------------------------------------------
    @property
    def id(self) -> str:
        """Park id."""
        return str(self.meta["id"])

    @property
    def name(self) -> str:
        """Park name."""
        return str(self.meta["name"])

    @property
    def meta(self) -> dict[str, Any]:
        """The park record as a dict."""
        return dict(self._tables["park"].row(0, named=True))

    @property
    def tables(self) -> dict[str, pl.DataFrame]:
        """All tables by name (schema and derived columns)."""
        return dict(self._tables)

    def table(self, name: str, derived: bool = True) -> pl.DataFrame:
        """Return table ``name``; with ``derived=False`` only the schema columns (as written to files)."""
        frame = self._tables[name]
        if derived:
            return frame
        return frame.select(schema()[name].names)

    @property
    def firms(self) -> pl.DataFrame:
        """Firms, the operator and external partners (key ``id``)."""
        return self._tables["firms"]

    @property
    def streams(self) -> pl.DataFrame:
        """Inputs and outputs of firms (key ``id``), with annual ``amount`` in canonical units."""
        return self._tables["streams"]

    @property
    def qualities(self) -> pl.DataFrame:
        """Quality parameters of streams (key ``stream`` + ``parameter``)."""
        return self._tables["qualities"]

    @property
    def exchanges(self) -> pl.DataFrame:
        """Symbiosis links (key ``id``)."""
        return self._tables["exchanges"]

    @property
    def infrastructure(self) -> pl.DataFrame:
        """Shared infrastructure (key ``id``)."""
        return self._tables["infrastructure"]

    @property
    def facts(self) -> pl.DataFrame:
        """Yes/no facts with evidence (key ``entity`` + ``fact``)."""
        return self._tables["facts"]

    @property
    def kpis(self) -> pl.DataFrame:
        """Monitoring time series (key ``entity`` + ``indicator`` + ``year`` + ``month``)."""
        return self._tables["kpis"]

    @property
    def measures(self) -> pl.DataFrame:
        """RECP measures (key ``id``)."""
        return self._tables["measures"]

    def check(self, strict: bool = False) -> ValidationReport:
        """Re-run every check on the current tables and return the report.

        Raises
        ------
        ParkValidationError
            If errors are found (or warnings, when ``strict``).
        """
        raws = {name: records_to_raw(name, self.table(name, derived=False), f"table '{name}'") for name in TABLES}
        _, report = build_tables(raws, source=self.source or self.id, strict=strict)
        return report

    def __repr__(self) -> str:
        counts = ", ".join(f"{self._tables[t].height} {t}" for t in ("firms", "streams", "exchanges"))
        return f"<Park '{self.id}' {self.name!r}: {counts}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Park):
            return NotImplemented
        return all(self.table(t, derived=False).equals(other.table(t, derived=False)) for t in TABLES)

    __hash__ = None  # type: ignore[assignment]
