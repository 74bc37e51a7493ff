"""Every public parameter of eipkit.water is a glossary term or a park-schema column."""

from __future__ import annotations

import inspect

import eipkit.water as water
from eipkit._docs import glossary
from eipkit.park import schema


def test_water_parameters_are_in_glossary() -> None:
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns}
    missing = []
    for attr in water.__all__:
        obj = getattr(water, attr)
        if inspect.isfunction(obj):
            funcs = [obj]
        elif inspect.isclass(obj):
            funcs = [m for n, m in vars(obj).items() if inspect.isfunction(m) and not n.startswith("_")]
        else:
            funcs = []
        for func in funcs:
            missing += [
                f"{attr}({p})" for p in inspect.signature(func).parameters if p not in known | {"self", "kwargs"}
            ]
    assert not missing
