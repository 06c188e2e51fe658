"""When the last screening cannot be carried forward: by table, with the plain-words reason."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from screening.care.basis import basis_for, last_full_form
from screening.care.staleness import CarePolicy, completed_on, staleness
from screening.care.visits import create_visit
from screening.models import Submission
from tests.care.conftest import invite, submit

# (days from the day the form was filled in to the next visit, birth date, expected code or None)
TABLE = [
    (30, dt.date(1985, 3, 14), None),
    (90, dt.date(1985, 3, 14), None),
    (91, dt.date(1985, 3, 14), "too_old"),
    (200, dt.date(1985, 3, 14), "too_old"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "born", "expected"), TABLE)
def test_policy_age(days, born, expected):
    form = submit(invite(date_of_birth=born, days_ahead=0))
    stale = staleness(form, completed_on(form) + dt.timedelta(days=days))
    assert (stale.code if stale else None) == expected
    if stale:
        assert "90 days" in stale.staff_words and "90 days" in stale.patient_words


@pytest.mark.django_db
@override_settings(CARE_POLICY={"rescreen_max_age_days": 30})
def test_the_clinic_sets_its_own_policy_age():
    form = submit(invite(days_ahead=0))
    assert staleness(form, form.appointment_date + dt.timedelta(days=31)).code == "too_old"


def test_a_bad_policy_stops_the_start():
    for bad in ({"rescreen_max_age_days": 0}, {"max_days": 3}):
        with override_settings(CARE_POLICY=bad), pytest.raises(ImproperlyConfigured):
            CarePolicy.from_settings()


@pytest.mark.django_db
def test_turning_18_between_visits_asks_the_whole_form():
    invitation = invite(days_ahead=0)
    birthday = invitation.appointment_date + dt.timedelta(days=20)
    born = birthday.replace(year=birthday.year - 18)

    def seventeen(document):
        document["about"]["date_of_birth"] = born.isoformat()

    form = submit(invitation, example="ex07-minor-with-guardian", edit=seventeen)
    assert form.assessment["age_at_appointment"] == 17
    assert staleness(form, birthday - dt.timedelta(days=1)) is None
    stale = staleness(form, birthday)
    assert stale is not None and stale.code == "turned_adult"
    assert "18" in stale.patient_words


@pytest.mark.django_db
def test_a_ruleset_change_that_changes_the_findings_makes_it_stale():
    form = submit(invite(days_ahead=0), example="ex02-warfarin-inr-above-cap")
    # As if stored under an older ruleset whose result differed from today's.
    Submission.objects.filter(pk=form.pk).update(
        ruleset_version="0.9.0", assessment={**form.assessment, "findings": [], "tier": "CLEAR"}
    )
    form.refresh_from_db()
    stale = staleness(form, form.appointment_date + dt.timedelta(days=7))
    assert stale is not None and stale.code == "rules_changed"
    assert "0.9.0" in stale.staff_words


@pytest.mark.django_db
def test_a_ruleset_change_that_reads_the_answers_the_same_is_not_stale():
    form = submit(invite(days_ahead=0), example="ex02-warfarin-inr-above-cap")
    Submission.objects.filter(pk=form.pk).update(ruleset_version="0.9.0")
    form.refresh_from_db()
    assert staleness(form, form.appointment_date + dt.timedelta(days=7)) is None


@pytest.mark.django_db
def test_the_basis_of_a_next_visit_goes_back_to_the_last_full_form():
    first = invite(days_ahead=0)
    form = submit(first)
    check_in = submit(first, Submission.Kind.CHECK_IN, previous=form)
    nxt = create_visit(
        first.visit.patient, appointment_date=first.appointment_date + dt.timedelta(days=7)
    )
    basis = basis_for(nxt)
    assert basis.previous == check_in and basis.last_full == form and basis.follow_up
    assert last_full_form(check_in) == form
    far = create_visit(
        first.visit.patient, appointment_date=first.appointment_date + dt.timedelta(days=120)
    )
    assert not basis_for(far).follow_up
    assert basis_for(far).stale.code == "too_old"
