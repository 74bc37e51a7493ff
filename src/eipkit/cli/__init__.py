"""Command-line interface: ``eipkit demo | template | validate | info | convert | assess | match | ...``.

Each ``_<name>`` module registers its commands on the shared Typer app; heavy libraries are
imported inside the commands, so ``eipkit --help`` stays fast.
"""

from eipkit.cli import (
    _assess,
    _coprocess,
    _demo,
    _energy,
    _ghg,
    _heat,
    _network,
    _park_cmds,
    _recp,
    _report,
    _symbiosis,
    _water,
)
from eipkit.cli._app import app, main

__all__ = ["app", "main"]
del _assess, _coprocess, _demo, _energy, _ghg, _heat, _network, _park_cmds, _recp, _report, _symbiosis, _water
