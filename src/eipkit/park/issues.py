"""Validation issues: what is wrong, where (file or sheet, row, column) and how to fix it.

Every consistency check has a stable name (``ids.duplicate``, ``units.unknown`` ...), listed in
:data:`CHECKS` with its English and Vietnamese message and fix. A check produces
:class:`Issue` objects; :class:`ValidationReport` collects them all, so a user sees every problem
of a file at once, never only the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from eipkit.park._messages import CHECKS
from eipkit.park.schema import TABLES

__all__ = ["CHECKS", "Issue", "ParkValidationError", "Severity", "ValidationReport"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem found in park data.

    Attributes
    ----------
    check : str
        Name of the check, a key of :data:`CHECKS`.
    severity : {"error", "warning"}
        Errors stop loading; warnings become errors in strict mode.
    table : str
        Park table (``firms``, ``streams`` ...).
    row : int or None
        Row number as the user sees it in the file (1-based, header rows counted).
    column : str or None
        Column key.
    value : str or None
        The offending value, as written.
    params : dict
        Values filled into the message template.
    location : str
        File or sheet the row is in (``streams.csv`` or ``sheet 'streams'``).
    """

    check: str
    severity: Severity
    table: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    location: str = ""

    def message(self, lang: str = "en") -> str:
        """Return the problem in ``lang`` (``"en"`` or ``"vi"``)."""
        template = str(CHECKS[self.check][lang if lang in ("en", "vi") else "en"]["message"])
        return template.format(value=self.value, column=self.column, table=self.table, **self.params)

    def fix(self, lang: str = "en") -> str:
        """Return how to fix the problem in ``lang``."""
        template = str(CHECKS[self.check][lang if lang in ("en", "vi") else "en"]["fix"])
        return template.format(value=self.value, column=self.column, table=self.table, **self.params)

    def where(self, lang: str = "en") -> str:
        """Return the place of the problem, e.g. ``streams.csv, row 14, column 'unit'``."""
        parts = [self.location or self.table]
        if self.row is not None:
            parts.append(f"{'dòng' if lang == 'vi' else 'row'} {self.row}")
        if self.column is not None:
            parts.append(f"{'cột' if lang == 'vi' else 'column'} '{self.column}'")
        return ", ".join(parts)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return the issue as plain data (for ``--json``)."""
        return {
            "check": self.check,
            "severity": self.severity,
            "table": self.table,
            "location": self.location,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
            "fix": self.fix(lang),
        }

    def __str__(self) -> str:
        return f"[{self.severity}] {self.check}: {self.where()}: {self.message()} Fix: {self.fix()}"


@dataclass
class ValidationReport:
    """All issues found while reading or checking a park."""

    issues: list[Issue] = field(default_factory=list)

    def add(self, issue: Issue) -> None:
        """Add one issue."""
        if issue.check not in CHECKS:
            raise KeyError(f"unknown check '{issue.check}'")
        self.issues.append(issue)

    def extend(self, issues: list[Issue]) -> None:
        """Add several issues."""
        for issue in issues:
            self.add(issue)

    @property
    def errors(self) -> list[Issue]:
        """Issues of severity error."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        """Issues of severity warning."""
        return [i for i in self.issues if i.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        """Return True if there are errors (or, in strict mode, any issue)."""
        return bool(self.errors) or (strict and bool(self.issues))

    def checks(self) -> set[str]:
        """Names of the checks that produced issues."""
        return {i.check for i in self.issues}

    def sorted(self) -> list[Issue]:
        """Issues ordered by table (schema order), errors first, then row."""
        order = {name: i for i, name in enumerate(TABLES)}
        return sorted(self.issues, key=lambda i: (order.get(i.table, 99), i.severity != "error", i.row or 0))

    def summary(self, lang: str = "en", limit: int | None = 50) -> str:
        """Return the issues as readable lines (at most ``limit``, then a count)."""
        lines = []
        ordered = self.sorted()
        shown = ordered if limit is None else ordered[:limit]
        for issue in shown:
            lines.append(f"[{issue.severity}] {issue.where(lang)}: {issue.message(lang)} -> {issue.fix(lang)}")
        if limit is not None and len(self.issues) > limit:
            more = len(self.issues) - limit
            lines.append(f"... {more} {'vấn đề khác' if lang == 'vi' else 'more issues'}")
        return "\n".join(lines)


class ParkValidationError(ValueError):
    """Park data failed validation; ``report`` holds every issue found.

    Nothing is returned half-loaded: a file with an error is rejected as a whole.
    """

    def __init__(self, report: ValidationReport, source: str = "", strict: bool = False) -> None:
        self.report = report
        self.source = source
        self.strict = strict
        count = len(report.errors) + (len(report.warnings) if strict else 0)
        head = f"{source}: " if source else ""
        super().__init__(f"{head}{count} problem(s) found; nothing was loaded.\n{report.summary()}")
