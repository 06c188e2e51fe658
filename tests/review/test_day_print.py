"""Print the day: one merged PDF of each visit's current screening, in appointment order."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from screening.intake.submit import create_submission
from screening.models import AuditEvent, Submission, SubmissionEvent
from screening.review import access, audit, workflow
from tests.review.test_today import _visit_without_form


def pages_of(response) -> list[str]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def at(submission: Submission, hour: int, minute: int = 0) -> Submission:
    visit = submission.invitation.visit
    visit.appointment_time = dt.time(hour, minute)
    visit.save(update_fields=["appointment_time"])
    return submission


def checked_in(first: Submission, example_document: dict) -> Submission:
    """A day-of check-in replacing `first` for its visit (it becomes the current screening)."""
    return create_submission(
        invitation=first.invitation,
        draft=first.invitation.draft,
        document=example_document,
        signatures=first.signatures,
        consent_text_version=first.consent_text_version,
        kind=Submission.Kind.CHECK_IN,
        previous=first,
    )


@pytest.mark.django_db
def test_the_day_prints_every_current_screening_in_appointment_order(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    late = at(make_submission("ex06-severe-needle-phobia", "Late Larsen", days_ahead=0), 15)
    early = at(make_submission("ex02-warfarin-inr-above-cap", "Early Eriksen", days_ahead=0), 8)
    replaced = at(make_submission("ex01-healthy-adult", "Middle Moreau", days_ahead=0), 11)
    document = dict(replaced.intake_document)
    document["day_of"] = {"substances_recent": "yes"}
    document["completed_on"] = document["appointment_date"]
    current = checked_in(replaced, document)
    assert current.tier == Submission.Tier.DO_NOT_NEEDLE
    _visit_without_form("Waiting Wong", dt.time(9, 0))
    make_submission("ex01-healthy-adult", "Tomorrow Tran", days_ahead=1)

    response = client.get(reverse("review:day_summaries"), {"day": timezone.localdate()})
    assert response.status_code == 200
    assert timezone.localdate().isoformat() in response["Content-Disposition"]
    pages = pages_of(response)
    cover = pages[0]
    assert "3 summaries follow" in cover and "1 visit has no form yet" in cover
    assert (
        cover.index("Early Eriksen")
        < cover.index("Waiting Wong")
        < cover.index("Middle Moreau")
        < cover.index("Late Larsen")
    )
    assert "Tomorrow Tran" not in " ".join(pages)
    # Each summary starts on its own page and keeps its own page numbers.
    starts = [i for i, text in enumerate(pages) if "Page 1 of" in text and i > 0]
    assert len(starts) == 3
    order = [
        next(name for name in ("Early Eriksen", "Middle Moreau", "Late Larsen") if name in pages[i])
        for i in starts
    ]
    assert order == ["Early Eriksen", "Middle Moreau", "Late Larsen"]
    middle = pages[starts[1]]
    # The check-in is printed, not the replaced green form.
    assert "SUPERSEDED" not in " ".join(pages).upper()
    assert "DO NOT NEEDLE" in middle.upper() and "CLEAR, NO FLAGS" not in middle.upper()
    # Audited once per patient printed; the waiting visit has nothing to audit.
    events = AuditEvent.objects.filter(action=audit.DAY_PRINTED)
    assert sorted(int(e.object_id) for e in events) == sorted([early.pk, current.pk, late.pk])
    assert {e.detail["day"] for e in events} == {timezone.localdate().isoformat()}


@pytest.mark.django_db
def test_a_day_with_no_form_yet_says_so_instead_of_an_empty_pdf(staff_client):
    client = staff_client(access.PHYSIOTHERAPIST)
    _visit_without_form("Waiting Wong", dt.time(9, 0))
    response = client.get(reverse("review:day_summaries"), follow=True)
    assert response.redirect_chain and response["Content-Type"].startswith("text/html")
    assert "nothing to print" in response.content.decode()
    assert not AuditEvent.objects.filter(action=audit.DAY_PRINTED).exists()
    bad = client.get(reverse("review:day_summaries"), {"day": "31/12"}, follow=True)
    assert "not a day we can print" in bad.content.decode()


@pytest.mark.django_db
def test_today_offers_the_print_only_when_there_is_something_to_print(
    staff_client, make_submission
):
    client = staff_client(access.FRONT_DESK)
    _visit_without_form("Waiting Wong", dt.time(9, 0))
    assert "Print this day" not in client.get(reverse("review:today")).content.decode()
    make_submission("ex01-healthy-adult", "Clear Person", days_ahead=0)
    html = client.get(reverse("review:today")).content.decode()
    assert "summary (1 form)" in html and reverse("review:day_summaries") in html


@pytest.mark.django_db
def test_signed_out_and_clinic_admin_cannot_print_the_day(client, staff_client):
    response = client.get(reverse("review:day_summaries"))
    assert response.status_code == 302 and "login" in response["Location"]
    admin = staff_client(access.CLINIC_ADMIN)
    assert admin.get(reverse("review:day_summaries")).status_code == 403


@pytest.mark.django_db
def test_each_printed_summary_says_where_it_stands_and_the_latest_decision(
    staff_client, make_submission
):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex06-severe-needle-phobia", "Decided Person", days_ahead=0)
    response = client.get(reverse("review:summary_pdf", args=[submission.pk]))
    assert "Status New" in pages_of(response)[0]
    workflow.record_decision(
        submission, actor=client.user, decision="do_not_needle", expected_version=0
    )
    page_one = pages_of(client.get(reverse("review:day_summaries")))[1]
    status = Submission.Status.DECIDED.label
    decision = SubmissionEvent.Decision("do_not_needle").label
    assert f"Status {status}: {decision} ({client.user.get_username()}," in page_one
