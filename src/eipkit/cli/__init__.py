"""Command-line interface: ``eipkit demo | template | validate | info | convert``."""

from eipkit.cli import _demo, _park_cmds
from eipkit.cli._app import app, main

__all__ = ["app", "main"]
del _demo, _park_cmds
