"""Hand-built parks for the assessment tests: a model park that meets Decree 35/2022 Art. 37, and builders."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from eipkit.assessment import assess
from eipkit.park import Park
from eipkit.vocab import vocabulary

PARK_ID = "P1"
AS_OF = dt.date(2025, 6, 30)
RECENT = dt.date(2025, 3, 31)  # within 12 months of AS_OF

RECORD: dict[str, Any] = {
    "id": PARK_ID,
    "name": "KCN Thử nghiệm",
    "name_en": "Test Park",
    "province": "Bắc Ninh",
    "established": dt.date(2010, 1, 1),
    "eip_path": "existing",
    "operator": "Công ty Hạ tầng Thử nghiệm",
    "management_board": "Ban Quản lý các KCN tỉnh Bắc Ninh",
    "total_area": 100.0,
    "industrial_land_area": 75.0,
    "green_area": 10.0,
    "road_area": 10.0,
    "technical_infrastructure_area": 3.0,
    "social_infrastructure_area": 2.0,
    "leased_industrial_area": 60.0,
    "data_year": 2024,
}

OPERATOR: dict[str, Any] = {"id": "OP", "name": "Công ty Hạ tầng", "role": "operator", "sector": "water_utility"}


def firm(ident: str, **cols: Any) -> dict[str, Any]:
    """A tenant (food sector, 50 workers, all employment data) with ``cols`` on top."""
    row = {
        "id": ident,
        "name": f"Công ty {ident}",
        "sector": "food",
        "employees": 50,
        "employees_female": 20,
        "employees_local": 30,
    }
    row.update(cols)
    return row


def tenants(n: int, start: int = 1, **cols: Any) -> list[dict[str, Any]]:
    """``n`` tenants F01, F02 ... (numbered from ``start``) with ``cols``."""
    return [firm(f"F{i:02d}", **cols) for i in range(start, start + n)]


def park_facts(value: bool = True, date: dt.date = RECENT, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Every park fact of the vocabulary with ``value``, a document and ``date`` (except ``skip``)."""
    return [
        {"entity": PARK_ID, "fact": key, "value": value, "document": f"VB-{key}", "date": date}
        for key, entry in vocabulary("facts").items()
        if entry["applies_to"] == "park" and key not in skip
    ]


def build(
    record: dict[str, Any] | None = None,
    firms: list[dict[str, Any]] | None = None,
    operator: dict[str, Any] | None = None,
    **tables: Any,
) -> Park:
    """A park from ``RECORD`` (updated with ``record``), the operator plus ``firms``, and other tables."""
    rec = {**RECORD, **(record or {})}
    op = {**OPERATOR, **(operator or {})}
    return Park.from_records(rec, firms=[op, *(firms if firms is not None else tenants(5))], **tables)


def model_tables(n: int = 5) -> dict[str, Any]:
    """Tables of a park that meets every verdict criterion of VN35 (Art. 37) for an existing park.

    ``n`` tenants; F01 and F02 hold ISO 14001 and trade spent grain (an operating link with an
    agreement); F01 has verified RECP savings (1 of ``n`` >= 20 % when n <= 5); no violations; a
    central wastewater plant operates; every park fact is true and documented recently.
    """
    firms = tenants(n)
    firms[0].update(iso_14001=True, recp_status="verified")
    firms[1].update(iso_14001=True)
    return {
        "firms": firms,
        "exchanges": [
            {
                "id": "X1",
                "supplier": "F01",
                "receiver": "F02",
                "status": "operating",
                "type": "by_product",
                "resource_class": "spent_grain",
                "quantity": 100.0,
                "unit": "t/a",
                "agreement": "HĐ 01/2024",
            },
        ],
        "infrastructure": [{"id": "I1", "kind": "central_wwtp", "name": "Trạm XLNT", "operated_by": "OP"}],
        "facts": park_facts(),
    }


def model_park(
    n: int = 5, record: dict[str, Any] | None = None, operator: dict[str, Any] | None = None, **changes: Any
) -> Park:
    """The model park (:func:`model_tables`) with tables replaced by ``changes`` (an empty list drops a table)."""
    tables = {**model_tables(n), **changes}
    firms = tables.pop("firms")
    tables = {k: v for k, v in tables.items() if v != []}
    return build(record, firms, operator, **tables)


def renamed(park: Park, ident: str) -> Park:
    """``park`` under the id ``ident`` (its own facts and KPIs follow), to assess many parks in one stack."""
    old = park.id
    tables = park.tables
    tables["park"] = tables["park"].with_columns(pl.lit(ident).alias("id"))
    for name in ("facts", "kpis"):
        frame = tables[name]
        tables[name] = frame.with_columns(pl.col("entity").replace(old, ident))
    return Park(tables, source=ident)


def status(park: Park, criterion: str, framework: str | None = None, as_of: dt.date = AS_OF) -> str:
    """Result of ``criterion`` for ``park`` (framework taken from the id prefix)."""
    fw = framework or criterion.split("-")[0]
    result = assess(park, fw, as_of=as_of)
    crit = result.criteria
    row = crit.filter((crit["criterion"] == criterion) & (crit["entity"] == park.id))
    return str(row["status"].item())
