"""The follow-up re-screen, at the domain level: carry forward, reopen, merge, link."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.care import follow_up
from screening.care.booking import book_rescreen
from screening.care.visits import CareError
from screening.intake.drafts import acknowledge_privacy
from screening.models import IntakeDraft, Invitation, Submission
from screening.review import access
from tests.intake.conftest import fill_all_steps, open_link, post_step, sign
from tests.intake.posts import HEALTHY, date_parts

pytestmark = pytest.mark.django_db
NAME = "Avery Thompson"


def open_as_patient(token: str) -> Client:
    """Open the link, pass the date-of-birth check, acknowledge the privacy notice."""
    client = Client()
    open_link(client, token)
    client.post(reverse("intake:gate"), date_parts("date_of_birth", "1988-04-12"))
    client.post(reverse("intake:privacy"))
    return client


def first_visit(days_ahead: int = 1):
    from screening.intake.invitations import create_invitation

    invitation, token = create_invitation(
        patient_name=NAME,
        appointment_date=timezone.localdate() + dt.timedelta(days=days_ahead),
        date_of_birth=dt.date(1988, 4, 12),
    )
    client = open_as_patient(token)
    fill_all_steps(client)
    sign(client, name=NAME)
    return invitation, invitation.submissions.get()


def next_visit(invitation: Invitation, days: int = 8) -> tuple[Invitation, str]:
    day = invitation.appointment_date + dt.timedelta(days=days)
    return book_rescreen(invitation.visit.patient, day, dt.time(9, 30))


def test_nothing_changed_carries_every_answer_into_a_linked_follow_up():
    invitation, form = first_visit()
    second, _token = next_visit(invitation)
    assert follow_up.follow_up_basis(second).follow_up
    draft = acknowledge_privacy(second)
    assert follow_up.start(draft, second, []) == []
    made = follow_up.submit(draft, second, NAME)
    assert made.kind == Submission.Kind.FOLLOW_UP and made.previous == form
    assert made.invitation == second
    assert made.tier == form.tier
    for section in ("about", "consent", "bleeding", "infection", "conditions"):
        assert made.intake_document[section] == form.intake_document[section]
    assert made.intake_document["completed_on"] == timezone.localdate().isoformat()
    assert made.signatures["name"] == NAME and made.signatures["follow_up_of"] == form.pk


def test_a_yes_reopens_the_full_step_and_the_engine_runs_on_the_merged_document(staff_client):
    invitation, form = first_visit()
    second, token = next_visit(invitation)
    client = open_as_patient(token)
    draft = IntakeDraft.objects.get(invitation=second)
    assert follow_up.start(draft, second, ["medicines"]) == ["bleeding", "infection"]
    bleeding = {**HEALTHY["bleeding"], "anticoagulants": ["apixaban"]}
    assert post_step(client, "bleeding", bleeding).status_code == 302
    draft.refresh_from_db()
    made = follow_up.submit(draft, second, NAME)
    rules = {f["rule"] for f in made.assessment["findings"]}
    assert "anticoagulant_doac_or_heparin" in rules
    assert made.tier != "CLEAR" and form.tier == "CLEAR"
    assert made.intake_document["conditions"] == form.intake_document["conditions"]

    staff = staff_client(access.PHYSIOTHERAPIST)
    page = staff.get(reverse("review:submission", args=[made.pk])).content.decode()
    changed = page.index("What changed since the last screening")
    assert "anticoagulant_doac_or_heparin" in page[changed:]
    assert "Patient record and visits" in page


def test_a_stale_last_screening_refuses_the_follow_up_and_changes_nothing():
    invitation, _form = first_visit()
    far, _token = next_visit(invitation, days=120)
    basis = follow_up.follow_up_basis(far)
    assert basis.stale.code == "too_old" and not basis.follow_up
    draft = acknowledge_privacy(far)
    before = dict(draft.answers)
    with pytest.raises(CareError, match="more than 90 days"):
        follow_up.start(draft, far, [])
    draft.refresh_from_db()
    assert draft.answers == before and not far.submissions.exists()


def test_a_first_visit_has_no_follow_up():
    invitation, _form = first_visit()
    assert follow_up.follow_up_basis(invitation) is None
