"""Superseded means superseded everywhere: page, queue row and PDF, for every tier pair."""

import io
import itertools

import pytest
from django.urls import reverse
from pypdf import PdfReader

from screening.models import Submission, SubmissionEvent
from screening.pdf import render_summary
from screening.review import access, queries
from tests.care.conftest import EXAMPLE_FOR_TIER, invite, submit

TIERS = list(EXAMPLE_FOR_TIER)
PAIRS = list(itertools.product(TIERS, TIERS))
LABEL = dict(Submission.Tier.choices)


def pdf_pages(submission: Submission) -> list[str]:
    _name, _type, data = render_summary(submission)
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def form_then_check_in(earlier: str, later: str) -> tuple[Submission, Submission]:
    invitation = invite()
    form = submit(invitation, example=EXAMPLE_FOR_TIER[earlier])
    check_in = submit(
        invitation, Submission.Kind.CHECK_IN, example=EXAMPLE_FOR_TIER[later], previous=form
    )
    assert (form.tier, check_in.tier) == (earlier, later)
    return form, check_in


@pytest.mark.django_db
@pytest.mark.parametrize(("earlier", "later"), PAIRS)
def test_every_tier_pair_shows_one_row_the_current_tier_and_a_superseded_mark(
    earlier, later, staff_client
):
    form, check_in = form_then_check_in(earlier, later)
    assert [(row.pk, row.tier) for row in queries.queue({})] == [(check_in.pk, later)]

    client = staff_client(access.PHYSIOTHERAPIST)
    page = client.get(reverse("review:submission", args=[form.pk])).content.decode()
    notice = page.index("Replaced by the check-in of")
    assert notice < page.index("Tier:")
    assert f"<strong>{LABEL[later]}</strong>" in page[notice : notice + 400]
    assert reverse("review:submission", args=[check_in.pk]) in page
    assert "tier-superseded" in page
    assert "alert-success" not in page  # the replaced form's banner is never green
    assert "Record decision" not in page

    current_page = client.get(reverse("review:submission", args=[check_in.pk])).content.decode()
    assert "Replaced by" not in current_page
    assert "tier-superseded" not in current_page

    pages = pdf_pages(form)
    assert all("SUPERSEDED: do not use" in text for text in pages)
    assert f"Current tier: {LABEL[later]}".upper() in pages[0].upper()
    assert "Replaced by the check-in of" in pages[0]


@pytest.mark.django_db
@pytest.mark.parametrize("tier", TIERS)
def test_the_current_screenings_pdf_has_no_superseded_mark(tier):
    _form, check_in = form_then_check_in("CLEAR", tier)
    assert not any("SUPERSEDED" in text for text in pdf_pages(check_in))


@pytest.mark.django_db
def test_a_decision_on_a_replaced_screening_is_refused_and_nothing_is_saved(staff_client):
    form, _check_in = form_then_check_in("CLEAR", "DO_NOT_NEEDLE")
    client = staff_client(access.PHYSIOTHERAPIST)
    response = client.post(
        reverse("review:record_decision", args=[form.pk]),
        {"decision-decision": "proceed", "decision-row_version": "0"},
        follow=True,
    )
    assert "a later screening replaced this one" in response.content.decode()
    assert not SubmissionEvent.objects.exists()
    form.refresh_from_db()
    assert form.row_version == 0
