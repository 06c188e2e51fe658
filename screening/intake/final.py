"""The final submit: re-validate every saved step, build the document, freeze it once."""

from __future__ import annotations

import re

from django.utils import timezone

from screening.intake.adapter import build_document
from screening.intake.answers_view import as_post_data
from screening.intake.forms import STEP_FORMS
from screening.intake.steps import QUESTION_STEPS
from screening.models import IntakeDraft, Invitation


def first_invalid_step(draft: IntakeDraft, invitation: Invitation) -> str:
    """The first question step whose saved answers no longer pass its form ('' if none)."""
    for step in QUESTION_STEPS:
        saved = draft.answers.get(step.name)
        if saved is None:
            return step.name
        form_class = STEP_FORMS[step.name]
        kwargs = {
            "appointment_date": invitation.appointment_date,
            "known_date_of_birth": invitation.date_of_birth,
        }
        form = form_class(as_post_data(form_class(**kwargs), saved), **kwargs)
        if not form.is_valid():
            return step.name
    return ""


def document_for(draft: IntakeDraft, invitation: Invitation, *, day_of=None, completed_on=None):
    """The intake-v1 document of the draft as it is now (the adapter does the work).

    The clinic's date of birth, when it has one, is the document's: it is the one the link
    check confirmed, so a draft saved before it was known can never disagree with it.
    """
    answers = draft.answers
    if invitation.date_of_birth:
        about = {**answers.get("about", {}), "date_of_birth": invitation.date_of_birth.isoformat()}
        answers = {**answers, "about": about}
    return build_document(
        answers,
        appointment_date=invitation.appointment_date,
        completed_on=completed_on or timezone.localdate(),
        planned_regions=invitation.planned_regions,
        planned_estim=invitation.planned_estim,
        day_of=day_of,
    )


def field_of_error_path(path: str) -> str:
    """The form field name for a contract error path: `a.b[0].c` -> `b__1__c` ('' if none)."""
    parts = path.split(".", 1)
    if len(parts) < 2:
        return parts[0] if parts[0] == "respondent" else ""
    name = re.sub(r"\[(\d+)\]", lambda m: f"__{int(m.group(1)) + 1}", parts[1])
    return name.replace(".", "__")


def step_of_error_path(path: str) -> str:
    """Which step asks the field at a contract error path ('' when none does)."""
    head = path.lstrip("$.").split(".")[0].split("[")[0]
    if head == "respondent":
        return "about"
    for step in QUESTION_STEPS:
        if step.section == head:
            return step.name
    return ""
