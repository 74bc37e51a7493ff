"""The orchestrators write their tables and figures; public names are in the glossary."""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path

import polars as pl
import pytest

from eipkit._docs import glossary
from eipkit.heat import PinchStudy, SiteStudy
from eipkit.park import Park, schema

KEMP = pl.DataFrame(
    {
        "id": ["C1", "H1", "C2", "H2"],
        "supply_temperature": [20.0, 170.0, 80.0, 150.0],
        "target_temperature": [135.0, 60.0, 140.0, 30.0],
        "cp": [2.0, 3.0, 4.0, 1.5],
    }
)


def test_pinch_study_writes_tables_and_figures(tmp_path: Path) -> None:
    study = PinchStudy(KEMP, dtmin=10)
    files = study.write(tmp_path, "vi", hot_levels=[150.0], cold_levels=[15.0])
    for name in (
        "cascade",
        "composite_curves",
        "grand_composite",
        "utilities",
        "targets",
        "composite_plot",
        "grand_composite_plot",
    ):
        assert Path(files[name]).stat().st_size > 0, name
    assert json.loads(Path(files["targets"]).read_text())["hot_utility"] == pytest.approx(20.0)
    assert Path(files["composite_plot"]).read_bytes()[:4] == b"\x89PNG"
    assert "4 streams" in repr(study)


def test_site_study(park: Park, tmp_path: Path) -> None:
    study = SiteStudy(park)
    assert study.targets is not None and study.targets.inter_firm_recovery == pytest.approx(500.0)
    files = study.write(tmp_path, "en")
    assert Path(files["site_profiles_plot"]).stat().st_size > 0
    summary = json.loads(Path(files["site"]).read_text())
    assert summary["matches"][0]["supplier"] == "F1"
    assert "500 kW" in repr(study)


@pytest.mark.parametrize("module_name", ["eipkit.heat", "eipkit.network"])
def test_public_parameters_are_in_glossary(module_name: str) -> None:
    """Same rule as tests/test_glossary.py, for the heat and network engines."""
    known = set(glossary()) | {c.name for t in schema().values() for c in t.columns}
    module = importlib.import_module(module_name)
    missing = []
    for attr in module.__all__:
        obj = getattr(module, attr)
        funcs = (
            [obj]
            if inspect.isfunction(obj)
            else (
                [f for n, f in vars(obj).items() if inspect.isfunction(f) and not n.startswith("_")]
                if inspect.isclass(obj)
                else []
            )
        )
        for func in funcs:
            missing += [
                f"{attr}({p})"
                for p in inspect.signature(func).parameters
                if p not in known and p not in {"self", "cls", "args", "kwargs"}
            ]
    assert not missing, f"not in src/eipkit/glossary.yaml: {missing}"
