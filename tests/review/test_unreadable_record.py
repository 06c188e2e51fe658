"""Issue 9, point 8: a stored record that no longer parses never gives a blank 500."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from screening.models import AuditEvent, Submission


@pytest.fixture
def broken(make_submission) -> Submission:
    submission = make_submission()
    # As an older version or a hand edit might have left it: keys missing, a wrong type.
    Submission.objects.filter(pk=submission.pk).update(
        assessment={"tier": submission.tier, "findings": "not a list"}, intake_document={}
    )
    return Submission.objects.get(pk=submission.pk)


@pytest.mark.django_db
def test_the_page_shows_what_it_can_and_says_the_record_could_not_be_read(staff_client, broken):
    client = staff_client("physiotherapist")
    response = client.get(reverse("review:submission", args=[broken.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "This record could not be read in full" in page
    assert broken.patient_name in page
    event = AuditEvent.objects.get(action="record_unreadable")
    assert event.detail["where"] == "page" and event.object_id == str(broken.pk)


@pytest.mark.django_db
def test_the_pdf_says_so_too(staff_client, broken):
    client = staff_client("physiotherapist")
    response = client.get(reverse("review:summary_pdf", args=[broken.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "could not be read in full" in text.lower()
    assert AuditEvent.objects.filter(action="record_unreadable", detail__where="pdf").exists()
