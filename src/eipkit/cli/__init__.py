"""Command-line interface: ``eipkit demo | template | validate | info | convert | assess | ...``."""

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
    _water,
)
from eipkit.cli._app import app, main

__all__ = ["app", "main"]
del _assess, _coprocess, _demo, _energy, _ghg, _heat, _network, _park_cmds, _recp, _water
