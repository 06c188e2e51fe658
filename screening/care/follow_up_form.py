"""The short "has anything changed?" page of a follow-up re-screen, and its signature."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from screening.care.follow_up import TOPICS
from screening.intake import fields
from screening.intake.forms_base import StepForm


class ChangesForm(StepForm):
    """One yes/no question per topic; each "yes" reopens that topic's full step."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for topic in TOPICS:
            self.fields[topic.code] = fields.yes_no(topic.question)

    def changed(self) -> list[str]:
        return [topic.code for topic in TOPICS if self.cleaned_data.get(topic.code)]


class ConfirmForm(StepForm):
    agree = forms.BooleanField(
        label=_(
            "My answers are up to date. I still agree to talk about dry needling with my "
            "physiotherapist, and I know I can change my mind at any time."
        ),
        error_messages={"required": _("Please tick the box to confirm.")},
    )
    signature = fields.short_text(
        _("Type your full name as your signature"),
        max_length=200,
        required=True,
        autocomplete="name",
    )

    def clean_signature(self) -> str:
        value = " ".join(self.cleaned_data["signature"].split())
        if not value:
            raise forms.ValidationError(fields.PLEASE_ANSWER)
        return value
