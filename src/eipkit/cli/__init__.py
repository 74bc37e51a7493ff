"""Command-line interface: ``eipkit demo | template | validate | info | convert | assess | ...``."""

from eipkit.cli import _assess, _demo, _heat, _network, _park_cmds, _water
from eipkit.cli._app import app, main

__all__ = ["app", "main"]
del _assess, _demo, _heat, _network, _park_cmds, _water
