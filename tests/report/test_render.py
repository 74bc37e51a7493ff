"""HTML and PDF: self-contained, offline, both languages, the expected text with Vietnamese diacritics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from eipkit.park import Park
from eipkit.park.summary import park_totals
from eipkit.report import Report, format_number, render_html

_EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""")
_SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)


def _markup(text: str) -> str:
    """The document without the bodies of inline scripts (plotly.js mentions URLs in its code)."""
    return _SCRIPT.sub("<script></script>", text)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_is_self_contained(html: dict[str, str], reports: dict[str, Report], lang: str) -> None:
    text = html[lang]
    assert not _EXTERNAL.findall(_markup(text)), "the report must not load anything from a network"
    assert not re.search(r"<script[^>]+src=", text) and "<link" not in _markup(text)
    n_figures = sum(1 for _ in reports[lang].figures())
    assert _markup(text).count('src="data:image/png;base64,') == n_figures
    for section in reports[lang].sections:
        assert f'id="sec-{section.key}"' in text
    # plotly.js is inlined exactly once, every interactive figure is drawn
    assert len(re.findall(r"\* plotly\.js v\d", text)) == 1
    interactive = sum(1 for _, f in reports[lang].figures() if f.plotly_json)
    assert text.count("Plotly.newPlot(") == interactive >= 4


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_numbers_are_formatted_per_language(html: dict[str, str], demo: Park, lang: str) -> None:
    water = park_totals(demo)["water_use"]
    assert format_number(water, lang) in html[lang]
    assert ("4.626.140" if lang == "vi" else "4,626,140") in html[lang]


def test_static_html_has_no_script(reports: dict[str, Report]) -> None:
    static = render_html(reports["en"], interactive=False)
    assert "<script" not in static


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ["Tóm tắt", "Khu công nghiệp Sông Cầu", "Dòng vật chất", "Giám sát hằng năm", "Phụ lục"]),
        ("en", ["Executive summary", "Khu công nghiệp Sông Cầu", "Material flows", "Annual monitoring", "Annex"]),
    ],
)
def test_pdf_is_valid_multipage_with_expected_text(pdfs: dict[str, Path], lang: str, expected: list[str]) -> None:
    path = pdfs[lang]
    assert path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(path)
    assert len(reader.pages) >= 10
    # cover, contents (every section title) and executive summary
    text = "\n".join(page.extract_text() for page in reader.pages[:3])
    for phrase in expected:
        assert phrase in text, phrase
    fonts = {str(f["/BaseFont"]) for page in reader.pages[:3] for f in (page["/Resources"].get("/Font") or {}).values()}
    assert any("DejaVuSans" in f or "DejaVu-Sans" in f for f in fonts), fonts
