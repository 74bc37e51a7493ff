"""Pooling: joint purchasing and joint waste handling of the park's own firms."""

from __future__ import annotations

import pytest
from sym_testing import firm, make_park, stream

from eipkit.symbiosis import knowledge_base, park_streams, pool_opportunities


def test_pools_of_the_same_class_inside_the_park() -> None:
    park = make_park(
        [firm("A", "food"), firm("B", "textile_dyeing"), firm("C", "food"), firm("E", "food", role="external")],
        [
            stream(
                "A.coal",
                "A",
                "in",
                "energy",
                "coal",
                1000,
                unit_cost=3_500_000,
                cost_unit="VND/t",
                destination="supplier",
            ),
            stream(
                "B.coal",
                "B",
                "in",
                "energy",
                "coal",
                3000,
                unit_cost=3_500_000,
                cost_unit="VND/t",
                destination="supplier",
            ),
            stream(
                "E.coal",
                "E",
                "in",
                "energy",
                "coal",
                9000,
                unit_cost=3_500_000,
                cost_unit="VND/t",
                destination="supplier",
            ),
            stream(
                "A.oil",
                "A",
                "out",
                "waste",
                "waste_oil",
                2,
                unit_cost=6_000_000,
                cost_unit="VND/t",
                destination="other",
            ),
            stream(
                "C.oil",
                "C",
                "out",
                "waste",
                "waste_oil",
                3,
                unit_cost=6_000_000,
                cost_unit="VND/t",
                destination="other",
            ),
            stream(
                "B.oil", "B", "out", "waste", "waste_oil", 3, unit_cost=6_000_000, cost_unit="VND/t", destination="sold"
            ),
        ],
    )
    streams, _ = park_streams(park)
    pools = {r["rule"]: r for r in pool_opportunities(streams, knowledge_base()).iter_rows(named=True)}
    coal = pools["joint_purchasing"]
    assert coal["firms"] == ["A", "B"]  # the external partner is not pooled
    assert coal["amount"] == 4000 and coal["annual_cost"] == pytest.approx(4000 * 3_500_000)
    assert coal["saving_mid"] == pytest.approx(0.05 * 4000 * 3_500_000)
    oil = pools["joint_waste_handling"]
    assert oil["firms"] == ["A", "C"] and oil["amount"] == 5  # B sells its oil already
    assert "2 " in oil["reason"] and "Used oil" in oil["reason"]
    assert pool_opportunities(streams, knowledge_base(), min_firms=3).height == 0
