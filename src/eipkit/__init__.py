"""eipkit: the eco-industrial park toolkit.

From a park's data to assessment, symbiosis opportunities, optimised networks, money and CO2,
reports and certification dossiers, in Vietnamese and English.

The public API lives in subpackages: :mod:`eipkit.park` (data model and files),
:mod:`eipkit.units`, :mod:`eipkit.vocab`, :mod:`eipkit.datasets`.
"""

from eipkit._version import __version__

__all__ = ["__version__"]
