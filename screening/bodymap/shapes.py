"""The body map's drawing: a front and a back figure whose pieces are the contract's regions.

Each figure is 160 x 400 units. Shapes are drawn once for the half of the figure on the
viewer's left and mirrored for the other half, so both sides always match. On the front view
the viewer's left is the patient's right (``_R``); on the back view it is the patient's left.
Paths use absolute commands only (M, L, C, Q, Z) so that mirroring is a plain x -> 160 - x.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIGURE_WIDTH = 160
FIGURE_HEIGHT = 400
FIGURE_GAP = 24
TOP_MARGIN = 26
BOTTOM_MARGIN = 22
VIEWBOX_WIDTH = 2 * FIGURE_WIDTH + FIGURE_GAP
VIEWBOX_HEIGHT = TOP_MARGIN + FIGURE_HEIGHT + BOTTOM_MARGIN

# Shared outlines (viewer's-left half, or centred pieces that need no mirror).
HEAD = "M80,3 C92,3 98,14 98,27 C98,41 91,50 80,50 C69,50 62,41 62,27 C62,14 68,3 80,3 Z"
NECK = "M70,40 L90,40 L90,68 L70,68 Z"
UPPER_TRAP = "M70,54 C62,62 54,64 45,67 L50,75 C57,72 64,70 70,68 Z"
SHOULDER = "M45,67 C36,70 31,80 31,92 L32,104 L45,104 C46,95 48,84 50,75 Z"
ARM = "M32,104 L45,104 C45,120 44,140 42,162 L27,162 C27,140 29,120 32,104 Z"
FOREARM_HAND = (
    "M27,162 L42,162 C41,185 39,205 37,225 C40,232 40,244 36,252 C33,256 26,256 24,250 "
    "C21,242 23,232 26,225 C25,205 25,185 27,162 Z"
)
KNEE_LEG = (
    "M50,292 L74,292 C74,305 73,312 72,322 C71,340 70,356 70,372 L58,372 "
    "C56,356 52,340 51,322 C50,312 49,304 50,292 Z"
)
ANKLE_FOOT = (
    "M58,372 L70,372 C70,380 71,386 72,392 C72,396 68,398 62,398 L52,398 "
    "C48,398 48,394 52,391 C56,388 58,382 58,372 Z"
)

# Front only.
CHEST_WALL = "M80,68 L80,146 L49,146 L47,118 L45,104 C46,95 48,84 50,75 C57,72 64,70 70,68 Z"
# The waist is one smooth curve down each side: (49,146) -> (52,186) -> (46,206).
ABDOMEN = (
    "M49,146 L111,146 C113,160 108,176 108,186 C108,194 112,200 114,206 L80,226 L46,206 "
    "C48,200 52,194 52,186 C52,176 47,160 49,146 Z"
)
HIP_THIGH_FRONT = (
    "M46,206 L80,226 L79,232 C78,250 76,272 74,292 L50,292 C46,270 43,248 43,230 "
    "C43,220 44,212 46,206 Z"
)

# Back only. The lower back and buttock share the waist curve above, split at its midpoint
# (49.75,196.75) so the outline has no kink where they meet.
SCAPULA = "M72,68 L72,118 L47,118 L45,104 C46,95 48,84 50,75 C57,72 64,70 70,68 Z"
THORACIC_SPINE = "M72,68 L88,68 L88,118 L113,118 L111,146 L49,146 L47,118 L72,118 Z"
LUMBAR_SACRAL = (
    "M49,146 L111,146 C113,160 108,176 108,186 C108,190 109,193.5 110.25,196.75 L86,200 "
    "L80,222 L74,200 L49.75,196.75 C51,193.5 52,190 52,186 C52,176 47,160 49,146 Z"
)
GLUTEAL = (
    "M49.75,196.75 L74,200 L80,222 L79,234 C70,240 55,240 43,230 C43,220 44,212 46,206 "
    "C47,203 48.5,200 49.75,196.75 Z"
)
HIP_THIGH_BACK = (
    "M43,230 C55,240 70,240 79,234 C78,250 76,272 74,292 L50,292 C46,270 43,248 43,230 Z"
)

# Light lines that help the eye (never clickable): the spine and the navel.
FRONT_DETAILS = ("M80,176 m-2,0 a2,2 0 1,0 4,0 a2,2 0 1,0 -4,0",)
BACK_DETAILS = ("M80,74 L80,196",)

_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def mirror(path: str) -> str:
    """Return ``path`` reflected about the figure's vertical centre line (x -> 160 - x)."""

    def flip(match: re.Match[str]) -> str:
        x = float(match.group(1))
        flipped = FIGURE_WIDTH - x
        text = f"{flipped:g}"
        return f"{text},{match.group(2)}"

    return _PAIR.sub(flip, path)


@dataclass(frozen=True)
class Piece:
    """One drawn region: the region code and its outline, in figure coordinates."""

    code: str
    path: str


@dataclass(frozen=True)
class View:
    """One figure (front or back): its name, its horizontal offset and its pieces."""

    name: str
    offset_x: int
    pieces: tuple[Piece, ...]
    details: tuple[str, ...]
    viewer_left_side: str  # "R" on the front (facing you), "L" on the back


def _lateral(viewer_left: str, stem: str, outline: str) -> tuple[Piece, Piece]:
    """The viewer's-left piece as drawn, and its mirror image for the other side."""
    other = "L" if viewer_left == "R" else "R"
    return Piece(f"{stem}_{viewer_left}", outline), Piece(f"{stem}_{other}", mirror(outline))


def _front() -> View:
    near = "R"
    pieces = [
        Piece("NECK_ANTERIOR", NECK),
        Piece("HEAD_FACE", HEAD),
        *_lateral(near, "UPPER_TRAP", UPPER_TRAP),
        *_lateral(near, "CHEST_WALL", CHEST_WALL),
        *_lateral(near, "SHOULDER", SHOULDER),
        *_lateral(near, "ARM", ARM),
        *_lateral(near, "FOREARM_HAND", FOREARM_HAND),
        Piece("ABDOMEN", ABDOMEN),
        *_lateral(near, "HIP_THIGH", HIP_THIGH_FRONT),
        *_lateral(near, "KNEE_LEG", KNEE_LEG),
        *_lateral(near, "ANKLE_FOOT", ANKLE_FOOT),
    ]
    return View("front", 0, tuple(pieces), FRONT_DETAILS, near)


def _back() -> View:
    near = "L"
    pieces = [
        Piece("NECK_POSTERIOR", NECK),
        Piece("HEAD_FACE", HEAD),
        *_lateral(near, "UPPER_TRAP", UPPER_TRAP),
        *_lateral(near, "SCAPULA", SCAPULA),
        Piece("THORACIC_SPINE", THORACIC_SPINE),
        *_lateral(near, "SHOULDER", SHOULDER),
        *_lateral(near, "ARM", ARM),
        *_lateral(near, "FOREARM_HAND", FOREARM_HAND),
        Piece("LUMBAR_SACRAL", LUMBAR_SACRAL),
        *_lateral(near, "GLUTEAL", GLUTEAL),
        *_lateral(near, "HIP_THIGH", HIP_THIGH_BACK),
        *_lateral(near, "KNEE_LEG", KNEE_LEG),
        *_lateral(near, "ANKLE_FOOT", ANKLE_FOOT),
    ]
    return View("back", FIGURE_WIDTH + FIGURE_GAP, tuple(pieces), BACK_DETAILS, near)


VIEWS: tuple[View, View] = (_front(), _back())
