"""Reports people read, built on the results of the other packages (top floor of eipkit).

* :func:`build_report` - the park report as data (:class:`Report`: sections of paragraphs,
  tables and figures), computing the analyses whose result is not given;
* :func:`render_html`, :func:`write_html`, :func:`write_pdf`, :func:`write_excel` - a
  self-contained HTML file (offline, interactive Plotly figures), a PDF (WeasyPrint) and an Excel
  workbook of every table with Vietnamese and English headers and units;
* :func:`write_report` - all of them for one park in one call;
* :data:`SECTIONS`, :class:`SectionSpec`, :func:`register_section` - the section registry: each
  section is a function ``(park, results, lang) -> Section``;
* :func:`sankey_data` - the park's material, water and energy flows as Sankey nodes and links;
* :func:`park_data_report` - the Markdown data report (profile, totals, validation).

>>> from eipkit.datasets import demo_park
>>> report = build_report(demo_park(), lang="en", sections=["profile"])   # doctest: +SKIP
>>> write_pdf(report, "report.pdf")                                        # doctest: +SKIP
"""

from eipkit.report.build import build_report, compute_results
from eipkit.report.data_report import format_number, park_data_report
from eipkit.report.flows import FLOW_KINDS, SankeyData, sankey_data
from eipkit.report.model import Bullets, Column, Figure, Paragraph, Report, Section, Table
from eipkit.report.render import render_html, write_excel, write_html, write_pdf
from eipkit.report.sections import SECTIONS, AnalysisFailed, SectionSpec, register_section
from eipkit.report.write import REPORT_FORMATS, write_report

__all__ = [
    "FLOW_KINDS",
    "REPORT_FORMATS",
    "SECTIONS",
    "AnalysisFailed",
    "Bullets",
    "Column",
    "Figure",
    "Paragraph",
    "Report",
    "SankeyData",
    "Section",
    "SectionSpec",
    "Table",
    "build_report",
    "compute_results",
    "format_number",
    "park_data_report",
    "register_section",
    "render_html",
    "sankey_data",
    "write_excel",
    "write_html",
    "write_pdf",
    "write_report",
]
