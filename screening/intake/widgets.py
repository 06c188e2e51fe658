"""The body map widget: a checkbox list of regions, grouped by body area, plus the picture.

The checkboxes are the real form control and work without JavaScript; static/js/bodymap.js
shows the picture, makes its regions operable (click, Enter, Space) and keeps both in sync.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from screening.bodymap.names import AREA_GROUPS, LIMB_NAMES
from screening.bodymap.render import INTERACTIVE, render_body_map
from screening.rules.regions import LIMB_REGIONS

OTHER_AREAS = _("Other areas")


class BodyMapWidget(forms.Widget):
    """Widget for a MultipleChoiceField of region (and optionally limb) codes."""

    template_name = "screening/bodymap/widget.html"
    allow_multiple_selected = True
    use_fieldset = True

    class Media:
        css = {"all": ("css/bodymap.css",)}
        js = ("js/bodymap.js",)

    def __init__(self, attrs: dict[str, Any] | None = None, choices: Any = ()) -> None:
        super().__init__(attrs)
        self.choices = list(choices)

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> str:
        # A step can hold several maps (most of them empty follow-ups), rendered again on every
        # request: the same name, value, attributes, choices and language give the same HTML.
        final_attrs = self.build_attrs(self.attrs, attrs)
        return _render_cached(
            name,
            tuple(self.format_value(value)),
            tuple(sorted((key, str(val)) for key, val in final_attrs.items())),
            tuple((str(code), str(label)) for code, label in self.choices),
            translation.get_language(),
        )

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        # The template lives in the project's templates/ folder, which the default form
        # renderer does not search; render it with the project's template engine instead.
        return mark_safe(render_to_string(template_name, context))  # noqa: S308  # nosec B308 B703

    def format_value(self, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value]

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        # An unticked checkbox list sends nothing: that is an answer ("none"), not an omission.
        return False

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        # The question is the fieldset's legend; there is no single control to point at.
        return ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        chosen = set(widget["value"])
        base_id = widget["attrs"].get("id") or f"id_{name}"
        labels = {str(code): label for code, label in self.choices}
        groups = _groups(labels, chosen, base_id)
        offers_limbs = any(code in LIMB_REGIONS for code in labels)
        widget.update(
            {
                "base_id": base_id,
                "groups": groups,
                "offers_limbs": offers_limbs,
                "described_by": widget["attrs"].get("aria-describedby", ""),
                "invalid": widget["attrs"].get("aria-invalid") == "true",
                "picture": render_body_map(
                    chosen, mode=INTERACTIVE, id_prefix=base_id, names=labels
                ),
            }
        )
        return context


@lru_cache(maxsize=512)
def _render_cached(
    name: str,
    value: tuple[str, ...],
    attrs: tuple[tuple[str, str], ...],
    choices: tuple[tuple[str, str], ...],
    language: str | None,
) -> str:
    widget = BodyMapWidget(choices=choices)
    context = widget.get_context(name, list(value), dict(attrs))
    return widget._render(widget.template_name, context)


def _option(code: str, label: Any, chosen: set[str], base_id: str) -> dict[str, Any]:
    return {
        "code": code,
        "label": label,
        "id": f"{base_id}_{code}",
        "checked": code in chosen,
        "regions": " ".join(LIMB_REGIONS.get(code, ())),
    }


def _groups(labels: dict[str, Any], chosen: set[str], base_id: str) -> list[dict[str, Any]]:
    """The offered codes in the widget's body-area groups; anything else under "Other"."""
    placed: set[str] = set()
    groups = []
    for area in AREA_GROUPS:
        codes = [c for c in area.codes if c in labels]
        limb_choices = [c for c in area.limbs if c in labels]
        placed.update(codes, limb_choices)
        if not codes and not limb_choices:
            continue
        groups.append(
            {
                "title": area.title,
                "options": [_option(c, labels[c], chosen, base_id) for c in codes],
                "limb_options": [_option(c, labels[c], chosen, base_id) for c in limb_choices],
                # Shortcut buttons (JavaScript only) when the field offers no limb codes.
                "shortcuts": [
                    {"code": c, "label": LIMB_NAMES[c], "regions": " ".join(LIMB_REGIONS[c])}
                    for c in area.limbs
                    if c not in labels and all(r in labels for r in LIMB_REGIONS[c])
                ],
            }
        )
    rest = [c for c in labels if c not in placed]
    if rest:
        groups.append(
            {
                "title": OTHER_AREAS,
                "options": [_option(c, labels[c], chosen, base_id) for c in rest],
                "limb_options": [],
                "shortcuts": [],
            }
        )
    return groups
