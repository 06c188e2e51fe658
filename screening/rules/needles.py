"""Needle fear, fainting and earlier reactions (clinical-rules.md, section 6.1, needle part).

Split from consent.py to keep modules small; the registry imports it with its family.
"""

from __future__ import annotations

from screening.rules.consent import CONCERN, _unsure
from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import quote, unsure_patient_message
from screening.rules.types import Hit


@rule("needle_phobia_severe", category="AC", scope="global", triggers=("consent.needle_feeling",))
def check_needle_phobia_severe(ctx: Context) -> Hit | None:
    """Do not needle a patient who avoids needed care because of needles, or has a phobia.

    Sources: S10, S10a, S39, S28
    """
    if not ctx.eq("consent.needle_feeling", "avoids_care_or_phobia"):
        return None
    message = (
        "Severe needle fear: avoids needed care because of needles, or told they have a "
        "needle phobia."
    )
    fainted = ctx.get("consent.fainted_with_needles")
    if fainted in CONCERN:
        message += f" Fainted with needles: {fainted}."
    return Hit(
        staff_message=message,
        patient_message=(
            "Thank you for telling us how you feel about needles. We will not use needles in your "
            "care. Your physiotherapist has many other ways to help and will go over them with you."
        ),
        action=(
            "No needling. Use other treatments. Needling may be reconsidered at a later visit only "
            "if the patient asks and the fear is being treated; re-screen then."
        ),
        sources=("S10", "S10a", "S39", "S28"),
    )


@rule("needle_anxiety_mild", category="INFO", scope="none", triggers=("consent.needle_feeling",))
def check_needle_anxiety_mild(ctx: Context) -> Hit | None:
    """Note needle nervousness (a bit nervous or very anxious) so the physio can plan.

    Sources: S28, S23
    """
    feeling = ctx.get("consent.needle_feeling")
    if feeling not in ("a_bit_nervous", "very_anxious"):
        return None
    level = "a bit nervous" if feeling == "a_bit_nervous" else "very anxious"
    return Hit(
        staff_message=f"Patient is {level} about needles.",
        patient_message=(
            "Many people feel nervous about needles. Your physiotherapist will explain each step "
            "before they do it. You will lie down, and you can ask to stop at any time."
        ),
        action=(
            "Needle lying down, start with few needles, describe what the patient will feel, and "
            'share the "what to expect" page. If very anxious, consider waiting until a later '
            "visit."
        ),
        sources=("S28", "S23"),
    )


FAINT_KIND_TEXT = {"fainted": "fainted", "nearly_fainted": "nearly fainted"}


def remote_near_faint(ctx: Context) -> bool:
    """1.1.0: a near-faint (no loss of consciousness) last more than the policy's days ago."""
    last = ctx.get("consent.faint_last_date")
    return (
        ctx.eq("consent.faint_kind", "nearly_fainted")
        and last is not None
        and ctx.days_since(last) > ctx.policy.near_faint_remote_after_days
    )


def _first_session(ctx: Context) -> str:
    return " First needling session." if ctx.eq("consent.previous_needling", False) else ""


@rule(
    "vasovagal_history", category="RP", scope="global", triggers=("consent.fainted_with_needles",)
)
def check_vasovagal_history(ctx: Context) -> Hit | None:
    """Plan for fainting in a patient who has fainted, or nearly, with needles.

    1.1.0: a remote near-faint goes to vasovagal_remote_near_faint instead; a real faint,
    a recent near-faint, or one without kind or date stays here.

    Sources: S38, S28, S19, S46
    """
    answer = ctx.get("consent.fainted_with_needles")
    if not (answer == "unsure" or (answer == "yes" and not remote_near_faint(ctx))):
        return None
    kind = ctx.get("consent.faint_kind") if answer == "yes" else None
    what = FAINT_KIND_TEXT.get(kind, "fainted or nearly fainted")
    last = ctx.get("consent.faint_last_date")
    when = f", most recently {last}" if last else ""
    message = f"Has {what} with needles (answer: {answer}){when}.{_first_session(ctx)}"
    if answer == "unsure":
        patient = unsure_patient_message("fainting, or nearly fainting, with needles")
    else:
        patient = (
            "Some people feel faint with needles. It is common and passes quickly. You will lie "
            "down for treatment and someone will stay with you. Please eat a meal or snack before "
            "your visit."
        )
    return Hit(
        staff_message=message,
        patient_message=patient,
        action=(
            "Needle only lying down; stay with the patient during the first session; observe "
            "afterwards; check the patient has eaten; advise not to drive while dizzy."
        ),
        sources=("S38", "S28", "S19", "S46"),
        unsure_fields=_unsure(ctx, "consent.fainted_with_needles"),
    )


@rule(
    "vasovagal_remote_near_faint",
    category="INFO",
    scope="none",
    triggers=("consent.fainted_with_needles",),
)
def check_vasovagal_remote_near_faint(ctx: Context) -> Hit | None:
    """A note for a near-faint with needles, last more than a year ago (1.1.0).

    Sources: S38, S28
    """
    if not (ctx.eq("consent.fainted_with_needles", "yes") and remote_near_faint(ctx)):
        return None
    days = ctx.policy.near_faint_remote_after_days
    return Hit(
        staff_message=(
            "Nearly fainted (did not pass out) with needles, most recently "
            f"{ctx.get('consent.faint_last_date')}, more than {days} days before the "
            f"appointment. Needle lying down; check the patient has eaten.{_first_session(ctx)}"
        ),
        patient_message=(
            "Thank you for telling us. You will lie down for needling, which makes feeling faint "
            "much less likely. Please eat a meal or snack before your visit, and tell your "
            "physiotherapist straight away if you feel faint, sick or sweaty."
        ),
        action=(
            "Needle only lying down; check the patient has eaten; watch for early signs (pallor, "
            "sweating, nausea) and stop if they appear; short observation before the patient gets "
            "up. No review needed for this alone."
        ),
        sources=("S38", "S28"),
    )


@rule(
    "previous_adverse_reaction",
    category="RP",
    scope="global",
    triggers=("consent.previous_unusual_reaction",),
)
def check_previous_adverse_reaction(ctx: Context) -> Hit | None:
    """Start gently after a strong or unusual reaction to earlier needling.

    Sources: S39, S46
    """
    answer = ctx.get("consent.previous_unusual_reaction")
    if not (ctx.eq("consent.previous_needling", True) and answer in CONCERN):
        return None
    message = f"Strong or unusual reaction after earlier needling (answer: {answer})."
    details = ctx.get("consent.previous_reaction_details")
    if details:
        message += f" Details: {quote(details)}."
    if answer == "unsure":
        patient = unsure_patient_message("a strong or unusual reaction to earlier needling")
    else:
        patient = (
            "Thank you for telling us about your last treatment. Your physiotherapist will ask "
            "what happened and will start gently, with fewer needles."
        )
    return Hit(
        staff_message=message,
        patient_message=patient,
        action=(
            "Ask what happened and when; start with a lower dose. If the reaction was an infection "
            "or nerve symptoms, consider medical input first."
        ),
        sources=("S39", "S46"),
        unsure_fields=_unsure(ctx, "consent.previous_unusual_reaction"),
    )
