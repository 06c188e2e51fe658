"""The clearance loop's staff actions: the letter sent, the returned letter kept and read.

Each is audited. The returned letter is served only here, to clinical roles, never from a
static or media URL (screening/models/clearance.py keeps it in a private directory).
"""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from screening.care.current import superseded_by
from screening.models import Clearance
from screening.review import access, audit, clearance, submission_page
from screening.review.forms import ClearanceLetterForm
from screening.review.views.submission import render_page


def _clearable(request: HttpRequest, pk: int, action: str):
    submission = access.get_submission_for_staff(request, pk, action)
    if not submission_page.clearance_findings(submission.assessment):
        raise Http404("This screening has nothing that needs a physician's clearance.")
    if submission.invitation.visit_id is None:
        raise Http404("This screening has no visit.")
    return submission


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def mark_requested(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter was printed or emailed to the physician: the clearance is requested."""
    submission = _clearable(request, pk, "status")
    if superseded_by(submission) is not None:
        messages.error(request, _("Not saved: a later screening replaced this one."))
        return redirect("review:submission", pk=submission.pk)
    method = request.POST.get("method", "")
    if method not in Clearance.Method.values:
        messages.error(request, _("Choose whether the letter was printed or emailed."))
        return redirect("review:clearance_letter", pk=submission.pk)
    record = clearance.request(submission, actor=request.user, method=method)
    audit.record(
        request, audit.CLEARANCE_REQUESTED, record, submission=submission.pk, method=method
    )
    messages.success(
        request,
        _("Clearance marked as requested. The physician's reply can be uploaded when it arrives."),
    )
    return redirect("review:clearance_letter", pk=submission.pk)


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def upload_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The front desk keeps the physician's returned letter; a refused file loses nothing."""
    submission = _clearable(request, pk, "status")
    record = clearance.for_visit(submission.invitation.visit_id)
    if record is None:
        messages.error(request, _("Print or email the clearance letter first."))
        return redirect("review:submission", pk=submission.pk)
    form = ClearanceLetterForm(request.POST, request.FILES, prefix="clearance")
    if not form.is_valid():
        # Only why, never the file's name: a name may carry the patient's.
        audit.record(
            request,
            audit.CLEARANCE_UPLOAD_REFUSED,
            record,
            submission=submission.pk,
            size=getattr(request.FILES.get("clearance-letter"), "size", 0),
        )
        messages.error(request, _("The letter was not kept: see the message in the form."))
        return render_page(request, submission, bound_form=form, status=400)
    clearance.receive(
        record,
        actor=request.user,
        upload=form.cleaned_data["letter"],
        note=form.cleaned_data["note"],
    )
    audit.record(
        request,
        audit.CLEARANCE_RECEIVED,
        record,
        submission=submission.pk,
        content_type=record.letter_content_type,
        size=record.letter_size,
    )
    messages.success(
        request, _("The physician's letter is kept. The physiotherapist can now decide.")
    )
    return redirect("review:submission", pk=submission.pk)


@access.staff_required(*access.CLINICAL_ROLES)
def letter_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The returned letter, to clinical roles only; every opening is audited."""
    submission = access.get_submission_for_staff(request, pk, "view")
    record = clearance.for_visit(submission.invitation.visit_id)
    if record is None or not record.letter:
        raise Http404("No returned letter is kept for this visit.")
    audit.record(request, audit.CLEARANCE_LETTER_VIEWED, record, submission=submission.pk)
    extension = record.letter.name.rsplit(".", 1)[-1]
    response = FileResponse(
        record.letter.open("rb"),
        content_type=record.letter_content_type,
        as_attachment=False,
        filename=f"clearance-letter-{submission.pk}.{extension}",
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
