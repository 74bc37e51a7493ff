"""A small hand-built park for the monitoring tests (three firms, two years of KPIs)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from eipkit.park import Park, schema

PARK_ID = "KCN_T"
PARK: dict[str, Any] = {"id": PARK_ID, "name": "KCN Thử nghiệm", "province": "Hải Phòng", "data_year": 2024}
FIRMS: list[dict[str, Any]] = [
    {"id": "OP", "name": "Hạ tầng KCN", "role": "operator", "sector": "water_utility"},
    {"id": "F1", "name": "Bia Một", "sector": "beverage", "latitude": 20.80, "longitude": 106.70},
    {"id": "F2", "name": "Thép Hai", "sector": "steel_metal", "latitude": 20.81, "longitude": 106.71},
]
STREAMS: list[dict[str, Any]] = [
    {
        "id": "F1.e",
        "firm": "F1",
        "direction": "in",
        "category": "energy",
        "resource_class": "electricity",
        "quantity": 100.0,
        "unit": "MWh/a",
    },
    {
        "id": "F1.w",
        "firm": "F1",
        "direction": "in",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 5000.0,
        "unit": "m3/a",
    },
    {
        "id": "F1.ww",
        "firm": "F1",
        "direction": "out",
        "category": "wastewater",
        "resource_class": "industrial_wastewater",
        "quantity": 4000.0,
        "unit": "m3/a",
        "destination": "central_wwtp",
    },
    {
        "id": "F2.e",
        "firm": "F2",
        "direction": "in",
        "category": "energy",
        "resource_class": "electricity",
        "quantity": 900.0,
        "unit": "MWh/a",
    },
    {
        "id": "F2.slag",
        "firm": "F2",
        "direction": "out",
        "category": "waste",
        "resource_class": "steel_slag",
        "quantity": 300.0,
        "unit": "t/a",
        "destination": "landfill",
    },
    {
        "id": "F2.dust",
        "firm": "F2",
        "direction": "out",
        "category": "waste",
        "resource_class": "hazardous_waste",
        "quantity": 20.0,
        "unit": "t/a",
        "hazardous": True,
        "destination": "incineration",
    },
    {
        "id": "OP.e",
        "firm": "OP",
        "direction": "in",
        "category": "energy",
        "resource_class": "electricity",
        "quantity": 50.0,
        "unit": "MWh/a",
    },
    {
        "id": "OP.w",
        "firm": "OP",
        "direction": "in",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 9000.0,
        "unit": "m3/a",
    },
]
KPIS: list[dict[str, Any]] = [
    {"entity": PARK_ID, "indicator": "electricity_use", "year": 2023, "value": 1000.0, "unit": "MWh/a"},
    {
        "entity": PARK_ID,
        "indicator": "electricity_use",
        "year": 2024,
        "value": 1050.0,
        "unit": "MWh/a",
        "verified": True,
    },
    {"entity": "F1", "indicator": "water_use", "year": 2023, "value": 6000.0, "unit": "m3/a"},
    {"entity": "F1", "indicator": "water_use", "year": 2024, "value": 5000.0, "unit": "m3/a"},
]
MEASURES: list[dict[str, Any]] = [
    {
        "id": "M1",
        "firm": "F1",
        "title": "CIP",
        "theme": "water",
        "status": "verified",
        "capex": 100.0,
        "annual_saving": 40.0,
        "co2_saving": 0.0,
        "year": 2022,
    },
    {
        "id": "M2",
        "firm": "F2",
        "title": "VFD",
        "theme": "energy",
        "status": "implemented",
        "capex": 300.0,
        "annual_saving": 90.0,
        "co2_saving": 12.0,
        "year": 2024,
    },
    {
        "id": "M3",
        "firm": "F2",
        "title": "PV",
        "theme": "energy",
        "status": "proposed",
        "capex": 900.0,
        "annual_saving": 200.0,
        "co2_saving": 50.0,
        "year": 2024,
    },
    {"id": "M4", "firm": "F1", "title": "LED", "theme": "energy", "status": "implemented", "annual_saving": 5.0},
]
EXCHANGES: list[dict[str, Any]] = [
    {
        "id": "X1",
        "supplier": "F2",
        "receiver": "F1",
        "status": "operating",
        "start_date": dt.date(2021, 5, 1),
        "annual_benefit": 70.0,
        "resource_class": "waste_heat_gas",
    },
    {
        "id": "X2",
        "supplier": "F1",
        "receiver": "F2",
        "status": "operating",
        "start_date": dt.date(2023, 1, 1),
        "annual_benefit": 30.0,
    },
    {"id": "X3", "supplier": "F1", "receiver": "F2", "status": "idea"},
]


def make_park(**changes: Any) -> Park:
    """The test park; keyword arguments replace a table (``kpis=[...]``) or the park record (``park={...}``)."""
    tables: dict[str, Any] = {
        "firms": FIRMS,
        "streams": STREAMS,
        "kpis": KPIS,
        "measures": MEASURES,
        "exchanges": EXCHANGES,
    }
    record = changes.pop("park", PARK)
    tables.update(changes)
    for name, rows in tables.items():
        if isinstance(rows, list) and not rows:  # an empty table still has its columns
            tables[name] = pl.DataFrame(schema=dict.fromkeys(schema()[name].names, pl.String))
    return Park.from_records(record, **tables)
