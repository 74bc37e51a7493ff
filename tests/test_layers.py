"""The layered house: engines stand on the data model, never on each other; shells stand on top.

Every ``import eipkit.X`` inside ``src/eipkit`` is read with :mod:`ast` (lazy imports inside
functions included) and checked against the floors below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "eipkit"
BOTTOM = {
    "_version",
    "_docs",
    "_plotting",
    "_quiet",
    "units",
    "vocab",
    "i18n",
    "park",
    "datasets",
    "factors",
    "finance",
}
ENGINES = {"assessment", "symbiosis", "water", "heat", "network", "energy", "ghg", "recp", "coprocessing", "monitoring"}
TOP = {"report", "cli"}


def _floor(package: str) -> str:
    if package in BOTTOM:
        return "bottom"
    if package in ENGINES:
        return "engine"
    if package in TOP:
        return "top"
    raise AssertionError(f"package eipkit.{package} is on no floor: add it to tests/test_layers.py")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "eipkit" and len(parts) > 1:
                found.add(parts[1])
    return found


def _packages() -> list[str]:
    return sorted(p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def test_every_package_has_a_floor() -> None:
    for package in _packages():
        _floor(package)


@pytest.mark.parametrize("package", _packages())
def test_imports_respect_the_floors(package: str) -> None:
    floor = _floor(package)
    wrong = []
    for path in (SRC / package).rglob("*.py"):
        for used in _imports(path) - {package}:
            if used.endswith(".py") or used not in BOTTOM | ENGINES | TOP:
                continue
            target = _floor(used)
            if floor == "bottom" and target != "bottom":
                wrong.append(f"{path.relative_to(SRC)} imports eipkit.{used} ({target} floor)")
            if floor == "engine" and target != "bottom":
                wrong.append(f"{path.relative_to(SRC)} imports eipkit.{used} ({target})")
    assert not wrong, "\n".join(wrong)
