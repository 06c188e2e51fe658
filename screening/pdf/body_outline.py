"""A small front-and-back body outline for the PDF, built from boxes.

Used until the shared body map (``{% body_map %}``) is available to the PDF template, and as
its fallback. Each region is a rounded box; excluded regions are filled and crossed (so the
drawing reads in black and white too), target regions get a thick dashed outline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# (x, y, width, height) in a 120 x 240 view, as seen by someone facing the patient (front)
# or standing behind them (back): the patient's left is on the right of the front view.
FRONT: dict[str, tuple[int, int, int, int]] = {
    "HEAD_FACE": (48, 4, 24, 28),
    "NECK_ANTERIOR": (52, 33, 16, 10),
    "SHOULDER_R": (24, 44, 13, 16),
    "SHOULDER_L": (83, 44, 13, 16),
    "CHEST_WALL_R": (38, 44, 21, 36),
    "CHEST_WALL_L": (61, 44, 21, 36),
    "ARM_R": (22, 61, 12, 38),
    "ARM_L": (86, 61, 12, 38),
    "FOREARM_HAND_R": (18, 100, 12, 46),
    "FOREARM_HAND_L": (90, 100, 12, 46),
    "ABDOMEN": (38, 81, 44, 34),
    "HIP_THIGH_R": (38, 116, 21, 50),
    "HIP_THIGH_L": (61, 116, 21, 50),
    "KNEE_LEG_R": (40, 167, 18, 50),
    "KNEE_LEG_L": (62, 167, 18, 50),
    "ANKLE_FOOT_R": (38, 218, 20, 14),
    "ANKLE_FOOT_L": (62, 218, 20, 14),
}
BACK: dict[str, tuple[int, int, int, int]] = {
    "HEAD_FACE": (48, 4, 24, 28),
    "NECK_POSTERIOR": (52, 33, 16, 10),
    "UPPER_TRAP_L": (36, 40, 20, 7),
    "UPPER_TRAP_R": (64, 40, 20, 7),
    "SHOULDER_L": (22, 44, 13, 16),
    "SHOULDER_R": (85, 44, 13, 16),
    "SCAPULA_L": (37, 48, 18, 32),
    "SCAPULA_R": (65, 48, 18, 32),
    "THORACIC_SPINE": (56, 44, 8, 37),
    "ARM_L": (22, 61, 12, 38),
    "ARM_R": (86, 61, 12, 38),
    "FOREARM_HAND_L": (18, 100, 12, 46),
    "FOREARM_HAND_R": (90, 100, 12, 46),
    "LUMBAR_SACRAL": (38, 82, 44, 22),
    "GLUTEAL_L": (38, 105, 21, 22),
    "GLUTEAL_R": (61, 105, 21, 22),
    "HIP_THIGH_L": (38, 128, 21, 38),
    "HIP_THIGH_R": (61, 128, 21, 38),
    "KNEE_LEG_L": (40, 167, 18, 50),
    "KNEE_LEG_R": (62, 167, 18, 50),
    "ANKLE_FOOT_L": (38, 218, 20, 14),
    "ANKLE_FOOT_R": (62, 218, 20, 14),
}


@dataclass(frozen=True)
class RegionBox:
    """One region drawn as a box, with the state that decides how it is drawn."""

    code: str
    x: int
    y: int
    width: int
    height: int
    excluded: bool
    target: bool

    @property
    def x2(self) -> int:
        return self.x + self.width

    @property
    def y2(self) -> int:
        return self.y + self.height


@dataclass(frozen=True)
class OutlineView:
    """The front or the back of the body."""

    title: str
    boxes: tuple[RegionBox, ...]


def outline_views(targets: Iterable[str], excluded: Iterable[str]) -> list[OutlineView]:
    """Return the front and back views with each region marked target and/or excluded."""
    target_set, excluded_set = frozenset(targets), frozenset(excluded)
    views = []
    for title, shapes in (("Front", FRONT), ("Back", BACK)):
        boxes = tuple(
            RegionBox(code, *box, excluded=code in excluded_set, target=code in target_set)
            for code, box in shapes.items()
        )
        views.append(OutlineView(title, boxes))
    return views
