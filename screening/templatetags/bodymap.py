"""``{% body_map %}``: the front-and-back body map, for the staff page, the PDF and the intake."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from screening.bodymap.render import STATIC, render_body_map

register = template.Library()


@register.simple_tag
def body_map(
    selected: Iterable[str] | None = None,
    excluded: Iterable[str] | None = None,
    mode: str = STATIC,
    id_prefix: str = "",
    selected_label: str = "",
    excluded_label: str = "",
    legend: bool = True,
) -> SafeString:
    """Render the body map; ``selected``/``excluded`` take region or limb codes.

    Usage: ``{% load bodymap %}{% body_map selected=codes excluded=codes mode="static" %}``.
    Excluded wins over selected for a region in both lists. Give ``id_prefix`` when a page
    shows more than one map, so element ids stay unique.
    """
    return render_body_map(
        selected,
        excluded,
        mode=mode,
        id_prefix=id_prefix,
        selected_label=selected_label,
        excluded_label=excluded_label,
        legend=legend,
    )
