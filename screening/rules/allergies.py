"""Allergy rules (clinical-rules.md, section 6.5, last part).

Split from devices.py to keep modules small; the registry imports it with its family.
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import unsure_patient_message
from screening.rules.types import Hit


@rule("metal_allergy", category="RP", scope="global", triggers=("implants.metal_allergy",))
def check_metal_allergy(ctx: Context) -> Hit | None:
    """Review a metal allergy: needles are stainless steel with some nickel.

    1.1.0: only when the clinic's needles are recorded as containing nickel.

    Sources: S10, S10a, S36
    """
    answer = ctx.get("implants.metal_allergy")
    if answer not in ("yes", "unsure") or not ctx.policy.needles_contain_nickel:
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            f"Metal allergy such as nickel or chrome (answer: {answer}). Discuss needle "
            "material; watch the needle sites."
        ),
        patient_message=(
            unsure_patient_message("a metal allergy")
            if unsure
            else "Needles are made of stainless steel, which contains a little nickel. Your "
            "physiotherapist will talk with you about this and watch your skin closely."
        ),
        action="Discuss the needle material; watch for a skin reaction; stop if one appears.",
        sources=("S10", "S10a", "S36"),
        unsure_fields=("implants.metal_allergy",) if unsure else (),
    )


@rule("metal_allergy_note", category="INFO", scope="none", triggers=("implants.metal_allergy",))
def check_metal_allergy_note(ctx: Context) -> Hit | None:
    """A note for a metal allergy when the needles are not nickel-releasing (1.1.0 default).

    An unsure answer is listed here (3.4, principle 1).

    Sources: S36, S10, S10a
    """
    answer = ctx.get("implants.metal_allergy")
    if answer not in ("yes", "unsure") or ctx.policy.needles_contain_nickel:
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            f"Metal allergy such as nickel or chrome (answer: {answer}). Clinic needles are "
            "recorded as not nickel-releasing; mention it at consent, watch the needle sites and "
            "stop if a rash appears."
        ),
        patient_message=(
            unsure_patient_message("a metal allergy")
            if unsure
            else "Thank you for telling us about your metal allergy. Our needles are stainless "
            "steel and are only in the skin for a short time, so reactions are rare. Your "
            "physiotherapist will check your skin and stop if it reacts."
        ),
        action=(
            "Mention it in the consent discussion; watch the needle sites; stop and record if a "
            "skin reaction appears (then set the patient's next visits to review)."
        ),
        sources=("S36", "S10", "S10a"),
        unsure_fields=("implants.metal_allergy",) if unsure else (),
    )


@rule(
    "latex_or_other_allergy",
    category="INFO",
    scope="none",
    triggers=("implants.latex_or_other_allergy",),
)
def check_latex_or_other_allergy(ctx: Context) -> Hit | None:
    """Record an allergy to latex, tape or skin cleaners.

    Sources: S10, S10a
    """
    if ctx.get("implants.latex_or_other_allergy") is not True:
        return None
    return Hit(
        staff_message=(
            "Allergy to latex, tape or skin cleaners. Use non-latex gloves and a suitable skin "
            "cleaner."
        ),
        patient_message=(
            "We will use gloves, tape and skin cleaners that are safe for your allergy."
        ),
        action="Non-latex gloves; an alternative antiseptic and tape.",
        sources=("S10", "S10a"),
    )
