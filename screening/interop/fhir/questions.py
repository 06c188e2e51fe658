"""The intake's questions as a tree, read from the forms themselves (STEP_FORMS).

The Questionnaire and every QuestionnaireResponse are built from this one tree, so neither
can drift from the form a patient fills in: a new question, wording or choice changes the
tree and with it the Questionnaire's version. Field names are the document's names
(screening/intake/adapter.py): `a__b` is the group `a`, `a__2__b` item 2 of the repeated
group `a` (the tree keeps slot 1 as the pattern of a repeating group).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.intake.adapter import TOP_LEVEL_FIELDS
from screening.intake.date_parts import DatePartsField
from screening.intake.forms import STEP_FORMS
from screening.intake.forms_base import StepForm
from screening.intake.steps import QUESTION_STEPS
from screening.rules.regions import LIMB_REGIONS, REGION_CODES

_REGION_VALUES = frozenset(REGION_CODES) | frozenset(LIMB_REGIONS)
# The check-in adds the `day_of` section; only these of its fields reach the document.
DAY_OF_FIELDS = ("substances_recent",)


@dataclass
class Question:
    """One item: a group (children) or a question (kind = a FHIR item type)."""

    link_id: str
    key: str  # the name inside its parent in the document ("date_of_birth", "guardian")
    text: str = ""
    kind: str = "group"
    repeats: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    region_choices: bool = False
    top_level: bool = False  # stored at the document's top, not inside the section
    enable_when: tuple[str, tuple[str, ...]] | None = None  # (gate linkId, values)
    children: list[Question] = field(default_factory=list)

    def leaves(self):
        if self.kind != "group":
            yield self
        for child in self.children:
            yield from child.leaves()


def _kind(form_field: forms.Field) -> tuple[str, bool]:
    """(FHIR item type, repeats) of a form field."""
    if isinstance(form_field, DatePartsField):
        return "date", False
    if isinstance(form_field, forms.BooleanField) or (
        isinstance(form_field, forms.TypedChoiceField) and form_field.coerce is not str
    ):
        return "boolean", False
    if isinstance(form_field, forms.MultipleChoiceField):
        return "choice", True
    if isinstance(form_field, forms.ChoiceField):
        return "choice", False
    # FloatField is a subclass of IntegerField: ask for it first, or 3.4 would become 3.
    if isinstance(form_field, forms.FloatField):
        return "decimal", False
    if isinstance(form_field, forms.IntegerField):
        return "integer", False
    if isinstance(form_field.widget, forms.Textarea):
        return "text", False
    return "string", False


def _question(link_id: str, key: str, form_field: forms.Field) -> Question:
    kind, repeats = _kind(form_field)
    choices: tuple[tuple[str, str], ...] = ()
    if kind == "choice":
        choices = tuple((str(value), str(label)) for value, label in form_field.choices if value)
    return Question(
        link_id=link_id,
        key=key,
        text=str(form_field.label or ""),
        kind=kind,
        repeats=repeats,
        choices=choices,
        region_choices=bool(choices) and all(value in _REGION_VALUES for value, _ in choices),
    )


def _group_of(parent: Question, key: str, repeats: bool, heading: str = "") -> Question:
    for child in parent.children:
        if child.key == key and child.kind == "group":
            return child
    group = Question(link_id=f"{parent.link_id}.{key}", key=key, text=heading, repeats=repeats)
    parent.children.append(group)
    return group


def _gate(form: StepForm, name: str, section: str) -> tuple[str, tuple[str, ...]] | None:
    """The enableWhen of a follow-up whose gate is a plain question of the same step."""
    rule = form.followups.get(name)
    if rule is None or "__" in rule.gate:
        return None
    return f"{section}.{rule.gate}", rule.values


def section_tree(section: str, title: str, form: StepForm, only: tuple[str, ...] = ()) -> Question:
    root = Question(link_id=section, key=section, text=title)
    for name, form_field in form.fields.items():
        if only and name not in only:
            continue
        parts = name.split("__")
        if len(parts) == 1:
            if name in TOP_LEVEL_FIELDS:
                question = _question(name, name, form_field)
                question.top_level = True
            else:
                question = _question(f"{section}.{name}", name, form_field)
            question.enable_when = _gate(form, name, section)
            root.children.append(question)
            continue
        if len(parts) == 3:
            if parts[1] != "1":
                continue  # slots 2.. repeat slot 1's pattern
            text, _first = form.item_headings.get(parts[0], ("", ""))
            heading = (str(text) % {"n": ""}).strip() if text else ""
            group = _group_of(root, parts[0], repeats=True, heading=heading)
        else:
            group = _group_of(root, parts[0], repeats=False)
        if group.enable_when is None and not group.children:
            group.enable_when = _gate(form, name, section)
        group.children.append(_question(f"{group.link_id}.{parts[-1]}", parts[-1], form_field))
    return root


def question_tree() -> list[Question]:
    """Every question step's section, then the check-in's `day_of` section."""
    from screening.intake.forms_patient import CheckInForm  # reads the clinic policy

    sections = []
    for step in QUESTION_STEPS:
        form = STEP_FORMS[step.name]()
        sections.append(section_tree(step.section, str(step.title), form))
    sections.append(section_tree("day_of", str(_("On the day")), CheckInForm(), only=DAY_OF_FIELDS))
    return sections
