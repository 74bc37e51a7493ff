"""Report sections: one module per section, each with a builder and a :class:`SectionSpec` ``SPEC``.

Built from the park and eipkit.monitoring: summary, profile, flows, park_map, monitoring, annex.
Presenting an engine's results: assessment, symbiosis, water, heat, network, energy, ghg, recp,
coprocessing (each runs its engine when its result is not given).

:data:`SECTIONS` lists them in report order. An engine's section lives in its own module
(``sections/<engine>.py``) and is added here with one line; :func:`register_section` adds one at
run time (for a plug-in or a test).
"""

from __future__ import annotations

from eipkit.report.sections import (
    annex,
    assessment,
    coprocessing,
    energy,
    flows,
    ghg,
    heat,
    monitoring,
    network,
    park_map,
    profile,
    recp,
    symbiosis,
    water,
)
from eipkit.report.sections._spec import AnalysisFailed, SectionBuilder, SectionSpec

__all__ = ["SECTIONS", "AnalysisFailed", "SectionBuilder", "SectionSpec", "register_section"]

#: Registered sections by key (the executive summary is built last and placed first).
SECTIONS: dict[str, SectionSpec] = {
    spec.key: spec
    for spec in (
        profile.SPEC,
        flows.SPEC,
        park_map.SPEC,
        assessment.SPEC,
        symbiosis.SPEC,
        water.SPEC,
        heat.SPEC,
        network.SPEC,
        energy.SPEC,
        ghg.SPEC,
        recp.SPEC,
        coprocessing.SPEC,
        monitoring.SPEC,
        annex.SPEC,
    )
}


def register_section(section: SectionSpec) -> None:
    """Add (or replace) a section in :data:`SECTIONS`."""
    SECTIONS[section.key] = section
