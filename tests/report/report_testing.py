"""A small hand-built park whose flows can be balanced by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from eipkit.park import Park, schema

PARK: dict[str, Any] = {
    "id": "P_T",
    "name": "KCN Thử",
    "province": "Hà Nam",
    "latitude": 20.5,
    "longitude": 105.9,
    "total_area": 100.0,
    "industrial_land_area": 70.0,
    "green_area": 12.0,
    "road_area": 8.0,
    "leased_industrial_area": 35.0,
    "data_year": 2024,
}
FIRMS: list[dict[str, Any]] = [
    {
        "id": "OP",
        "name": "Công ty CP Hạ tầng Thử",
        "role": "operator",
        "sector": "water_utility",
        "latitude": 20.500,
        "longitude": 105.900,
    },
    {
        "id": "A",
        "name": "Công ty TNHH Giấy A",
        "sector": "paper",
        "latitude": 20.501,
        "longitude": 105.901,
        "employees": 100,
        "land_area": 20000.0,
    },
    {
        "id": "B",
        "name": "Công ty CP Gạch B",
        "sector": "building_materials",
        "latitude": 20.503,
        "longitude": 105.904,
        "employees": 50,
        "land_area": 10000.0,
    },
    {
        "id": "C",
        "name": "Công ty May C",
        "sector": "garment",
        "latitude": 20.499,
        "longitude": 105.902,
        "employees": 300,
    },
    {
        "id": "X",
        "name": "Công ty Xi măng Xa",
        "role": "external",
        "sector": "building_materials",
        "latitude": 20.70,
        "longitude": 106.10,
    },
]
STREAMS: list[dict[str, Any]] = [
    # A: 100 t/a in, 30 t/a to landfill, 20 t/a of by-product to B (exchange X1), 10 t/a to X (proposed X2)
    {
        "id": "A.in",
        "firm": "A",
        "direction": "in",
        "category": "material",
        "resource_class": "cardboard",
        "quantity": 100.0,
        "unit": "t/a",
    },
    {
        "id": "A.waste",
        "firm": "A",
        "direction": "out",
        "category": "waste",
        "resource_class": "paper_sludge",
        "quantity": 30.0,
        "unit": "t/a",
        "destination": "landfill",
    },
    {
        "id": "A.ash",
        "firm": "A",
        "direction": "out",
        "category": "by_product",
        "resource_class": "fly_ash",
        "quantity": 20.0,
        "unit": "t/a",
        "destination": "sold",
    },
    # B: 50 t/a of sand-like input, 20 of it from A
    {
        "id": "B.in",
        "firm": "B",
        "direction": "in",
        "category": "material",
        "resource_class": "fly_ash",
        "quantity": 50.0,
        "unit": "t/a",
    },
    # water: operator buys 1000 m3/a and resells; tenants' wastewater goes to the central plant
    {
        "id": "OP.w_in",
        "firm": "OP",
        "direction": "in",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 1000.0,
        "unit": "m3/a",
        "destination": "supplier",
    },
    {
        "id": "OP.w_out",
        "firm": "OP",
        "direction": "out",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 900.0,
        "unit": "m3/a",
        "destination": "sold",
    },
    {
        "id": "OP.ww_in",
        "firm": "OP",
        "direction": "in",
        "category": "wastewater",
        "resource_class": "industrial_wastewater",
        "quantity": 700.0,
        "unit": "m3/a",
    },
    {
        "id": "OP.eff",
        "firm": "OP",
        "direction": "out",
        "category": "water",
        "resource_class": "treated_effluent",
        "quantity": 680.0,
        "unit": "m3/a",
        "destination": "discharge",
    },
    {
        "id": "A.w",
        "firm": "A",
        "direction": "in",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 600.0,
        "unit": "m3/a",
        "destination": "supplier",
    },
    {
        "id": "A.ww",
        "firm": "A",
        "direction": "out",
        "category": "wastewater",
        "resource_class": "industrial_wastewater",
        "quantity": 500.0,
        "unit": "m3/a",
        "destination": "central_wwtp",
    },
    {
        "id": "C.w",
        "firm": "C",
        "direction": "in",
        "category": "water",
        "resource_class": "freshwater",
        "quantity": 300.0,
        "unit": "m3/a",
        "destination": "supplier",
    },
    {
        "id": "C.ww",
        "firm": "C",
        "direction": "out",
        "category": "wastewater",
        "resource_class": "domestic_wastewater",
        "quantity": 200.0,
        "unit": "m3/a",
        "destination": "central_wwtp",
    },
    {
        "id": "C.e",
        "firm": "C",
        "direction": "in",
        "category": "energy",
        "resource_class": "electricity",
        "quantity": 40.0,
        "unit": "MWh/a",
    },
]
EXCHANGES: list[dict[str, Any]] = [
    {
        "id": "X1",
        "supplier": "A",
        "receiver": "B",
        "supply_stream": "A.ash",
        "demand_stream": "B.in",
        "resource_class": "fly_ash",
        "status": "operating",
        "quantity": 20.0,
        "unit": "t/a",
        "start_date": dt.date(2022, 1, 1),
        "annual_benefit": 5e8,
    },
    {
        "id": "X2",
        "supplier": "A",
        "receiver": "X",
        "resource_class": "paper_sludge",
        "status": "feasibility",
        "quantity": 10.0,
        "unit": "t/a",
    },
    {"id": "X3", "supplier": "C", "receiver": "B", "status": "rejected"},
]
KPIS: list[dict[str, Any]] = [
    {"entity": "P_T", "indicator": "water_use", "year": 2023, "value": 950.0, "unit": "m3/a"},
    {"entity": "P_T", "indicator": "water_use", "year": 2024, "value": 900.0, "unit": "m3/a", "verified": True},
]


def make_park(**changes: Any) -> Park:
    tables: dict[str, Any] = {"firms": FIRMS, "streams": STREAMS, "exchanges": EXCHANGES, "kpis": KPIS}
    record = changes.pop("park", PARK)
    tables.update(changes)
    for name, rows in tables.items():
        if isinstance(rows, list) and not rows:
            tables[name] = pl.DataFrame(schema=dict.fromkeys(schema()[name].names, pl.String))
    return Park.from_records(record, **tables)
