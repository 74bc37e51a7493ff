"""Public parameters of eipkit.monitoring and eipkit.report are glossary terms or park columns
(the same rule as tests/test_glossary.py, which does not list eipkit.monitoring yet)."""

from __future__ import annotations

import importlib
import inspect

import pytest

from eipkit._docs import glossary
from eipkit.park import schema


@pytest.mark.parametrize("module_name", ["eipkit.monitoring", "eipkit.report"])
def test_public_parameters_are_named_in_glossary(module_name: str) -> None:
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns} | {"self", "cls"}
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
            missing += [f"{attr}({p})" for p in inspect.signature(func).parameters if p not in known]
    assert not missing, f"parameters not in src/eipkit/glossary.yaml: {missing}"
