"""Every parameter of the public symbiosis API is a glossary term or a park-schema column."""

from __future__ import annotations

import inspect

import eipkit.symbiosis as sym
from eipkit._docs import glossary
from eipkit.park import schema


def test_public_parameters_are_named_in_glossary() -> None:
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns} | {"self", "cls"}
    missing = []
    for name in sym.__all__:
        obj = getattr(sym, name)
        if inspect.isfunction(obj):
            functions = [obj]
        elif inspect.isclass(obj):
            functions = [m for n, m in vars(obj).items() if inspect.isfunction(m) and not n.startswith("_")]
        else:
            functions = []
        for func in functions:
            missing += [f"{name}.{func.__name__}({p})" for p in inspect.signature(func).parameters if p not in known]
    assert not missing, missing
