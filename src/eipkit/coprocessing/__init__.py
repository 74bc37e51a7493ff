"""Co-processing of industrial wastes in cement kilns: screening, substitution, kiln as receiver.

* :mod:`eipkit.coprocessing.criteria` - acceptance criteria (calorific value, moisture, chlorine,
  sulphur, heavy metals), named limit sets (QCVN 41, limits unverified) and excluded waste
  classes (GTZ/Holcim 2006);
* :mod:`eipkit.coprocessing.substitution` - heat supplied, thermal substitution rate, coal
  replaced and CO2 saved;
* :mod:`eipkit.coprocessing.screening` - the park's wastes screened for a kiln in or near the
  park, and the kiln's acceptance as receiver streams for symbiosis matching.

No acceptance limit is invented: the Vietnamese limits are unverified in the sources, so the
screening shows ``limit_unverified`` until you pass your limits (``limits=``).

>>> from eipkit.coprocessing import check_limit
>>> check_limit([0.2, 0.8], 0.5).tolist()
['pass', 'fail']
"""

from eipkit.coprocessing.criteria import CRITERIA, check_limit, exclusion_reason, limit_set, limit_sets, resolve_limits
from eipkit.coprocessing.screening import (
    CoprocessingInputError,
    KilnInfo,
    Screening,
    find_kiln,
    kiln_receiver_streams,
    screen_wastes,
)
from eipkit.coprocessing.substitution import co2_saved, coal_replaced, thermal_substitution, waste_energy

__all__ = [
    "CRITERIA",
    "CoprocessingInputError",
    "KilnInfo",
    "Screening",
    "check_limit",
    "co2_saved",
    "coal_replaced",
    "exclusion_reason",
    "find_kiln",
    "kiln_receiver_streams",
    "limit_set",
    "limit_sets",
    "resolve_limits",
    "screen_wastes",
    "thermal_substitution",
    "waste_energy",
]
