"""The park data schema: every table, every column, its type, unit, default and meaning.

The schema is data (``eipkit/park/_schema/*.yaml``); this module loads and validates it once.
Readers, writers, validation, the Excel template and the data-model reference in ``docs/`` are
all generated from it, so a column is described in exactly one place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from eipkit.units import UnitError, parse_unit
from eipkit.vocab import VOCABULARIES, vocabulary

__all__ = ["TABLES", "Column", "TableSchema", "schema", "table_schema"]

ColumnType = Literal["id", "ref", "string", "integer", "float", "boolean", "date", "enum", "code", "unit"]

#: Table names in the order they are read, written and documented.
TABLES: tuple[str, ...] = (
    "park",
    "firms",
    "streams",
    "qualities",
    "exchanges",
    "infrastructure",
    "facts",
    "kpis",
    "measures",
)


class Text(BaseModel):
    """A text in English and Vietnamese."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str
    vi: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.vi if lang == "vi" else self.en


class Column(BaseModel):
    """One column of a park table.

    Attributes
    ----------
    name : str
        Column key, as written in CSV headers and the first header row of the workbook.
    type : str
        ``id``, ``ref``, ``string``, ``integer``, ``float``, ``boolean``, ``date``, ``enum``,
        ``code`` or ``unit``.
    unit : str, optional
        Fixed unit of a numeric column. A header such as ``land_area [ha]`` may give another
        unit of the same kind; values are then converted.
    unit_column : str, optional
        For quantities whose unit varies by row: the column that holds each row's unit.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    type: ColumnType
    label: Text
    description: Text
    required: bool = False
    default: Any = None
    unit: str | None = None
    unit_column: str | None = None
    values: tuple[str, ...] | None = None
    values_from: str | None = None
    ref: tuple[str, ...] | None = None
    code: Literal["vsic", "isic", "waste_vn", "ewc"] | None = None
    min: float | None = None
    max: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _ref_as_tuple(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("ref"), str):
            data = {**data, "ref": (data["ref"],)}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Column:
        if self.type == "enum" and not (self.values or self.values_from):
            raise ValueError(f"enum column '{self.name}' needs 'values' or 'values_from'")
        if self.values_from is not None and self.values_from not in VOCABULARIES:
            raise ValueError(f"column '{self.name}': unknown vocabulary '{self.values_from}'")
        if self.type == "ref" and not self.ref:
            raise ValueError(f"ref column '{self.name}' needs 'ref'")
        if self.type == "code" and self.code is None:
            raise ValueError(f"code column '{self.name}' needs 'code'")
        if self.unit is not None:
            try:
                parse_unit(self.unit)
            except UnitError as exc:
                raise ValueError(f"column '{self.name}': {exc}") from None
        return self

    def allowed_values(self) -> tuple[str, ...]:
        """Return the allowed values of an enum column (empty for other types)."""
        if self.values is not None:
            return self.values
        if self.values_from is not None:
            return tuple(vocabulary(self.values_from))
        return ()

    def header(self) -> str:
        """Return the machine header, with the unit for fixed-unit columns (``land_area [m**2]``)."""
        return f"{self.name} [{self.unit}]" if self.unit else self.name


class TableSchema(BaseModel):
    """Schema of one park table."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    table: str
    layout: Literal["record", "table"]
    label: Text
    description: Text
    key: tuple[str, ...] = ("id",)
    columns: tuple[Column, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys_exist(self) -> TableSchema:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"table '{self.table}' has duplicate column names")
        for key in self.key:
            if key not in names:
                raise ValueError(f"table '{self.table}': key column '{key}' is not a column")
        for col in self.columns:
            if col.unit_column is not None and col.unit_column not in names:
                raise ValueError(f"table '{self.table}': unit column '{col.unit_column}' missing")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """Column names in schema order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table '{self.table}' has no column '{name}'")


@lru_cache(maxsize=1)
def schema() -> dict[str, TableSchema]:
    """Return the schema of every park table, keyed by table name (in :data:`TABLES` order)."""
    out: dict[str, TableSchema] = {}
    folder = resources.files("eipkit.park").joinpath("_schema")
    for name in TABLES:
        data = yaml.safe_load(folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8"))
        out[name] = TableSchema.model_validate(data)
    return out


def table_schema(name: str) -> TableSchema:
    """Return the schema of table ``name``."""
    try:
        return schema()[name]
    except KeyError:
        raise KeyError(f"unknown table '{name}'; tables: {', '.join(TABLES)}") from None
