"""A small park for the energy, GHG, RECP and co-processing commands, written once per session."""

from __future__ import annotations

from eipkit.park import Park


def small_park() -> Park:
    firms = [
        {
            "id": "A",
            "name": "Noodles",
            "sector": "food",
            "roof_area": 8000,
            "operating_hours": 6000,
            "output_quantity": 5000,
            "output_unit": "t/a",
            "value_added": 50e9,
        },
        {"id": "B", "name": "Garage", "sector": "automotive", "roof_area": 3000, "value_added": 10e9},
        {"id": "K", "name": "Cement kiln", "sector": "building_materials", "role": "external"},
    ]
    el = {
        "direction": "in",
        "category": "energy",
        "resource_class": "electricity",
        "unit": "MWh/a",
        "unit_cost": 1900,
        "cost_unit": "VND/kWh",
    }
    streams = [
        {"id": "A.el", "firm": "A", "quantity": 3000, **el},
        {"id": "B.el", "firm": "B", "quantity": 600, **el},
        {
            "id": "A.coal",
            "firm": "A",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 400,
            "unit": "t/a",
            "calorific_value": 22,
            "unit_cost": 3500000,
            "cost_unit": "VND/t",
        },
        {
            "id": "A.water",
            "firm": "A",
            "direction": "in",
            "category": "water",
            "resource_class": "freshwater",
            "quantity": 20000,
            "unit": "m3/a",
        },
        {
            "id": "B.oil",
            "firm": "B",
            "direction": "out",
            "category": "waste",
            "resource_class": "waste_oil",
            "quantity": 20,
            "unit": "t/a",
            "calorific_value": 40,
            "moisture": 2,
        },
        {
            "id": "B.boards",
            "firm": "B",
            "direction": "out",
            "category": "waste",
            "resource_class": "e_waste",
            "quantity": 2,
            "unit": "t/a",
        },
        {
            "id": "K.coal",
            "firm": "K",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 50000,
            "unit": "t/a",
            "calorific_value": 24,
        },
    ]
    qualities = [{"stream": "B.oil", "parameter": "chlorine", "value": 0.1, "unit": "%"}]
    measures = [
        {
            "id": "M1",
            "firm": "A",
            "title": "economiser",
            "theme": "energy",
            "status": "proposed",
            "capex": 1.5e9,
            "annual_saving": 6e8,
            "co2_saving": 150,
        },
    ]
    return Park.from_records(
        {"id": "SMALL", "name": "Small park", "province": "Bắc Ninh", "latitude": 21.14, "longitude": 106.17},
        firms=firms,
        streams=streams,
        qualities=qualities,
        measures=measures,
    )
