"""Infection and skin rules (clinical-rules.md, section 6.4, first part).

The immunity rules live in immunity.py and the lymph rules in lymph.py (modules kept small).
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.regions import ADJACENCY
from screening.rules.registry import rule
from screening.rules.text import regions_text, unsure_patient_message
from screening.rules.types import Hit


@rule(
    "acute_illness_or_systemic_infection",
    category="AC",
    scope="global",
    triggers=("infection.acute_illness",),
)
def check_acute_illness_or_systemic_infection(ctx: Context) -> Hit | None:
    """Stop needling for an illness reported on the day of the visit.

    Sources: S10, S10a, S34
    """
    if not (ctx.eq("infection.acute_illness", "yes") and ctx.completed_on == ctx.appointment):
        return None
    days = ctx.policy.acute_illness_window_days
    return Hit(
        staff_message=(
            f"Fever, infection or feeling generally unwell in the last {days} days "
            "(answered on the day of the visit). No needling until recovered."
        ),
        patient_message=(
            "Thank you for telling us. We don't use needles while you are unwell or fighting "
            "an infection. We can move your visit or help you in other ways today. If you feel "
            "very unwell, please see a doctor."
        ),
        action=(
            "No needling until recovered; rebook or give non-needling treatment. If the patient "
            "seems acutely unwell, direct them to medical care."
        ),
        sources=("S10", "S10a", "S34"),
    )


@rule(
    "recent_illness_recheck", category="RP", scope="global", triggers=("infection.acute_illness",)
)
def check_recent_illness_recheck(ctx: Context) -> Hit | None:
    """Ask again at check-in about an illness reported days before the visit.

    Sources: S10, S10a, S34
    """
    if not (ctx.eq("infection.acute_illness", "yes") and ctx.completed_on < ctx.appointment):
        return None
    days = ctx.policy.acute_illness_window_days
    return Hit(
        staff_message=(
            f"Fever, infection or feeling unwell in the {days} days before the form was filled "
            f"in ({ctx.completed_on.isoformat()}). Ask at check-in whether it has passed; "
            "no needling while still unwell."
        ),
        patient_message=(
            "Thank you for telling us. If you are still unwell on the day of your visit, please "
            "tell us when you arrive: we don't use needles while you are unwell, but we can help "
            "in other ways."
        ),
        action=(
            "Ask at check-in (or call ahead) whether the illness has passed. If the patient is "
            "still unwell or on antibiotics for an active infection, no needling that day."
        ),
        sources=("S10", "S10a", "S34"),
    )


def split_skin_lesions(ctx: Context) -> tuple[frozenset[str], frozenset[str]]:
    """Split the lesion regions into NEAR (a target, or bordering one) and the rest."""
    if ctx.get("infection.skin_problem") is not True:
        return frozenset(), frozenset()
    lesions = ctx.expand(ctx.get("infection.skin_problem_regions"))
    near = frozenset(
        r for r in lesions if r in ctx.targets or not ctx.targets.isdisjoint(ADJACENCY[r])
    )
    return near, lesions - near


@rule("skin_lesion_at_site", category="AC", scope="site", triggers=("infection.skin_problem",))
def check_skin_lesion_at_site(ctx: Context) -> Hit | None:
    """Exclude a skin lesion that is a target region or borders one.

    Sources: S13a, S34, S46
    """
    near, _ = split_skin_lesions(ctx)
    if not near:
        return None
    return Hit(
        staff_message=(
            "Skin problem (cut, sore, infection, rash or flare-up) at or next to a target "
            f"region: {regions_text(near)}. No needling through or next to the affected skin."
        ),
        patient_message=(
            "We won't put needles through or near skin that has a cut, sore, rash or infection. "
            "Your physiotherapist will look at it and may treat other areas instead."
        ),
        action=(
            "Inspect the skin. No needling through or next to it; needling elsewhere at the "
            "physiotherapist's discretion."
        ),
        sources=("S13a", "S34", "S46"),
        regions=tuple(near),
        excludes=tuple(near),
    )


@rule("skin_lesion_elsewhere", category="INFO", scope="none", triggers=("infection.skin_problem",))
def check_skin_lesion_elsewhere(ctx: Context) -> Hit | None:
    """Note a skin lesion away from every target region.

    Sources: S13a, S34
    """
    _, far = split_skin_lesions(ctx)
    if not far:
        return None
    return Hit(
        staff_message=f"Skin problem away from the target regions: {regions_text(far)}. "
        "Check it on the day.",
        patient_message=(
            "Your physiotherapist will have a quick look at the skin problem you marked. It "
            "should not change treatment in other areas."
        ),
        action="Look at the area on the day; do not needle through it if the plan changes.",
        sources=("S13a", "S34"),
        regions=tuple(far),
    )


@rule("inflamed_area_unchecked", category="RP", scope="site", triggers=("infection.inflamed_area",))
def check_inflamed_area_unchecked(ctx: Context) -> Hit | None:
    """Review an unchecked red, hot or swollen area (infection or clot) before needling.

    Sources: S13a, S34, S46
    """
    answer = ctx.get("infection.inflamed_area")
    if answer not in ("yes", "unsure"):
        return None
    regions = ctx.expand(ctx.get("infection.inflamed_area_regions"))
    where = f": {regions_text(regions)}" if regions else ""
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            f"Red, hot or swollen area not yet checked by a doctor{where}. Possible infection "
            "or blood clot: the physiotherapist checks it first and refers the same day if in "
            "doubt. No needling there."
        ),
        patient_message=(
            unsure_patient_message(
                "a red, hot or swollen area",
                then="If an area is getting worse quickly, or you have a fever or trouble "
                "breathing, please see a doctor today.",
            )
            if unsure
            else "Thank you for telling us about the red or swollen area. Your physiotherapist "
            "will look at it first. If it is getting worse quickly, or you have a fever or "
            "trouble breathing, please see a doctor today."
        ),
        action=(
            "Look at the area before any treatment. If infection or a clot is possible, refer "
            "for same-day medical assessment (urgently if there is chest pain or "
            "breathlessness) and do not needle anywhere, or massage or use e-stim on that "
            "limb, until it is cleared. Never needle into it."
        ),
        sources=("S13a", "S34", "S46"),
        regions=tuple(regions),
        excludes=tuple(regions),
        unsure_fields=("infection.inflamed_area",) if unsure else (),
    )
