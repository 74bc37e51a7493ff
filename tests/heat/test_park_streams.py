"""Heat-stream tables: checks, CSV-style normalisation, and the heat streams of a park."""

from __future__ import annotations

import polars as pl
import pytest
from heat_testing import FIRMS, STREAMS, heat_park

from eipkit.heat import HeatInputError, heat_stream_table, park_heat_streams


def test_duty_becomes_cp() -> None:
    t = heat_stream_table(
        pl.DataFrame(
            {
                "id": ["H", "C"],
                "supply_temperature": [150.0, 20.0],
                "target_temperature": [50.0, 120.0],
                "duty": [200.0, 150.0],
            }
        )
    )
    assert t["cp"].to_list() == [2.0, 1.5]
    assert t.columns[:7] == [
        "id",
        "firm",
        "supply_temperature",
        "target_temperature",
        "cp",
        "duty",
        "dtmin_contribution",
    ]


@pytest.mark.parametrize(
    ("frame", "words"),
    [
        ({"id": ["A"], "supply_temperature": [100.0], "target_temperature": [100.0], "cp": [1.0]}, "no direction"),
        ({"id": ["A"], "supply_temperature": [100.0], "target_temperature": [50.0], "cp": [-1.0]}, "positive"),
        ({"id": ["A"], "supply_temperature": [100.0], "target_temperature": [50.0], "duty": [-5.0]}, "positive"),
        (
            {
                "id": ["A", "A"],
                "supply_temperature": [100.0, 20.0],
                "target_temperature": [50.0, 40.0],
                "cp": [1.0, 1.0],
            },
            "more than once",
        ),
        ({"id": ["A"], "supply_temperature": [100.0], "target_temperature": [50.0]}, "'cp'"),
        ({"id": ["A"], "supply_temperature": [100.0], "cp": [1.0]}, "target_temperature"),
        (
            {"id": ["A"], "supply_temperature": [100.0], "target_temperature": [50.0], "cp": [1.0], "duty": [80.0]},
            "differs from duty",
        ),
        (
            {"id": ["A"], "supply_temperature": [100.0], "target_temperature": [50.0], "cp": [1.0], "kind": ["cold"]},
            "contradicts",
        ),
        (
            {
                "id": ["A"],
                "supply_temperature": [100.0],
                "target_temperature": [50.0],
                "cp": [1.0],
                "dtmin_contribution": [-2.0],
            },
            "dtmin_contribution",
        ),
    ],
)
def test_bad_tables_name_the_stream_and_fix(frame: dict[str, list[object]], words: str) -> None:
    with pytest.raises(HeatInputError, match=words) as err:
        heat_stream_table(pl.DataFrame(frame))
    assert "A" in str(err.value) or "column" in str(err.value) or "cp" in str(err.value)


def test_park_heat_streams_duty_from_hours() -> None:
    """Duty in kW = amount [MWh/a] x 1000 / operating hours: 500 kW over F1's 8,000 h is 4,000 MWh/a
    and back to 500 kW; a 2,000 MWh/a stream running 5,000 h is 400 kW."""
    extra = {
        "id": "H9",
        "firm": "F1",
        "direction": "out",
        "category": "heat",
        "quantity": 2000.0,
        "unit": "MWh/a",
        "operating_hours": 5000.0,
        "temperature": 120.0,
        "target_temperature": 60.0,
    }
    streams, excluded = park_heat_streams(heat_park([*STREAMS, extra]))
    rows = {r["id"]: r for r in streams.iter_rows(named=True)}
    assert rows["H1"]["amount"] == pytest.approx(4000.0) and rows["H1"]["duty"] == pytest.approx(500.0)
    assert rows["H9"]["duty"] == pytest.approx(400.0) and rows["H9"]["cp"] == pytest.approx(400.0 / 60.0)
    assert rows["D3"]["duty"] == pytest.approx(200.0)  # default 8,760 h both ways
    assert excluded.height == 0


def test_park_heat_streams_left_out_with_reasons() -> None:
    bad = [
        {
            "id": "X1",
            "firm": "F2",
            "direction": "in",
            "category": "heat",
            "resource_class": "steam",
            "quantity": 200.0,
            "unit": "kW",
            "temperature": 180.0,
            "target_temperature": 100.0,
        },
        {
            "id": "X2",
            "firm": "F2",
            "direction": "in",
            "category": "heat",
            "resource_class": "steam",
            "quantity": 2.0,
            "unit": "t/h",
            "temperature": 180.0,
            "target_temperature": 190.0,
        },
        {
            "id": "X3",
            "firm": "F1",
            "direction": "out",
            "category": "heat",
            "quantity": 100.0,
            "unit": "kW",
            "temperature": 90.0,
        },
        {
            "id": "X4",
            "firm": "F1",
            "direction": "out",
            "category": "heat",
            "quantity": 100.0,
            "unit": "kW",
            "temperature": 20.0,
            "target_temperature": 60.0,
        },
    ]
    park = heat_park(STREAMS + bad)
    _, excluded = park_heat_streams(park)
    reasons = dict(zip(excluded["id"], excluded["reason"], strict=True))
    assert "utility" in reasons["X1"]
    assert "not an energy" in reasons["X2"]
    assert "target_temperature" in reasons["X3"]
    assert "heated" in reasons["X4"]
    with pytest.raises(HeatInputError, match="X1"):
        park_heat_streams(park, strict=True)


def test_park_without_heat() -> None:
    streams, excluded = park_heat_streams(heat_park([], FIRMS))
    assert streams.height == 0 and excluded.height == 0
    assert "cp" in streams.columns
