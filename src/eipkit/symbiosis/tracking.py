"""Pipeline tracking: opportunities saved as rows of the park's ``exchanges`` table.

A board follows each link from ``idea`` through ``feasibility``, ``agreed`` and ``operating``
(or ``stopped``/``rejected``) with its barriers (regulatory, by_product_status, trust, capital,
distance, quality, quantity, other). Functions here return a **new** :class:`~eipkit.park.Park`
(built with :meth:`Park.from_records`, so every check runs again); the input park is unchanged.

Rejections are remembered with their data: the notes of a rejected exchange carry
``fingerprint=<hash>``, a hash of everything the proposal rested on (both streams, their quality
rows, both firms' location and sector). Matching does not propose a rejected pair
again while its fingerprint is unchanged; when the data change, it comes back flagged as
"data changed since the rejection".
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from eipkit.park import TABLES, Park

__all__ = [
    "BARRIERS",
    "opportunity_fingerprint",
    "reject_opportunity",
    "save_opportunities",
    "stream_fingerprints",
    "tracked_status",
    "update_exchange",
]

#: Barrier keys of the exchanges table.
BARRIERS = ("regulatory", "by_product_status", "trust", "capital", "distance", "quality", "quantity", "other")
_FINGERPRINT = re.compile(r"fingerprint=([0-9a-f]{8,64})")
_SKIP = {"notes", "source_note"}


def _canonical(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    return value if value is None or isinstance(value, (str, int, bool)) else str(value)


def stream_fingerprints(park: Park) -> dict[str, str]:
    """Return a hash of the data of each stream: its row, its quality rows and its firm's location.

    Notes and data-source texts are left out, so editing a comment does not reopen a rejection.
    """
    streams = park.table("streams", derived=False)
    cols = [c for c in streams.columns if c not in _SKIP]
    quals: dict[str, list[Any]] = {}
    for row in park.table("qualities", derived=False).sort("stream", "parameter").iter_rows(named=True):
        quals.setdefault(row["stream"], []).append(
            [_canonical(row[k]) for k in ("parameter", "value", "unit", "bound")]
        )
    firms = {
        r["id"]: [_canonical(r[k]) for k in ("latitude", "longitude", "sector", "vsic_2018")]
        for r in park.firms.iter_rows(named=True)
    }
    out = {}
    for row in streams.select(cols).iter_rows(named=True):
        data = {k: _canonical(v) for k, v in row.items()}
        data["_qualities"] = quals.get(row["id"], [])
        data["_firm"] = firms.get(row["firm"])
        out[row["id"]] = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return out


def opportunity_fingerprint(park: Park, supply_stream: str, demand_stream: str) -> str:
    """Return the fingerprint (12 hex digits) of the data behind a supply-demand pair.

    Raises
    ------
    KeyError
        If a stream id is not in the park.
    """
    prints = stream_fingerprints(park)
    for sid in (supply_stream, demand_stream):
        if sid not in prints:
            raise KeyError(f"stream '{sid}' is not in park '{park.id}'")
    return _pair_print(prints[supply_stream], prints[demand_stream])


def _pair_print(s_hash: str, d_hash: str) -> str:
    return hashlib.sha256(f"{s_hash}|{d_hash}".encode()).hexdigest()[:12]


def tracked_status(candidates: pl.DataFrame, exchanges: pl.DataFrame, prints: dict[str, str]) -> pl.DataFrame:
    """Return, per candidate, the exchange that already tracks it and what that means.

    Parameters
    ----------
    candidates : polars.DataFrame
        ``cid``, ``supply_stream``, ``demand_stream``, ``s_firm``, ``d_firm``.
    exchanges : polars.DataFrame
        The park's exchanges table.
    prints : dict
        Stream id -> hash (:func:`stream_fingerprints`).

    Returns
    -------
    polars.DataFrame
        ``cid``, ``fingerprint`` (current), ``exchange`` (id or null), ``exchange_status``,
        ``tracking``: ``new``, ``tracked`` (an exchange exists), ``suppressed`` (rejected, data
        unchanged or no fingerprint recorded) or ``reopened`` (rejected, data changed), and
        ``tracking_note`` (the exchange's notes).
    """
    fp = [
        _pair_print(prints.get(s, ""), prints.get(d, ""))
        for s, d in candidates.select("supply_stream", "demand_stream").iter_rows()
    ]
    base = candidates.select("cid", "supply_stream", "demand_stream", "s_firm", "d_firm").with_columns(
        pl.Series("fingerprint", fp, dtype=pl.String)
    )
    ex = exchanges.select(
        pl.col("id").alias("exchange"),
        pl.col("supplier").alias("s_firm"),
        pl.col("receiver").alias("d_firm"),
        "supply_stream",
        "demand_stream",
        pl.col("status").alias("exchange_status"),
        pl.col("notes").alias("tracking_note"),
    )
    exact = base.join(ex.drop("s_firm", "d_firm"), on=["supply_stream", "demand_stream"], how="inner")
    loose_ex = ex.filter(pl.col("supply_stream").is_null() | pl.col("demand_stream").is_null())
    loose = (
        base.join(exact.select("cid"), on="cid", how="anti")
        .join(loose_ex.drop("supply_stream", "demand_stream"), on=["s_firm", "d_firm"], how="inner")
        .unique("cid", keep="first")
    )
    cols = ["cid", "exchange", "exchange_status", "tracking_note"]
    found = pl.concat([exact.select(cols), loose.select(cols)])
    out = base.select("cid", "fingerprint").join(found, on="cid", how="left")
    recorded = pl.col("tracking_note").str.extract(_FINGERPRINT.pattern, 1)
    tracking = (
        pl.when(pl.col("exchange").is_null())
        .then(pl.lit("new"))
        .when(pl.col("exchange_status") != "rejected")
        .then(pl.lit("tracked"))
        .when(recorded.is_null() | (recorded == pl.col("fingerprint")))
        .then(pl.lit("suppressed"))
        .otherwise(pl.lit("reopened"))
    )
    return out.with_columns(tracking.alias("tracking")).unique("cid", keep="first").sort("cid")


def _rebuild(park: Park, exchanges: pl.DataFrame) -> Park:
    tables: dict[str, Any] = {n: park.table(n, derived=False) for n in TABLES if n not in ("park", "exchanges")}
    tables["exchanges"] = exchanges
    return Park.from_records(park.meta, **tables)


def save_opportunities(
    park: Park,
    opportunities: pl.DataFrame,
    ids: Sequence[str] | None = None,
    status: str = "idea",
    lang: str = "en",
) -> Park:
    """Return a new park whose exchanges table also holds the chosen opportunities.

    Parameters
    ----------
    park : Park
        The park the opportunities were found in.
    opportunities : polars.DataFrame
        The ``opportunities`` table of a match result (columns ``id``, ``supplier``,
        ``receiver``, ``supply_stream``, ``demand_stream``, ``resource_class``, ``type``,
        ``amount``, ``unit``, ``barriers``, ``fingerprint``, ``reason_en``/``reason_vi``).
    ids : sequence of str, optional
        Opportunity ids to save (default: all rows).
    status : str
        Initial status (``idea`` by default).
    lang : str
        Language of the reason written to the notes.

    Raises
    ------
    ValueError
        If an id is unknown, or an exchange with that id already exists.
    """
    rows = opportunities if ids is None else opportunities.filter(pl.col("id").is_in(list(ids)))
    if ids is not None and rows.height != len(set(ids)):
        unknown = sorted(set(ids) - set(rows.get_column("id").to_list()))
        raise ValueError(f"opportunities {unknown} are not in the table; use ids of its 'id' column")
    firms = set(park.firms.get_column("id").to_list())
    outside = sorted({f for f in rows.get_column("supplier").to_list() + rows.get_column("receiver").to_list()} - firms)
    if outside:
        raise ValueError(
            f"firms {outside} are not in park '{park.id}': add them to its firms table as external partners "
            "(role 'external', location_park = their park) before saving these opportunities"
        )
    existing = park.table("exchanges", derived=False)
    clash = set(existing.get_column("id").to_list()) & set(rows.get_column("id").to_list())
    if clash:
        raise ValueError(f"exchanges {sorted(clash)} already exist; change them with update_exchange()")
    notes = (pl.col(f"reason_{lang}") + pl.lit(" | fingerprint=") + pl.col("fingerprint")).alias("notes")
    new = rows.select(
        "id",
        pl.col("supplier"),
        pl.col("receiver"),
        "supply_stream",
        "demand_stream",
        "resource_class",
        "type",
        pl.lit(status).alias("status"),
        pl.col("amount").alias("quantity"),
        "unit",
        pl.col("barriers").list.join(";").replace("", None)
        if isinstance(rows.schema["barriers"], pl.List)
        else pl.col("barriers"),
        notes,
    )
    return _rebuild(park, pl.concat([existing, new], how="diagonal_relaxed"))


def _check_barriers(barriers: Iterable[str]) -> str | None:
    items = [b for b in barriers if b]
    bad = [b for b in items if b not in BARRIERS]
    if bad:
        raise ValueError(f"unknown barriers {bad}; use {', '.join(BARRIERS)}")
    return ";".join(items) or None


def update_exchange(
    park: Park,
    exchange: str,
    status: str | None = None,
    barriers: Iterable[str] | None = None,
    notes: str | None = None,
) -> Park:
    """Return a new park with exchange ``exchange`` changed (status, barriers, notes).

    Raises
    ------
    KeyError
        If the exchange does not exist.
    """
    ex = park.table("exchanges", derived=False)
    if exchange not in ex.get_column("id").to_list():
        raise KeyError(f"exchange '{exchange}' is not in park '{park.id}'")
    hit = pl.col("id") == exchange
    changes = []
    if status is not None:
        changes.append(pl.when(hit).then(pl.lit(status)).otherwise(pl.col("status")).alias("status"))
    if barriers is not None:
        changes.append(
            pl.when(hit)
            .then(pl.lit(_check_barriers(barriers), pl.String))
            .otherwise(pl.col("barriers"))
            .alias("barriers")
        )
    if notes is not None:
        changes.append(pl.when(hit).then(pl.lit(notes)).otherwise(pl.col("notes")).alias("notes"))
    return _rebuild(park, ex.with_columns(changes) if changes else ex)


def reject_opportunity(park: Park, exchange: str, reason: str, barriers: Iterable[str] = ()) -> Park:
    """Return a new park where exchange ``exchange`` is rejected, with its reason and data fingerprint.

    The fingerprint is computed from the park's current data for the exchange's supply and
    demand streams, so the pair is not proposed again until those data change.

    Raises
    ------
    KeyError
        If the exchange does not exist.
    ValueError
        If the reason is empty, or the exchange names no supply or demand stream (then nothing
        can tell later whether its data changed: record the streams first).
    """
    if not reason or not reason.strip():
        raise ValueError("give the reason for the rejection; it is kept in the exchange's notes")
    ex = park.table("exchanges", derived=False)
    rows = ex.filter(pl.col("id") == exchange)
    if rows.height == 0:
        raise KeyError(f"exchange '{exchange}' is not in park '{park.id}'")
    row = rows.row(0, named=True)
    if not row["supply_stream"] or not row["demand_stream"]:
        raise ValueError(
            f"exchange '{exchange}' has no supply_stream or demand_stream; fill them so that a change "
            "in the data can reopen it"
        )
    fingerprint = opportunity_fingerprint(park, row["supply_stream"], row["demand_stream"])
    note = f"{reason.strip()} | fingerprint={fingerprint}"
    return update_exchange(park, exchange, status="rejected", barriers=barriers, notes=note)
