"""The current screening of a visit and supersession, by table (screening/care/current.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from screening.care import current
from screening.models import Submission, Visit
from tests.care.conftest import invite, submit

K = Submission.Kind

# (kinds submitted for one visit, in order) -> index of the current one
TABLE = [
    ((K.INITIAL,), 0),
    ((K.INITIAL, K.CHECK_IN), 1),
    ((K.FOLLOW_UP,), 0),
    ((K.FOLLOW_UP, K.CHECK_IN), 1),
    ((K.CHECK_IN,), 0),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kinds", "expected"), TABLE)
def test_the_latest_submission_of_a_visit_is_current(kinds, expected):
    invitation = invite()
    made = []
    for kind in kinds:
        made.append(submit(invitation, kind, previous=made[-1] if made else None))
    winner = made[expected]
    assert current.current_submission(invitation.visit) == winner
    assert current.current_for_invitation(invitation) == winner
    for sub in made:
        by = current.superseded_by(sub)
        assert by == (None if sub == winner else winner)
        assert current.is_current(sub) is (sub == winner)
    assert list(current.only_current(Submission.objects.all())) == [winner]
    annotated = {s.pk: s for s in current.with_current_pk(Submission.objects.all())}
    for sub in made:
        assert annotated[sub.pk].current_pk == winner.pk
        assert current.superseded_by(annotated[sub.pk]) == (None if sub == winner else winner)


@pytest.mark.django_db
def test_a_later_visit_does_not_supersede_an_earlier_visits_screening():
    first = invite(days_ahead=1)
    form = submit(first)
    later = invite(days_ahead=8, patient=first.visit.patient)
    follow_up = submit(later, K.FOLLOW_UP, previous=form)
    assert later.visit.patient == first.visit.patient
    assert current.current_submission(first.visit) == form
    assert current.current_submission(later.visit) == follow_up
    assert current.superseded_by(form) is None


@pytest.mark.django_db
def test_a_visit_with_nothing_submitted_has_no_current_screening():
    invitation = invite()
    assert current.current_submission(invitation.visit) is None
    [visit] = current.with_current(Visit.objects.all())
    assert visit.current is None


@pytest.mark.django_db
def test_with_current_reads_any_number_of_visits_in_two_queries():
    for index in range(30):
        invitation = invite(name=f"Patient {index}")
        form = submit(invitation)
        if index % 2:
            submit(invitation, K.CHECK_IN, example="ex06-severe-needle-phobia", previous=form)
    with CaptureQueriesContext(connection) as queries:
        visits = current.with_current(Visit.objects.all())
        tiers = [v.current.tier for v in visits]
    assert len(queries) == 2
    assert tiers.count("DO_NOT_NEEDLE") == 15
    assert tiers.count("CLEAR") == 15
