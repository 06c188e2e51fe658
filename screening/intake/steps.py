"""The ordered steps of the patient intake, and what each step is called.

One step per section of intake-v1 (the `day_of` section belongs to the check-in), then the
review and the consent-and-signature page. The forms for each question step live in the
forms_* modules; this module holds only the order and the titles, so that other parts
(staff progress, seed data) can use it without importing the forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    """One page of the intake. `section` is the intake-v1 section it fills ('' if none)."""

    name: str
    title: Promise
    section: str = ""

    @property
    def is_question_step(self) -> bool:
        return bool(self.section)


STEPS: tuple[Step, ...] = (
    Step("about", _("About you"), "about"),
    Step("visit", _("Where it hurts"), "visit"),
    Step("consent", _("Needles and how you feel about them"), "consent"),
    Step("pregnancy", _("Pregnancy"), "pregnancy"),
    Step("bleeding", _("Blood thinners and bleeding"), "bleeding"),
    Step("infection", _("Infection, immunity and skin"), "infection"),
    Step("implants", _("Implants, devices and allergies"), "implants"),
    Step("conditions", _("Medical conditions"), "conditions"),
    Step("frailty_bone_chest", _("Bones, lungs and general health"), "frailty_bone_chest"),
    Step("surgery_trauma", _("Surgery and injuries"), "surgery_trauma"),
    Step("review", _("Check your answers")),
    Step("sign", _("Consent and signature")),
)

STEP_NAMES: tuple[str, ...] = tuple(step.name for step in STEPS)
QUESTION_STEPS: tuple[Step, ...] = tuple(step for step in STEPS if step.is_question_step)
TOTAL_STEPS = len(STEPS)
_BY_NAME = {step.name: step for step in STEPS}


def get_step(name: str) -> Step | None:
    return _BY_NAME.get(name)


def step_number(name: str) -> int:
    """1-based position, for "Step 4 of 12"."""
    return STEP_NAMES.index(name) + 1


def next_step(name: str) -> Step | None:
    index = STEP_NAMES.index(name)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(name: str) -> Step | None:
    index = STEP_NAMES.index(name)
    return STEPS[index - 1] if index > 0 else None


def first_incomplete_step(completed: list[str]) -> Step:
    """The first question step not yet saved, else the review page."""
    for step in QUESTION_STEPS:
        if step.name not in completed:
            return step
    return _BY_NAME["review"]


def all_questions_done(completed: list[str]) -> bool:
    return all(step.name in completed for step in QUESTION_STEPS)
