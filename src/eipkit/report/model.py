"""The report as data: sections of paragraphs, tables and figures, rendered later to HTML, PDF or Excel.

A section builder is a function ``(park, results, lang) -> Section | None``: it reads the park and
the results of the analyses and returns text, tables (polars DataFrames with bilingual column
labels and units) and figures (a static PNG for the PDF, optionally an interactive Plotly figure
for the HTML). Renderers never compute anything; a test can check a section's numbers directly in
its tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl

__all__ = ["Block", "Bullets", "Column", "Figure", "Paragraph", "Report", "Section", "Table"]


@dataclass(frozen=True)
class Column:
    """A table column: the DataFrame column, its label in English and Vietnamese, unit and decimals.

    ``digits`` below 0 chooses the decimals by magnitude (for columns mixing large and small numbers).

    Examples
    --------
    >>> Column("water_use", "Water use", "Nước sử dụng", "m³/a").header("vi")
    'Nước sử dụng [m³/a]'
    """

    name: str
    en: str
    vi: str
    unit: str = ""
    digits: int = 0

    def label(self, lang: str) -> str:
        """Return the label in ``lang``."""
        return self.vi if lang == "vi" else self.en

    def header(self, lang: str) -> str:
        """Return the label with its unit in brackets."""
        return f"{self.label(lang)} [{self.unit}]" if self.unit else self.label(lang)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list of plain-text items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A result table.

    Attributes
    ----------
    key : str
        Stable id (``monitoring.park_kpis``); names the sheet in the Excel export.
    title : str
        Title in the report language.
    frame : polars.DataFrame
        The values, unformatted, in the units of ``columns``.
    columns : tuple of Column
        Columns shown, in order (a subset of ``frame``'s columns).
    note : str
        Text under the table.
    excel_only : bool
        A long detail table: exported to Excel, not printed in the HTML and PDF reports.
    """

    key: str
    title: str
    frame: pl.DataFrame
    columns: tuple[Column, ...]
    note: str = ""
    excel_only: bool = False

    def __post_init__(self) -> None:
        missing = [c.name for c in self.columns if c.name not in self.frame.columns]
        if missing:
            raise ValueError(f"table '{self.key}': columns {missing} are not in its frame ({self.frame.columns})")


@dataclass(frozen=True)
class Figure:
    """A figure: a static PNG (PDF, and HTML when there is no interactive version).

    Attributes
    ----------
    key : str
        Stable id; names the image file when figures are written out.
    title : str
    png : bytes
        The static image.
    plotly_json : str or None
        An interactive Plotly figure (``Figure.to_json()``) for the HTML report.
    caption : str
    """

    key: str
    title: str
    png: bytes
    plotly_json: str | None = None
    caption: str = ""


Block = Paragraph | Bullets | Table | Figure


@dataclass(frozen=True)
class Section:
    """One section of the report.

    Attributes
    ----------
    key : str
        Stable id (``profile``, ``flows``, ``monitoring`` ...).
    title : str
    blocks : tuple of Block
        Content in reading order.
    highlights : tuple of str
        One-line findings the executive summary repeats.
    """

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    highlights: tuple[str, ...] = ()

    @property
    def tables(self) -> list[Table]:
        """The tables of the section."""
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def figures(self) -> list[Figure]:
        """The figures of the section."""
        return [b for b in self.blocks if isinstance(b, Figure)]


@dataclass(frozen=True)
class Report:
    """A whole report in one language.

    Attributes
    ----------
    park_id, park_name : str
    title : str
    lang : {"vi", "en"}
    sections : tuple of Section
    meta : dict
        ``subtitle``, ``generated`` (date), ``version``, ``source`` and ``notice`` texts.
    """

    park_id: str
    park_name: str
    title: str
    lang: str
    sections: tuple[Section, ...]
    meta: dict[str, str] = field(default_factory=dict)

    def tables(self) -> Iterator[tuple[Section, Table]]:
        """Every table with its section, in order."""
        for section in self.sections:
            for table in section.tables:
                yield section, table

    def figures(self) -> Iterator[tuple[Section, Figure]]:
        """Every figure with its section, in order."""
        for section in self.sections:
            for fig in section.figures:
                yield section, fig

    def section(self, key: str) -> Section:
        """Return the section ``key``.

        Raises
        ------
        KeyError
            If the report has no such section.
        """
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"the report has no section '{key}'; sections: {', '.join(s.key for s in self.sections)}")
