"""The visit's PDF: always its current screening (never a replaced one)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from screening.care.current import current_submission
from screening.models import Visit
from screening.review import access, audit


@access.staff_required(*access.CLINICAL_ROLES)
def visit_summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from screening.pdf import render_summary  # WeasyPrint loads only when a PDF is asked for

    visit = get_object_or_404(Visit, pk=pk)
    current = current_submission(visit)
    if current is None:
        raise Http404("Nothing was submitted for this visit yet.")
    submission = access.get_submission_for_staff(request, current.pk, "pdf")
    filename, content_type, content = render_summary(submission)
    audit.record(request, audit.PDF_DOWNLOADED, submission)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
