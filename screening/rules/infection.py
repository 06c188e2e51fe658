"""Infection, immunity and skin rules (clinical-rules.md, section 6.4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screening.rules.context import Context
from screening.rules.labels import label_for
from screening.rules.regions import ADJACENCY
from screening.rules.registry import rule
from screening.rules.text import enum_text, regions_text, unsure_patient_message
from screening.rules.types import Hit

# The four tri-state immunity answers whose "yes" holds (immunosuppressed_severe) and whose
# "unsure" asks for review (immunosuppressed_moderate), with their staff wording.
SEVERE_IMMUNITY_FIELDS = (
    ("low_white_cells", "low white cells"),
    ("transplant_antirejection", "transplant on anti-rejection medicine"),
    ("no_spleen", "no working spleen"),
    ("told_severely_immunocompromised", "told severely immunocompromised"),
)
# The tri-state immunity answers whose "unsure" immunosuppressed_moderate accounts for.
UNSURE_IMMUNITY_FIELDS = ("immune_medicines", *(field for field, _ in SEVERE_IMMUNITY_FIELDS))

_NO_ANSWERS: Mapping[str, Any] = {}

# limb(s) of lymph_node_removal_at_risk_limb: pelvic nodes drain both legs ([DECISION]).
LYMPH_NODE_SITE_LIMBS = {
    "AXILLA_L": ("UPPER_LIMB_L",),
    "AXILLA_R": ("UPPER_LIMB_R",),
    "GROIN_L": ("LOWER_LIMB_L",),
    "GROIN_R": ("LOWER_LIMB_R",),
    "PELVIS": ("LOWER_LIMB_L", "LOWER_LIMB_R"),
}


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
            unsure_patient_message("a red, hot or swollen area that a doctor has not checked")
            if unsure
            else "Thank you for telling us about the red or swollen area. Your physiotherapist "
            "will look at it first. If it is getting worse quickly, or you have a fever or "
            "trouble breathing, please see a doctor today."
        ),
        action=(
            "Look at the area before any treatment. If infection or a clot is possible, refer "
            "for same-day medical assessment and do not needle until it is cleared. Never "
            "needle into it."
        ),
        sources=("S13a", "S34", "S46"),
        regions=tuple(regions),
        excludes=tuple(regions),
        unsure_fields=("infection.inflamed_area",) if unsure else (),
    )


def _infection(ctx: Context) -> Mapping[str, Any]:
    """The infection section, for rules that read several of its answers in a loop."""
    return ctx.doc.get("infection") or _NO_ANSWERS


def chemotherapy_is_recent(ctx: Context) -> bool | None:
    """True/False for chemotherapy inside/outside the severe window; None without chemotherapy."""
    if ctx.get("infection.chemotherapy") is not True:
        return None
    return ctx.recent(
        ctx.get("infection.chemotherapy_last_date"), ctx.policy.chemotherapy_window_days
    )


@rule(
    "immunosuppressed_severe",
    category="PC",
    scope="global",
    triggers=(
        "infection.chemotherapy",
        "infection.low_white_cells",
        "infection.transplant_antirejection",
        "infection.no_spleen",
        "infection.told_severely_immunocompromised",
    ),
)
def check_immunosuppressed_severe(ctx: Context) -> Hit | None:
    """Hold for clearance when the immune system is severely weakened.

    Its unsure fields come from the suppressed immunosuppressed_moderate (engine, 3.5).

    Sources: S39, S10, S10a, S46
    """
    reasons = []
    if chemotherapy_is_recent(ctx):
        chemo_date = ctx.get("infection.chemotherapy_last_date")
        reasons.append(
            f"chemotherapy on {chemo_date}" if chemo_date else "chemotherapy, date not given"
        )
    infection = _infection(ctx)
    reasons += [
        wording for field, wording in SEVERE_IMMUNITY_FIELDS if infection.get(field) == "yes"
    ]
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Severely weakened immune system: {'; '.join(reasons)}. Needs clearance from the "
            "treating team; recent blood counts may be needed."
        ),
        patient_message=(
            "Because your immune system may be weaker right now, we will check with your care "
            "team before using needles, to keep the risk of infection low. Other physiotherapy "
            "can go ahead."
        ),
        action=(
            "Send the clearance request to the treating team (oncology, transplant or family "
            "physician). Ask for recent blood counts if relevant; a neutrophil count under 500 "
            "per mm³ rules needling out."
        ),
        sources=("S39", "S10", "S10a", "S46"),
    )


@rule(
    "immunosuppressed_moderate",
    category="RP",
    scope="global",
    triggers=(
        "infection.immune_medicines",
        "infection.chemotherapy",
        "infection.bloodborne_virus",
        "infection.low_white_cells",
        "infection.transplant_antirejection",
        "infection.no_spleen",
        "infection.told_severely_immunocompromised",
    ),
)
def check_immunosuppressed_moderate(ctx: Context) -> Hit | None:
    """Review a possibly weakened immune system; account for every unsure immunity answer.

    Sources: S10, S10a, S46
    """
    reasons = []
    unsure_fields = []
    fired_by_an_answer_given = False
    medicines = ctx.get("infection.immune_medicines")
    if medicines == "yes":
        types = enum_text(ctx.get("infection.immune_medicine_types") or ())
        reasons.append(f"immune medicines {types}")
        fired_by_an_answer_given = True
    if chemotherapy_is_recent(ctx) is False:
        reasons.append(f"chemotherapy on {ctx.get('infection.chemotherapy_last_date')}")
        fired_by_an_answer_given = True
    if ctx.eq("infection.bloodborne_virus", "yes"):
        control = ctx.get("infection.bloodborne_virus_control")
        if control == "not_controlled":
            reasons.append("bloodborne virus not controlled")
            fired_by_an_answer_given = True
        elif control == "unsure":
            reasons.append("bloodborne virus control unsure")
            unsure_fields.append("infection.bloodborne_virus_control")
    infection = _infection(ctx)
    unsure_tri_states = [
        f"infection.{field}" for field in UNSURE_IMMUNITY_FIELDS if infection.get(field) == "unsure"
    ]
    if unsure_tri_states:
        reasons.append(f"answered not sure: {', '.join(map(label_for, unsure_tri_states))}")
        unsure_fields += unsure_tri_states
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Immune system may be weakened: {'; '.join(reasons)}. Strict asepsis; avoid "
            "needling near joints or prostheses; watch for infection."
        ),
        patient_message=(
            "Some medicines and health problems make infections a little more likely. Your "
            "physiotherapist will take extra care to keep everything clean. They will tell you "
            "what to watch for afterwards."
            if fired_by_an_answer_given
            else unsure_patient_message("your immune system")
        ),
        action=(
            "Strict asepsis; avoid needling near joints and prostheses; teach the signs of "
            "infection; ask the physician if in doubt."
        ),
        sources=("S10", "S10a", "S46"),
        unsure_fields=tuple(unsure_fields),
    )


@rule("bloodborne_virus", category="INFO", scope="none", triggers=("infection.bloodborne_virus",))
def check_bloodborne_virus(ctx: Context) -> Hit | None:
    """Record a shared bloodborne virus; standard precautions only.

    Sources: S12, S28
    """
    if not ctx.eq("infection.bloodborne_virus", "yes"):
        return None
    types = enum_text(ctx.get("infection.bloodborne_virus_types") or ())
    control = ctx.get("infection.bloodborne_virus_control")
    return Hit(
        staff_message=(
            f"Bloodborne virus shared: {types}; control: {control}. Standard precautions, as "
            "for every patient."
        ),
        patient_message=(
            "Thank you for telling us. We use the same careful infection-control steps for "
            "everyone, so this does not change your care. Your answer stays private."
        ),
        action=(
            "Standard precautions (as for every patient); sharps disposal as usual. Do not "
            "restrict needling for this alone."
        ),
        sources=("S12", "S28"),
    )


def lymphedema_regions(ctx: Context) -> frozenset[str]:
    """The regions of the lymphedema_limb finding (empty when it does not fire)."""
    if not ctx.eq("infection.lymphedema", "yes"):
        return frozenset()
    return ctx.expand(ctx.get("infection.lymphedema_areas"))


@rule("lymphedema_limb", category="AC", scope="site", triggers=("infection.lymphedema",))
def check_lymphedema_limb(ctx: Context) -> Hit | None:
    """Exclude the regions with lymphedema, whatever the targets.

    Sources: S10, S10a, S13a, S33
    """
    if not ctx.eq("infection.lymphedema", "yes"):
        return None
    regions = lymphedema_regions(ctx)
    return Hit(
        staff_message=(
            f"Lymphoedema in {regions_text(regions)}. No needling in the affected limb or area."
        ),
        patient_message=(
            "To protect the area with lymphedema from infection and more swelling, we will not "
            "put needles there. Your physiotherapist can still treat other areas if that helps."
        ),
        action=(
            "No needling in the affected regions. Needling elsewhere at the physiotherapist's "
            "discretion."
        ),
        sources=("S10", "S10a", "S13a", "S33"),
        regions=tuple(regions),
        excludes=tuple(regions),
    )


@rule(
    "lymph_node_removal_at_risk_limb",
    category="RP",
    scope="site",
    triggers=("infection.lymph_nodes_treated",),
)
def check_lymph_node_removal_at_risk_limb(ctx: Context) -> Hit | None:
    """Flag the limb(s) drained by treated lymph nodes, minus those with lymphedema.

    The 3.5 supersession by lymphedema_limb is applied here: its regions are exactly
    expand(infection.lymphedema_areas) when lymphedema = yes, and it is never suppressed.

    Sources: S33, S13a
    """
    if not ctx.eq("infection.lymph_nodes_treated", "yes"):
        return None
    sites = ctx.get("infection.lymph_node_sites") or ()
    limbs = [limb for site in sites for limb in LYMPH_NODE_SITE_LIMBS[site]]
    at_risk = ctx.expand(limbs) - lymphedema_regions(ctx)
    if not at_risk:
        return None
    avoid = ctx.policy.avoid_at_risk_limb
    policy_text = (
        " Clinic policy: avoid them." if avoid else " Clinic policy allows them with care."
    )
    return Hit(
        staff_message=(
            f"Lymph nodes removed or irradiated: {enum_text(sites)}. At-risk regions: "
            f"{regions_text(at_risk)}.{policy_text}"
        ),
        patient_message=(
            "Because lymph nodes near this area were treated, we will avoid needling the arm or "
            "leg on that side to lower the chance of swelling. Your physiotherapist will explain "
            "the options."
        ),
        action=(
            "Avoid the at-risk limb (or, if policy allows, needle it sparingly with strict "
            "asepsis and watch for swelling or redness)."
        ),
        sources=("S33", "S13a"),
        regions=tuple(at_risk),
        excludes=tuple(at_risk) if avoid else (),
    )
