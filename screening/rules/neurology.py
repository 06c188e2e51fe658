"""Neurological and mental-health rules (clinical-rules.md, section 6.6, second half).

Split from conditions.py to keep modules small; conditions.py imports this module so the
rules register with the rest of their family. Epilepsy answers feed only the epilepsy rules
and numbness feeds only `sensory_loss_at_site` (3.5).
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import enum_text, quote, regions_text, unsure_patient_message
from screening.rules.types import Hit


def _epilepsy_uncontrolled_fires(ctx: Context) -> bool:
    if not ctx.eq("conditions.epilepsy", "yes"):
        return False
    policy = ctx.policy
    last = ctx.get("conditions.last_seizure_date")
    changed = ctx.get("conditions.seizure_medicine_changed_on")
    return (
        last is None
        or ctx.days_since(last) <= policy.seizure_free_days
        or (
            changed is not None and ctx.days_since(changed) <= policy.seizure_med_change_window_days
        )
    )


@rule("epilepsy_controlled", category="RP", scope="global", triggers=("conditions.epilepsy",))
def check_epilepsy_controlled(ctx: Context) -> Hit | None:
    """Review controlled epilepsy (or an unsure answer): lie down, small dose, no e-stim.

    Sources: S10, S10a, S37
    """
    answer = ctx.get("conditions.epilepsy")
    if answer == "unsure":
        return Hit(
            staff_message=(
                "Answered not sure about epilepsy or seizures. Needle lying down; no e-stim; "
                "start with a small dose."
            ),
            patient_message=unsure_patient_message("seizures or epilepsy", estim_off=True),
            action="Needle lying down; small first dose; no e-stim.",
            sources=("S10", "S10a", "S37"),
            estim_off=True,
            unsure_fields=("conditions.epilepsy",),
        )
    if answer != "yes" or _epilepsy_uncontrolled_fires(ctx):
        return None
    last = ctx.get("conditions.last_seizure_date")
    return Hit(
        staff_message=(
            f"Epilepsy or seizures, last seizure {last}, more than "
            f"{ctx.policy.seizure_free_days} days ago. Needle lying down; no e-stim; "
            "start with a small dose."
        ),
        patient_message=(
            "You have had seizures, so you will lie down for treatment. We will start gently "
            "and will not use electrical stimulation."
        ),
        action="Needle lying down; small first dose; no e-stim.",
        sources=("S10", "S10a", "S37"),
        estim_off=True,
    )


@rule("epilepsy_uncontrolled", category="PC", scope="global", triggers=("conditions.epilepsy",))
def check_epilepsy_uncontrolled(ctx: Context) -> Hit | None:
    """Hold for clearance: a recent seizure, an unknown date or a recent medicine change.

    Sources: S37, S46
    """
    if not _epilepsy_uncontrolled_fires(ctx):
        return None
    last = ctx.get("conditions.last_seizure_date")
    changed = ctx.get("conditions.seizure_medicine_changed_on")
    when = f"last seizure {last}" if last else "last seizure date not given (counts as recent)"
    medicine = f"; seizure medicine changed on {changed}" if changed else ""
    return Hit(
        staff_message=(
            f"Epilepsy: {when}{medicine}. Needs neurologist or physician clearance; no e-stim."
        ),
        patient_message=(
            "Because you have had a seizure recently, or your seizure medicine changed, we will "
            "check with your doctor before using needles. Other physiotherapy can go ahead."
        ),
        action=(
            "Send the clearance request to the neurologist or family physician. No needling "
            "until it is on file; then needle lying down, no e-stim."
        ),
        sources=("S37", "S46"),
        estim_off=True,
    )


@rule(
    "neurological_condition",
    category="RP",
    scope="global",
    triggers=("conditions.neurological_condition",),
)
def check_neurological_condition(ctx: Context) -> Hit | None:
    """Review a brain, spinal cord or nerve condition (never fed by epilepsy answers).

    Sources: S10, S10a, S27
    """
    answer = ctx.get("conditions.neurological_condition")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    types = ctx.get("conditions.neurological_condition_types")
    what = enum_text(types) if types else "answered not sure"
    return Hit(
        staff_message=(
            f"Neurological condition: {what}. Check sensation and communication before "
            "needling; needling for spasticity is not ruled out."
        ),
        patient_message=(
            # 3.7 (1.1.0): the fixed message is already neutral, so "not sure" keeps it.
            "Your physiotherapist will check the feeling and strength in the areas to be "
            "treated. They will make sure you can tell them what you feel during treatment."
        ),
        action="Check sensation, communication and spasticity; adapt the dose.",
        sources=("S10", "S10a", "S27"),
        unsure_fields=("conditions.neurological_condition",) if unsure else (),
    )


@rule("sensory_loss_at_site", category="RP", scope="site", triggers=("conditions.numbness",))
def check_sensory_loss_at_site(ctx: Context) -> Hit | None:
    """Exclude target regions where the patient reports numbness (no adjacency).

    Sources: S46, S10, S10a
    """
    if ctx.get("conditions.numbness") is not True:
        return None
    numb_targets = ctx.expand(ctx.get("conditions.numbness_areas")) & ctx.targets
    if not numb_targets:
        return None
    return Hit(
        staff_message=(
            f"Numbness or reduced feeling in target region(s) {regions_text(numb_targets)}: "
            "the patient may not feel sharp or nerve pain there."
        ),
        patient_message=(
            "Where your skin is numb, you may not feel a needle well. Your physiotherapist will "
            "avoid those areas or use a different approach."
        ),
        action="Avoid needling in the numb regions, or adapt the technique and record why.",
        sources=("S46", "S10", "S10a"),
        regions=tuple(numb_targets),
        excludes=tuple(numb_targets),
    )


def _asks_to_talk_first(ctx: Context) -> bool:
    # Absent (every 1.0 form) counts as no request (1.1.0).
    return ctx.get("conditions.mental_health_discuss_first") is True


@rule(
    "psychological_condition",
    category="RP",
    scope="global",
    triggers=("conditions.mental_health",),
)
def check_psychological_condition(ctx: Context) -> Hit | None:
    """Review before needling when the patient asks to talk about their mental health first.

    1.1.0: other mental-health answers (and "not sure") are the note mental_health_note.

    Sources: S10, S10a, S34
    """
    if not (ctx.eq("conditions.mental_health", "yes") and _asks_to_talk_first(ctx)):
        return None
    details = ctx.get("conditions.mental_health_details")
    what = f": {quote(details)}" if details else ""
    return Hit(
        staff_message=(
            f"Mental or emotional health information to consider{what}. The patient asks to "
            "talk about it before any needling is planned. Trauma-informed approach; assess "
            "capacity if there is acute confusion or psychosis."
        ),
        patient_message=(
            "Thank you for sharing this. Your physiotherapist will talk with you about it before "
            "planning any needling, and will go at your pace. You can pause or stop at any time."
        ),
        action=(
            "Contact the patient, or talk with them at the start of the visit, before needling is "
            "planned. Trauma-informed approach: explain, ask before touching, agree a stop "
            "signal. Acute psychosis or confusion: assess capacity (see `capacity_impaired`)."
        ),
        sources=("S10", "S10a", "S34"),
    )


@rule("mental_health_note", category="INFO", scope="none", triggers=("conditions.mental_health",))
def check_mental_health_note(ctx: Context) -> Hit | None:
    """A note for a trauma-informed approach, without a request to talk first (1.1.0).

    An unsure answer is listed here (3.4, principle 1): it never ranks above a yes.

    Sources: S10, S10a, S34
    """
    answer = ctx.get("conditions.mental_health")
    if not (answer == "unsure" or (answer == "yes" and not _asks_to_talk_first(ctx))):
        return None
    unsure = answer == "unsure"
    details = ctx.get("conditions.mental_health_details")
    # An unsure answer with details keeps both variants (decisions.md).
    if unsure:
        what = " (answered not sure)" + (f": {quote(details)}" if details else "")
    else:
        what = f": {quote(details)}" if details else " (answered yes, no details)"
    return Hit(
        staff_message=(
            f"Mental or emotional health information to consider{what}. Trauma-informed "
            "approach: explain each step, ask before touching, agree a stop signal."
        ),
        patient_message=(
            unsure_patient_message("something about your mental or emotional health")
            if unsure
            else "Thank you for sharing this. Your physiotherapist will go at your pace and "
            "explain each step. You can pause or stop at any time."
        ),
        action=(
            "Read the note before the visit; trauma-informed approach (explain, ask before "
            "touching, agree a stop signal). If acute confusion or psychosis is apparent at the "
            "visit, assess capacity (see `capacity_impaired`)."
        ),
        sources=("S10", "S10a", "S34"),
        unsure_fields=("conditions.mental_health",) if unsure else (),
    )
