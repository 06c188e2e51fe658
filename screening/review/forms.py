"""Staff forms: queue and audit filters, invitations, and the actions on a submission."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from screening.i18n.languages import language_choices
from screening.models import Submission, SubmissionEvent
from screening.review import workflow

FLAGGED = "flagged"
FLAGGED_TIERS = (
    Submission.Tier.DO_NOT_NEEDLE,
    Submission.Tier.HOLD_FOR_CLEARANCE,
    Submission.Tier.PHYSIO_REVIEW,
)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BootstrapFieldsMixin:
    """Give each widget Bootstrap's class, for forms rendered field by field without crispy
    (the queue filter renders on every queue view; crispy costs ~10 ms there)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class QueueFilterForm(BootstrapFieldsMixin, forms.Form):
    q = forms.CharField(
        label=_("Name, “Last, First” or date of birth"), required=False, max_length=100
    )
    tier = forms.ChoiceField(
        label=_("Tier"),
        required=False,
        choices=[("", _("All tiers")), (FLAGGED, _("Flagged (needs review or more)"))]
        + list(Submission.Tier.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + Submission.Status.choices,
    )
    date_from = forms.DateField(label=_("Appointments from"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=_("Appointments to"), required=False, widget=DATE_INPUT)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


class InvitationForm(forms.Form):
    patient_name = forms.CharField(label=_("Patient's full name"), max_length=200)
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        required=False,
        help_text=_("Asked back at the link, with the date of birth, before the form opens."),
    )
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE_INPUT)
    appointment_date = forms.DateField(label=_("Appointment date"), widget=DATE_INPUT)
    appointment_time = forms.TimeField(
        label=_("Appointment time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the form and its emails"),
        required=False,
        choices=lambda: [("", _("The patient's browser language"))] + language_choices(),
    )
    send_email = forms.BooleanField(
        label=_("Email the link to the patient now"), required=False, initial=True
    )

    def clean_appointment_date(self) -> dt.date:
        value = self.cleaned_data["appointment_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The appointment date is in the past."))
        return value

    def clean_date_of_birth(self) -> dt.date | None:
        value = self.cleaned_data["date_of_birth"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date of birth is in the future."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("send_email") and not data.get("email"):
            data["send_email"] = False
        return data


class VersionedForm(forms.Form):
    """Carries the row_version the person saw, for the optimistic concurrency check."""

    row_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class StatusForm(VersionedForm):
    status = forms.ChoiceField(
        label=_("Mark as"),
        choices=[(s.value, s.label) for s in workflow.FRONT_DESK_STATUSES],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(VersionedForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=SubmissionEvent.Decision.choices, widget=forms.RadioSelect
    )
    modifications = forms.CharField(
        label=_("Which modifications"),
        required=False,
        max_length=2000,
        help_text=_(
            "Needed for “proceed with modifications”: for example regions avoided, "
            "superficial needling only, no e-stim, fewer needles, lying down."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        # When it is needed is said once, above the decision, with the tier's name.
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    mature_minor_assessed = forms.BooleanField(
        label=_(
            "Mature minor: I assessed the patient at this visit as able to understand and "
            "consent to dry needling (write how in the reason)"
        ),
        required=False,
    )

    def __init__(self, *args, tier: str, minor: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.tier = tier
        self.minor = minor
        if not minor:
            del self.fields["mature_minor_assessed"]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if not decision:
            return data
        reason = data.get("reason", "").strip()
        if (
            decision == SubmissionEvent.Decision.PROCEED_MODIFIED
            and not data.get("modifications", "").strip()
        ):
            self.add_error("modifications", _("Say which modifications, in words."))
        if data.get("mature_minor_assessed") and not reason:
            self.add_error("reason", _("Write how you assessed the patient's capacity to consent."))
        elif workflow.is_less_cautious_than_tier(decision, self.tier) and not reason:
            tier_label = Submission.Tier(self.tier).label
            self.add_error(
                "reason",
                _("This decision is less cautious than the tier (%(tier)s): write the reason.")
                % {"tier": tier_label},
            )
        return data


class AuditFilterForm(BootstrapFieldsMixin, forms.Form):
    user = forms.ModelChoiceField(
        label=_("User"),
        required=False,
        queryset=get_user_model().objects.order_by("username"),
        empty_label=_("Any user"),
        to_field_name="username",
    )
    object_type = forms.ChoiceField(
        label=_("Object type"),
        required=False,
        choices=[
            ("", _("Any object")),
            ("submission", _("Submission")),
            ("invitation", _("Invitation")),
            ("user", _("User")),
        ],
    )
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=40)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)


class ClearanceLetterForm(forms.Form):
    """The physician's returned letter, scanned: checked by its content, not by its name."""

    letter = forms.FileField(
        label=_("The physician's signed letter (PDF, JPEG or PNG, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    note = forms.CharField(
        label=_("Note for the physiotherapist (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_letter(self):
        from screening.review import clearance

        upload = self.cleaned_data["letter"]
        try:
            clearance.check_letter(upload)
        except clearance.LetterRefused as refused:
            raise forms.ValidationError(str(refused.args[0])) from refused
        return upload
