"""A hand-solvable four-firm park for the network tests.

A brewery (A) pays 100,000 VND/t to landfill 1,200 t/a of spent grain. Two feed makers want it:
B takes 800 t/a and pays 600,000 VND/t for its feed now, C takes 1,000 t/a at 500,000 VND/t.
D, a cement plant, lands 5,000 t/a of fly ash at 50,000 VND/t; nobody in the park wants ash.
With transport cost 0 and 10 million VND/a fixed cost per link, the best network sends 800 t/a
to B (700,000 VND/t margin) and the other 400 t/a to C (600,000 VND/t):
800 x 700,000 + 400 x 600,000 - 2 x 10,000,000 = 780,000,000 VND/a.
"""

from __future__ import annotations

from typing import Any

from eipkit.park import Park

PARK = {"id": "NET_TEST", "name": "KCN thử nghiệm mạng", "province": "Hải Dương"}
FIRMS: list[dict[str, Any]] = [
    {"id": "A", "name": "Bia A", "sector": "beverage", "latitude": 20.950, "longitude": 106.300},
    {"id": "B", "name": "Thức ăn B", "sector": "food", "latitude": 20.955, "longitude": 106.300},
    {"id": "C", "name": "Thức ăn C", "sector": "food", "latitude": 20.950, "longitude": 106.310},
    {"id": "D", "name": "Xi măng D", "sector": "building_materials", "latitude": 20.960, "longitude": 106.310},
]
STREAMS: list[dict[str, Any]] = [
    {
        "id": "SA",
        "firm": "A",
        "direction": "out",
        "category": "by_product",
        "resource_class": "spent_grain",
        "quantity": 1200.0,
        "unit": "t/a",
        "unit_cost": 100_000.0,
        "cost_unit": "VND/t",
        "destination": "landfill",
    },
    {
        "id": "SB",
        "firm": "B",
        "direction": "in",
        "category": "material",
        "resource_class": "spent_grain",
        "quantity": 800.0,
        "unit": "t/a",
        "unit_cost": 600_000.0,
        "cost_unit": "VND/t",
    },
    {
        "id": "SC",
        "firm": "C",
        "direction": "in",
        "category": "material",
        "resource_class": "spent_grain",
        "quantity": 1000.0,
        "unit": "t/a",
        "unit_cost": 500_000.0,
        "cost_unit": "VND/t",
    },
    {
        "id": "SD",
        "firm": "D",
        "direction": "out",
        "category": "by_product",
        "resource_class": "fly_ash",
        "quantity": 5000.0,
        "unit": "t/a",
        "unit_cost": 50_000.0,
        "cost_unit": "VND/t",
        "destination": "landfill",
    },
]
FREE_TRANSPORT = {"transport_cost_mass": 0.0, "link_fixed_cost": 10_000_000.0}


def network_park(**tables: list[dict[str, Any]]) -> Park:
    data = {"firms": FIRMS, "streams": STREAMS, **tables}
    return Park.from_records(PARK, **data)
