"""``eipkit demo``: the main job. Load the demo park and run every analysis eipkit has."""

from __future__ import annotations

import json

from eipkit.cli._app import AsJson, Lang, Out, app, check_lang, console, load, out_dir, print_json

__all__ = ["demo"]


@app.command()
def demo(out: Out = None, lang: Lang = "vi", as_json: AsJson = False) -> None:
    """Run the full analysis of the bundled demo park and write its outputs and report."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from eipkit.i18n import LANGUAGES, t
    from eipkit.park import write_park
    from eipkit.park.summary import park_summary
    from eipkit.report import park_data_report

    check_lang(lang)
    written: dict[str, str] = {}
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=as_json, disable=as_json
    ) as progress:
        step = progress.add_task(t("demo.step.load", lang), total=None)
        park = load("demo", lang, as_json)
        folder = out_dir(out, park.id, "demo")
        progress.update(step, description=t("demo.step.summary", lang))
        summaries = {code: park_summary(park, code) for code in LANGUAGES}
        path = folder / "summary.json"
        path.write_text(json.dumps(summaries["en"], ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
        written["summary"] = str(path)
        progress.update(step, description=t("demo.step.files", lang))
        for code in LANGUAGES:
            written[f"workbook_{code}"] = str(write_park(park, folder / f"{park.id}_{code}.xlsx", lang=code))
        written["park_folder"] = str(write_park(park, folder / "park"))
        progress.update(step, description=t("demo.step.report", lang))
        for code in LANGUAGES:
            path = folder / f"report_{code}.md"
            path.write_text(park_data_report(park, code, summaries[code]), encoding="utf-8")
            written[f"report_{code}"] = str(path)
    if as_json:
        print_json({"park": park.id, "out": str(folder), "files": written, "summary": summaries[lang]})
    else:
        console.print(t("demo.done", lang, path=folder))
