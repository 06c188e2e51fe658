"""Pure-Python dry needling screening rules (clinical-rules.md, ruleset 1.1.0).

No Django import and no clock anywhere in this package: ``assess`` is a pure function of
the intake document and the policy.
"""

from screening.rules.engine import RULESET_VERSION, assess, targets_all_excluded
from screening.rules.policy import DEFAULT_POLICY, Policy, PolicyError

__all__ = [
    "DEFAULT_POLICY",
    "RULESET_VERSION",
    "Policy",
    "PolicyError",
    "assess",
    "targets_all_excluded",
]
