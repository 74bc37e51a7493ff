"""The ``eipkit`` command: a thin shell over the library.

Each command calls library functions that return data, then prints them (Rich tables, or JSON
with ``--json``). Heavy libraries are imported inside the commands, so ``eipkit --help`` is fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from eipkit._version import __version__

if TYPE_CHECKING:
    from eipkit.park import Park, ValidationReport

__all__ = ["app", "main"]

app = typer.Typer(
    name="eipkit",
    help="eipkit: the eco-industrial park toolkit (KCN sinh thái). Park data, assessment, symbiosis, reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

Lang = Annotated[str, typer.Option("--lang", "-l", help="Language of the output: vi or en.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default: ./<park>-<command>).")]
Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
ParkArg = Annotated[str, typer.Argument(help="A .xlsx workbook, a park folder, or a bundled dataset name (demo).")]


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported, else exit with a message."""
    from eipkit.i18n import LANGUAGES, t

    if lang not in LANGUAGES:
        err_console.print(t("error.lang", "en", code=lang))
        raise typer.Exit(2)
    return lang


def print_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout (dates and paths as text)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_report(report: ValidationReport, lang: str, limit: int | None = 200) -> None:
    """Print validation issues as a Rich table."""
    from rich.table import Table

    from eipkit.i18n import t

    table = Table(show_lines=False, header_style="bold")
    for key in ("validate.col_severity", "validate.col_where", "validate.col_problem", "validate.col_fix"):
        table.add_column(t(key, lang), overflow="fold")
    issues = report.sorted()
    for issue in issues[:limit]:
        style = "red" if issue.severity == "error" else "yellow"
        table.add_row(
            f"[{style}]{t('severity.' + issue.severity, lang)}[/{style}]",
            issue.where(lang),
            issue.message(lang),
            issue.fix(lang),
        )
    console.print(table)
    if limit is not None and len(issues) > limit:
        console.print(f"... {len(issues) - limit}")


def failure(message: str, as_json: bool, code: int = 1) -> typer.Exit:
    """Print an error (JSON ``{"error": ...}`` with ``--json``) and return the Exit to raise.

    Examples
    --------
    ``raise failure(t("ghg.error.input", lang, error=str(exc)), as_json) from None``
    """
    if as_json:
        print_json({"error": message})
    else:
        err_console.print(f"[red]{message}[/red]")
    return typer.Exit(code)


def fail_with_report(exc: Any, lang: str, as_json: bool, source: str) -> NoReturn:
    """Report a :class:`ParkValidationError` and exit with status 1."""
    from eipkit.i18n import t

    report = exc.report
    count = len(report.errors) + (len(report.warnings) if exc.strict else 0)
    if as_json:
        print_json(
            {
                "source": source,
                "valid": False,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "issues": [i.as_dict(lang) for i in report.sorted()],
            }
        )
    else:
        print_report(report, lang)
        err_console.print(f"[red]{t('validate.failed', lang, source=source, count=count)}[/red]")
    raise typer.Exit(1)


def load(spec: str, lang: str, as_json: bool, strict: bool = False) -> Park:
    """Load a park for a command; print every problem and exit 1 if it is invalid."""
    from eipkit.datasets import DATASETS, load_park
    from eipkit.i18n import t
    from eipkit.park import ParkValidationError

    try:
        return load_park(spec, strict=strict)
    except FileNotFoundError:
        err_console.print(t("error.not_found", lang, spec=spec, datasets=", ".join(DATASETS)))
        raise typer.Exit(2) from None
    except ParkValidationError as exc:
        fail_with_report(exc, lang, as_json, spec)


def out_dir(out: Path | None, park_id: str, command: str) -> Path:
    """Return the output folder of a command (``./<park id>-<command>`` by default), created."""
    folder = out if out is not None else Path.cwd() / f"{park_id}-{command}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _version(value: bool) -> None:
    if value:
        console.print(f"eipkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """eipkit: the eco-industrial park toolkit."""


def main() -> None:
    """Entry point of the ``eipkit`` console script."""
    app()
