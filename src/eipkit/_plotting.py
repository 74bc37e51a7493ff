"""Shared plumbing for static figures: matplotlib with the Agg backend, saving and closing.

Bottom floor: every engine's ``plots`` module uses these two helpers, so figures are made the
same way everywhere and importing an engine never imports matplotlib (extra ``plot``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["pyplot", "save_figure"]


def pyplot() -> Any:
    """Return ``matplotlib.pyplot`` set to the non-interactive Agg backend.

    Raises
    ------
    ImportError
        If matplotlib is not installed, naming the extra that provides it.
    """
    try:
        import matplotlib
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("plots need matplotlib: pip install 'eipkit[plot]'") from exc
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def save_figure(fig: Any, path: str | Path, dpi: int = 120) -> Path:
    """Lay out ``fig``, write it to ``path`` (PNG or SVG by suffix, folders created) and close it."""
    import matplotlib.pyplot as plt

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(target, dpi=dpi)
    plt.close(fig)
    return target
