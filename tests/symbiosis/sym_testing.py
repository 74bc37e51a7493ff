"""Hand-built parks for the symbiosis tests."""

from __future__ import annotations

from typing import Any

from eipkit.park import Park

PARK = {"id": "P1", "name": "KCN Thử", "province": "Bắc Ninh", "latitude": 21.0, "longitude": 106.0}


def firm(fid: str, sector: str, lat: float | None = 21.0, lon: float | None = 106.0, **extra: Any) -> dict[str, Any]:
    return {"id": fid, "name": f"Firm {fid}", "sector": sector, "latitude": lat, "longitude": lon, **extra}


def stream(
    sid: str, fid: str, direction: str, category: str, cls: str | None, qty: float, unit: str = "t/a", **extra: Any
) -> dict[str, Any]:
    row = {"id": sid, "firm": fid, "direction": direction, "category": category, "quantity": qty, "unit": unit}
    if cls is not None:
        row["resource_class"] = cls
    row.update(extra)
    return row


def make_park(
    firms: list[dict[str, Any]],
    streams: list[dict[str, Any]],
    qualities: list[dict[str, Any]] | None = None,
    exchanges: list[dict[str, Any]] | None = None,
    park: dict[str, Any] | None = None,
) -> Park:
    tables: dict[str, Any] = {"firms": firms, "streams": streams}
    if qualities:
        tables["qualities"] = qualities
    if exchanges:
        tables["exchanges"] = exchanges
    return Park.from_records(park or PARK, **tables)


def km_east(km: float, lat: float = 21.0, lon: float = 106.0) -> float:
    """Longitude ``km`` east of (lat, lon) along the parallel (haversine-exact for small distances)."""
    import math

    return lon + math.degrees(2 * math.asin(math.sin(km / (2 * 6371.0)) / math.cos(math.radians(lat))))


def fly_ash_park(loi_supply: float = 7.5, loi_limit: float = 8.0, cement_lon: float = 106.02) -> Park:
    """A coal boiler with fly ash (landfilled) and a cement grinding plant buying fly ash."""
    return make_park(
        [firm("BOIL", "power_steam"), firm("CEM", "building_materials", lon=cement_lon)],
        [
            stream(
                "BOIL.ash",
                "BOIL",
                "out",
                "by_product",
                None,
                1000,
                description="Tro bay lò hơi",
                ewc_code="10 01 02",
                unit_cost=150_000,
                cost_unit="VND/t",
                destination="landfill",
            ),
            stream(
                "CEM.ash",
                "CEM",
                "in",
                "material",
                "fly_ash",
                4000,
                unit_cost=350_000,
                cost_unit="VND/t",
                destination="supplier",
            ),
        ],
        qualities=[
            {"stream": "BOIL.ash", "parameter": "loss_on_ignition", "value": loi_supply, "unit": "%"},
            {"stream": "CEM.ash", "parameter": "loss_on_ignition", "value": loi_limit, "unit": "%", "bound": "max"},
        ],
    )
