"""Implants, devices and allergies rules (clinical-rules.md, section 6.5)."""

from __future__ import annotations

from typing import NamedTuple

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
            unsure_patient_message("a pacemaker or implanted heart device")
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
            unsure_patient_message("an implanted or attached electronic medical device")
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


class HardwareItem(NamedTuple):
    """One joint_hardware_items entry as the two joint rules see it."""

    index: int
    region: str
    new: bool  # put in within the arthroplasty window (the date is required)
    problem_now: str  # tri_state: "yes" makes the item recent whatever its age

    @property
    def recent(self) -> bool:
        return self.new or self.problem_now == "yes"

    @property
    def problem_path(self) -> str:
        return f"implants.joint_hardware_items[{self.index}].problem_now"


def hardware_items(ctx: Context) -> list[HardwareItem]:
    if not ctx.eq("implants.joint_hardware", "yes"):
        return []
    window = ctx.policy.arthroplasty_window_days
    return [
        HardwareItem(i, item["region"], ctx.recent(item["date"], window), item["problem_now"])
        for i, item in enumerate(ctx.get("implants.joint_hardware_items") or ())
    ]


def unsure_problem_paths(items: list[HardwareItem]) -> tuple[str, ...]:
    return tuple(item.problem_path for item in items if item.problem_now == "unsure")


@rule(
    "joint_replacement_recent", category="PC", scope="site", triggers=("implants.joint_hardware",)
)
def check_joint_replacement_recent(ctx: Context) -> Hit | None:
    """Hold needling near hardware that is new or is hot, red or swollen now.

    Sources: S32
    """
    recent = [item for item in hardware_items(ctx) if item.recent]
    if not recent:
        return None
    window = ctx.policy.arthroplasty_window_days
    per_item = []
    for item in recent:
        reasons = [f"put in within {window} days or date not given"] if item.new else []
        if item.problem_now == "yes":
            reasons.append("more painful, hot or swollen than usual now")
        per_item.append(f"{item.region} {' and '.join(reasons)}")
    regions = tuple(item.region for item in recent)
    return Hit(
        staff_message=(
            f"Artificial joint or metal hardware at {regions_text(set(regions))}: "
            f"{'; '.join(per_item)}. Needs surgeon or physician clearance before needling "
            "near it."
        ),
        patient_message=(
            "Because your joint replacement or metal hardware is new, or is bothering you now, "
            "we will check with your surgeon or doctor before needling near it. Other "
            "physiotherapy can go ahead."
        ),
        action=(
            "Send the clearance request to the surgeon or family physician. No needling in "
            "those regions until it is on file. A hot, swollen prosthetic joint needs prompt "
            "medical review."
        ),
        sources=("S32",),
        regions=regions,
        excludes=regions,
        unsure_fields=unsure_problem_paths(recent),
    )


@rule(
    "joint_replacement_established",
    category="RP",
    scope="site",
    triggers=("implants.joint_hardware",),
)
def check_joint_replacement_established(ctx: Context) -> Hit | None:
    """Keep needles away from settled joint replacements and hardware.

    Sources: S32, S46
    """
    settled = [item for item in hardware_items(ctx) if not item.recent]
    if not settled:
        return None
    regions = tuple(item.region for item in settled)
    unsure_regions = [item.region for item in settled if item.problem_now == "unsure"]
    check = (
        f" Problem now: unsure at {regions_text(set(unsure_regions))} — check the joint."
        if unsure_regions
        else ""
    )
    return Hit(
        staff_message=(
            f"Settled artificial joint or hardware at {regions_text(set(regions))}. No needling "
            f"into the joint or around the implant; strict asepsis.{check}"
        ),
        patient_message=(
            "We will keep needles away from your artificial joint or metal parts. We will also "
            "take extra care to keep everything clean."
        ),
        action=(
            "No intracapsular or periprosthetic needling; strict asepsis. If the patient was "
            "unsure whether the joint is hot or swollen, examine it first."
        ),
        sources=("S32", "S46"),
        regions=regions,
        excludes=regions,
        unsure_fields=unsure_problem_paths(settled),
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
            unsure_patient_message(
                "an artificial heart valve, a repaired heart defect or a past heart infection"
            )
            if unsure
            else "Because of your heart history, we will take extra care to keep your skin and "
            "the needles clean. Your physiotherapist may check with your doctor."
        ),
        action="Strict asepsis; physician input if there is any doubt.",
        sources=("S42", "S46"),
        unsure_fields=("implants.heart_valve_or_endocarditis",) if unsure else (),
    )


@rule("metal_allergy", category="RP", scope="global", triggers=("implants.metal_allergy",))
def check_metal_allergy(ctx: Context) -> Hit | None:
    """Review a metal allergy: needles are stainless steel with some nickel.

    Sources: S10, S10a, S36
    """
    answer = ctx.get("implants.metal_allergy")
    if answer not in ("yes", "unsure"):
        return None
    unsure = answer == "unsure"
    return Hit(
        staff_message=(
            f"Metal allergy such as nickel or chrome (answer: {answer}). Discuss needle "
            "material; watch the needle sites."
        ),
        patient_message=(
            unsure_patient_message("a metal allergy")
            if unsure
            else "Needles are made of stainless steel, which contains a little nickel. Your "
            "physiotherapist will talk with you about this and watch your skin closely."
        ),
        action="Discuss the needle material; watch for a skin reaction; stop if one appears.",
        sources=("S10", "S10a", "S36"),
        unsure_fields=("implants.metal_allergy",) if unsure else (),
    )


@rule(
    "latex_or_other_allergy",
    category="INFO",
    scope="none",
    triggers=("implants.latex_or_other_allergy",),
)
def check_latex_or_other_allergy(ctx: Context) -> Hit | None:
    """Record an allergy to latex, tape or skin cleaners.

    Sources: S10, S10a
    """
    if ctx.get("implants.latex_or_other_allergy") is not True:
        return None
    return Hit(
        staff_message=(
            "Allergy to latex, tape or skin cleaners. Use non-latex gloves and a suitable skin "
            "cleaner."
        ),
        patient_message=(
            "We will use gloves, tape and skin cleaners that are safe for your allergy."
        ),
        action="Non-latex gloves; an alternative antiseptic and tape.",
        sources=("S10", "S10a"),
    )
