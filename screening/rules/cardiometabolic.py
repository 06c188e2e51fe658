"""Heart and diabetes rules (clinical-rules.md, section 6.6, first part).

Split from conditions.py to keep modules small; the registry imports it with its family.
`diabetes_complicated` suppressing `diabetes_controlled` is the engine's job (3.5).
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.labels import SHORT_LABELS
from screening.rules.registry import rule
from screening.rules.types import Hit

_DIABETES = "conditions.diabetes_details"
_NO_DETAILS: dict = {}
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
