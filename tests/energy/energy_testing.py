"""A small hand-built park for the energy tests (Bac Ninh, three tenants)."""

from __future__ import annotations

from typing import Any

from eipkit.park import Park


def solar_park(**overrides: Any) -> Park:
    """Three tenants near Bac Ninh: one with roof and load, one without roof, one without electricity data."""
    firms = [
        {"id": "A", "name": "A", "sector": "electronics", "roof_area": 10000, "operating_hours": 8760},
        {"id": "B", "name": "B", "sector": "garment", "operating_hours": 2504},
        {"id": "C", "name": "C", "sector": "food", "roof_area": 2000},
    ]
    streams = [
        {
            "id": "A.el",
            "firm": "A",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": 5000,
            "unit": "MWh/a",
            "unit_cost": 1900,
            "cost_unit": "VND/kWh",
        },
        {
            "id": "B.el",
            "firm": "B",
            "direction": "in",
            "category": "energy",
            "resource_class": "electricity",
            "quantity": 800,
            "unit": "MWh/a",
        },
    ]
    park = {"id": "P", "name": "Test park", "province": "Bắc Ninh", "latitude": 21.14, "longitude": 106.17}
    park.update(overrides.pop("park", {}))
    return Park.from_records(park, firms=overrides.pop("firms", firms), streams=overrides.pop("streams", streams))
