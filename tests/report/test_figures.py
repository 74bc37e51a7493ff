from __future__ import annotations

import json

import polars as pl
import pytest
from report_testing import make_park

from eipkit.report.figures.parkmap import local_xy, map_data, map_plotly, map_png
from eipkit.report.figures.sankey import sankey_plotly, sankey_png
from eipkit.report.flows import sankey_data

PNG = b"\x89PNG\r\n\x1a\n"


def test_local_projection_hand_solved() -> None:
    """One degree of longitude on the equator is 2*pi*6371.0088/360 = 111.195 km; a degree of latitude the same."""
    x, y = local_xy([0.0, 1.0], [1.0, 0.0], 0.0, 0.0)
    assert x[0] == pytest.approx(111.195, abs=1e-3) and y[1] == pytest.approx(111.195, abs=1e-3)
    x, _ = local_xy([60.0], [1.0], 60.0, 0.0)
    assert x[0] == pytest.approx(111.195 / 2, abs=1e-3)  # cos 60° = 1/2


def test_far_partner_is_drawn_on_the_frame_edge() -> None:
    data = map_data(make_park(), "en")
    far = data.firms.filter(pl.col("id") == "X").row(0, named=True)
    x0, x1, y0, y1 = data.frame
    assert far["outside"] and far["distance"] > 20
    assert x0 - 1e-9 <= far["x"] <= x1 + 1e-9 and y0 - 1e-9 <= far["y"] <= y1 + 1e-9
    kinds = dict(data.links.select("id", "kind").iter_rows())
    assert kinds == {"X1": "existing", "X2": "proposed", "X3": "ended"}


def test_static_and_interactive_figures() -> None:
    park = make_park()
    for lang in ("vi", "en"):
        assert map_png(park, lang, "Map").startswith(PNG)
        data = sankey_data(park, "material", lang)
        assert sankey_png(data, lang, "Material").startswith(PNG)
        fig = json.loads(sankey_plotly(data, lang, "Material"))
        assert fig["data"][0]["type"] == "sankey"
        assert len(fig["data"][0]["link"]["value"]) == data.links.height
    assert json.loads(map_plotly(park, "vi"))["layout"]["yaxis"]["scaleanchor"] == "x"
