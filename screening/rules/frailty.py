"""Age, frailty, bone and chest rules (clinical-rules.md, section 6.7).

`lung_disease_or_prior_pneumothorax` and `chest_wall_deformity` fire whatever the targets
(3.3); `low_bmi_thoracic` and `thorax_lung_field_region` need a target in the lung field.
"""

from __future__ import annotations

from screening.rules.context import Context, decimal_of
from screening.rules.regions import LUNG_FIELD
from screening.rules.registry import rule
from screening.rules.text import (
    enum_text,
    one_decimal_half_up,
    regions_text,
    unsure_patient_message,
)
from screening.rules.types import Hit


def _lung_field_targets(ctx: Context) -> frozenset[str]:
    return ctx.targets & frozenset(LUNG_FIELD)


@rule("older_adult_frail", category="RP", scope="global", triggers=("frailty_bone_chest.frailty",))
def check_older_adult_frail(ctx: Context) -> Hit | None:
    """Review frailty markers (never age alone): fewer, shallower needles.

    Sources: S10, S10a
    """
    answer = ctx.get("frailty_bone_chest.frailty")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    markers = ctx.get("frailty_bone_chest.frailty_markers")
    what = enum_text(markers) if markers else "answered not sure"
    return Hit(
        staff_message=(
            f"Frailty: {what}; age {ctx.age}. Fewer and shallower needles; careful skin "
            "handling; longer observation."
        ),
        patient_message=(
            unsure_patient_message("thin skin, falls, weight loss or needing help at home")
            if unsure
            else "Your physiotherapist will use fewer, gentler needles, take care with your "
            "skin, and give you time to rest afterwards."
        ),
        action=(
            "Fewer, shallower needles; careful skin handling; longer observation; help getting "
            "on and off the table."
        ),
        sources=("S10", "S10a"),
        unsure_fields=("frailty_bone_chest.frailty",) if unsure else (),
    )


@rule("osteoporosis", category="RP", scope="global", triggers=("frailty_bone_chest.osteoporosis",))
def check_osteoporosis(ctx: Context) -> Hit | None:
    """Review thin bones: no deep needling over thin bone or the chest.

    Sources: S29, S10, S10a
    """
    answer = ctx.get("frailty_bone_chest.osteoporosis")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            "Osteoporosis, osteopenia or a fracture from a minor fall "
            f"(answer: {answer}). Avoid deep needling over thin bone and the chest; gentle "
            "technique."
        ),
        patient_message=(
            unsure_patient_message("thin bones or a fracture from a minor fall")
            if unsure
            else "Your bones may be thinner, so your physiotherapist will work gently. They "
            "will not needle deeply over bone or the chest."
        ),
        action=(
            "Avoid deep needling over the thorax and thin bone; no vigorous technique; careful "
            "positioning."
        ),
        sources=("S29", "S10", "S10a"),
        unsure_fields=("frailty_bone_chest.osteoporosis",) if unsure else (),
    )


@rule("low_bmi_thoracic", category="RP", scope="site")
def check_low_bmi_thoracic(ctx: Context) -> Hit | None:
    """Plan needle depth over lung-field targets when the BMI is low (unrounded compare).

    Sources: S29
    """
    lung_targets = _lung_field_targets(ctx)
    if not lung_targets:
        return None
    bmi = ctx.exact_bmi()  # only computed for a lung-field target (Decimal is slower)
    threshold = ctx.policy.bmi_low_threshold
    if bmi is None or not bmi < decimal_of(threshold):
        return None
    adult_cut_off = ", adult cut-off" if ctx.age < ctx.policy.minor_age_years else ""
    return Hit(
        staff_message=(
            f"BMI {one_decimal_half_up(bmi)} (below {threshold} before rounding{adult_cut_off}) "
            "with lung-field target(s) "
            f"{regions_text(lung_targets)}. Plan depth: shorter needles or ultrasound, "
            "rib-bracketing, check bolster positioning."
        ),
        patient_message=(
            "You have a slim build. Over your chest, upper back and shoulders, your "
            "physiotherapist will use shorter needles and take extra care."
        ),
        action=(
            "Plan needle length and angle over the lung field: shorter needles or ultrasound "
            "guidance, oblique or rib-bracketed technique, no extra depth from bolsters."
        ),
        sources=("S29",),
        regions=tuple(lung_targets),
    )


@rule(
    "lung_disease_or_prior_pneumothorax",
    category="RP",
    scope="site",
    triggers=("frailty_bone_chest.lung_condition",),
)
def check_lung_disease_or_prior_pneumothorax(ctx: Context) -> Hit | None:
    """Review a lung condition or a past collapsed lung, whatever the targets.

    Sources: S28, S30
    """
    answer = ctx.get("frailty_bone_chest.lung_condition")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    types = ctx.get("frailty_bone_chest.lung_condition_types") or []
    what = enum_text(types) if types else "answered not sure"
    prior = ". PRIOR PNEUMOTHORAX" if "prior_pneumothorax" in types else ""
    return Hit(
        staff_message=(
            f"Lung condition: {what}{prior}. Avoid or modify needling over the lung field; "
            "little respiratory reserve."
        ),
        patient_message=(
            unsure_patient_message("a lung condition or a collapsed lung")
            if unsure
            else "You have a lung condition, so your physiotherapist will not needle deeply "
            "over your chest, upper back or shoulders. They may use other treatments there."
        ),
        action=(
            "Avoid or modify needling over the lung field (shallow, oblique, rib-bracketed, "
            "ultrasound). A prior pneumothorax is the strongest reason to avoid it."
        ),
        sources=("S28", "S30"),
        regions=tuple(LUNG_FIELD),
        unsure_fields=("frailty_bone_chest.lung_condition",) if unsure else (),
    )


@rule(
    "chest_wall_deformity",
    category="RP",
    scope="site",
    triggers=("frailty_bone_chest.chest_wall_deformity",),
)
def check_chest_wall_deformity(ctx: Context) -> Hit | None:
    """Review scoliosis, a marked upper-back curve or chest shape with a lung-field target.

    1.1.0: without a lung-field target the answer is chest_wall_deformity_note (3.3).

    Sources: S31, S29
    """
    answer = ctx.get("frailty_bone_chest.chest_wall_deformity")
    if answer not in ("yes", "unsure") or not _lung_field_targets(ctx):
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            "Scoliosis, marked upper-back curve or chest-shape difference "
            f"(answer: {answer}). Plan depth over the thorax; include the added risk in the "
            "consent discussion."
        ),
        patient_message=(
            unsure_patient_message("the shape of your spine or chest")
            if unsure
            else "The shape of your spine or chest can change where your lungs sit. Your "
            "physiotherapist will take extra care over your chest and upper back and will "
            "explain this before treatment."
        ),
        action=(
            "Examine the thorax before needling there; plan depth; record that the added "
            "pneumothorax risk was disclosed."
        ),
        sources=("S31", "S29"),
        regions=tuple(LUNG_FIELD),
        unsure_fields=("frailty_bone_chest.chest_wall_deformity",) if unsure else (),
    )


@rule(
    "chest_wall_deformity_note",
    category="INFO",
    scope="none",
    triggers=("frailty_bone_chest.chest_wall_deformity",),
)
def check_chest_wall_deformity_note(ctx: Context) -> Hit | None:
    """A note on scoliosis or chest shape when no target is over the lung field (1.1.0).

    An unsure answer is listed here (3.4, principle 1).

    Sources: S31, S29
    """
    answer = ctx.get("frailty_bone_chest.chest_wall_deformity")
    if answer not in ("yes", "unsure") or _lung_field_targets(ctx):
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            "Scoliosis, marked upper-back curve or chest-shape difference "
            f"(answer: {answer}); no target over the lung field. If the plan moves to the "
            "chest, upper back, shoulder top or above the collarbone: examine the thorax, plan "
            "depth and disclose the added pneumothorax risk first."
        ),
        patient_message=(
            unsure_patient_message("the shape of your spine or chest")
            if unsure
            else "Thank you for telling us about the shape of your spine or chest. It does not "
            "change the treatment planned for you. If we ever plan needling over your chest or "
            "upper back, we will talk with you about it first."
        ),
        action=(
            "Record. Before any needling over the lung field at this visit, handle it as "
            "chest_wall_deformity (examine, plan depth, disclose)."
        ),
        sources=("S31", "S29"),
        unsure_fields=("frailty_bone_chest.chest_wall_deformity",) if unsure else (),
    )


@rule("thorax_lung_field_region", category="INFO", scope="none")
def check_thorax_lung_field_region(ctx: Context) -> Hit | None:
    """Note lung-field targets: disclose pneumothorax risk, give the safety-netting sheet.

    Sources: S1, S4, S9, S16, S30, S31
    """
    lung_targets = _lung_field_targets(ctx)
    if not lung_targets:
        return None
    return Hit(
        staff_message=(
            f"Target region(s) over the lung: {regions_text(lung_targets)}. Disclose the "
            "pneumothorax risk and give the safety-netting sheet."
        ),
        patient_message=(
            "Needling over the chest, upper back, shoulder top or the hollow above the "
            "collarbone carries a small risk of a collapsed lung. It is rare. If you get chest "
            "pain, shortness of breath or a dry cough in the 2 days after treatment, get urgent "
            "medical care and say you had needling."
        ),
        action=(
            "Disclose pneumothorax as a special risk and record it; give the safety-netting "
            "sheet (section 7)."
        ),
        sources=("S1", "S4", "S9", "S16", "S30", "S31"),
        regions=tuple(lung_targets),
    )
