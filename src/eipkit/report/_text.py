"""Small helpers shared by the sections: labels in both languages, numbers, names, images."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, Literal

from eipkit.i18n import t
from eipkit.park.schema import schema
from eipkit.report.data_report import format_number
from eipkit.report.model import Column

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = ["col", "fmt", "mpl_figure", "png_bytes", "schema_col", "short_name", "tr"]

_LEGAL_FORMS = re.compile(
    r"^(công ty\s+)?(tnhh\s+mtv|tnhh|cổ phần|cp|tnhh một thành viên)\s+|^(công ty|hợp tác xã|htx)\s+",
    re.IGNORECASE,
)


def tr(key: str, lang: str, **values: Any) -> str:
    """Return report message ``report.<key>`` in ``lang``."""
    return t(f"report.{key}", lang, **values)


def col(name: str, key: str, unit: str = "", digits: int = 0) -> Column:
    """Return a column labelled by message ``report.<key>`` in both languages."""
    return Column(name, tr(key, "en"), tr(key, "vi"), unit, digits)


def schema_col(table: str, name: str, unit: str | None = None, digits: int = 0, alias: str | None = None) -> Column:
    """Return a column labelled as in the park schema (``alias``: the DataFrame column, if renamed)."""
    c = schema()[table].column(name)
    return Column(alias or name, c.label.en, c.label.vi, (c.unit or "") if unit is None else unit, digits)


def fmt(value: float | int | None, lang: str, digits: int = 0) -> str:
    """Format a number for ``lang`` (see :func:`eipkit.report.data_report.format_number`)."""
    return format_number(value, lang, digits)


def short_name(name: str) -> str:
    """Drop the legal form from a Vietnamese firm name for labels.

    Examples
    --------
    >>> short_name("Công ty TNHH Bia Hà Bắc"), short_name("Công ty CP Xi măng An Phú")
    ('Bia Hà Bắc', 'Xi măng An Phú')
    """
    out = _LEGAL_FORMS.sub("", name.strip(), count=1).strip()
    return out or name


def mpl_figure(width: float, height: float, layout: Literal["constrained"] | None = None) -> MplFigure:
    """Return a new matplotlib figure (Agg, DejaVu Sans: Vietnamese diacritics render).

    ``layout="constrained"`` fits axes and legends automatically (slower); by default axes are
    placed by the caller.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure as MplFigure

    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    matplotlib.rcParams["svg.fonttype"] = "path"
    return MplFigure(figsize=(width, height), dpi=100, layout=layout)


def png_bytes(fig: MplFigure, dpi: int = 130) -> bytes:
    """Render a matplotlib figure to PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()
