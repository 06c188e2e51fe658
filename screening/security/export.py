"""A patient's data for an access request (Alberta HIA, section 7): one submission as JSON."""

import json

from django.http import HttpRequest, HttpResponse

from screening.review import audit
from screening.review.access import CLINICAL_ROLES, get_submission_for_staff, staff_required

EXPORT_FORMAT = "dn-export/1"


@staff_required(*CLINICAL_ROLES)
def export_submission(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the stored intake document and assessment, exactly as they were submitted."""
    submission = get_submission_for_staff(request, pk, "view")
    payload = {
        "format": EXPORT_FORMAT,
        "submission_id": submission.pk,
        "kind": submission.kind,
        "submitted_at": submission.submitted_at.isoformat(),
        "ruleset_version": submission.ruleset_version,
        "consent_text_version": submission.consent_text_version,
        "privacy_notice_version": submission.privacy_notice_version,
        "signatures": submission.signatures,
        "intake": submission.intake_document,
        "assessment": submission.assessment,
    }
    audit.record(request, "submission_exported", submission)
    response = HttpResponse(
        json.dumps(payload, indent=2, ensure_ascii=False), content_type="application/json"
    )
    # No name in the file name: it ends up in download folders and browser histories.
    response["Content-Disposition"] = (
        f'attachment; filename="screening-export-{submission.pk}.json"'
    )
    return response
