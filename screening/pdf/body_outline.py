"""The body map for the PDF: the shared drawing, with one SVG path per colour.

The shared ``{% body_map %}`` draws each region as its own <path> (the staff page needs an id
per region). WeasyPrint draws SVG in Python, node by node, and that map was about a seventh
of the summary's render time. Here the same outlines (screening.bodymap.shapes) and colours
are merged into one path per state and view, which looks identical on paper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import pgettext

from screening.bodymap import shapes
from screening.bodymap.render import HATCH_BACKGROUND, HATCH_LINE, STATIC_COLOURS, region_codes

# Painted in this order, so a highlighted region's outline is never covered by a neighbour's.
STATES = ("", "selected", "excluded")


@dataclass(frozen=True)
class Layer:
    """All regions of one view in one state, as a single path."""

    path: str
    fill: str
    stroke: str


@dataclass(frozen=True)
class OutlineView:
    name: str
    title: str
    offset_x: int
    layers: tuple[Layer, ...]
    details: str
    left_label: str
    right_label: str


def outline_views(targets: Iterable[str], excluded: Iterable[str]) -> list[OutlineView]:
    """Front and back, each region coloured as target, excluded (wins) or neither."""
    chosen, left_out = set(region_codes(targets)), set(region_codes(excluded))
    views = []
    for view in shapes.VIEWS:
        by_state: dict[str, list[str]] = {state: [] for state in STATES}
        for piece in view.pieces:
            state = "excluded" if piece.code in left_out else "selected" * (piece.code in chosen)
            by_state[state].append(piece.path)
        layers = tuple(
            Layer(" ".join(paths), fill.format(prefix=""), stroke)
            for state, paths in by_state.items()
            if paths
            for fill, stroke in [STATIC_COLOURS[state]]
        )
        near_is_right = view.viewer_left_side == "R"
        views.append(
            OutlineView(
                name=view.name,
                title=pgettext("body map view", "Front")
                if view.name == "front"
                else pgettext("body map view", "Back"),
                offset_x=view.offset_x,
                layers=layers,
                details=" ".join(view.details),
                left_label="Right" if near_is_right else "Left",
                right_label="Left" if near_is_right else "Right",
            )
        )
    return views


def outline_context(targets: Iterable[str], excluded: Iterable[str]) -> dict:
    """What templates/screening/pdf/body_outline.svg needs."""
    return {
        "views": outline_views(targets, excluded),
        "width": shapes.VIEWBOX_WIDTH,
        "height": shapes.VIEWBOX_HEIGHT,
        "top": shapes.TOP_MARGIN,
        "label_y": shapes.FIGURE_HEIGHT + 16,
        "hatch_background": HATCH_BACKGROUND,
        "hatch_line": HATCH_LINE,
    }
