"""Medical-condition rules (clinical-rules.md, section 6.6).

Heart, diabetes, circulation, arthritis, cancer and red flags live here; the epilepsy,
neurological, numbness and mental-health rules live in neurology.py, imported below so that
importing this family module registers all of section 6.6. `diabetes_complicated`
suppressing `diabetes_controlled` is the engine's job (3.5).
"""

from __future__ import annotations

import screening.rules.neurology  # noqa: F401  (registers the rest of section 6.6)
from screening.rules.context import Context
from screening.rules.labels import SHORT_LABELS
from screening.rules.registry import rule
from screening.rules.text import enum_text, regions_text, unsure_patient_message
from screening.rules.types import Hit

_DIABETES = "conditions.diabetes_details"
_NO_DETAILS: dict = {}
_RED_FLAG_SAFETY_NET = (
    "If you have new trouble controlling your bladder or bowels, or new weakness in your legs, "
    "get medical help right away."
)
# Schema order of the diabetes follow-up questions an "unsure" can answer (3.4).
_DIABETES_TRI_STATE = ("foot_ulcer_or_poor_healing", "severe_low_sugar", "high_sugar_symptoms")


def _cardiac_event_recent(ctx: Context) -> bool:
    window = ctx.policy.cardiac_event_window_days
    return ctx.get("conditions.cardiac_event") is True and ctx.recent(
        ctx.get("conditions.cardiac_event_date"), window
    )


def _blood_pressure_high(ctx: Context) -> bool:
    bp = ctx.get("conditions.blood_pressure")
    if bp is None:
        return False
    policy = ctx.policy
    return (
        bp["systolic"] >= policy.bp_systolic_limit or bp["diastolic"] >= policy.bp_diastolic_limit
    )


@rule(
    "cardiac_unstable",
    category="PC",
    scope="global",
    triggers=(
        "conditions.heart_unstable_now",
        "conditions.cardiac_event",
        "conditions.blood_pressure",
    ),
)
def check_cardiac_unstable(ctx: Context) -> Hit | None:
    """Hold for clearance: unstable heart, a recent cardiac event or very high blood pressure.

    Sources: S27, S46
    """
    reasons = []
    if ctx.eq("conditions.heart_unstable_now", "yes"):
        reasons.append("unstable now (patient report)")
    if _cardiac_event_recent(ctx):
        date = ctx.get("conditions.cardiac_event_date")
        when = f"on {date}" if date else "date not given"
        reasons.append(f"heart attack, heart surgery or stent {when}")
    if _blood_pressure_high(ctx):
        bp = ctx.get("conditions.blood_pressure")
        reasons.append(f"blood pressure {bp['systolic']}/{bp['diastolic']}")
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Heart may be unstable: {'; '.join(reasons)}. "
            "Needs physician or cardiologist clearance."
        ),
        patient_message=(
            "To keep you safe, we will check with your doctor that your heart and blood "
            "pressure are steady enough for needling. Other physiotherapy may still go ahead. "
            "If you have new chest pain, get medical help right away."
        ),
        action=(
            "Send the clearance request to the family physician or cardiologist. "
            "No needling until it is on file."
        ),
        sources=("S27", "S46"),
    )


@rule(
    "cardiovascular_stable",
    category="INFO",
    scope="none",
    after=("cardiac_unstable",),
    triggers=(
        "conditions.heart_condition",
        "conditions.cardiac_event",
    ),
)
def check_cardiovascular_stable(ctx: Context) -> Hit | None:
    """Note stable heart disease or high blood pressure.

    Sources: S27
    """
    has_heart_history = (
        ctx.get("conditions.heart_condition") is True or ctx.get("conditions.cardiac_event") is True
    )
    if not has_heart_history or not ctx.eq("conditions.heart_unstable_now", "no"):
        return None
    if ctx.fired("cardiac_unstable"):
        return None
    bp = ctx.get("conditions.blood_pressure")
    reading = f" Last reading {bp['systolic']}/{bp['diastolic']}." if bp else ""
    return Hit(
        staff_message=(
            f"Stable heart disease or high blood pressure.{reading} "
            "Needle lying down; check blood thinners."
        ),
        patient_message=(
            "Thank you for telling us about your heart or blood pressure. You will lie down "
            "for treatment, and your physiotherapist will check how you feel."
        ),
        action="Record; needle lying down; check the bleeding findings for heart medicines.",
        sources=("S27",),
    )


def _diabetes_details(ctx: Context) -> dict:
    """The diabetes follow-up answers (read once per rule rather than path by path)."""
    return ctx.get(_DIABETES) or _NO_DETAILS


def _diabetes_unsure_fields(details: dict) -> tuple[str, ...]:
    return tuple(
        f"{_DIABETES}.{name}" for name in _DIABETES_TRI_STATE if details.get(name) == "unsure"
    )


@rule("diabetes_controlled", category="RP", scope="global", triggers=("conditions.diabetes",))
def check_diabetes_controlled(ctx: Context) -> Hit | None:
    """Review diabetes: asepsis, limbs with poor feeling or circulation, food intake.

    Sources: S10, S10a, S13a
    """
    if not ctx.eq("conditions.diabetes", "yes"):
        return None
    details = _diabetes_details(ctx)
    kind = details.get("type")
    hba1c = details.get("hba1c_percent")
    unsure = _diabetes_unsure_fields(details)
    detail = f" ({kind})" if kind else ""
    detail += f", HbA1c {hba1c}%" if hba1c is not None else ""
    not_sure = ""
    if unsure:
        labels = ", ".join(SHORT_LABELS.get(path, path) for path in unsure)
        not_sure = f" Answered not sure: {labels}."
    return Hit(
        staff_message=(
            f"Diabetes{detail}.{not_sure} Strict asepsis; avoid limbs with poor feeling or "
            "circulation; check the patient has eaten."
        ),
        patient_message=(
            "Because you have diabetes, your physiotherapist will take extra care with your "
            "skin and feet and will check that you have eaten. Please bring a snack, and your "
            "glucose meter if you use one."
        ),
        action=(
            "Strict asepsis; avoid limbs with poor sensation or circulation; check recent food "
            "intake and glucose."
        ),
        sources=("S10", "S10a", "S13a"),
        unsure_fields=unsure,
    )


@rule("diabetes_complicated", category="PC", scope="global", triggers=("conditions.diabetes",))
def check_diabetes_complicated(ctx: Context) -> Hit | None:
    """Hold for clearance: diabetes with an ulcer, a severe low, or poor sugar control.

    Sources: S10, S10a, S13a
    """
    if not ctx.eq("conditions.diabetes", "yes"):
        return None
    policy = ctx.policy
    details = _diabetes_details(ctx)
    hba1c = details.get("hba1c_percent")
    reasons = []
    if details.get("foot_ulcer_or_poor_healing") == "yes":
        reasons.append("a foot ulcer, sore or slow healing")
    if details.get("severe_low_sugar") == "yes":
        reasons.append(
            f"a severe low-sugar episode in the last {policy.severe_low_sugar_window_days} days"
        )
    if hba1c is not None and hba1c > policy.hba1c_limit_percent:
        reasons.append(f"HbA1c {hba1c}% above {policy.hba1c_limit_percent}%")
    # A known HbA1c at or below the limit outweighs "high sugar symptoms".
    if hba1c is None and details.get("high_sugar_symptoms") == "yes":
        reasons.append("frequent high sugars, HbA1c not known")
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Diabetes with {'; '.join(reasons)}. Needs physician clearance; no needling in "
            "limbs with ulcers or poor healing."
        ),
        patient_message=(
            "Because of how your diabetes is affecting you right now, we will check with your "
            "doctor before using needles. Other physiotherapy can go ahead."
        ),
        action=(
            "Send the clearance request to the family physician or diabetes team. No needling "
            "until it is on file; then no needling in limbs with ulcers or poor healing."
        ),
        sources=("S10", "S10a", "S13a"),
        unsure_fields=_diabetes_unsure_fields(details),
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
    parts = "; ".join(f"{label} {regions_text(codes)}" for label, codes in labelled if codes)
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
        unsure_patient_message("one of the warning signs we asked about")
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
