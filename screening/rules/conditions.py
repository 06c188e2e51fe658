"""Medical-condition rules (clinical-rules.md, section 6.6).

Circulation, arthritis, cancer and red flags live here; heart and diabetes in
cardiometabolic.py; the epilepsy, neurological, numbness and mental-health rules in
neurology.py, imported below so that importing this family module registers them too.
"""

from __future__ import annotations

import screening.rules.neurology  # noqa: F401  (registers the rest of section 6.6)
from screening.rules.context import Context
from screening.rules.regions import limb_of
from screening.rules.registry import rule
from screening.rules.text import enum_text, regions_text, unsure_patient_message
from screening.rules.types import Hit

_RED_FLAG_SAFETY_NET = (
    "If you have new trouble controlling your bladder or bowels, or new weakness in your legs, "
    "get medical help right away."
)


@rule(
    "peripheral_vascular_or_varicose",
    category="RP",
    scope="site",
    triggers=("conditions.circulation_problem",),
)
def check_peripheral_vascular_or_varicose(ctx: Context) -> Hit | None:
    """Review poor circulation, varicose veins or old clots; exclude ischaemic areas.

    Sources: S10, S10a, S13a
    """
    if not ctx.eq("conditions.circulation_problem", "yes"):
        return None
    poor = ctx.expand(ctx.get("conditions.poor_circulation_areas"))
    varicose = ctx.expand(ctx.get("conditions.varicose_vein_areas"))
    clot = ctx.expand(ctx.get("conditions.past_clot_areas"))
    labelled = (("poor circulation", poor), ("varicose veins", varicose), ("past clot", clot))
    # The schema asks for at least one area list; present parts are joined by "; ".
    # 1.1.0: each list under its own label; the clot date, or a request for it.
    parts = "; ".join(f"{label} {regions_text(codes)}" for label, codes in labelled if codes)
    if clot:
        found = ctx.get("conditions.past_clot_date")
        parts += (
            f", found {found}"
            if found
            else ", date not given: ask when; if within "
            f"{ctx.policy.dvt_window_days} days, handle as dvt_recent"
        )
    return Hit(
        staff_message=(
            f"Circulation problem: {parts}. Avoid varicosities and areas with poor blood flow; "
            "check blood thinners."
        ),
        patient_message=(
            "Your physiotherapist will avoid veins and areas with poor blood flow and plan "
            "needling around them."
        ),
        action=(
            "No needling in ischaemic regions; avoid visible varicosities and old clot sites; "
            "see the bleeding findings if anticoagulated."
        ),
        sources=("S10", "S10a", "S13a"),
        regions=tuple(poor | varicose | clot),
        excludes=tuple(poor),
    )


@rule("dvt_recent", category="PC", scope="global", triggers=("conditions.circulation_problem",))
def check_dvt_recent(ctx: Context) -> Hit | None:
    """Hold for the treating physician after a diagnosed DVT within the window (1.1.0).

    The affected limb (limb_of the clot areas) is excluded for the whole window. A missing
    date does not fire (peripheral_vascular_or_varicose asks for it).

    Sources: S10, S10a, S27, S26
    """
    found = ctx.get("conditions.past_clot_date")
    if not (
        ctx.eq("conditions.circulation_problem", "yes")
        and found is not None
        and ctx.days_since(found) <= ctx.policy.dvt_window_days
    ):
        return None
    areas = ctx.get("conditions.past_clot_areas")
    limb = limb_of(areas)
    return Hit(
        staff_message=(
            f"Blood clot in a vein (DVT) found {found} at {regions_text(ctx.expand(areas))}, "
            f"within {ctx.policy.dvt_window_days} days of the appointment. Needs clearance from "
            "the physician treating the clot before needling; no needling, massage or e-stim in "
            f"the affected limb ({regions_text(limb)}) while within the window. Check the "
            "anticoagulant findings; ask about chest pain or breathlessness."
        ),
        patient_message=(
            "Because you had a blood clot recently, we will check with the doctor treating it "
            "before using needles, and we will not put needles in that arm or leg for now. Other "
            "physiotherapy can go ahead. If you get chest pain, shortness of breath, or more pain "
            "or swelling in the limb, get medical help right away."
        ),
        action=(
            "Send the clearance request to the physician managing the clot. No needling until it "
            "is on file; then none in the affected limb until the window has passed (the check-in "
            "assessment re-evaluates it). Chest pain, breathlessness or a worse limb: urgent "
            "medical care."
        ),
        sources=("S10", "S10a", "S27", "S26"),
        regions=tuple(limb),
        excludes=tuple(limb),
    )


@rule(
    "inflammatory_arthritis",
    category="RP",
    scope="site",
    triggers=("conditions.inflammatory_arthritis",),
)
def check_inflammatory_arthritis(ctx: Context) -> Hit | None:
    """Review inflammatory arthritis; exclude joints flaring now.

    Sources: S27, S46
    """
    if not ctx.eq("conditions.inflammatory_arthritis", "yes"):
        return None
    flaring = ctx.get("conditions.arthritis_flaring_now")
    flare_regions: tuple[str, ...] = ()
    if flaring == "yes":
        flare_regions = tuple(ctx.expand(ctx.get("conditions.arthritis_flare_regions")))
        status = f"; flaring now at {regions_text(flare_regions)}"
    elif flaring == "unsure":
        status = "; flare status not sure"
    else:
        status = "; not flaring"
    return Hit(
        staff_message=(
            f"Inflammatory arthritis{status}. Avoid hot, swollen joints; ask the physician if "
            "the disease is active or on strong immune medicines."
        ),
        patient_message=(
            "We will not put needles into hot or swollen joints. Your physiotherapist will plan "
            "around any flare and may check with your doctor."
        ),
        action=(
            "No needling into hot or swollen joints; physician input if the disease is active; "
            "see immunity findings for medicines."
        ),
        sources=("S27", "S46"),
        regions=flare_regions,
        excludes=flare_regions,
        unsure_fields=("conditions.arthritis_flaring_now",) if flaring == "unsure" else (),
    )


@rule("cancer_active_or_recent", category="PC", scope="global", triggers=("conditions.cancer",))
def check_cancer_active_or_recent(ctx: Context) -> Hit | None:
    """Hold for oncology or physician clearance: cancer now or treatment ended recently.

    Sources: S39, S46, S27
    """
    cancer = ctx.get("conditions.cancer")
    ended = ctx.get("conditions.cancer_treatment_ended_on")
    if cancer == "active":
        what = "Cancer now or in treatment"
    elif cancer == "past" and ctx.recent(ended, ctx.policy.cancer_treatment_window_days):
        what = f"Cancer treatment ended {ended}" if ended else "Cancer treatment end date not given"
    else:
        return None
    return Hit(
        staff_message=f"{what}. Needs oncology or physician clearance before needling.",
        patient_message=(
            "Because you have cancer now or had treatment recently, we will check with your "
            "cancer care team or doctor before using needles. Other physiotherapy can go ahead."
        ),
        action=(
            "Send the clearance request to the oncology team or family physician. No needling "
            "until it is on file."
        ),
        sources=("S39", "S46", "S27"),
    )


@rule(
    "tumour_or_radiation_field",
    category="AC",
    scope="site",
    triggers=("conditions.tumour_or_radiation_regions",),
)
def check_tumour_or_radiation_field(ctx: Context) -> Hit | None:
    """Exclude marked tumour, bone-spread or irradiated regions for good.

    Sources: S39, S46
    """
    regions = ctx.get("conditions.tumour_or_radiation_regions")
    if not ctx.isin("conditions.cancer", {"active", "past"}) or not regions:
        return None
    marked = tuple(ctx.expand(regions))
    return Hit(
        staff_message=(
            f"Tumour, cancer spread to bone, or irradiated skin at {regions_text(marked)}. "
            "Never needle into these areas."
        ),
        patient_message=(
            "We will never put needles into the areas you marked where you had a tumour or "
            "radiation treatment. Your physiotherapist will plan around them."
        ),
        action=(
            "No needling into or next to the marked regions; needling elsewhere at the "
            "physiotherapist's discretion."
        ),
        sources=("S39", "S46"),
        regions=marked,
        excludes=marked,
    )


@rule("red_flag_symptoms", category="RP", scope="global", triggers=("conditions.red_flags",))
def check_red_flag_symptoms(ctx: Context) -> Hit | None:
    """Screen red-flag symptoms before any needling.

    Sources: S27
    """
    answer = ctx.get("conditions.red_flags")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    items = ctx.get("conditions.red_flag_items")
    what = enum_text(items) if items else "answered not sure"
    # The emergency advice is conditional, not a statement of fact, so the neutral "not
    # sure" variant keeps it (decisions.md).
    opening = (
        unsure_patient_message("some symptoms that need a closer look")
        if unsure
        else "Some of the symptoms you mentioned need a closer look. Your physiotherapist "
        "will ask about them first and may suggest you see your doctor."
    )
    return Hit(
        staff_message=f"Possible red flags: {what}. Screen before any needling; refer if needed.",
        patient_message=f"{opening} {_RED_FLAG_SAFETY_NET}",
        action=(
            "Screen for serious causes before any needling; refer to a physician when "
            "indicated. Bladder or bowel change with back pain: same-day medical referral."
        ),
        sources=("S27",),
        unsure_fields=("conditions.red_flags",) if unsure else (),
    )
