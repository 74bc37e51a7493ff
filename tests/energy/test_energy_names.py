"""Public parameters of the issue-7 packages are park-schema columns or glossary terms (one name, one unit)."""

from __future__ import annotations

import importlib
import inspect

import pytest

from eipkit._docs import glossary
from eipkit.park import schema

MODULES = ["eipkit.finance", "eipkit.factors", "eipkit.energy", "eipkit.ghg", "eipkit.recp", "eipkit.coprocessing"]


@pytest.mark.parametrize("module_name", MODULES)
def test_public_parameters_are_named_in_glossary(module_name: str) -> None:
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns}
    module = importlib.import_module(module_name)
    missing = []
    for attr in module.__all__:
        obj = getattr(module, attr)
        if inspect.isfunction(obj):
            functions = [obj]
        elif inspect.isclass(obj):
            functions = [m for n, m in vars(obj).items() if inspect.isfunction(m) and not n.startswith("_")]
        else:
            functions = []
        for func in functions:
            missing += [
                f"{attr}({p})"
                for p in inspect.signature(func).parameters
                if p not in known and p not in {"self", "cls", "kwargs", "args"}
            ]
    assert not missing, f"parameters not in src/eipkit/glossary.yaml: {missing}"


@pytest.mark.parametrize("module_name", MODULES)
def test_engines_do_not_import_each_other(module_name: str) -> None:
    """Layered house: engines import the floors below (units, vocab, park, factors, finance), never each other."""
    from pathlib import Path

    engines = {"energy", "ghg", "recp", "coprocessing", "heat", "water", "network", "symbiosis", "assessment"}
    package = module_name.split(".")[1]
    folder = Path(importlib.import_module(module_name).__file__).parent  # type: ignore[arg-type]
    floors_above = engines | {"cli", "report", "datasets"} if package in ("finance", "factors") else engines - {package}
    for path in folder.rglob("*.py"):
        imports = [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("from eipkit.", "import eipkit."))
        ]
        for line in imports:
            target = line.split()[1].split(".")[1]
            assert target not in floors_above, f"{path}: {line}"
