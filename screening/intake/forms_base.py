"""The base of every question step: follow-up questions shown only when they apply.

A follow-up names its gate question and the answers that open it (the schema's if/then
conditions). The server decides on the posted answers, so the page works without
JavaScript; static/js/intake-followups.js only hides and reveals them in place, reading the
same rules from data- attributes. A follow-up whose gate is closed is dropped (its typed
value and any error with it), so the document never holds an answer the schema forbids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake.fields import PLEASE_ANSWER


@dataclass(frozen=True)
class ShownWhen:
    """Show a follow-up when `gate`'s answer is one of `values` (any of them, for a list)."""

    gate: str
    values: tuple[str, ...]
    required: bool = False

    def opens(self, answer: Any) -> bool:
        if isinstance(answer, list | tuple):
            return any(str(item) in self.values for item in answer)
        return answer is not None and str(answer) in self.values


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


class StepForm(forms.Form):
    """A question step. Subclasses list follow-ups in the order they appear."""

    followups: ClassVar[dict[str, ShownWhen]] = {}
    # Groups of optional fields that must be given together: (fields that start the group,
    # fields then required). E.g. a blood pressure needs both numbers.
    together: ClassVar[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = ()

    def is_shown(self, name: str, data: dict) -> bool:
        rule = self.followups.get(name)
        if rule is None:
            return True
        return self.is_shown(rule.gate, data) and rule.opens(data.get(rule.gate))

    def clean(self) -> dict:
        data = super().clean()
        for name, rule in self.followups.items():
            if not self.is_shown(name, data):
                data[name] = None
                self._errors.pop(name, None)
            elif rule.required and is_empty(data.get(name)) and name not in self._errors:
                self.add_error(
                    name, self.fields[name].error_messages.get("required", PLEASE_ANSWER)
                )
        for starters, needed in self.together:
            if any(not is_empty(data.get(name)) for name in starters):
                for name in needed:
                    if is_empty(data.get(name)) and name not in self._errors:
                        self.add_error(name, PLEASE_ANSWER)
        return data

    # {item group: (heading with %(n)s, the slot field the heading goes before)}
    item_headings: ClassVar[dict[str, tuple[Any, str]]] = {}

    def heading_for(self, name: str) -> str:
        """A sub-heading to show before this field ('Operation 2'), or ''."""
        parts = name.split("__")
        if len(parts) == 3 and parts[0] in self.item_headings:
            text, first_field = self.item_headings[parts[0]]
            if parts[2] == first_field:
                heading = str(text) % {"n": parts[1]}
                if parts[1] != "1":
                    heading += " " + str(_("(only if there is another)"))
                return heading
        return ""

    def followup_attrs(self, name: str) -> dict[str, str] | None:
        """What intake-followups.js needs to show or hide this field (None: always shown)."""
        rule = self.followups.get(name)
        if rule is None:
            return None
        return {"gate": rule.gate, "values": " ".join(rule.values)}

    def saved_answers(self) -> dict:
        """The cleaned answers as JSON-ready values (dates are already ISO strings)."""
        return {name: _plain(self.cleaned_data.get(name)) for name in self.fields}


def _plain(value: Any) -> Any:
    """172.0 is kept as 172, so it reads back as the patient typed it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
