"""Repeated items (joint hardware, operations) as a fixed number of numbered slots.

Slots work without JavaScript and keep the field names plain: `surgeries__2__regions` is
item 2's regions; the adapter turns the numbered names into a list, dropping empty slots.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms

from screening.intake.forms_base import ShownWhen

ITEM_SLOTS = 3


def item_name(group: str, index: int, field: str) -> str:
    return f"{group}__{index}__{field}"


def add_item_fields(
    form: forms.Form, group: str, builders: dict[str, Callable[[int], forms.Field]]
) -> None:
    """Insert the slot fields of `group` in place of its marker field."""
    new_fields = {}
    for name, field in form.fields.items():
        if name != group:
            new_fields[name] = field
            continue
        for index in range(1, ITEM_SLOTS + 1):
            for field_name, build in builders.items():
                new_fields[item_name(group, index, field_name)] = build(index)
    form.fields = new_fields


def item_followups(group: str, fields: tuple[str, ...], gate: ShownWhen) -> dict[str, ShownWhen]:
    """Every slot field shows with the gate; the first item's required fields are required."""
    return {
        item_name(group, index, field): ShownWhen(gate.gate, gate.values)
        for index in range(1, ITEM_SLOTS + 1)
        for field in fields
    }


def item_together(group: str, fields: tuple[str, ...], required: tuple[str, ...]):
    """A started slot needs its required fields; slot 1 needs them whenever shown."""
    return tuple(
        (
            tuple(item_name(group, index, field) for field in fields),
            tuple(item_name(group, index, field) for field in required),
        )
        for index in range(1, ITEM_SLOTS + 1)
    )
