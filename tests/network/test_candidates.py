"""The candidate-link table: defaults and clear errors."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from eipkit.network import CANDIDATE_COLUMNS, NetworkInputError, candidate_table

BASE: dict[str, list[Any]] = {
    "id": ["L1", "L2"],
    "supplier": ["A", "A"],
    "receiver": ["B", "C"],
    "max_amount": [10.0, 20.0],
}


def test_defaults_are_filled() -> None:
    t = candidate_table(pl.DataFrame({**BASE, "note": ["x", "y"]}))
    assert t.columns[: len(CANDIDATE_COLUMNS)] == list(CANDIDATE_COLUMNS)
    assert t.columns[-1] == "note"
    assert t["supply_factor"].to_list() == [1.0, 1.0] and t["fixed_cost"].to_list() == [0.0, 0.0]
    assert t["supply_amount"].null_count() == 2


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"id": ["L1", "L1"]}, "more than once"),
        ({"receiver": ["A", "C"]}, "same firm"),
        ({"max_amount": [0.0, 20.0]}, "positive"),
        ({"max_amount": [float("nan"), 20.0]}, "finite"),
        ({"receiver": [None, "C"]}, "'receiver' is empty"),
        ({"fixed_cost": [-1.0, 0.0]}, "zero or positive"),
        ({"supply_factor": [0.0, 1.0]}, "supply_factor"),
        ({"supply_stream": ["s", "s"], "supply_amount": [5.0, 6.0]}, "supply node s"),
        ({"demand_stream": ["d", "d"], "amount_kind": ["mass_flow", "volume_flow"]}, "amount kinds"),
        ({"group": ["g", "g"], "group_fixed_cost": [1.0, 2.0]}, "group g"),
        ({"max_amount": ["ten", "20"]}, "max_amount"),
    ],
)
def test_errors_name_links_and_fix(change: dict[str, list[Any]], words: str) -> None:
    with pytest.raises(NetworkInputError, match=words):
        candidate_table(pl.DataFrame({**BASE, **change}, strict=False))


def test_required_columns() -> None:
    with pytest.raises(NetworkInputError, match="max_amount"):
        candidate_table(pl.DataFrame({"id": ["L"], "supplier": ["A"], "receiver": ["B"]}))
