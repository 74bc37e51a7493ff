"""A hand-built park for the GHG tests: every fuel case and an external partner."""

from __future__ import annotations

from eipkit.park import Park


def ghg_park() -> Park:
    firms = [
        {"id": "A", "name": "Coal user", "sector": "food", "value_added": 10e9},
        {"id": "B", "name": "Gas user", "sector": "chemicals", "value_added": 20e9},
        {"id": "C", "name": "Husk and diesel", "sector": "food"},
        {"id": "S", "name": "Steam plant", "sector": "power_steam", "value_added": 5e9},
        {"id": "X", "name": "Cement", "role": "external", "sector": "building_materials"},
    ]
    el = {"direction": "in", "category": "energy", "resource_class": "electricity", "unit": "MWh/a"}
    streams = [
        {
            "id": "A.coal",
            "firm": "A",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 1000,
            "unit": "t/a",
            "calorific_value": 25,
        },
        {"id": "A.el", "firm": "A", "quantity": 1000, **el},
        {
            "id": "A.co2",
            "firm": "A",
            "direction": "out",
            "category": "emission",
            "resource_class": "co2",
            "quantity": 2500,
            "unit": "t/a",
        },
        {
            "id": "B.gas",
            "firm": "B",
            "direction": "in",
            "category": "energy",
            "resource_class": "natural_gas",
            "quantity": 3600,
            "unit": "GJ/a",
        },
        {"id": "B.el", "firm": "B", "quantity": 500, **el},
        {
            "id": "C.husk",
            "firm": "C",
            "direction": "in",
            "category": "energy",
            "resource_class": "rice_husk",
            "quantity": 100,
            "unit": "t/a",
            "calorific_value": 14,
        },
        {
            "id": "C.diesel",
            "firm": "C",
            "direction": "in",
            "category": "energy",
            "resource_class": "fuel_oil",
            "quantity": 10,
            "unit": "m3/a",
        },
        {
            "id": "C.steam",
            "firm": "C",
            "direction": "in",
            "category": "heat",
            "resource_class": "steam_lp",
            "quantity": 1000,
            "unit": "t/a",
        },
        {
            "id": "S.coal",
            "firm": "S",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 500,
            "unit": "t/a",
        },
        {
            "id": "S.steam",
            "firm": "S",
            "direction": "out",
            "category": "heat",
            "resource_class": "steam_lp",
            "quantity": 1000,
            "unit": "t/a",
        },
        {
            "id": "X.coal",
            "firm": "X",
            "direction": "in",
            "category": "energy",
            "resource_class": "coal",
            "quantity": 100,
            "unit": "t/a",
            "calorific_value": 25,
        },
    ]
    exchanges = [
        {
            "id": "E1",
            "supplier": "S",
            "receiver": "C",
            "supply_stream": "S.steam",
            "demand_stream": "C.steam",
            "resource_class": "steam_lp",
            "status": "operating",
            "quantity": 1000,
            "unit": "t/a",
        },
        {
            "id": "E2",
            "supplier": "S",
            "receiver": "A",
            "resource_class": "electricity",
            "status": "feasibility",
            "quantity": 100,
            "unit": "MWh/a",
        },
        {
            "id": "E3",
            "supplier": "S",
            "receiver": "A",
            "resource_class": "hot_water",
            "status": "idea",
            "quantity": 100,
            "unit": "MWh/a",
        },
    ]
    measures = [
        {"id": "M1", "firm": "A", "title": "economiser", "theme": "energy", "status": "implemented", "co2_saving": 100},
        {"id": "M2", "firm": "B", "title": "heat pump", "theme": "energy", "status": "proposed", "co2_saving": 40},
        {"id": "M3", "firm": "B", "title": "gas switch", "theme": "emissions", "status": "rejected", "co2_saving": 500},
    ]
    return Park.from_records(
        {"id": "G", "name": "GHG park", "province": "Bắc Ninh"},
        firms=firms,
        streams=streams,
        exchanges=exchanges,
        measures=measures,
    )
