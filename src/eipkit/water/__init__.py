"""Water across the park: water-pinch targets, multi-contaminant networks, regeneration, inter-plant integration.

Units: flows in t/h, concentrations in ppm (= mg/L at a water density of 1 t/m³), mass loads in
kg/h, prices in VND/m³, annual costs in VND/a.

* :func:`water_cascade`, :func:`fixed_load_cascade`, :func:`limiting_composite_curve`:
  single-contaminant targets (water cascade analysis, Manan et al. 2004; Wang & Smith 1994);
* :func:`regeneration_target`, :func:`interplant_targets`: regeneration and park-wide targets;
* :func:`optimise_network`: multi-contaminant allocation (linopy + HiGHS), minimum freshwater
  or minimum annualised cost with pipe binaries and a limit on inter-plant connections;
* :func:`optimise_fixed_load`: fixed-load operations with several contaminants (bilinear),
  with a proven lower bound and gap;
* :func:`park_water_problem`, :func:`park_water_study`: the same on a park, with the central
  WWTP and QCVN 40:2011/BTNMT discharge limits (:func:`discharge_limits`).

>>> from eipkit.water import water_cascade
>>> water_cascade([20, 100, 40, 10], [100, 100, 800, 800], [20, 100, 40, 10], [0, 50, 50, 400]).freshwater_flow
90.0
"""

from eipkit.water._problem import LimitingData, Regenerator, WaterInputError, WaterProblem
from eipkit.water.cascade import (
    CascadeResult,
    InfeasibleWaterError,
    fixed_load_cascade,
    limiting_composite_curve,
    limiting_flow,
    water_cascade,
)
from eipkit.water.fixed_load import FixedLoadResult, optimise_fixed_load
from eipkit.water.io import read_water_csv
from eipkit.water.network import NetworkResult, optimise_network
from eipkit.water.park import QCVN_40_2025_STATUS, discharge_limits, park_water_problem
from eipkit.water.study import WaterStudy, park_water_study
from eipkit.water.targets import interplant_targets, regeneration_target

__all__ = [
    "QCVN_40_2025_STATUS",
    "CascadeResult",
    "FixedLoadResult",
    "InfeasibleWaterError",
    "LimitingData",
    "NetworkResult",
    "Regenerator",
    "WaterInputError",
    "WaterProblem",
    "WaterStudy",
    "discharge_limits",
    "fixed_load_cascade",
    "interplant_targets",
    "limiting_composite_curve",
    "limiting_flow",
    "optimise_fixed_load",
    "optimise_network",
    "park_water_problem",
    "park_water_study",
    "read_water_csv",
    "regeneration_target",
    "water_cascade",
]
