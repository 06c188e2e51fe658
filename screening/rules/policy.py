"""Clinic policy: every [POLICY] threshold of clinical-rules.md section 5, with its default.

A clinic overrides values within the allowed range (``Policy.from_overrides``); every
assessment records the values in force (``Policy.as_dict``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from screening.rules.regions import ASSESSMENT_SCHEMA


class PolicyError(ValueError):
    """An override names an unknown parameter, has the wrong type or is out of range."""


@dataclass(frozen=True)
class Policy:
    """The policy values in force for one assessment (section 5 defaults)."""

    inr_cap_when_target_unknown: float = 3.0
    inr_stale_after_days: int = 28
    surgery_window_days: int = 90
    arthroplasty_window_days: int = 90
    cardiac_event_window_days: int = 90
    seizure_free_days: int = 365
    seizure_med_change_window_days: int = 90
    chemotherapy_window_days: int = 28
    cancer_treatment_window_days: int = 365
    spinal_surgery_window_days: int = 365
    injury_window_days: int = 14
    bmi_low_threshold: float = 18.5
    hba1c_limit_percent: float = 9.0
    bp_systolic_limit: int = 180
    bp_diastolic_limit: int = 110
    minor_age_years: int = 18
    avoid_at_risk_limb: bool = True
    impaired_window_hours: int = 12
    acute_illness_window_days: int = 7
    vka_recent_problem_window_days: int = 14
    severe_low_sugar_window_days: int = 90
    # Added in ruleset 1.1.0 (optional in the schema, so 1.0 policies stay valid).
    dvt_window_days: int = 90
    near_faint_remote_after_days: int = 365
    needles_contain_nickel: bool = False

    def __post_init__(self) -> None:
        # Frozen, so the JSON form can be computed once and reused by every assessment.
        object.__setattr__(self, "_json", {f.name: getattr(self, f.name) for f in fields(self)})

    def as_dict(self) -> dict[str, Any]:
        """Every value in force, as the assessment's ``policy`` object."""
        return dict(self._json)  # type: ignore[attr-defined]

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None) -> Policy:
        """Return the default policy with ``overrides`` applied, after checking each one."""
        if not overrides:
            return DEFAULT_POLICY
        if not isinstance(overrides, Mapping):
            raise PolicyError("policy overrides must be a mapping of parameter names to values")
        values: dict[str, Any] = {}
        for name, value in overrides.items():
            limits = PARAMETER_LIMITS.get(name)
            if limits is None:
                raise PolicyError(f"{name}: unknown policy parameter")
            values[name] = _checked(name, value, limits)
        return cls(**values)


def _checked(name: str, value: Any, limits: Mapping[str, Any]) -> Any:
    kind = limits["type"]
    if kind == "boolean":
        if not isinstance(value, bool):
            raise PolicyError(f"{name}: must be true or false, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PolicyError(f"{name}: must be a number, got {value!r}")
    if kind == "integer":
        if isinstance(value, float):
            if not value.is_integer():
                raise PolicyError(f"{name}: must be a whole number, got {value!r}")
            value = int(value)
    else:
        value = float(value)
    low, high = limits["minimum"], limits["maximum"]
    if not low <= value <= high:
        raise PolicyError(f"{name}: {value!r} is outside the allowed range {low}–{high}")
    return value


# Type and range of each parameter, from the assessment schema's policy object.
PARAMETER_LIMITS: dict[str, dict[str, Any]] = {
    name: {key: spec[key] for key in ("type", "minimum", "maximum", "default") if key in spec}
    for name, spec in ASSESSMENT_SCHEMA["properties"]["policy"]["properties"].items()
}

DEFAULT_POLICY = Policy()
