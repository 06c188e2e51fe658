"""Implanted devices, dialysis access, soft-tissue implants and heart valves (section 6.5).

Joint hardware lives in hardware.py and the allergies in allergies.py.
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import enum_text, regions_text, unsure_patient_message
from screening.rules.types import Hit

CARDIAC_DEVICE_REGIONS = {
    "left": ("CHEST_WALL_L",),
    "right": ("CHEST_WALL_R",),
    "unknown": ("CHEST_WALL_L", "CHEST_WALL_R"),
}


CARDIAC_DEVICE_SIDE_TEXT = {
    "left": "left side",
    "right": "right side",
    "unknown": "side not known",
}


@rule("cardiac_device", category="AC", scope="modality", triggers=("implants.cardiac_device",))
def check_cardiac_device(ctx: Context) -> Hit | None:
    """Flag a pacemaker or ICD: no e-stim anywhere, no needling over the device.

    Sources: S34, S13a
    """
    answer = ctx.get("implants.cardiac_device")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    # An unsure answer is handled like side "unknown" (both sides).
    side = "unknown" if unsure else ctx.get("implants.cardiac_device_side") or "unknown"
    regions = CARDIAC_DEVICE_REGIONS[side]
    side_text = "answered not sure" if unsure else CARDIAC_DEVICE_SIDE_TEXT[side]
    return Hit(
        staff_message=(
            f"Pacemaker or implanted defibrillator ({side_text}). No electrical stimulation "
            f"anywhere; no needling over the device or its leads ({regions_text(regions)})."
        ),
        patient_message=(
            unsure_patient_message("a pacemaker or defibrillator", estim_off=True)
            if unsure
            else "Because of your heart device, we will not use electrical stimulation with "
            "the needles, and we will not put needles near the device. Needling in other areas "
            "may still be an option."
        ),
        action="No e-stim. Manual needling only away from the generator pocket and leads.",
        sources=("S34", "S13a"),
        regions=regions,
        excludes=regions,
        estim_off=True,
        unsure_fields=("implants.cardiac_device",) if unsure else (),
    )


@rule(
    "other_implanted_electronic_device",
    category="AC",
    scope="modality",
    triggers=("implants.other_electronic_device",),
)
def check_other_implanted_electronic_device(ctx: Context) -> Hit | None:
    """Flag any other implanted or attached electronic device: no e-stim.

    Sources: S34
    """
    answer = ctx.get("implants.other_electronic_device")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    # [DECISION] No region is guessed when none is marked: pumps and sensors move.
    regions = ctx.expand(ctx.get("implants.other_device_regions"))
    types = "answered not sure" if unsure else enum_text(ctx.get("implants.other_device_types"))
    where = (
        f"Marked at: {regions_text(regions)}"
        if regions
        else "Location not marked: find the device, leads and infusion or sensor sites "
        "before needling"
    )
    return Hit(
        staff_message=(
            f"Implanted or attached electronic device: {types}. {where}. No electrical stimulation."
        ),
        patient_message=(
            unsure_patient_message("an implanted or attached medical device", estim_off=True)
            if unsure
            else "Because of your medical device, we will not use electrical stimulation. We "
            "will also keep needles away from the device, its wires and the spot where it sits."
        ),
        action=(
            "No e-stim. Locate the generator, leads and infusion or sensor sites; no needling "
            "over them."
        ),
        sources=("S34",),
        regions=tuple(regions),
        excludes=tuple(regions),
        estim_off=True,
        unsure_fields=("implants.other_electronic_device",) if unsure else (),
    )


@rule("dialysis_access_limb", category="AC", scope="site", triggers=("implants.dialysis_access",))
def check_dialysis_access_limb(ctx: Context) -> Hit | None:
    """Exclude the whole limb of a dialysis fistula or graft, for as long as it exists (1.1.0).

    E-stim elsewhere stays allowed (3.6): no needle electrode goes into the excluded limb.

    Sources: S48, S10, S10a
    """
    if not ctx.eq("implants.dialysis_access", "yes"):
        return None
    limbs = ctx.get("implants.dialysis_access_limbs") or ()
    regions = ctx.expand(limbs)
    return Hit(
        staff_message=(
            f"Dialysis fistula or graft: {enum_text(limbs)}. No needling anywhere in that limb "
            f"({regions_text(regions)}); no e-stim electrodes, blood-pressure cuff, tourniquet or "
            "deep pressure on it. Kidney failure: check the bleeding findings (heparin is given "
            "during haemodialysis) and use strict asepsis."
        ),
        patient_message=(
            "Your dialysis fistula or graft must be protected. We will not put needles, "
            "electrodes or a cuff on that arm or leg. Your physiotherapist can still treat other "
            "areas."
        ),
        action=(
            "No needling, e-stim or compression on the access limb. Elsewhere: strict asepsis; "
            "prefer a non-dialysis day (heparin on dialysis days); check for bleeding and "
            "infection findings. If the fistula thrill or buzz has changed, or the limb is red, "
            "hot or swollen, refer the same day."
        ),
        sources=("S48", "S10", "S10a"),
        regions=tuple(regions),
        excludes=tuple(regions),
    )


@rule(
    "breast_or_cosmetic_implant",
    category="AC",
    scope="site",
    triggers=("implants.cosmetic_implant",),
)
def check_breast_or_cosmetic_implant(ctx: Context) -> Hit | None:
    """Exclude the regions of a breast, chest, buttock or other soft-tissue implant.

    Sources: S39, S13a, S46
    """
    if not ctx.eq("implants.cosmetic_implant", "yes"):
        return None
    regions = ctx.expand(ctx.get("implants.cosmetic_implant_regions"))
    return Hit(
        staff_message=(
            "Breast, chest, buttock or other soft-tissue implant at "
            f"{regions_text(regions)}. No needling into or towards the implant; over the "
            "chest wall see the thorax findings."
        ),
        patient_message=(
            "We will not put needles into or near your implant. Your physiotherapist will plan "
            "around it."
        ),
        action="No needling into or angled towards the implant.",
        sources=("S39", "S13a", "S46"),
        regions=tuple(regions),
        excludes=tuple(regions),
    )


@rule(
    "heart_valve_or_endocarditis_history",
    category="RP",
    scope="global",
    triggers=("implants.heart_valve_or_endocarditis",),
)
def check_heart_valve_or_endocarditis_history(ctx: Context) -> Hit | None:
    """Review an artificial valve, repaired heart defect or past endocarditis: asepsis.

    Sources: S42, S46
    """
    answer = ctx.get("implants.heart_valve_or_endocarditis")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            "Artificial heart valve, repaired heart defect or past endocarditis "
            f"(answer: {answer}). Strict asepsis; ask the physician if in doubt."
        ),
        patient_message=(
            unsure_patient_message("your heart valves or a past heart infection")
            if unsure
            else "Because of your heart history, we will take extra care to keep your skin and "
            "the needles clean. Your physiotherapist may check with your doctor."
        ),
        action="Strict asepsis; physician input if there is any doubt.",
        sources=("S42", "S46"),
        unsure_fields=("implants.heart_valve_or_endocarditis",) if unsure else (),
    )
