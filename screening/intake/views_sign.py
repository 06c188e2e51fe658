"""Consent and signature (the final submit), and the confirmation page."""

from __future__ import annotations

import datetime
import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from screening.contracts import AssessmentInvalid, IntakeInvalid
from screening.intake.access import patient_required
from screening.intake.consent import consent_language, consent_text_version
from screening.intake.drafts import get_draft
from screening.intake.final import (
    document_for,
    field_of_error_path,
    first_invalid_step,
    step_of_error_path,
)
from screening.intake.forms import STEP_FORMS
from screening.intake.forms_about import age_on
from screening.intake.forms_patient import SignForm
from screening.intake.patient_messages import grouped_next_steps, needling_off_the_table
from screening.intake.state import initial_submission
from screening.intake.steps import TOTAL_STEPS, all_questions_done, step_number
from screening.intake.submit import create_submission
from screening.models import Invitation
from screening.rules.regions import LUNG_FIELD

logger = logging.getLogger(__name__)


def _is_minor(draft, invitation: Invitation) -> bool:
    born = draft.answers.get("about", {}).get("date_of_birth")
    if not born:
        return False
    return age_on(datetime.date.fromisoformat(born), invitation.appointment_date) < 18


def _targets(draft, invitation: Invitation) -> set[str]:
    return set(invitation.planned_regions or draft.answers.get("visit", {}).get("pain_regions", []))


def signatures_from(form: SignForm, draft) -> dict:
    respondent = draft.answers.get("about", {}).get("respondent", "self")
    minor_path = form.cleaned_data.get("minor_path") or ""
    signed_by = "patient" if respondent in ("self", "helper") else respondent
    if minor_path == "guardian":
        signed_by = "guardian"
    return {
        "signed_by": signed_by,
        "name": form.cleaned_data["signature"],
        "signed_at": timezone.now().isoformat(),
        "minor_path": minor_path,
        "guardian_relationship": form.cleaned_data.get("guardian_relationship") or "",
        "respondent": respondent,
    }


@patient_required
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if initial_submission(invitation) is not None:
        return redirect("intake:done")
    draft = get_draft(invitation)
    if draft is None or not all_questions_done(draft.completed_steps):
        messages.info(request, _("Please answer every page first."))
        return redirect("intake:home")
    minor = _is_minor(draft, invitation)
    about = draft.answers.get("about", {})
    relationship = (
        about.get("guardian__relationship") if about.get("respondent") == "guardian" else ""
    )
    form = SignForm(request.POST or None, minor=minor, guardian_relationship=relationship or "")
    if request.method == "POST" and form.is_valid():
        broken = first_invalid_step(draft, invitation)
        if broken:
            messages.error(request, _("Please check the answers on this page."))
            return redirect(reverse("intake:step", args=[broken]) + "?check=1&from=review")
        try:
            create_submission(
                invitation=invitation,
                draft=draft,
                document=document_for(draft, invitation),
                signatures=signatures_from(form, draft),
                consent_text_version=consent_text_version(translation.get_language()),
                consent_language=consent_language(translation.get_language()),
                privacy_notice_version=draft.privacy_notice_version,
            )
        except IntakeInvalid as error:
            return _contract_problem(request, error)
        except AssessmentInvalid:
            # An engine bug, never the patient's doing: keep the draft, say so kindly.
            logger.exception("Assessment broke its contract for draft #%s", draft.pk)
            return render(request, "screening/intake/not_sent.html", status=503)
        return redirect("intake:done")
    context = {
        "form": form,
        "minor": minor,
        "lung_field": bool(_targets(draft, invitation) & LUNG_FIELD),
        "number": step_number("sign"),
        "total": TOTAL_STEPS,
        "rows": [{"field": form[n], "followup": form.followup_attrs(n)} for n in form.fields],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "screening/intake/sign.html", context, status=status)


def _contract_problem(request: HttpRequest, error: IntakeInvalid) -> HttpResponse:
    """A saved answer conflicts with another (e.g. a date before the birth date)."""
    first = error.errors[0]
    step = step_of_error_path(first.path) or "about"
    field = STEP_FORMS[step](appointment_date=None).fields.get(field_of_error_path(first.path))
    if field is not None and field.label:
        messages.error(
            request,
            _(
                "Please check your answer to “%(question)s”: it does not fit with another "
                "answer (for example, a date before the date of birth)."
            )
            % {"question": field.label},
        )
    else:
        messages.error(
            request,
            _("Two of your answers do not fit together. Please check the dates on this page."),
        )
    return redirect(reverse("intake:step", args=[step]) + "?from=review")


@patient_required
def done(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    submission = initial_submission(invitation)
    if submission is None:
        return redirect("intake:home")
    latest = invitation.submissions.order_by("-submitted_at", "-pk").first()
    before, at_visit = grouped_next_steps(latest.assessment)
    context = {
        "before_visit": before,
        "at_visit": at_visit,
        "submission": latest,
        # No leaflet about needling for someone we just told we will not use needles.
        "needling_planned": not needling_off_the_table(latest.assessment),
    }
    return render(request, "screening/intake/done.html", context)
