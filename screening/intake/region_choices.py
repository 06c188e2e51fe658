"""Body-map choices in the patient's words, in the canonical region order of intake-v1.

The codes come from screening.rules.regions (the schema); only the short labels, which
must be translatable, are written here. A test checks that both lists match.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from screening.rules.regions import LIMB_REGIONS, REGION_CODES

REGION_SHORT_LABELS = {
    "HEAD_FACE": _("Head, face or jaw"),
    "NECK_ANTERIOR": _("Front of the neck (and above the collarbone)"),
    "NECK_POSTERIOR": _("Back of the neck"),
    "UPPER_TRAP_L": _("Top of the left shoulder"),
    "UPPER_TRAP_R": _("Top of the right shoulder"),
    "SCAPULA_L": _("Left shoulder blade"),
    "SCAPULA_R": _("Right shoulder blade"),
    "THORACIC_SPINE": _("Mid back"),
    "CHEST_WALL_L": _("Left side of the chest"),
    "CHEST_WALL_R": _("Right side of the chest"),
    "SHOULDER_L": _("Left shoulder joint"),
    "SHOULDER_R": _("Right shoulder joint"),
    "ARM_L": _("Left upper arm or elbow"),
    "ARM_R": _("Right upper arm or elbow"),
    "FOREARM_HAND_L": _("Left forearm, wrist or hand"),
    "FOREARM_HAND_R": _("Right forearm, wrist or hand"),
    "ABDOMEN": _("Belly"),
    "LUMBAR_SACRAL": _("Lower back"),
    "GLUTEAL_L": _("Left buttock"),
    "GLUTEAL_R": _("Right buttock"),
    "HIP_THIGH_L": _("Left hip, groin or thigh"),
    "HIP_THIGH_R": _("Right hip, groin or thigh"),
    "KNEE_LEG_L": _("Left knee or lower leg"),
    "KNEE_LEG_R": _("Right knee or lower leg"),
    "ANKLE_FOOT_L": _("Left ankle or foot"),
    "ANKLE_FOOT_R": _("Right ankle or foot"),
}

LIMB_SHORT_LABELS = {
    "UPPER_LIMB_L": _("The whole left arm"),
    "UPPER_LIMB_R": _("The whole right arm"),
    "LOWER_LIMB_L": _("The whole left leg"),
    "LOWER_LIMB_R": _("The whole right leg"),
}

assert tuple(REGION_SHORT_LABELS) == REGION_CODES, "region labels out of step with the schema"  # noqa: S101
assert set(LIMB_SHORT_LABELS) == set(LIMB_REGIONS), "limb labels out of step with the schema"  # noqa: S101


def region_choices() -> list[tuple[str, str]]:
    return list(REGION_SHORT_LABELS.items())


def location_choices() -> list[tuple[str, str]]:
    return region_choices() + list(LIMB_SHORT_LABELS.items())


def region_label(code: str) -> str:
    return str(REGION_SHORT_LABELS.get(code) or LIMB_SHORT_LABELS.get(code) or code)
