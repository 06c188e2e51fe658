"""The clinic's policy on the summary, reduced to what differs from the catalogue defaults.

Staff read plain words, not parameter names: each threshold of clinical-rules section 5 has
a short label and a unit here. The full policy stays stored on the submission and in the
JSON export; the page only has to say where this clinic departs from the catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from screening.rules import DEFAULT_POLICY

DAYS, HOURS, YEARS = "days", "hours", "years"
# name: (what it is, unit); the unit is one of the three above, "%", "mmHg", "" or "bool".
POLICY_WORDS: dict[str, tuple[Any, str]] = {
    "inr_cap_when_target_unknown": (gettext_lazy("INR limit when the target is unknown"), ""),
    "inr_stale_after_days": (gettext_lazy("INR result counts as recent for"), DAYS),
    "surgery_window_days": (gettext_lazy("Recent surgery window"), DAYS),
    "arthroplasty_window_days": (gettext_lazy("Recent joint replacement window"), DAYS),
    "cardiac_event_window_days": (gettext_lazy("Recent heart event window"), DAYS),
    "seizure_free_days": (gettext_lazy("Seizure-free period"), DAYS),
    "seizure_med_change_window_days": (gettext_lazy("Seizure medicine change window"), DAYS),
    "chemotherapy_window_days": (gettext_lazy("Recent chemotherapy window"), DAYS),
    "cancer_treatment_window_days": (gettext_lazy("Recent cancer treatment window"), DAYS),
    "spinal_surgery_window_days": (gettext_lazy("Recent spine surgery window"), DAYS),
    "injury_window_days": (gettext_lazy("Recent injury window"), DAYS),
    "bmi_low_threshold": (gettext_lazy("Low BMI threshold"), ""),
    "hba1c_limit_percent": (gettext_lazy("HbA1c limit"), "%"),
    "bp_systolic_limit": (gettext_lazy("Systolic blood pressure limit"), "mmHg"),
    "bp_diastolic_limit": (gettext_lazy("Diastolic blood pressure limit"), "mmHg"),
    "minor_age_years": (gettext_lazy("Age of a minor: under"), YEARS),
    "avoid_at_risk_limb": (gettext_lazy("Avoid the at-risk limb after node removal"), "bool"),
    "impaired_window_hours": (gettext_lazy("Alcohol or drugs window"), HOURS),
    "acute_illness_window_days": (gettext_lazy("Recent illness window"), DAYS),
    "vka_recent_problem_window_days": (gettext_lazy("Warfarin problem window"), DAYS),
    "severe_low_sugar_window_days": (gettext_lazy("Severe low sugar window"), DAYS),
    "dvt_window_days": (gettext_lazy("Recent blood clot window"), DAYS),
    "near_faint_remote_after_days": (gettext_lazy("A near-faint counts as long ago after"), DAYS),
    "needles_contain_nickel": (gettext_lazy("The clinic's needles contain nickel"), "bool"),
}


def value_words(value: Any, unit: str) -> str:
    if unit == "bool":
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if unit == DAYS:
        return _("%(n)s days") % {"n": value}
    if unit == HOURS:
        return _("%(n)s hours") % {"n": value}
    if unit == YEARS:
        return _("%(n)s years") % {"n": value}
    return f"{value}\u202f{unit}".strip() if unit else str(value)


def policy_changes(policy: Mapping[str, Any]) -> list[dict[str, str]]:
    """Each value that differs from the catalogue default: label, value and default."""
    defaults = DEFAULT_POLICY.as_dict()
    changes = []
    for name, value in policy.items():
        if name not in defaults or value == defaults[name]:
            continue
        label, unit = POLICY_WORDS.get(name, (name.replace("_", " "), ""))
        changes.append(
            {
                "label": str(label),
                "value": value_words(value, unit),
                "default": value_words(defaults[name], unit),
            }
        )
    return sorted(changes, key=lambda change: change["label"])
