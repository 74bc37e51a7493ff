from __future__ import annotations

import polars as pl
import pytest
from report_testing import make_park

from eipkit.park import Park
from eipkit.report import FLOW_KINDS, sankey_data


def _link(links: pl.DataFrame, source: str, target: str, status: str | None = None) -> float:
    rows = links.filter((pl.col("source") == source) & (pl.col("target") == target))
    if status is not None:
        rows = rows.filter(pl.col("status") == status)
    return float(rows["value"].sum())


def test_material_flows_hand_balanced() -> None:
    """Hand-solved: A takes 100 t/a, sends 30 to landfill and 20 to B (operating exchange X1, its whole
    supply stream); B takes 50, of which 20 from A, so 30 from the market. Balances: A keeps 50 t/a
    (products etc.), B keeps 50. The proposed X2 (10 t/a to an outside partner) is drawn, not counted."""
    data = sankey_data(make_park(), "material")
    links = data.links
    assert _link(links, "in:cardboard", "firm:A") == 100.0
    assert _link(links, "firm:A", "out:landfill") == 30.0
    assert _link(links, "firm:A", "out:sold") == 0.0  # carried by the exchange
    assert _link(links, "firm:A", "firm:B", "existing") == 20.0
    assert _link(links, "in:fly_ash", "firm:B") == 30.0
    assert _link(links, "firm:A", "balance:out") == 50.0
    assert _link(links, "firm:B", "balance:out") == 50.0
    assert _link(links, "firm:A", "ext:X", "proposed") == 10.0
    assert data.total("existing") == 20.0 and data.total("proposed") == 10.0
    cols = dict(data.nodes.select("id", "column").iter_rows())
    assert cols["in:cardboard"] == 0 and cols["firm:A"] == 1 and cols["firm:B"] == 2
    assert cols["ext:X"] == cols["out:landfill"] == max(cols.values())


def test_water_flows_go_through_operator_services() -> None:
    """The operator resells 900 of its 1000 m3/a to A (600) and C (300) and treats their 700 m3/a of
    wastewater: supply and plant are separate nodes so that the diagram reads left to right."""
    data = sankey_data(make_park(), "water", "vi")
    links = data.links
    assert _link(links, "in:freshwater", "operator:supply") == 1000.0
    assert _link(links, "operator:supply", "sector:paper", "service") == 600.0  # A has no water exchange
    assert _link(links, "operator:supply", "sector:garment", "service") == 300.0
    services = links.filter(pl.col("status") == "service")
    assert services.filter(pl.col("source") == "operator:supply")["value"].sum() == 900.0
    assert services.filter(pl.col("target") == "operator:wwtp")["value"].sum() == 700.0
    assert _link(links, "operator:wwtp", "out:discharge") == 680.0
    labels = dict(data.nodes.select("id", "label").iter_rows())
    assert labels["operator:wwtp"].startswith("Trạm XLNT")


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="material, water, energy"):
        sankey_data(make_park(), "heat")


@pytest.mark.parametrize("kind", list(FLOW_KINDS))
def test_every_actor_balances_on_the_demo(demo: Park, kind: str) -> None:
    """Invariant: after balance flows, what enters an actor node leaves it (proposed links aside)."""
    data = sankey_data(demo, kind)
    counted = data.links.filter(pl.col("status") != "proposed")
    inflow = dict(counted.group_by("target").agg(pl.col("value").sum()).iter_rows())
    outflow = dict(counted.group_by("source").agg(pl.col("value").sum()).iter_rows())
    for node in data.nodes.filter(pl.col("role") == "actor")["id"]:
        i, o = inflow.get(node, 0.0), outflow.get(node, 0.0)
        assert i == pytest.approx(o, rel=0.006), node
    operating = demo.exchanges.filter(
        (pl.col("status") == "operating") & (pl.col("amount_kind") == FLOW_KINDS[kind][0])
    )
    assert data.total("existing") == pytest.approx(float(operating["amount"].sum() or 0.0))
