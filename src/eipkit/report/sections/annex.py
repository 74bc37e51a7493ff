"""Methodology and data-quality annex: methods, validation warnings, data coverage and every source.

Sources are collected, not typed in: the vocabularies' source statements, the monitoring
indicator list, every factor file an engine ships (``eipkit/<package>/_data/*.yaml``: each entry
with a value, its unit, confidence and source, inheriting the nearest source above it), and, for
the bundled demo park, the cited sector intensities its quantities come from. An entry without any
source is listed with "–", so a missing citation shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from eipkit.monitoring import indicator_source
from eipkit.park import Park
from eipkit.report._text import col, fmt, tr
from eipkit.report.model import Block, Bullets, Paragraph, Section, Table
from eipkit.report.sections._spec import SectionSpec
from eipkit.vocab import VOCABULARIES, vocabulary_source

__all__ = ["SPEC", "build", "data_coverage", "factor_sources", "is_demo"]

#: Packages whose ``_data`` files are not factor files (listed separately or not sources at all).
_NOT_FACTORS = {"vocab", "datasets", "monitoring", "i18n", "park"}
_SKIP_NUMBERS = {"version", "year", "compiled"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COLUMNS = ["file", "entry", "value", "unit", "confidence", "source"]


def _text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


def _own_source(node: dict[str, Any], refs: Mapping[str, str]) -> str | None:
    """Return the source an entry states itself: source(s), references by key, the document named."""
    parts = _text_list(node.get("source")) + _text_list(node.get("sources"))
    for key in _text_list(node.get("ref")) + _text_list(node.get("refs")):
        parts.append(refs.get(key, key))
    if isinstance(node.get("document"), str):
        parts.append(node["document"])
    return "; ".join(parts) if parts else None


def _entries(node: Any, path: str, source: str | None, rows: list[tuple[str, ...]], refs: Mapping[str, str]) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _entries(item, f"{path}[{i}]", source, rows, refs)
        return
    if not isinstance(node, dict):
        return
    own = _own_source(node, refs)
    here = own or source
    numbers = {
        k: v
        for k, v in node.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool) and k not in _SKIP_NUMBERS
    }
    if "value" in node or (numbers and ("confidence" in node or own)):
        value = node.get("value")
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else value
        if text is None:
            text = "; ".join(f"{k} = {v}" for k, v in numbers.items()) or "–"
        cited = here
        if cited is None and (node.get("status") or node.get("note")):
            cited = ": ".join(str(node[k]) for k in ("status", "note") if node.get(k))
        rows.append(
            (path, str(text), str(node.get("unit") or ""), str(node.get("confidence") or ""), str(cited or "–"))
        )
    for key, child in node.items():
        if isinstance(child, (dict, list)) and key not in ("sources", "refs", "references"):
            _entries(child, f"{path}.{key}" if path else str(key), here, rows, refs)


def _references(folder: Path) -> dict[str, str]:
    """Return reference texts by key from the ``references`` mapping of the data files in ``folder``."""
    refs: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        if isinstance(data, dict) and isinstance(data.get("references"), dict):
            for key, entry in data["references"].items():
                refs[str(key)] = (
                    str(entry.get("text") or entry.get("short") or key) if isinstance(entry, dict) else str(entry)
                )
    return refs


@cache
def _factor_files() -> tuple[tuple[str, str], ...]:
    root = Path(str(resources.files("eipkit")))
    found = []
    for path in sorted(root.glob("*/_data/*.yaml")):
        package = path.parent.parent.name
        if package not in _NOT_FACTORS:
            found.append((f"{package}/_data/{path.name}", str(path)))
    return tuple(found)


def _read_rows(label: str, path: str) -> list[tuple[str, ...]]:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    rows: list[tuple[str, ...]] = []
    _entries(data, "", None, rows, _references(Path(path).parent))
    if not rows and isinstance(data, dict) and isinstance(data.get("source"), str):
        rows.append(("", "", "", "", data["source"]))
    return [(label, *r) for r in rows]


def factor_sources(include_demo: bool = False) -> pl.DataFrame:
    """Every factor eipkit ships with its value, unit, confidence and source.

    Parameters
    ----------
    include_demo : bool
        Add the sector intensities of the demo park (``datasets/_data/sector_intensities.yaml``).

    Returns
    -------
    polars.DataFrame
        ``file``, ``entry``, ``value``, ``unit``, ``confidence``, ``source``.
    """
    rows: list[tuple[str, ...]] = []
    files = list(_factor_files())
    if include_demo:
        demo = Path(str(resources.files("eipkit.datasets").joinpath("_data", "sector_intensities.yaml")))
        files.append(("datasets/_data/sector_intensities.yaml", str(demo)))
    for label, path in files:
        rows.extend(_read_rows(label, path))
    return pl.DataFrame(rows, schema=dict.fromkeys(_COLUMNS, pl.String), orient="row")


def is_demo(park: Park) -> bool:
    """Whether ``park`` is the bundled demo park (same id as the dataset)."""
    from eipkit.datasets import dataset_path

    meta = json.loads((dataset_path("demo") / "meta.json").read_text(encoding="utf-8"))
    return bool(park.id == meta.get("park"))


def data_coverage(park: Park, lang: str) -> pl.DataFrame:
    """Share of records with the data the analyses need (``item``, ``count``, ``total``, ``share`` [%])."""
    s, f, k, x = park.streams, park.firms, park.kpis, park.exchanges
    rows = [
        ("streams_quantity", s.filter(pl.col("amount").is_not_null()).height, s.height),
        ("streams_class", s.filter(pl.col("resource_class").is_not_null()).height, s.height),
        ("streams_cost", s.filter(pl.col("unit_cost").is_not_null()).height, s.height),
        ("streams_source", s.filter(pl.col("source_note").is_not_null()).height, s.height),
        ("firms_coordinates", f.filter(pl.col("latitude").is_not_null()).height, f.height),
        ("firms_output", f.filter(pl.col("output_quantity").is_not_null()).height, f.height),
        ("kpis_verified", k.filter(pl.col("verified").fill_null(False)).height, k.height),
        ("exchanges_quantity", x.filter(pl.col("quantity").is_not_null()).height, x.height),
    ]
    return pl.DataFrame(
        [(tr(f"annex.coverage.{key}", lang), n, total, 100.0 * n / total if total else None) for key, n, total in rows],
        schema={"item": pl.String, "count": pl.Int64, "total": pl.Int64, "share": pl.Float64},
        orient="row",
    )


def _sources(lang: str) -> pl.DataFrame:
    rows = [(tr(f"annex.vocab.{name}", lang), vocabulary_source(name)) for name in VOCABULARIES]
    rows.append((tr("annex.monitoring_indicators", lang), indicator_source()))
    rows += [(tr(f"annex.method.{k}", lang), tr(f"annex.reference.{k}", "en")) for k in ("sankey", "map", "trend")]
    return pl.DataFrame(rows, schema={"item": pl.String, "source": pl.String}, orient="row")


def build(park: Park, results: Mapping[str, Any], lang: str) -> Section:
    """Build the methodology and data-quality annex."""
    blocks: list[Block] = [
        Paragraph(tr("annex.intro", lang)),
        Bullets(tuple(tr(f"annex.method_text.{k}", lang) for k in ("units", "sankey", "map", "monitoring"))),
    ]
    issues = park.report.sorted()
    if issues:
        frame = pl.DataFrame(
            [(tr(f"annex.severity.{i.severity}", lang), i.where(lang), i.message(lang), i.fix(lang)) for i in issues],
            schema={"severity": pl.String, "where": pl.String, "problem": pl.String, "fix": pl.String},
            orient="row",
        )
        blocks.append(
            Table(
                "annex.validation",
                tr("annex.validation", lang),
                frame,
                (
                    col("severity", "col.severity"),
                    col("where", "col.where"),
                    col("problem", "col.problem"),
                    col("fix", "col.fix"),
                ),
            )
        )
    else:
        blocks.append(Paragraph(tr("annex.no_issues", lang)))
    blocks.append(
        Table(
            "annex.coverage",
            tr("annex.coverage", lang),
            data_coverage(park, lang),
            (
                col("item", "col.item"),
                col("count", "col.count"),
                col("total", "col.total"),
                col("share", "col.share", "%", 0),
            ),
        )
    )
    blocks.append(
        Table(
            "annex.sources",
            tr("annex.sources", lang),
            _sources(lang),
            (col("item", "col.item"), col("source", "col.source")),
        )
    )
    demo = is_demo(park)
    factors = factor_sources(include_demo=demo)
    blocks.append(
        Table(
            "annex.factors",
            tr("annex.factors", lang),
            factors,
            (
                col("file", "col.file"),
                col("entry", "col.entry"),
                col("value", "col.value"),
                col("unit", "col.unit"),
                col("confidence", "col.confidence"),
                col("source", "col.source"),
            ),
            note=tr("annex.factors_note", lang) + (" " + tr("annex.demo_note", lang) if demo else ""),
        )
    )
    warnings = len(park.report.warnings)
    missing = factors.filter(pl.col("source") == "–").height
    highlight = tr(
        "annex.highlight",
        lang,
        warnings=warnings,
        factors=factors.height,
        missing=missing,
        coverage=fmt(float(data_coverage(park, lang)["share"][0] or 0.0), lang),
    )
    return Section("annex", tr("annex.title", lang), tuple(blocks), (highlight,))


SPEC = SectionSpec("annex", build, order=900, title_key="annex.title")
