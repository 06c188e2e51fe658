"""Check-in on the appointment day (clinical-rules 3.8), also from the front desk's tablet.

The check-in asks `day_of` and whether anything changed; a yes reopens the steps concerned.
It then stores a new intake document (completed_on = the appointment date, with day_of) and
a new assessment as a `check_in` Submission pointing at the first; both are kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from screening.contracts import IntakeInvalid
from screening.intake.access import (
    SESSION_KIOSK,
    end_patient_session,
    forget_link,
    mark_verified,
    patient_required,
    start_patient_session,
)
from screening.intake.drafts import get_draft, save_meta
from screening.intake.final import document_for
from screening.intake.forms_patient import STEPS_FOR_CHANGE, CheckInForm
from screening.intake.state import check_in_open, check_in_submission, initial_submission
from screening.intake.steps import QUESTION_STEPS
from screening.intake.submit import create_submission
from screening.models import Invitation, Submission
from screening.review.access import CLINICAL_ROLES, staff_required
from screening.review.audit import record

VISIT_PASSED = gettext_lazy(
    "This visit has already happened, so its check-in is closed. Nothing was changed."
)
CHECK_IN_CLOSED = gettext_lazy("The check-in is not open for this visit. Nothing was changed.")


def _passed(invitation: Invitation) -> bool:
    return invitation.appointment_date < timezone.localdate()


def reopened_steps(changes: list[str]) -> list[str]:
    wanted = {step for change in changes for step in STEPS_FOR_CHANGE.get(change, ())}
    return [step.name for step in QUESTION_STEPS if step.name in wanted]


@patient_required
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if check_in_submission(invitation) is not None:
        return redirect("intake:check_in_done")
    if not check_in_open(invitation):
        if _passed(invitation):
            messages.info(request, VISIT_PASSED)
        return redirect("intake:home")
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = get_draft(invitation)
        reopen = reopened_steps(form.cleaned_data.get("changes") or [])
        save_meta(
            draft,
            "_checkin",
            {"substances_recent": form.cleaned_data["substances_recent"], "reopen": reopen},
        )
        if reopen:
            return redirect("intake:step", name=reopen[0])
        return _submit_check_in(request, invitation, draft)
    rows = [{"field": form[name], "followup": form.followup_attrs(name)} for name in form.fields]
    status = 400 if request.method == "POST" else 200
    return render(
        request, "screening/intake/check_in.html", {"form": form, "rows": rows}, status=status
    )


@patient_required
@require_http_methods(["GET", "POST"])
def check_in_finish(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """After the reopened steps: confirm and store the check-in."""
    if check_in_submission(invitation) is not None:
        return redirect("intake:check_in_done")
    draft = get_draft(invitation)
    if not check_in_open(invitation) or "_checkin" not in draft.answers:
        return redirect("intake:home")
    if request.method == "POST":
        return _submit_check_in(request, invitation, draft)
    return render(request, "screening/intake/check_in_finish.html")


def _submit_check_in(request: HttpRequest, invitation: Invitation, draft) -> HttpResponse:
    first = initial_submission(invitation)
    state = draft.answers["_checkin"]
    document = document_for(
        draft,
        invitation,
        day_of={"substances_recent": state["substances_recent"]},
        completed_on=invitation.appointment_date,
    )
    try:
        create_submission(
            invitation=invitation,
            draft=draft,
            document=document,
            signatures=first.signatures,
            consent_text_version=first.consent_text_version,
            privacy_notice_version=first.privacy_notice_version,
            consent_language=first.consent_language,
            privacy_notice_language=first.privacy_notice_language,
            kind=Submission.Kind.CHECK_IN,
            previous=first,
        )
    except IntakeInvalid:
        reopen = state.get("reopen") or ["about"]
        return redirect("intake:step", name=reopen[0])
    return redirect("intake:check_in_done")


@patient_required
def check_in_done(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    kiosk = bool(request.session.get(SESSION_KIOSK))
    if kiosk:
        # The tablet goes back to the desk: nothing of this patient stays reachable on it.
        end_patient_session(request)
    response = render(request, "screening/intake/check_in_done.html", {"kiosk": kiosk})
    return forget_link(response) if kiosk else response


@staff_required(*CLINICAL_ROLES)
@require_http_methods(["GET", "POST"])
def desk_check_in(request: HttpRequest, invitation_id: int) -> HttpResponse:
    """Front desk: hand a clinic tablet to the patient for their check-in.

    Signing the staff member out first keeps the staff workspace off the patient's screen.
    """
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    is_open = check_in_open(invitation)
    refused = request.method == "POST" and not is_open
    if refused:
        # Closed (a visit that already happened, no form yet, or done): stay signed in.
        messages.error(request, VISIT_PASSED if _passed(invitation) else CHECK_IN_CLOSED)
    if request.method == "GET" or refused:
        return render(
            request,
            "screening/intake/desk_check_in.html",
            {"invitation": invitation, "open": is_open},
            status=409 if refused else 200,
        )
    record(request, "check_in_opened", invitation)
    logout(request)
    start_patient_session(request, invitation)
    mark_verified(request, invitation)
    request.session[SESSION_KIOSK] = True
    # No other patient's link cookie stays on the clinic tablet.
    return forget_link(redirect("intake:check_in"))
