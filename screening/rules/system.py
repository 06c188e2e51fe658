"""System rules (clinical-rules.md 6.9, 6.10): the two always-on rules and unsure_answers.

The engine runs these at fixed steps of 2.3: ``unsure_answers`` at step 5 (it reads
``ctx.leftover_unsure``), the always-on rules at step 6.
"""

from __future__ import annotations

from functools import lru_cache

from screening.rules.context import Context
from screening.rules.labels import label_for
from screening.rules.regions import LUNG_FIELD
from screening.rules.registry import rule
from screening.rules.text import regions_text
from screening.rules.types import Hit


@rule("consent_special_risks", category="INFO", scope="none")
def check_consent_special_risks(ctx: Context) -> Hit:
    """Always: disclose material and special risks; name lung-field targets and a first session.

    Sources: S1, S4, S6, S31
    """
    return _special_risks(ctx.targets & LUNG_FIELD, ctx.eq("consent.previous_needling", False))


@lru_cache(maxsize=1024)
def _special_risks(lung_targets: frozenset[str], first_session: bool) -> Hit:
    # Every assessment has this finding and it depends on these two values only: each
    # combination is built once (a Hit is immutable).
    message = "Before needling, disclose the material and special risks and record consent."
    if lung_targets:
        message += f" Lung-field target(s) {regions_text(lung_targets)}: include pneumothorax."
    if first_session:
        message += " First needling session."
    return Hit(
        regions=tuple(lung_targets),
        staff_message=message,
        patient_message=(
            "Before any needling, your physiotherapist will explain what to expect, the common "
            "side effects and the rare risks, and ask for your consent. You can ask questions, "
            "and you can change your mind at any time."
        ),
        action=(
            "Discuss the material and special risks (section 7), answer questions, record "
            "consent for this treatment and this provider."
        ),
        sources=("S1", "S4", "S6", "S31"),
    )


# Always the same: built once (a Hit is immutable).
PRACTITIONER_AUTHORIZATION = Hit(
    staff_message=(
        "Only a physiotherapist authorized for dry needling may needle. Physiotherapists on "
        "the provisional register (interns) may not. Confirm the treating physiotherapist's "
        "authorization."
    ),
    patient_message=(
        "Only a physiotherapist with special authorization for dry needling will use needles "
        "in your care. You can ask to see it, or look it up on the College's public register."
    ),
    action=(
        "Confirm the treating physiotherapist holds needling authorization and is not on the "
        "provisional register."
    ),
    sources=("S7", "S8"),
)


@rule("practitioner_authorization", category="INFO", scope="none")
def check_practitioner_authorization(ctx: Context) -> Hit:
    """Always: only an authorized physiotherapist (not on the provisional register) may needle.

    Sources: S7, S8
    """
    return PRACTITIONER_AUTHORIZATION


@rule("unsure_answers", category="RP", scope="global")
def check_unsure_answers(ctx: Context) -> Hit | None:
    """Collect the unsure answers no other finding lists (3.4): clarify, treat as yes.

    Sources: S26
    """
    fields = ctx.leftover_unsure
    if not fields:
        return None
    labels = "; ".join(label_for(path) for path in fields)
    return Hit(
        staff_message=(
            f"Answered not sure: {labels}. Clarify each one before needling; until then, "
            "treat the answer as yes."
        ),
        patient_message=(
            "It's fine not to be sure. Your physiotherapist will go over these questions with "
            "you before any needling."
        ),
        action=(
            "Ask each listed question at the visit (or by phone before it). Until an answer is "
            'clear, treat it as "yes" and follow that rule.'
        ),
        sources=("S26",),
        unsure_fields=tuple(fields),
    )
