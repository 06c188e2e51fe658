"""Documents: the PDF summary, a day's summaries, the FHIR export, the clearance letter.

Every one is audited.
"""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from screening.review import access, audit, clearance, labels, submission_page


@access.staff_required(*access.CLINICAL_ROLES)
def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from screening.pdf import render_summary  # WeasyPrint loads only when a PDF is asked for
    from screening.pdf.render import CONTENT_TYPE, summary_filename
    from screening.review.unreadable import UNREADABLE_ERRORS, unreadable_pdf

    submission = access.get_submission_for_staff(request, pk, "pdf")
    try:
        filename, content_type, content = render_summary(submission)
    except UNREADABLE_ERRORS as error:
        # A PDF that says the record could not be read, never a blank 500 (issue 9, point 8).
        filename, content_type = summary_filename(submission), CONTENT_TYPE
        content = unreadable_pdf(request, submission, error)
    audit.record(request, audit.PDF_DOWNLOADED, submission)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@access.staff_required(*access.CLINICAL_ROLES)
def day_summaries_pdf(request: HttpRequest) -> HttpResponse:
    """The current screening of every visit of `?day=` (default today) as one PDF."""
    from screening.pdf.day_print import day_filename, render_day

    try:
        day = dt.date.fromisoformat(request.GET.get("day") or timezone.localdate().isoformat())
    except ValueError:
        messages.error(request, _("That is not a day we can print. Please choose a date."))
        return redirect("review:today")
    content, printed, _waiting = render_day(day)
    if not printed:
        messages.info(request, _("No visit of that day has a form yet: there is nothing to print."))
        return redirect(f"{reverse('review:today')}?day={day.isoformat()}")
    for submission in printed:
        audit.record(request, audit.DAY_PRINTED, submission, day=day.isoformat())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{day_filename(day)}"'
    return response


@access.staff_required(*access.CLINICAL_ROLES)
def fhir_bundle(request: HttpRequest, pk: int) -> HttpResponse:
    """The submission as a FHIR R4 Bundle (JSON), for the clinic's practice system."""
    from screening.interop.fhir.bundle import bundle_filename, submission_bundle

    submission = access.get_submission_for_staff(request, pk, "pdf")
    bundle = submission_bundle(submission)
    audit.record(request, audit.FHIR_EXPORTED, submission)
    response = JsonResponse(
        bundle, content_type="application/fhir+json", json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{bundle_filename(submission)}"'
    response["Cache-Control"] = "no-store"
    return response


@access.staff_required(*access.CLINICAL_ROLES)
def clearance_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter to the patient's physician: the conditions in plain words, a reply to sign.

    Buttons above it (not printed) record that it was printed or emailed: that starts the
    visit's clearance loop (screening/review/clearance.py).
    """
    submission = access.get_submission_for_staff(request, pk, "letter")
    conditions = submission_page.clearance_findings(submission.assessment)
    if not conditions:
        raise Http404("This submission has nothing that needs a physician's clearance.")
    audit.record(request, audit.LETTER_PRINTED, submission)
    context = {
        "submission": submission,
        "invitation": submission.invitation,
        "conditions": [
            letter_condition(finding, submission.intake_document) for finding in conditions
        ],
        "today": timezone.localdate(),
        "clearance": clearance.for_visit(submission.invitation.visit_id),
        "can_request": access.can(request.user, "status")
        and submission.invitation.visit_id is not None,
    }
    return render(request, "screening/review/clearance_letter.html", context)


def letter_condition(finding: dict, document: dict) -> dict:
    """One condition as a physician reads it: a short headline, the detail, the body sites.

    No rule ids, region codes or field paths: the labels module's plain-text helpers.
    """
    return {
        "headline": labels.finding_reason(finding, document),
        "detail": labels.plain_text(finding["staff_message"]),
        "regions": [name.lower() for name in labels.region_names(finding.get("regions", []))],
    }
