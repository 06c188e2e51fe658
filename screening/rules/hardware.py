"""Artificial joints and metal hardware (clinical-rules.md, section 6.5).

Split from devices.py to keep modules small; the registry imports it with its family.
"""

from __future__ import annotations

from typing import NamedTuple

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import regions_text
from screening.rules.types import Hit


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
