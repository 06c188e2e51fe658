"""The patient's follow-up re-screen pages: what changed, the reopened steps, send.

The reopened steps are the intake's own step pages; the intake sends the patient back here
when the last of them is saved (screening.intake.state.follow_up_reopened).
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from screening.care import follow_up
from screening.care.follow_up_form import ChangesForm, ConfirmForm
from screening.care.visits import CareError
from screening.contracts import AssessmentInvalid, IntakeInvalid
from screening.intake.access import patient_required
from screening.intake.drafts import get_draft, save_meta
from screening.intake.patient_messages import grouped_next_steps
from screening.intake.privacy import acknowledged_current_notice
from screening.models import Invitation

logger = logging.getLogger(__name__)
FULL_FORM = "_full_form"  # draft key: the patient was told why the whole form is asked


def wants_follow_up(invitation: Invitation, draft) -> bool:
    """True when home should send this patient to the follow-up pages first."""
    if draft is None or invitation.submissions.exists():
        return False
    if FULL_FORM in draft.answers:
        return False
    return follow_up.follow_up_basis(invitation) is not None


def _rows(form) -> list[dict]:
    return [{"field": form[n], "followup": form.followup_attrs(n)} for n in form.fields]


def _guard(invitation: Invitation):
    """(draft, basis) or a redirect when these pages do not apply."""
    if invitation.submissions.exists():
        return None, None, redirect("follow_up:done")
    draft = get_draft(invitation)
    if not acknowledged_current_notice(draft):
        return None, None, redirect("intake:privacy")
    basis = follow_up.follow_up_basis(invitation)
    if basis is None:
        return None, None, redirect("intake:home")
    return draft, basis, None


@patient_required
@require_http_methods(["GET", "POST"])
def changes(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    draft, basis, away = _guard(invitation)
    if away:
        return away
    if basis.stale is not None:
        # Not a follow-up: say why in plain words, then the whole form.
        return render(request, "screening/care/full_form_again.html", {"stale": basis.stale})
    form = ChangesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reopen = follow_up.start(draft, invitation, form.changed())
        except CareError as refused:
            form.add_error(None, refused.message)
        else:
            if reopen:
                return redirect("intake:step", name=reopen[0])
            return redirect("follow_up:finish")
    context = {"form": form, "rows": _rows(form), "last": basis.previous}
    status = 400 if request.method == "POST" else 200
    return render(request, "screening/care/follow_up.html", context, status=status)


@patient_required
@require_POST
def start_full_form(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    draft, basis, away = _guard(invitation)
    if away:
        return away
    save_meta(draft, FULL_FORM, {"reason": basis.stale.code if basis.stale else "chosen"})
    return redirect("intake:home")


@patient_required
@require_http_methods(["GET", "POST"])
def finish(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    draft, _basis, away = _guard(invitation)
    if away:
        return away
    if not follow_up.state(draft):
        return redirect("follow_up:changes")
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up.submit(draft, invitation, form.cleaned_data["signature"])
        except CareError as refused:
            form.add_error(None, refused.message)
        except IntakeInvalid:
            reopen = follow_up.state(draft).get("reopen") or ["about"]
            return redirect("intake:step", name=reopen[0])
        except AssessmentInvalid:
            logger.exception("Assessment broke its contract for draft #%s", draft.pk)
            return render(request, "screening/intake/not_sent.html", status=503)
        else:
            return redirect("follow_up:done")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "screening/care/follow_up_finish.html",
        {"form": form, "rows": _rows(form)},
        status=status,
    )


@patient_required
def done(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    latest = invitation.submissions.order_by("-pk").first()
    if latest is None:
        return redirect("intake:home")
    before, at_visit = grouped_next_steps(latest.assessment)
    context = {"before_visit": before, "at_visit": at_visit, "submission": latest}
    return render(request, "screening/care/follow_up_done.html", context)
