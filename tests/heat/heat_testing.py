"""A small hand-built park with heat streams, used by the site and matches tests."""

from __future__ import annotations

from typing import Any

from eipkit.park import Park

PARK = {"id": "HEAT_TEST", "name": "KCN thử nghiệm nhiệt", "province": "Bắc Ninh"}

# F1 gives flue gas 250 -> 80 °C at 500 kW; F2 heats water 25 -> 80 °C at 300 kW and burns coal;
# F3 heats 60 -> 120 °C at 200 kW but has no coordinates. F2 is 0.009° of latitude north of F1.
FIRMS: list[dict[str, Any]] = [
    {
        "id": "F1",
        "name": "Thép A",
        "sector": "steel_metal",
        "latitude": 21.000,
        "longitude": 106.0,
        "operating_hours": 8000.0,
    },
    {
        "id": "F2",
        "name": "Thực phẩm B",
        "sector": "food",
        "latitude": 21.009,
        "longitude": 106.0,
        "operating_hours": 8000.0,
    },
    {"id": "F3", "name": "Sữa C", "sector": "food"},
]
STREAMS: list[dict[str, Any]] = [
    {
        "id": "H1",
        "firm": "F1",
        "direction": "out",
        "category": "heat",
        "resource_class": "waste_heat_gas",
        "quantity": 500.0,
        "unit": "kW",
        "temperature": 250.0,
        "target_temperature": 80.0,
    },
    {
        "id": "D2",
        "firm": "F2",
        "direction": "in",
        "category": "heat",
        "resource_class": "hot_water",
        "quantity": 300.0,
        "unit": "kW",
        "temperature": 25.0,
        "target_temperature": 80.0,
    },
    {
        "id": "C2",
        "firm": "F2",
        "direction": "in",
        "category": "energy",
        "resource_class": "coal",
        "quantity": 1000.0,
        "unit": "t/a",
        "calorific_value": 22.0,
        "unit_cost": 3_520_000.0,
        "cost_unit": "VND/t",
    },
    {
        "id": "D3",
        "firm": "F3",
        "direction": "in",
        "category": "heat",
        "resource_class": "hot_water",
        "quantity": 200.0,
        "unit": "kW",
        "temperature": 60.0,
        "target_temperature": 120.0,
    },
]


def heat_park(streams: list[dict[str, Any]] | None = None, firms: list[dict[str, Any]] | None = None) -> Park:
    """Build the test park; ``streams=[]`` gives a park without streams."""
    rows = STREAMS if streams is None else streams
    if not rows:
        return Park.from_records(PARK, firms=firms or FIRMS)
    return Park.from_records(PARK, firms=firms or FIRMS, streams=rows)
