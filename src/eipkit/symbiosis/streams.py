"""The flat stream table the matching engine works on, built from one or more parks.

Matching runs on one polars table with one row per stream and the columns of
:data:`STREAM_COLUMNS`, whatever the source: a :class:`~eipkit.park.Park`, several parks (a
park, its city and neighbouring parks) or a national data set built directly in these columns
(``benchmarks/bench_symbiosis.py``). Amounts are annual in canonical units (t/a, m³/a, MWh/a) and
prices in VND per canonical unit, so engines never convert units again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import polars as pl

from eipkit.park import Park
from eipkit.symbiosis.classify import classify_streams, normalise_code
from eipkit.symbiosis.knowledge import KnowledgeBase, knowledge_base

__all__ = ["ALL_MONTHS", "STREAM_COLUMNS", "check_unique_streams", "months_mask", "park_qualities", "park_streams"]

#: Bit mask of the twelve months (January = bit 0).
ALL_MONTHS = 4095

#: Columns of the stream table: name -> dtype.
STREAM_COLUMNS: dict[str, pl.DataType | type[pl.DataType]] = {
    "park": pl.String,  # park (or city) the stream belongs to
    "scope": pl.String,  # park (tenant or operator), city, or external (a firm of another park)
    "firm": pl.String,
    "sector": pl.String,
    "activity": pl.String,  # VSIC 2018 (else ISIC Rev.4) code of the firm
    "stream": pl.String,  # stream id, unique over the table
    "direction": pl.String,  # out = supply, in = demand
    "category": pl.String,
    "class": pl.String,  # resource class after classification (null: unclassified)
    "class_confidence": pl.Float64,
    "amount": pl.Float64,  # t/a, m3/a or MWh/a
    "amount_kind": pl.String,
    "price": pl.Float64,  # VND per canonical unit; negative = the firm is paid
    "destination": pl.String,
    "hazardous": pl.Boolean,
    "ewc_code": pl.String,
    "waste_code_vn": pl.String,
    "temperature": pl.Float64,
    "target_temperature": pl.Float64,
    "calorific_value": pl.Float64,
    "moisture": pl.Float64,
    "months": pl.Int32,  # bit mask, ALL_MONTHS = all year
    "hours": pl.Float64,  # operating hours per year
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "coords": pl.String,  # firm, park (park centre used) or null (no coordinates)
}

_RANGE = re.compile(r"^\s*(\d{1,2})\s*(?:-\s*(\d{1,2}))?\s*$")


def months_mask(months: str | None) -> int:
    """Return the bit mask of a months text such as ``"1-4,11-12"`` (empty = all year).

    Raises
    ------
    ValueError
        If the text is not a list of months 1-12 or ranges of them.

    Examples
    --------
    >>> months_mask("3-11"), months_mask(None), months_mask("11-2")
    (2044, 4095, 3075)
    """
    if months is None or not months.strip():
        return ALL_MONTHS
    mask = 0
    for part in months.split(","):
        found = _RANGE.match(part)
        if not found:
            raise ValueError(f"months '{months}': write months 1-12 as a list or ranges, e.g. '1-4,11-12'")
        first = int(found.group(1))
        last = int(found.group(2) or first)
        if not (1 <= first <= 12 and 1 <= last <= 12):
            raise ValueError(f"months '{months}': months must be between 1 and 12")
        month = first
        while True:
            mask |= 1 << (month - 1)
            if month == last:
                break
            month = month % 12 + 1
    return mask


def _hazardous(streams: pl.DataFrame, classes: pl.Series, kb: KnowledgeBase) -> pl.Series:
    star = [normalise_code(c)[1] for c in streams.get_column("ewc_code").to_list()]
    by_class = [bool(c) and kb.info[c].hazardous for c in classes.to_list()]
    flag = streams.get_column("hazardous").fill_null(False).to_list()
    return pl.Series("hazardous", [a or b or c for a, b, c in zip(flag, star, by_class, strict=True)])


def park_streams(
    park: Park, scope: str | None = None, lang: str = "en", kb: KnowledgeBase | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the stream table of a park and the classification of its streams.

    Parameters
    ----------
    park : Park
        The park.
    scope : str, optional
        Force the scope of every firm (``"city"`` for a park file describing city actors,
        ``"external"`` for another park). By default tenants and the operator are ``park``,
        external partners of sector ``municipal`` or ``water_utility`` are ``city``, and other
        external partners are ``external``.
    lang : str
        Language of the classification reasons.
    kb : KnowledgeBase, optional
        Knowledge base (default: the shipped one).

    Returns
    -------
    streams : polars.DataFrame
        Columns of :data:`STREAM_COLUMNS`.
    classification : polars.DataFrame
        Output of :func:`eipkit.symbiosis.classify_streams` with the stream's firm and
        direction.
    """
    kb = kb or knowledge_base()
    s = park.streams
    classes = classify_streams(s, lang, kb)
    firms = park.firms.select(
        pl.col("id").alias("firm"),
        "role",
        "sector",
        pl.coalesce("vsic_2018", "isic_rev4").alias("activity"),
        pl.col("latitude").alias("f_lat"),
        pl.col("longitude").alias("f_lon"),
        pl.col("operating_hours").alias("f_hours"),
    )
    meta = park.meta
    c_lat, c_lon = meta.get("latitude"), meta.get("longitude")
    months = [months_mask(m) for m in s.get_column("months").to_list()]
    price = pl.when(pl.col("amount") > 0).then(pl.col("annual_cost") / pl.col("amount")).otherwise(None)
    if scope is None:
        scope_expr = (
            pl.when(pl.col("role") != "external")
            .then(pl.lit("park"))
            .when(pl.col("sector").is_in(["municipal", "water_utility"]))
            .then(pl.lit("city"))
            .otherwise(pl.lit("external"))
        )
    else:
        scope_expr = pl.lit(scope)
    has_firm = pl.col("f_lat").is_not_null() & pl.col("f_lon").is_not_null()
    centre = c_lat is not None and c_lon is not None
    frame = (
        s.with_columns(
            classes.get_column("class"),
            classes.get_column("class_confidence"),
            _hazardous(s, classes.get_column("class"), kb),
            pl.Series("months_mask", months, dtype=pl.Int32),
        )
        .join(firms, on="firm", how="left")
        .select(
            pl.lit(park.id).alias("park"),
            scope_expr.alias("scope"),
            "firm",
            "sector",
            "activity",
            pl.col("id").alias("stream"),
            "direction",
            "category",
            "class",
            "class_confidence",
            pl.col("amount").cast(pl.Float64),
            "amount_kind",
            price.alias("price"),
            "destination",
            "hazardous",
            "ewc_code",
            "waste_code_vn",
            "temperature",
            "target_temperature",
            "calorific_value",
            "moisture",
            pl.col("months_mask").alias("months"),
            pl.coalesce("operating_hours", "f_hours", pl.lit(8760.0)).alias("hours"),
            pl.when(has_firm).then(pl.col("f_lat")).otherwise(pl.lit(c_lat, pl.Float64)).alias("latitude"),
            pl.when(has_firm).then(pl.col("f_lon")).otherwise(pl.lit(c_lon, pl.Float64)).alias("longitude"),
            pl.when(has_firm)
            .then(pl.lit("firm"))
            .otherwise(pl.lit("park" if centre else None, pl.String))
            .alias("coords"),
        )
    )
    info = classes.join(s.select("id", "firm", "direction", "description"), on="id", how="left")
    frame = _net_of_exchanges(_price_capacity(frame), park)
    return frame.cast(STREAM_COLUMNS), info  # type: ignore[arg-type]


def _price_capacity(frame: pl.DataFrame) -> pl.DataFrame:
    """Give spare-capacity supplies without a price the price the firm sells the same class at.

    Spare boiler or treatment capacity is not free: its marginal cost is taken as the firm's own
    sale price of that class (a conservative proxy, flagged in the results).
    """
    sold = (
        frame.filter(
            (pl.col("direction") == "out") & (pl.col("category") != "capacity") & pl.col("price").is_not_null()
        )
        .group_by("firm", "class")
        .agg(pl.col("price").min().alias("_sale"))
    )
    is_cap = (pl.col("category") == "capacity") & (pl.col("direction") == "out") & pl.col("price").is_null()
    return (
        frame.join(sold, on=["firm", "class"], how="left")
        .with_columns(pl.when(is_cap).then(pl.col("_sale")).otherwise(pl.col("price")).alias("price"))
        .drop("_sale")
    )


def _net_of_exchanges(frame: pl.DataFrame, park: Park) -> pl.DataFrame:
    """Subtract what operating and agreed exchanges already take from their streams.

    A demand already served (or a supply already given away) by a recorded exchange is not
    offered to new partners a second time; only the remainder is matched.
    """
    ex = park.exchanges.filter(pl.col("status").is_in(["operating", "agreed"]) & pl.col("amount").is_not_null())
    used = pl.concat(
        [
            ex.select(pl.col("supply_stream").alias("stream"), "amount_kind", "amount"),
            ex.select(pl.col("demand_stream").alias("stream"), "amount_kind", "amount"),
        ]
    ).drop_nulls("stream")
    used = used.group_by("stream", "amount_kind").agg(pl.col("amount").sum().alias("_used"))
    out = frame.join(used, on=["stream", "amount_kind"], how="left")
    return out.with_columns(
        pl.when(pl.col("_used").is_null())
        .then(pl.col("amount"))
        .otherwise((pl.col("amount") - pl.col("_used")).clip(lower_bound=0.0))
        .alias("amount")
    ).drop("_used")


def park_qualities(parks: Iterable[Park]) -> pl.DataFrame:
    """Return the quality values of the streams of ``parks`` in canonical units.

    Returns
    -------
    polars.DataFrame
        ``stream``, ``parameter``, ``value`` (canonical), ``bound`` (value, max or min).
    """
    frames = [
        p.qualities.select("stream", "parameter", pl.col("canonical_value").cast(pl.Float64).alias("value"), "bound")
        for p in parks
    ]
    if not frames:
        return pl.DataFrame(
            schema={"stream": pl.String, "parameter": pl.String, "value": pl.Float64, "bound": pl.String}
        )
    out = pl.concat(frames, how="vertical_relaxed")
    return out.filter(pl.col("value").is_not_nan() & pl.col("value").is_not_null())


def check_unique_streams(streams: pl.DataFrame) -> None:
    """Raise ``ValueError`` if a stream id appears twice (parks combined must use distinct ids)."""
    dup = streams.group_by("stream").len().filter(pl.col("len") > 1)
    if dup.height:
        names = ", ".join(dup.get_column("stream").head(5).to_list())
        raise ValueError(f"stream ids {names} appear in more than one park; give the streams of each park distinct ids")
