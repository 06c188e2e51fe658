"""Pregnancy rules (clinical-rules.md 6.2). Every pregnancy rule turns e-stim off (3.6).

Gestation ``ctx.gw`` is computed at the appointment (3.2); unknown weeks count as the
first trimester. Exactly one trimester rule fires when ``pregnancy.status`` is yes or unsure.
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import quote
from screening.rules.types import Hit

PREGNANCY_REGIONS = ("ABDOMEN", "LUMBAR_SACRAL")


def _complications(ctx: Context) -> str:
    # A bracketed tri-state is printed when it carries information: yes or unsure.
    answer = ctx.get("pregnancy.complications")
    return f" Complications: {answer}." if answer in ("yes", "unsure") else ""


def _unsure_complications(ctx: Context) -> tuple[str, ...]:
    return ("pregnancy.complications",) if ctx.eq("pregnancy.complications", "unsure") else ()


def _trimester_hit(ctx: Context, staff: str, patient: str, action: str, sources, unsure) -> Hit:
    return Hit(
        regions=PREGNANCY_REGIONS,
        excludes=PREGNANCY_REGIONS,
        estim_off=True,
        staff_message=staff + _complications(ctx),
        patient_message=patient,
        action=action,
        sources=sources,
        unsure_fields=unsure,
    )


@rule("pregnancy_t1_or_possible", category="RP", scope="global", triggers=("pregnancy.status",))
def check_pregnancy_t1_or_possible(ctx: Context) -> Hit | None:
    """Review early pregnancy, unknown weeks, or a possible pregnancy before any needling.

    Sources: S10, S10a, S13a, S14, S4, S35
    """
    status = ctx.get("pregnancy.status")
    gw = ctx.gw
    if status == "unsure":
        state = "May be pregnant (answered not sure)"
    elif status == "yes" and gw is None:
        state = "Pregnant, weeks not known"
    elif status == "yes" and gw <= 13:
        state = f"Pregnant, {gw} weeks at the appointment"
    else:
        return None
    unsure = _unsure_complications(ctx)
    if status == "unsure":
        unsure = ("pregnancy.status", *unsure)
    return _trimester_hit(
        ctx,
        staff=(
            f"{state}. First-trimester care: avoid abdomen, low back and sacrum and the "
            "traditionally avoided points (LI4, SP6, BL60, BL67, BL31–BL34); no e-stim; written "
            "consent. Default: defer needling unless you record a reason."
        ),
        patient=(
            "Thank you for telling us. Early in pregnancy, or if you might be pregnant, your "
            "physiotherapist will talk with you before using any needles. Often they will use "
            "other treatments for now. If needling is an option, they will explain it and ask for "
            "your written consent."
        ),
        action=(
            "Review before booking needling. Defer elective needling in the first trimester unless "
            "a reason is recorded; if needling, get written consent and avoid the listed areas and "
            "points. If possibly pregnant, discuss before any needling."
        ),
        sources=("S10", "S10a", "S13a", "S14", "S4", "S35"),
        unsure=unsure,
    )


@rule("pregnancy_t2", category="RP", scope="global", triggers=("pregnancy.status",))
def check_pregnancy_t2(ctx: Context) -> Hit | None:
    """Review second-trimester pregnancy (14 to 27 completed weeks).

    Sources: S10, S10a, S13a, S14, S35
    """
    gw = ctx.gw  # None unless pregnancy.status is yes
    if gw is None or not 14 <= gw <= 27:
        return None
    return _trimester_hit(
        ctx,
        staff=(
            f"Pregnant, {gw} weeks at the appointment (second trimester). Avoid abdomen, low back "
            "and sacrum and the traditionally avoided points (LI4, SP6, BL60, BL67, BL31–BL34); "
            "no e-stim; position for comfort; written consent."
        ),
        patient=(
            "Thank you for telling us. Your physiotherapist will check the plan before any "
            "needling, avoid some areas during pregnancy, and make sure you are comfortable. They "
            "will ask for your written consent."
        ),
        action=(
            "Review before needling; avoid the listed areas and points; side-lying or supported "
            "positions; written consent."
        ),
        sources=("S10", "S10a", "S13a", "S14", "S35"),
        unsure=_unsure_complications(ctx),
    )


@rule("pregnancy_t3", category="RP", scope="global", triggers=("pregnancy.status",))
def check_pregnancy_t3(ctx: Context) -> Hit | None:
    """Review third-trimester pregnancy (28 weeks or more; no upper cap).

    Sources: S13a, S14, S35
    """
    gw = ctx.gw  # None unless pregnancy.status is yes
    if gw is None or gw < 28:
        return None
    # 1.1.0: the "over 42 weeks" bracket has its condition, gw >= 43.
    post_term = "; over 42 weeks: check whether the baby has been born" if gw >= 43 else ""
    return _trimester_hit(
        ctx,
        staff=(
            f"Pregnant, {gw} weeks at the appointment (third trimester){post_term}. Avoid abdomen, "
            "sacrum and labour-associated points (LI4, SP6, BL60, BL67, BL31–BL34); no e-stim. "
            "Consent notes that late-pregnancy events are common whatever the treatment."
        ),
        patient=(
            "Thank you for telling us. Late in pregnancy, your physiotherapist will avoid some "
            "areas and points, keep you comfortable, and explain the plan before any needling. "
            "They will ask for your written consent."
        ),
        action=(
            "Review before needling; avoid the listed areas and points; comfortable positioning; "
            "written consent that mentions that late-pregnancy events happen regardless of "
            "treatment."
        ),
        sources=("S13a", "S14", "S35"),
        unsure=_unsure_complications(ctx),
    )


@rule("pregnancy_complicated", category="PC", scope="global", triggers=("pregnancy.complications",))
def check_pregnancy_complicated(ctx: Context) -> Hit | None:
    """Hold needling for written clearance when the pregnancy has a complication.

    Sources: S35, S10, S10a
    """
    if not (ctx.eq("pregnancy.status", "yes") and ctx.eq("pregnancy.complications", "yes")):
        return None
    details = ctx.get("pregnancy.complication_details")
    return Hit(
        estim_off=True,
        staff_message=(
            "Pregnancy complication reported."
            + (f" Details: {quote(details)}." if details else "")
            + " Needs written clearance from the pregnancy care provider before needling."
        ),
        patient_message=(
            "Because your pregnancy care provider has told you about a complication, we will ask "
            "them to confirm that needling is OK before we use it. We may ask you to bring a note. "
            "Other physiotherapy can go ahead."
        ),
        action=(
            "Send the clearance request to the obstetric care provider. No needling until their "
            "written clearance is on file."
        ),
        sources=("S35", "S10", "S10a"),
    )
