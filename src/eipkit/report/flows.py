"""The park's metabolism as Sankey data: nodes and links of material, water and energy flows.

One diagram per quantity kind, without any conversion between kinds:

=========  ==============  ==================================================
diagram    unit            streams (``category``, with ``amount_kind``)
=========  ==============  ==================================================
material   t/a             material, energy, heat, waste, by_product in t/a
water      m³/a            water, wastewater in m³/a
energy     MWh/a           energy, heat in MWh/a
=========  ==============  ==================================================

(so steam given in t/a is in the material diagram; emissions, capacity and services are in none.)

Nodes are **sources** (inputs bought, by resource class), **actors** and **sinks** (where
outputs go, by ``destination``). Actors are the firms that take part in a drawn exchange (one node
each), the other tenants grouped by sector, and the park operator. Links:

* ``market``: an input from outside, or an output to its destination;
* ``service``: the operator's water supply to tenants (when it resells water) and the tenants'
  wastewater to the central plant (when it receives it); in the water diagram the operator is
  split into *water supply* and *central WWTP* so that the flow reads left to right;
* ``existing``: an operating exchange; it replaces the part of the receiver's input (its
  ``demand_stream``) and of the supplier's output (its ``supply_stream``) that it carries;
* ``proposed``: an exchange at idea, feasibility or agreed stage (drawn, not counted);
* ``balance``: what closes an actor's balance (inputs that leave as products, stock, losses or
  unrecorded outputs; or outputs whose inputs are not recorded in this unit).

Columns are found by the longest path over the actor links, so suppliers stand left of their
receivers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import polars as pl

from eipkit.park import Park
from eipkit.report._text import short_name, tr
from eipkit.vocab import label

__all__ = ["FLOW_KINDS", "SankeyData", "sankey_data"]

#: Diagram -> (amount kind, unit, stream categories).
FLOW_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "material": ("mass_flow", "t/a", ("material", "energy", "heat", "waste", "by_product")),
    "water": ("volume_flow", "m³/a", ("water", "wastewater")),
    "energy": ("energy_flow", "MWh/a", ("energy", "heat")),
}
_PROPOSED = ("idea", "feasibility", "agreed")
_MAX_GROUPS = 8
_BALANCE_SHARE = 0.005


@dataclass
class SankeyData:
    """Nodes and links of one Sankey diagram.

    Attributes
    ----------
    kind : str
        ``material``, ``water`` or ``energy``.
    unit : str
    nodes : polars.DataFrame
        ``id``, ``label``, ``role`` (source, actor, sink, balance), ``column``, ``value``
        (larger of what flows in and out, proposed links included).
    links : polars.DataFrame
        ``source``, ``target``, ``value``, ``status`` (market, service, existing, proposed,
        balance) and ``detail`` (resource classes or exchange ids).
    notes : dict
        Counts of what could not be drawn: ``no_amount`` (streams without quantity),
        ``exchanges_no_amount`` (exchanges without quantity), ``exchanges_no_stream``
        (operating exchanges without supply or demand stream: they may double count).
    """

    kind: str
    unit: str
    nodes: pl.DataFrame
    links: pl.DataFrame
    notes: dict[str, int] = field(default_factory=dict)

    def total(self, status: str) -> float:
        """Sum of the links with ``status``."""
        return float(self.links.filter(pl.col("status") == status).get_column("value").sum() or 0.0)


def _actor_map(park: Park, kind: str, exchanges: pl.DataFrame, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Node id and label for each firm (None for external partners not in an exchange)."""
    firms = park.firms
    in_exchange = set(exchanges.get_column("supplier").to_list()) | set(exchanges.get_column("receiver").to_list())
    node: dict[str, str] = {}
    labels: dict[str, str] = {}
    for fid, name, role, sector in firms.select("id", "name", "role", "sector").iter_rows():
        if role == "external":
            if fid in in_exchange:
                node[fid] = f"ext:{fid}"
                labels[node[fid]] = short_name(name)
            continue
        if role == "operator":
            node[fid] = "operator"
            labels["operator"] = tr("flows.operator", lang)
        elif fid in in_exchange:
            node[fid] = f"firm:{fid}"
            labels[node[fid]] = short_name(name)
        else:
            node[fid] = f"sector:{sector}"
            labels[node[fid]] = label("sectors", sector, lang)
    return node, labels


def _exchanges(park: Park, amount_kind: str) -> tuple[pl.DataFrame, int]:
    x = park.exchanges.filter(pl.col("status").is_in(["operating", *_PROPOSED]))
    no_amount = x.filter(pl.col("amount").is_null()).height
    same = x.filter((pl.col("amount_kind") == amount_kind) & (pl.col("amount") > 0))
    return same, no_amount


def sankey_data(park: Park, kind: str, lang: str = "en") -> SankeyData:
    """Build the nodes and links of the park's ``kind`` Sankey diagram (see the module notes).

    Parameters
    ----------
    park : Park
    kind : {"material", "water", "energy"}
    lang : {"vi", "en"}
        Language of node labels.

    Returns
    -------
    SankeyData

    Raises
    ------
    ValueError
        If ``kind`` is not one of :data:`FLOW_KINDS`.
    """
    if kind not in FLOW_KINDS:
        raise ValueError(f"unknown flow kind '{kind}'; use one of {', '.join(FLOW_KINDS)}")
    amount_kind, unit, categories = FLOW_KINDS[kind]
    exchanges, x_no_amount = _exchanges(park, amount_kind)
    node_of, labels = _actor_map(park, kind, exchanges, lang)
    roles = dict(park.firms.select("id", "role").iter_rows())
    streams = park.streams.filter(
        pl.col("firm").is_in([f for f, r in roles.items() if r != "external"])
        & pl.col("category").is_in(list(categories))
    )
    no_amount = streams.filter(pl.col("amount").is_null()).height
    streams = streams.filter((pl.col("amount_kind") == amount_kind) & (pl.col("amount") > 0))

    operating = exchanges.filter(pl.col("status") == "operating")
    taken_in = dict(operating.group_by("demand_stream").agg(pl.col("amount").sum()).drop_nulls().iter_rows())
    given_out = dict(operating.group_by("supply_stream").agg(pl.col("amount").sum()).drop_nulls().iter_rows())
    no_stream = operating.filter(pl.col("supply_stream").is_null() | pl.col("demand_stream").is_null()).height

    op_streams = streams.filter(pl.col("firm").is_in([f for f, r in roles.items() if r == "operator"]))
    resells_water = (
        op_streams.filter(
            (pl.col("direction") == "out") & (pl.col("category") == "water") & (pl.col("destination") == "sold")
        ).height
        > 0
    )
    treats_ww = op_streams.filter((pl.col("direction") == "in") & (pl.col("category") == "wastewater")).height > 0
    split = kind == "water" and (resells_water or treats_ww)
    supply_node, wwtp_node = ("operator:supply", "operator:wwtp") if split else ("operator", "operator")
    if split:
        labels.pop("operator", None)
        labels[supply_node] = tr("flows.water_supply", lang)
        labels[wwtp_node] = tr("flows.wwtp", lang)

    raw: list[tuple[str, str, float, str, str]] = []  # source, target, value, status, detail
    for row in streams.iter_rows(named=True):
        firm, amount, cls = row["firm"], float(row["amount"]), row["resource_class"] or "unclassified"
        actor = node_of[firm]
        is_op = roles[firm] == "operator"
        if row["direction"] == "in":
            rest = amount - float(taken_in.get(row["id"], 0.0))
            if rest <= 0:
                continue
            if is_op:
                if kind == "water" and row["category"] == "wastewater" and treats_ww:
                    continue  # received from tenants: drawn as their service links
                target = supply_node if row["category"] == "water" else (wwtp_node if split else actor)
                raw.append((f"in:{cls}", target, rest, "market", cls))
            elif row["category"] == "water" and row["destination"] == "supplier" and resells_water:
                raw.append((supply_node, actor, rest, "service", cls))
            else:
                raw.append((f"in:{cls}", actor, rest, "market", cls))
        else:
            rest = amount - float(given_out.get(row["id"], 0.0))
            if rest <= 0:
                continue
            if is_op:
                if kind == "water" and row["category"] == "water" and row["destination"] == "sold" and resells_water:
                    continue  # resold to tenants: drawn as service links
                source = (supply_node if row["destination"] == "sold" else wwtp_node) if split else actor
                raw.append((source, f"out:{row['destination'] or 'unspecified'}", rest, "market", cls))
            elif row["category"] == "wastewater" and row["destination"] == "central_wwtp" and treats_ww:
                raw.append((actor, wwtp_node, rest, "service", cls))
            else:
                raw.append((actor, f"out:{row['destination'] or 'unspecified'}", rest, "market", cls))
    for row in exchanges.iter_rows(named=True):
        giver, taker = node_of.get(row["supplier"]), node_of.get(row["receiver"])
        if giver is None or taker is None or giver == taker:
            continue
        status = "existing" if row["status"] == "operating" else "proposed"
        raw.append((giver, taker, float(row["amount"]), status, row["id"]))
    links = _group_ends(raw, lang, labels)
    links = _add_balances(links)
    nodes = _layout(links, labels, lang)
    notes = {"no_amount": no_amount, "exchanges_no_amount": x_no_amount, "exchanges_no_stream": no_stream}
    return SankeyData(kind, unit, nodes, links, notes)


def _group_ends(raw: list[tuple[str, str, float, str, str]], lang: str, labels: dict[str, str]) -> pl.DataFrame:
    """Merge small input classes and destinations into 'other', then sum parallel links."""
    frame = pl.DataFrame(
        raw,
        schema={
            "source": pl.String,
            "target": pl.String,
            "value": pl.Float64,
            "status": pl.String,
            "detail": pl.String,
        },
        orient="row",
    )
    for end, prefix in (("source", "in:"), ("target", "out:")):
        ends = frame.filter(pl.col(end).str.starts_with(prefix)).group_by(end).agg(pl.col("value").sum())
        keep = set(ends.sort("value", descending=True).head(_MAX_GROUPS).get_column(end).to_list())
        other = f"{prefix}other"
        frame = frame.with_columns(
            pl.when(pl.col(end).str.starts_with(prefix) & ~pl.col(end).is_in(list(keep)))
            .then(pl.lit(other))
            .otherwise(pl.col(end))
            .alias(end)
        )
    for node in set(frame.get_column("source").to_list()) | set(frame.get_column("target").to_list()):
        if node.startswith("in:"):
            key = node[3:]
            labels[node] = tr("flows.other_inputs", lang) if key == "other" else label("resource_classes", key, lang)
        elif node.startswith("out:"):
            labels[node] = tr(f"flows.dest.{node[4:]}", lang)
    return (
        frame.group_by(["source", "target", "status"], maintain_order=True)
        .agg(pl.col("value").sum(), pl.col("detail").unique(maintain_order=True).str.join(", "))
        .select("source", "target", "value", "status", "detail")
    )


def _is_actor(node: str) -> bool:
    return node.split(":")[0] in ("firm", "sector", "operator")


def _add_balances(links: pl.DataFrame) -> pl.DataFrame:
    counted = links.filter(pl.col("status") != "proposed")
    inflow = dict(counted.group_by("target").agg(pl.col("value").sum()).iter_rows())
    outflow = dict(counted.group_by("source").agg(pl.col("value").sum()).iter_rows())
    actors = sorted(n for n in set(inflow) | set(outflow) if _is_actor(n))
    extra = []
    for node in actors:
        diff = inflow.get(node, 0.0) - outflow.get(node, 0.0)
        if abs(diff) <= _BALANCE_SHARE * max(inflow.get(node, 0.0), outflow.get(node, 0.0)):
            continue
        if diff > 0:
            extra.append((node, "balance:out", diff, "balance", ""))
        else:
            extra.append(("balance:in", node, -diff, "balance", ""))
    if not extra:
        return links
    return pl.concat([links, pl.DataFrame(extra, schema=links.schema, orient="row")])


def _layout(links: pl.DataFrame, labels: dict[str, str], lang: str) -> pl.DataFrame:
    """Give every node a column: sources 0, actors by longest path, sinks last."""
    labels = {**labels, "balance:out": tr("flows.balance_out", lang), "balance:in": tr("flows.balance_in", lang)}
    succ: dict[str, list[str]] = defaultdict(list)
    nodes: set[str] = set()
    for s, tgt in links.select("source", "target").iter_rows():
        nodes |= {s, tgt}
        if _is_actor(s) and _is_actor(tgt):
            succ[s].append(tgt)
    actors = sorted(n for n in nodes if _is_actor(n))
    depth = dict.fromkeys(actors, 0)
    state: dict[str, int] = {}

    def visit(n: str) -> None:  # longest path by depth-first search; back edges are ignored
        state[n] = 1
        for m in succ.get(n, []):
            if state.get(m) == 1:
                continue
            if depth[m] < depth[n] + 1:
                depth[m] = depth[n] + 1
                visit(m)
            elif m not in state:
                visit(m)
        state[n] = 2

    for n in actors:
        if n not in state:
            visit(n)
    last = (max(depth.values()) if depth else 0) + 2
    inflow = dict(links.group_by("target").agg(pl.col("value").sum()).iter_rows())
    outflow = dict(links.group_by("source").agg(pl.col("value").sum()).iter_rows())
    rows = []
    for n in nodes:
        prefix = n.split(":")[0]
        if prefix == "in" or n == "balance:in" or (prefix == "ext" and n not in inflow):
            role, column = "source", 0
        elif prefix == "out" or n == "balance:out" or prefix == "ext":
            role, column = "sink", last
        else:
            role, column = "actor", 1 + depth[n]
        if n.startswith("balance"):
            role = "balance"
        rows.append((n, labels.get(n, n), role, column, max(inflow.get(n, 0.0), outflow.get(n, 0.0))))
    frame = pl.DataFrame(
        rows,
        schema={"id": pl.String, "label": pl.String, "role": pl.String, "column": pl.Int64, "value": pl.Float64},
        orient="row",
    )
    order = pl.col("id").str.starts_with("balance")
    return frame.sort(["column", order, "value"], descending=[False, False, True])
