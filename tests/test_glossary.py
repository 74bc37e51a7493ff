"""One glossary of names and units: code, schema and docs must agree with it."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from eipkit._docs import data_model_markdown, glossary, glossary_markdown
from eipkit.park import DERIVED_COLUMNS, schema
from eipkit.units import parse_unit

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_MODULES = [
    "eipkit.park",
    "eipkit.park.summary",
    "eipkit.park.checks",
    "eipkit.units",
    "eipkit.vocab",
    "eipkit.datasets",
    "eipkit.i18n",
    "eipkit.report",
]
IGNORED = {"self", "cls", "kwargs", "args"}


def _schema_columns() -> dict[str, set[str]]:
    units: dict[str, set[str]] = {}
    for table in schema().values():
        for col in table.columns:
            units.setdefault(col.name, set()).add(col.unit or "")
    return units


def test_docs_are_generated_from_schema_and_glossary() -> None:
    assert (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8") == glossary_markdown()
    assert (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8") == data_model_markdown() + "\n"


def test_same_column_name_has_one_unit_everywhere() -> None:
    for name, units in _schema_columns().items():
        assert len(units) == 1, f"column '{name}' has several units across tables: {units}"


def test_glossary_terms_do_not_redefine_columns() -> None:
    clash = set(glossary()) & set(_schema_columns())
    assert not clash, f"glossary terms defined again as schema columns: {clash}"


def test_glossary_units_parse() -> None:
    for name, term in glossary().items():
        for unit in str(term["unit"]).split("|"):
            unit = unit.strip()
            if unit not in ("-", "per canonical_unit"):
                parse_unit(unit)
        assert term["en"] and term["vi"], name


def test_derived_columns_are_in_glossary() -> None:
    names = {c for cols in DERIVED_COLUMNS.values() for c in cols}
    assert names <= set(glossary())


def test_summary_totals_are_in_glossary() -> None:
    from eipkit.datasets import demo_park
    from eipkit.park.summary import park_totals

    assert set(park_totals(demo_park())) <= set(glossary())


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_parameters_are_named_in_glossary(module_name: str) -> None:
    module = importlib.import_module(module_name)
    known = set(glossary()) | set(_schema_columns())
    missing = []
    for attr in getattr(module, "__all__", []):
        obj = getattr(module, attr)
        if inspect.isfunction(obj):
            functions = [obj]
        elif inspect.isclass(obj):
            functions = [m for n, m in vars(obj).items() if inspect.isfunction(m) and not n.startswith("_")]
        else:
            functions = []
        for func in functions:
            for param in inspect.signature(func).parameters:
                if param not in known and param not in IGNORED:
                    missing.append(f"{attr}.{func.__name__}({param})")
    assert not missing, f"parameters not in src/eipkit/glossary.yaml: {missing}"
