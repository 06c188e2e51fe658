"""The patient page, the invitation offer, booking a re-screen, and merging two records."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.care.booking import book_rescreen, invite_for_visit
from screening.care.merge import PATIENT_MERGED, merge_patients
from screening.care.visits import CareError, create_visit
from screening.models import AuditEvent, Invitation, Patient, Submission, Visit
from screening.review import access
from tests.care.conftest import invite, submit

TODAY = timezone.localdate


def _post_invitation(client, **extra):
    data = {
        "patient_name": "Avery Thompson",
        "date_of_birth": "1985-03-14",
        "appointment_date": (TODAY() + dt.timedelta(days=3)).isoformat(),
        "appointment_time": "09:30",
        **extra,
    }
    return client.post(reverse("review:invitations"), data)


@pytest.mark.django_db
def test_a_known_name_and_birth_date_is_offered_not_merged(staff_client):
    known = invite().visit.patient
    client = staff_client(access.FRONT_DESK)
    response = _post_invitation(client, patient_name="avery  thompson")
    assert response.status_code == 200
    assert "We already have this patient" in response.content.decode()
    assert Invitation.objects.count() == 1  # nothing created before the choice

    _post_invitation(client, patient_choice=str(known.pk))
    newest = Invitation.objects.latest("pk")
    assert newest.visit.patient == known
    assert known.visits.count() == 2

    _post_invitation(client, patient_choice="new")
    assert Invitation.objects.latest("pk").visit.patient != known
    assert Patient.objects.count() == 2


@pytest.mark.django_db
def test_the_patient_page_shows_every_visit_with_its_current_screening(staff_client):
    first = invite(days_ahead=0)
    form = submit(first)
    submit(first, Submission.Kind.CHECK_IN, example="ex06-severe-needle-phobia", previous=form)
    patient = first.visit.patient
    later = invite(days_ahead=7, patient=patient)
    submit(later, Submission.Kind.FOLLOW_UP, example="ex02-warfarin-inr-above-cap", previous=form)
    client = staff_client(access.PHYSIOTHERAPIST)
    page = client.get(reverse("care:patient", args=[patient.pk])).content.decode()
    assert page.count('class="visit-row"') == 2
    assert "Hold for clearance" in page and "Do not needle" in page
    assert "tier-superseded" in page  # the replaced form of the first visit, greyed
    assert reverse("care:visit_pdf", args=[first.visit.pk]) in page


@pytest.mark.django_db
def test_the_visit_pdf_is_its_current_screening(staff_client):
    invitation = invite()
    form = submit(invitation)
    check_in = submit(invitation, Submission.Kind.CHECK_IN, previous=form)
    client = staff_client(access.PHYSIOTHERAPIST)
    response = client.get(reverse("care:visit_pdf", args=[invitation.visit.pk]))
    assert response.status_code == 200
    assert f"screening-summary-{check_in.pk}-" in response["Content-Disposition"]


@pytest.mark.django_db
def test_book_rescreen_in_one_step(staff_client):
    patient = invite().visit.patient
    day = TODAY() + dt.timedelta(days=6)
    client = staff_client(access.FRONT_DESK)
    page = client.get(reverse("care:patient", args=[patient.pk])).content.decode()
    assert "Book re-screen for" in page
    response = client.post(
        reverse("care:book", args=[patient.pk]),
        {"appointment_date": day.isoformat(), "appointment_time": "09:30"},
        follow=True,
    )
    text = response.content.decode()
    assert "Re-screen booked for" in text and "09:30" in text
    visit = patient.visits.get(appointment_date=day)
    assert visit.invitations.count() == 1
    assert "/p/" in text or "fresh-link" in text


@pytest.mark.django_db
def test_a_booked_visit_is_invited_with_one_button(staff_client):
    patient = invite().visit.patient
    visit = create_visit(
        patient, appointment_date=TODAY() + dt.timedelta(days=9), appointment_time=dt.time(9, 30)
    )
    client = staff_client(access.FRONT_DESK)
    page = client.get(reverse("care:patient", args=[patient.pk])).content.decode()
    words = f"Book re-screen for {visit.appointment_date:%a} {visit.appointment_date.day} "
    assert words in page
    client.post(reverse("care:invite_visit", args=[visit.pk]))
    assert visit.invitations.count() == 1


@pytest.mark.django_db
def test_a_second_invitation_for_one_visit_is_refused_and_changes_nothing(staff_client):
    invitation = invite()
    with pytest.raises(CareError, match="already has an invitation"):
        invite_for_visit(invitation.visit)
    client = staff_client(access.FRONT_DESK)
    response = client.post(reverse("care:invite_visit", args=[invitation.visit.pk]), follow=True)
    assert "already has an invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


@pytest.mark.django_db
def test_booking_in_the_past_is_refused():
    patient = invite().visit.patient
    with pytest.raises(CareError, match="past"):
        book_rescreen(patient, TODAY() - dt.timedelta(days=1), None)
    assert Visit.objects.count() == 1


@pytest.mark.django_db
def test_merge_moves_visits_keeps_both_records_and_is_audited(staff_client):
    one = invite(email="").visit.patient
    two = invite(name="Avery Thomson", email="avery@example.org").visit.patient
    submit(two.visits.get().invitations.get())
    client = staff_client(access.FRONT_DESK)
    confirm = client.get(reverse("care:merge", args=[one.pk]), {"other": two.pk})
    assert "Merge the records" in confirm.content.decode()
    client.post(reverse("care:merge", args=[one.pk]), {"other": two.pk})
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.visits.count() == 2 and two.visits.count() == 0
    assert two.merged_into == one and one.email == "avery@example.org"
    assert Submission.objects.count() == 1  # nothing deleted or rewritten
    event = AuditEvent.objects.get(action=PATIENT_MERGED)
    assert event.object_id == str(one.pk) and event.detail["merged"] == two.pk
    assert "Avery" not in str(event.detail)
    # The merged record's page leads to the kept one.
    assert client.get(reverse("care:patient", args=[two.pk])).url.endswith(f"/{one.pk}/")


@pytest.mark.django_db
def test_merging_two_different_birth_dates_is_refused_and_changes_nothing(staff_client):
    one = invite().visit.patient
    two = invite(date_of_birth=dt.date(1986, 3, 14)).visit.patient
    with pytest.raises(CareError, match="dates of birth differ"):
        merge_patients(one, two, request=None)
    client = staff_client(access.FRONT_DESK)
    response = client.post(reverse("care:merge", args=[one.pk]), {"other": two.pk}, follow=True)
    assert "dates of birth differ" in response.content.decode()
    two.refresh_from_db()
    assert two.merged_into is None and two.visits.count() == 1
    assert not AuditEvent.objects.filter(action=PATIENT_MERGED).exists()


@pytest.mark.django_db
def test_the_patient_page_reads_a_fixed_number_of_queries_whatever_the_visit_count(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = invite(days_ahead=1)
    patient = first.visit.patient
    client = staff_client(access.PHYSIOTHERAPIST)
    url = reverse("care:patient", args=[patient.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    form = submit(first)
    submit(first, Submission.Kind.CHECK_IN, previous=form)
    few = count()
    for days in range(2, 12):
        later = invite(days_ahead=days, patient=patient)
        submit(later, Submission.Kind.FOLLOW_UP, previous=form)
    assert count() == few
