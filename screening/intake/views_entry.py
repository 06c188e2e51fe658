"""Reaching the form: the link, the date-of-birth check, the privacy notice, the dispatcher."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from screening.care.follow_up_views import wants_follow_up
from screening.intake import gate
from screening.intake.access import (
    mark_verified,
    patient_required,
    remember_link,
    saved_date_of_birth,
    session_invitation,
    start_patient_session,
)
from screening.intake.drafts import acknowledge_privacy, get_draft
from screening.intake.forms_patient import GateForm
from screening.intake.invitations import find_invitation, is_expired
from screening.intake.privacy import acknowledged_current_notice, privacy_notice_version
from screening.intake.state import check_in_open, check_in_reopened, initial_submission
from screening.intake.steps import TOTAL_STEPS, first_incomplete_step, step_number
from screening.models import Invitation
from screening.security import link_rate_limit

SESSION_WELCOME_BACK = "intake_welcome_back"


def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the invitation: move the token into the session, then drop it from the URL."""
    wait = link_rate_limit.seconds_refused(request)
    if wait:
        response = render(
            request,
            "screening/intake/too_many_links.html",
            {"minutes": max(1, -(-wait // 60))},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    invitation = find_invitation(token)
    if invitation is None:
        link_rate_limit.count_miss(request)
        return render(request, "screening/intake/no_link.html", status=404)
    if is_expired(invitation):
        return render(request, "screening/intake/expired.html", status=410)
    start_patient_session(request, invitation)
    # Opening the link again with answers saved: greet the patient on the page they land on.
    request.session[SESSION_WELCOME_BACK] = True
    if not saved_date_of_birth(invitation):
        # Nothing to protect yet: this browser may go on, and keeps access once answers exist.
        mark_verified(request, invitation)
    if invitation.first_opened_at is None:
        Invitation.objects.filter(pk=invitation.pk, first_opened_at=None).update(
            first_opened_at=timezone.now()
        )
    return remember_link(redirect("intake:home"), invitation, token)


@patient_required
def home(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Send the patient to where they are: check-in, confirmation, notice or next step."""
    draft = get_draft(invitation)
    if initial_submission(invitation) is not None:
        if check_in_open(invitation):
            reopened = check_in_reopened(draft)
            if reopened:
                return redirect("intake:step", name=reopened[0])
            return redirect("intake:check_in")
        return redirect("intake:done")
    if not acknowledged_current_notice(draft):
        return redirect("intake:privacy")
    if wants_follow_up(invitation, draft):
        # A returning patient: the short "has anything changed?" re-screen (screening/care).
        started = "_followup" in draft.answers
        return redirect("follow_up:finish" if started else "follow_up:changes")
    step = first_incomplete_step(draft.completed_steps)
    if request.session.pop(SESSION_WELCOME_BACK, False) and draft.completed_steps:
        messages.info(request, welcome_back_line(step))
    if step.name == "review":
        return redirect("intake:review")
    return redirect("intake:step", name=step.name)


def welcome_back_line(step) -> str:
    """The line that greets a patient who reopens a form they started (issue 12, point 10)."""
    if step.name == "review":
        return _("Welcome back. Every page is answered: please check your answers and sign.")
    return _(
        "Welcome back. Your answers so far are saved. You are on step %(number)s of %(total)s."
    ) % {"number": step_number(step.name), "total": TOTAL_STEPS}


@require_http_methods(["GET", "POST"])
def check_identity(request: HttpRequest) -> HttpResponse:
    """Ask the date of birth (and last name) before any saved answer is shown again."""
    invitation = session_invitation(request)
    if invitation is None:
        return render(request, "screening/intake/no_link.html", status=403)
    expected = saved_date_of_birth(invitation)
    if not expected:
        mark_verified(request, invitation)
        return redirect("intake:home")
    address = gate.client_address(request)
    ask_last_name = bool(invitation.last_name)
    wait = gate.wait_minutes(invitation, address)
    if wait:
        return _gate_page(request, GateForm(ask_last_name=ask_last_name), wait, status=429)
    if request.method == "GET":
        return _gate_page(request, GateForm(ask_last_name=ask_last_name))
    form = GateForm(request.POST, ask_last_name=ask_last_name)
    if not form.is_valid():
        return _gate_page(request, form, status=400)
    data = form.cleaned_data
    if gate.answers_match(invitation, expected, data["date_of_birth"], data.get("last_name", "")):
        gate.clear_failures(invitation)
        mark_verified(request, invitation)
        return redirect("intake:home")
    gate.record_failure(invitation, address)
    wait = gate.wait_minutes(invitation, address)
    form.add_error(None, _("Those details do not match what we have. Please check and try again."))
    return _gate_page(request, form, wait, status=429 if wait else 400)


def _gate_page(request, form, wait: int = 0, status: int = 200) -> HttpResponse:
    return render(
        request, "screening/intake/gate.html", {"form": form, "wait_minutes": wait}, status=status
    )


@patient_required
def privacy_notice(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """The versioned privacy notice, acknowledged before the first question."""
    if request.method == "POST":
        acknowledge_privacy(invitation, translation.get_language())
        return redirect("intake:home")
    context = {
        "version": privacy_notice_version(translation.get_language()),
        "draft_days": getattr(settings, "DRAFT_RETENTION_DAYS", 30),
    }
    return render(request, "screening/intake/privacy.html", context)


def what_to_expect(request: HttpRequest) -> HttpResponse:
    """Patient education (clinical-rules section 7); no personal information on it."""
    return render(request, "screening/intake/what_to_expect.html")
