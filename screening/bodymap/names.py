"""Patient words for the body map: a short name per region, the groups of the checkbox list,
and the whole-limb shortcuts.

The codes and their long descriptions live in screening.rules.regions (read from the
contract); only the short, translatable names shown on screen live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from screening.rules.regions import REGION_CODES, REGION_LABELS

REGION_NAMES: dict[str, Promise] = {
    "HEAD_FACE": _("Head and face"),
    "NECK_ANTERIOR": _("Front of neck"),
    "NECK_POSTERIOR": _("Back of neck"),
    "UPPER_TRAP_L": _("Top of left shoulder"),
    "UPPER_TRAP_R": _("Top of right shoulder"),
    "SCAPULA_L": _("Left shoulder blade"),
    "SCAPULA_R": _("Right shoulder blade"),
    "THORACIC_SPINE": _("Mid back"),
    "CHEST_WALL_L": _("Left chest"),
    "CHEST_WALL_R": _("Right chest"),
    "SHOULDER_L": _("Left shoulder joint"),
    "SHOULDER_R": _("Right shoulder joint"),
    "ARM_L": _("Left upper arm and elbow"),
    "ARM_R": _("Right upper arm and elbow"),
    "FOREARM_HAND_L": _("Left forearm and hand"),
    "FOREARM_HAND_R": _("Right forearm and hand"),
    "ABDOMEN": _("Belly"),
    "LUMBAR_SACRAL": _("Lower back"),
    "GLUTEAL_L": _("Left buttock"),
    "GLUTEAL_R": _("Right buttock"),
    "HIP_THIGH_L": _("Left hip and thigh"),
    "HIP_THIGH_R": _("Right hip and thigh"),
    "KNEE_LEG_L": _("Left knee and lower leg"),
    "KNEE_LEG_R": _("Right knee and lower leg"),
    "ANKLE_FOOT_L": _("Left ankle and foot"),
    "ANKLE_FOOT_R": _("Right ankle and foot"),
}


@dataclass(frozen=True)
class AreaGroup:
    """One fieldset of the checkbox list, with the whole-limb shortcuts that belong to it."""

    title: Promise
    codes: tuple[str, ...]
    limbs: tuple[str, ...] = ()


# The checkbox list, grouped the way people think of their body. Lateral regions come in
# (right, left) pairs so the list reads like the front view of the picture.
AREA_GROUPS: tuple[AreaGroup, ...] = (
    AreaGroup(_("Head and neck"), ("HEAD_FACE", "NECK_ANTERIOR", "NECK_POSTERIOR")),
    AreaGroup(
        _("Upper back and top of the shoulders"),
        (
            "UPPER_TRAP_R",
            "UPPER_TRAP_L",
            "SCAPULA_R",
            "SCAPULA_L",
            "THORACIC_SPINE",
        ),
    ),
    AreaGroup(_("Chest and belly"), ("CHEST_WALL_R", "CHEST_WALL_L", "ABDOMEN")),
    AreaGroup(
        _("Shoulders and arms"),
        ("SHOULDER_R", "SHOULDER_L", "ARM_R", "ARM_L", "FOREARM_HAND_R", "FOREARM_HAND_L"),
        ("UPPER_LIMB_R", "UPPER_LIMB_L"),
    ),
    AreaGroup(_("Lower back and buttocks"), ("LUMBAR_SACRAL", "GLUTEAL_R", "GLUTEAL_L")),
    AreaGroup(
        _("Hips and legs"),
        ("HIP_THIGH_R", "HIP_THIGH_L", "KNEE_LEG_R", "KNEE_LEG_L", "ANKLE_FOOT_R", "ANKLE_FOOT_L"),
        ("LOWER_LIMB_R", "LOWER_LIMB_L"),
    ),
)

# Buttons that select (or clear) a whole limb's three regions at once (JavaScript only).
LIMB_NAMES: dict[str, Promise] = {
    "UPPER_LIMB_R": _("Whole right arm"),
    "UPPER_LIMB_L": _("Whole left arm"),
    "LOWER_LIMB_R": _("Whole right leg"),
    "LOWER_LIMB_L": _("Whole left leg"),
}


def region_choices() -> list[tuple[str, Promise]]:
    """Choices for a form field of region codes, in the contract's canonical order."""
    return [(code, REGION_NAMES[code]) for code in REGION_CODES]


def region_description(code: str) -> str:
    """The contract's longer description of what a region covers."""
    return REGION_LABELS[code]
