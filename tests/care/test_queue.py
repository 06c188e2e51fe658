"""The staff queue shows one row per visit: its current screening."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from screening.models import Submission
from screening.review import queries
from tests.care.conftest import invite, submit


@pytest.mark.django_db
def test_a_check_in_replaces_the_earlier_form_in_the_queue():
    invitation = invite()
    form = submit(invitation, example="ex01-healthy-adult")
    check_in = submit(
        invitation, Submission.Kind.CHECK_IN, example="ex06-severe-needle-phobia", previous=form
    )
    other = submit(invite(name="Sam Lee"))
    rows = list(queries.queue({}))
    assert rows == [check_in, other]
    assert rows[0].tier == "DO_NOT_NEEDLE"


@pytest.mark.django_db
def test_the_queue_reads_any_number_of_visits_in_one_query():
    for index in range(50):
        invitation = invite(name=f"Patient {index}")
        form = submit(invitation)
        submit(invitation, Submission.Kind.CHECK_IN, previous=form)
    with CaptureQueriesContext(connection) as captured:
        rows = list(queries.queue({}))
    assert len(rows) == 50
    assert len(captured) == 1
