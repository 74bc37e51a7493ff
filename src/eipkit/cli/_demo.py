"""``eipkit demo``: the main job. Load the demo park and run every analysis eipkit has."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from eipkit.cli._app import AsJson, Lang, Out, app, check_lang, console, load, out_dir, print_json

if TYPE_CHECKING:
    from eipkit.park import Park

__all__ = ["DEMO_STEPS", "demo", "run_demo"]

#: Analyses run by ``eipkit demo``, in order: (output sub-folder, CLI module with ``demo_outputs``).
DEMO_STEPS: tuple[tuple[str, str], ...] = (
    ("assessment", "eipkit.cli._assess"),
    ("water", "eipkit.cli._water"),
    ("heat", "eipkit.cli._heat"),
    ("network", "eipkit.cli._network"),
    ("energy", "eipkit.cli._energy"),
    ("ghg", "eipkit.cli._ghg"),
    ("recp", "eipkit.cli._recp"),
    ("coprocessing", "eipkit.cli._coprocess"),
    ("symbiosis", "eipkit.cli._symbiosis"),
    ("report", "eipkit.cli._report"),
)


def run_demo(park: Park, folder: Path, lang: str, progress: object | None = None) -> dict[str, str]:
    """Run every analysis on ``park`` and write all outputs under ``folder``; return ``{name: path}``."""
    from eipkit.i18n import LANGUAGES, t
    from eipkit.park import write_park
    from eipkit.park.summary import park_summary
    from eipkit.report import park_data_report

    def step(key: str) -> None:
        if progress is not None:
            progress.update(0, description=t(key, lang) if key.startswith("demo.") else key)  # type: ignore[attr-defined]

    written: dict[str, str] = {}
    step("demo.step.summary")
    summaries = {code: park_summary(park, code) for code in LANGUAGES}
    path = folder / "summary.json"
    path.write_text(json.dumps(summaries["en"], ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    written["summary"] = str(path)
    step("demo.step.files")
    for code in LANGUAGES:
        written[f"workbook_{code}"] = str(write_park(park, folder / f"{park.id}_{code}.xlsx", lang=code))
    written["park_folder"] = str(write_park(park, folder / "park"))
    for name, module in DEMO_STEPS:
        step(name)
        outputs = importlib.import_module(module).demo_outputs(park, folder / name, lang)
        written.update({f"{name}/{key}": value for key, value in outputs.items()})
    step("demo.step.report")
    for code in LANGUAGES:
        path = folder / f"report_{code}.md"
        path.write_text(park_data_report(park, code, summaries[code]), encoding="utf-8")
        written[f"report_{code}"] = str(path)
    return written


@app.command()
def demo(out: Out = None, lang: Lang = "vi", as_json: AsJson = False) -> None:
    """Run the full analysis of the bundled demo park and write its outputs and report."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eipkit.i18n import t

    check_lang(lang)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, disable=as_json
    ) as progress:
        progress.add_task(t("demo.step.load", lang), total=None)
        park = load("demo", lang, as_json)
        folder = out_dir(out, park.id, "demo")
        written = run_demo(park, folder, lang, progress)
    if as_json:
        print_json({"park": park.id, "out": str(folder), "files": written})
    else:
        console.print(t("demo.done", lang, path=folder))
