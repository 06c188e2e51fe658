"""Render the body map SVG: a static picture (staff page, PDF) or the patient's interactive one.

Static pictures colour regions with SVG presentation attributes (fill, stroke), never
``style=""``, because the Content-Security-Policy forbids inline styles and WeasyPrint reads
presentation attributes. Interactive pictures leave colour to static/css/bodymap.css.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from screening.bodymap import shapes
from screening.bodymap.names import REGION_NAMES
from screening.rules.regions import LIMB_REGIONS, REGION_CODES, canonical, expand

LOCATION_CODES = frozenset(REGION_CODES) | frozenset(LIMB_REGIONS)

STATIC = "static"
INTERACTIVE = "interactive"
MODES = (STATIC, INTERACTIVE)

# (fill, stroke) per state for static pictures. "excluded" is filled with a hatch pattern so
# it differs from "selected" in greyscale print too; the legend names every region in words.
STATIC_COLOURS: dict[str, tuple[str, str]] = {
    "": ("#f1f3f5", "#6c757d"),
    "selected": ("#8bb9fe", "#084298"),
    "excluded": ("url(#{prefix}hatch)", "#842029"),
}
HATCH_BACKGROUND = "#f8d7da"
HATCH_LINE = "#b02a37"


@dataclass(frozen=True)
class DrawnRegion:
    """One piece of one view, ready for the template."""

    code: str
    path: str
    dom_id: str
    name: str
    state: str
    fill: str
    stroke: str
    focusable: bool


def region_codes(codes: Iterable[str] | None) -> list[str]:
    """Known region codes from ``codes`` (limb codes expanded), in canonical order.

    Unknown codes are dropped: a picture must never fail because of odd stored data.
    """
    return canonical(expand(c for c in (codes or ()) if c in LOCATION_CODES))


def _state(code: str, selected: set[str], excluded: set[str]) -> str:
    if code in excluded:
        return "excluded"
    return "selected" if code in selected else ""


def _views(
    selected: set[str], excluded: set[str], mode: str, prefix: str, names: Mapping[str, Any]
) -> list[dict]:
    seen: set[str] = set()
    views = []
    for view in shapes.VIEWS:
        regions = []
        for piece in view.pieces:
            first = piece.code not in seen
            seen.add(piece.code)
            state = _state(piece.code, selected, excluded)
            fill, stroke = STATIC_COLOURS[state]
            regions.append(
                DrawnRegion(
                    code=piece.code,
                    path=piece.path,
                    dom_id=f"{prefix}region-{piece.code}" + ("" if first else f"-{view.name}"),
                    name=str(names.get(piece.code) or REGION_NAMES[piece.code]),
                    state=state,
                    fill=fill.format(prefix=prefix),
                    stroke=stroke,
                    focusable=first and mode == INTERACTIVE,
                )
            )
        views.append({"view": view, "regions": regions})
    return views


def render_body_map(
    selected: Iterable[str] | None = None,
    excluded: Iterable[str] | None = None,
    *,
    mode: str = STATIC,
    id_prefix: str = "",
    selected_label: str = "",
    excluded_label: str = "",
    legend: bool = True,
    names: Mapping[str, Any] | None = None,
) -> SafeString:
    """Return the front-and-back body map as HTML (an <svg>, plus a legend in words).

    ``names`` overrides the region names (the widget passes its checkbox labels, so a
    region's button and its checkbox are called the same).
    """
    if mode not in MODES:
        raise ValueError(f"body map mode must be one of {MODES}, not {mode!r}")
    # Every argument becomes hashable (lazy names are evaluated in the current language),
    # so identical maps - most are empty - are rendered once, not on every request.
    named = tuple(sorted((code, str(name)) for code, name in (names or {}).items()))
    return _render(
        tuple(region_codes(selected)),
        tuple(region_codes(excluded)),
        mode,
        id_prefix,
        str(selected_label),
        str(excluded_label),
        bool(legend),
        named,
        translation.get_language(),
    )


@lru_cache(maxsize=512)
def _render(
    chosen: tuple[str, ...],
    left_out: tuple[str, ...],
    mode: str,
    id_prefix: str,
    selected_label: str,
    excluded_label: str,
    legend: bool,
    names: tuple[tuple[str, str], ...],
    language: str | None,
) -> SafeString:
    prefix = f"{id_prefix}-" if id_prefix else ""
    context = {
        "mode": mode,
        "prefix": prefix,
        "views": _views(set(chosen), set(left_out), mode, prefix, dict(names)),
        "shapes": shapes,
        "hatch_background": HATCH_BACKGROUND,
        "hatch_line": HATCH_LINE,
        "colours": STATIC_COLOURS,
        "legend": legend and mode == STATIC,
        "selected_names": [str(REGION_NAMES[c]) for c in chosen if c not in left_out],
        "excluded_names": [str(REGION_NAMES[c]) for c in left_out],
        "selected_label": selected_label,
        "excluded_label": excluded_label,
    }
    return render_to_string("screening/bodymap/body_map.html", context)
