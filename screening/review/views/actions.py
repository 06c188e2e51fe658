"""The POST actions on a submission: a status step, a note, a physiotherapist's decision.

Each form carries the row_version the person saw. If someone else saved in between, the
page comes back with the new state and the person's typed form (nothing is lost).
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from screening.care.current import superseded_by
from screening.models import Clearance
from screening.review import access, audit, submission_page, workflow
from screening.review.forms import DecisionForm, NoteForm, StatusForm
from screening.review.views.submission import render_page

CONFLICT_MESSAGE = gettext_lazy(
    "This submission was changed by someone else while you were working on it. "
    "Here is the new state; your text is still in the form below. Check it and save again."
)

SUPERSEDED_MESSAGE = gettext_lazy(
    "Not saved: a later screening replaced this one for the visit. "
    "Record it on the current screening."
)


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_staff(request, pk, "status")
    form = StatusForm(request.POST, prefix="status")
    return _save(request, submission, form, workflow.change_status, audit.STATUS_CHANGED)


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_staff(request, pk, "note")
    form = NoteForm(request.POST, prefix="note")
    return _save(request, submission, form, workflow.add_note, audit.NOTE_ADDED)


@access.staff_required(access.PHYSIOTHERAPIST)
@require_POST
def record_decision(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_staff(request, pk, "decide")
    form = DecisionForm(
        request.POST,
        prefix="decision",
        tier=submission.tier,
        minor=submission_page.is_minor(submission),
    )
    return _save(request, submission, form, workflow.record_decision, audit.DECISION_RECORDED)


def _save(request, submission, form, action, audit_action: str) -> HttpResponse:
    if superseded_by(submission) is not None:
        # A decision on a replaced screening would be read as today's: refuse, change nothing.
        messages.error(request, SUPERSEDED_MESSAGE)
        return redirect("review:submission", pk=submission.pk)
    if not form.is_valid():
        messages.error(
            request, gettext_lazy("Not saved yet: please check the highlighted form below.")
        )
        return render_page(request, submission, bound_form=form)
    fields = dict(form.cleaned_data)
    expected = fields.pop("row_version")
    try:
        event = action(submission, actor=request.user, expected_version=expected, **fields)
    except workflow.SubmissionChanged as changed:
        messages.warning(request, CONFLICT_MESSAGE)
        data = request.POST.copy()
        data[f"{form.prefix}-row_version"] = str(changed.current.row_version)
        fresh = type(form)(data, prefix=form.prefix, **_extra(form))
        fresh.is_valid()
        return render_page(request, changed.current, bound_form=fresh, conflict=True)
    # Only the codes go to the audit trail: never the note or the reason.
    audit.record(
        request,
        audit_action,
        submission,
        event=event.pk,
        status=event.status,
        decision=event.decision,
    )
    closed = Clearance.objects.filter(closing_decision=event).first()
    if closed is not None:
        audit.record(request, audit.CLEARANCE_CLOSED, closed, submission=submission.pk)
    messages.success(request, gettext_lazy("Saved."))
    return redirect("review:submission", pk=submission.pk)


def _extra(form) -> dict:
    return {"tier": form.tier, "minor": form.minor} if isinstance(form, DecisionForm) else {}
