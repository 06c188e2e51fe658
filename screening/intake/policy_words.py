"""Numbers shown inside questions ("in the last 7 days") come from the clinic's policy."""

from __future__ import annotations


def policy_number(name: str) -> int:
    """The policy value `name` in force (clinical-rules section 5, 'wording only' rows)."""
    from screening.clinic_policy import current_policy

    return getattr(current_policy(), name)
