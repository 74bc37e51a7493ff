"""Public names of eipkit.assessment: every parameter is a schema column or a glossary term; every indicator too."""

from __future__ import annotations

import inspect

import eipkit.assessment as assessment
from eipkit._docs import glossary
from eipkit.park import schema

IGNORED = {"self", "cls", "kwargs", "args"}


def test_public_parameters_are_named_in_the_glossary() -> None:
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns}
    missing = []
    for name in assessment.__all__:
        obj = getattr(assessment, name)
        if inspect.isfunction(obj):
            functions = [obj]
        elif inspect.isclass(obj):
            functions = [m for n, m in vars(obj).items() if inspect.isfunction(m) and not n.startswith("_")]
        else:
            functions = []
        for func in functions:
            missing += [
                f"{name}.{func.__name__}({p})" for p in inspect.signature(func).parameters if p not in known | IGNORED
            ]
    assert not missing, f"parameters not in src/eipkit/glossary.yaml: {missing}"


def test_indicators_are_glossary_terms() -> None:
    assert set(assessment.INDICATORS) <= set(glossary())
