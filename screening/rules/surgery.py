"""Surgery and trauma rules (clinical-rules.md, section 6.8)."""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import enum_text, quote, regions_text
from screening.rules.types import Hit

# Injury features that, within the injury window, call for a medical check first.
# suspected_fracture fires whatever the injury's age ([DECISION]); severe_pain alone never.
ACUTE_INJURY_FEATURES = frozenset(
    {"high_energy", "head_injury", "suspected_fracture", "rapid_swelling_or_bruising"}
)

SPINE_LEVEL_REGIONS = {
    "cervical": "NECK_POSTERIOR",
    "thoracic": "THORACIC_SPINE",
    "lumbar_sacral": "LUMBAR_SACRAL",
}


@rule("recent_surgery", category="RP", scope="site", triggers=("surgery_trauma.recent_surgery",))
def check_recent_surgery(ctx: Context) -> Hit | None:
    """Exclude the surgical field of every operation within the surgery window.

    Sources: S32, S46
    """
    if ctx.get("surgery_trauma.recent_surgery") is not True:
        return None
    window = ctx.policy.surgery_window_days
    recent = [
        operation
        for operation in ctx.get("surgery_trauma.surgeries") or ()
        if ctx.recent(operation.get("date"), window)
    ]
    if not recent:
        return None
    regions = ctx.expand([code for operation in recent for code in operation["regions"]])
    operations = "; ".join(
        f"{quote(operation['description'])} ({operation.get('date') or 'no date'})"
        for operation in recent
    )
    return Hit(
        staff_message=(
            f"Operation within {window} days or date not given: {operations} at "
            f"{regions_text(regions)}. No needling near incisions or drains; check "
            "post-operative blood thinners."
        ),
        patient_message=(
            "Because you had surgery recently, we will keep needles away from the area that is "
            "healing."
        ),
        action=(
            "No needling near incisions, drains or the surgical field; check for post-operative "
            "blood thinners."
        ),
        sources=("S32", "S46"),
        regions=tuple(regions),
        excludes=tuple(regions),
    )


@rule(
    "acute_major_trauma_unassessed",
    category="AC",
    scope="global",
    triggers=("surgery_trauma.injury",),
)
def check_acute_major_trauma_unassessed(ctx: Context) -> Hit | None:
    """Stop needling for a serious injury nobody has checked medically.

    medical_check "unsure" counts exactly as "not_checked" (3.4) and is listed only here.

    Sources: S10, S10a, S46
    """
    if ctx.get("surgery_trauma.injury") is not True:
        return None
    check = ctx.get("surgery_trauma.injury_details.medical_check")
    if check not in ("not_checked", "unsure"):
        return None
    features = ctx.get("surgery_trauma.injury_details.features") or []
    injury_date = ctx.get("surgery_trauma.injury_details.date")
    recent = ctx.recent(injury_date, ctx.policy.injury_window_days)
    if not (
        (recent and not ACUTE_INJURY_FEATURES.isdisjoint(features))
        or "suspected_fracture" in features
    ):
        return None
    when = f"on {injury_date}" if injury_date else "date not given"
    return Hit(
        staff_message=(
            f"Injury {when} with {enum_text(features)}, not yet checked by a doctor, nurse "
            "practitioner or emergency department. No needling until it has been assessed."
        ),
        patient_message=(
            "Your injury may need a medical check first, so we will not use needles until a "
            "doctor or nurse practitioner has seen it. Your physiotherapist can help you with "
            "next steps. If pain or swelling is getting worse quickly, or you hit your head and "
            "feel unwell, get medical care now."
        ),
        action=(
            "No needling until a medical assessment is documented. The physiotherapist assesses "
            "and refers (imaging, physician) as needed."
        ),
        sources=("S10", "S10a", "S46"),
        unsure_fields=(
            ("surgery_trauma.injury_details.medical_check",) if check == "unsure" else ()
        ),
    )


@rule(
    "spinal_instability_or_recent_spinal_surgery",
    category="RP",
    scope="site",
    triggers=(
        "surgery_trauma.spine_instability",
        "surgery_trauma.spine_surgery",
    ),
)
def check_spinal_instability_or_recent_spinal_surgery(ctx: Context) -> Hit | None:
    """Exclude the paraspinal levels that are unstable or recently operated on.

    Sources: S39, S46
    """
    unstable = ctx.eq("surgery_trauma.spine_instability", "yes")
    surgery_date = ctx.get("surgery_trauma.spine_surgery_date")
    operated = ctx.get("surgery_trauma.spine_surgery") is True and ctx.recent(
        surgery_date, ctx.policy.spinal_surgery_window_days
    )
    if not (unstable or operated):
        return None
    # The date is required with spine_surgery (1.1.0 dropped the dead "date not given").
    surgery_text = f"spine surgery on {surgery_date}"
    parts = (["Spinal instability"] if unstable else []) + ([surgery_text] if operated else [])
    what = " and ".join(parts)
    what = what[0].upper() + what[1:]
    levels = ctx.get("surgery_trauma.spine_levels") or []
    regions = tuple(SPINE_LEVEL_REGIONS[level] for level in levels)
    # An unsure instability answer rides on this finding only when surgery fired it (3.4);
    # it cannot have fired on instability, which is then not "yes".
    unsure = ctx.eq("surgery_trauma.spine_instability", "unsure")
    return Hit(
        staff_message=f"{what} at {enum_text(levels)}. No paraspinal needling at those levels.",
        patient_message=(
            "We will not put needles close to the part of your spine that is unstable or "
            "healing. Your physiotherapist will explain what they can do instead."
        ),
        action=(
            "No paraspinal needling at the affected levels. Needling elsewhere may ease "
            "protective muscle spasm."
        ),
        sources=("S39", "S46"),
        regions=regions,
        excludes=regions,
        unsure_fields=("surgery_trauma.spine_instability",) if unsure else (),
    )
