"""Today: the day's visits in appointment order, reason, what is still to do, the decision."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from screening.intake.invitations import create_invitation
from screening.review import access, today, workflow


def _visit_without_form(name: str, time: dt.time, days_ahead: int = 0):
    invitation, _token = create_invitation(
        patient_name=name,
        appointment_date=timezone.localdate() + dt.timedelta(days=days_ahead),
        appointment_time=time,
    )
    return invitation


@pytest.mark.django_db
def test_it_lists_todays_visits_in_time_order_with_what_is_still_open(
    staff_client, make_submission
):
    client = staff_client(access.PHYSIOTHERAPIST)
    _visit_without_form("Early Nobody", dt.time(8, 0))
    held = make_submission("ex02-warfarin-inr-above-cap", "Avery Thompson", days_ahead=0)
    clear = make_submission("ex01-healthy-adult", "Clear Person", days_ahead=0)
    phobia = make_submission("ex06-severe-needle-phobia", "Decided Person", days_ahead=0)
    workflow.record_decision(
        phobia, actor=client.user, decision="do_not_needle", expected_version=0
    )
    _visit_without_form("Tomorrow Person", dt.time(9, 0), days_ahead=1)

    response = client.get(reverse("review:today"))
    rows = response.context["rows"]
    names = [row.visit.patient.name for row in rows]
    assert names[0] == "Early Nobody"
    assert "Tomorrow Person" not in names
    todo = {row.visit.patient.name: row.todo for row in rows}
    assert todo == {
        "Early Nobody": today.NOT_STARTED,
        "Avery Thompson": today.NEEDS_REVIEW,
        "Clear Person": today.NOTHING_TO_DO,
        "Decided Person": today.DECIDED,
    }
    html = response.content.decode()
    assert "Warfarin, INR 3.4 on" in html
    assert "Do not needle today" in html
    assert held.pk and clear.pk

    tomorrow = client.get(reverse("review:today"), {"day": response.context["tomorrow"]})
    assert [r.visit.patient.name for r in tomorrow.context["rows"]] == ["Tomorrow Person"]


@pytest.mark.django_db
def test_a_clearance_stays_open_until_a_decision_closes_it(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    held = make_submission("ex02-warfarin-inr-above-cap", days_ahead=0)
    workflow.change_status(
        held, actor=client.user, status="clearance_requested", expected_version=0
    )
    assert [r.todo for r in today.rows_for(timezone.localdate())] == [today.CLEARANCE_OUTSTANDING]
    # "Defer until cleared" is the waiting, not the end: the clearance stays open (issue 11).
    workflow.record_decision(held, actor=client.user, decision="defer", expected_version=1)
    assert [r.todo for r in today.rows_for(timezone.localdate())] == [today.CLEARANCE_OUTSTANDING]
    held.refresh_from_db()
    assert held.action_rank == 0
    workflow.record_decision(
        held, actor=client.user, decision="do_not_needle", expected_version=held.row_version
    )
    assert [r.todo for r in today.rows_for(timezone.localdate())] == [today.DECIDED]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("review:today")).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_the_visits(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    for number in range(3):
        make_submission("ex02-warfarin-inr-above-cap", f"Patient {number}", days_ahead=0)
        _visit_without_form(f"Waiting {number}", dt.time(10, number))
    few = _queries(client)
    for number in range(3, 12):
        make_submission("ex05-pacemaker-left", f"Patient {number}", days_ahead=0)
        _visit_without_form(f"Waiting {number}", dt.time(11, number))
    assert _queries(client) == few


@pytest.mark.django_db
def test_a_bad_day_shows_today_not_an_error(staff_client):
    client = staff_client(access.FRONT_DESK)
    response = client.get(reverse("review:today"), {"day": "not-a-day"})
    assert response.status_code == 200
    assert response.context["is_today"]


@pytest.mark.django_db
def test_after_saving_the_page_offers_the_next_visit_that_needs_action(
    staff_client, make_submission
):
    client = staff_client(access.PHYSIOTHERAPIST)
    first = make_submission("ex02-warfarin-inr-above-cap", "First Open", days_ahead=1)
    second = make_submission("ex05-pacemaker-left", "Second Open", days_ahead=2)
    make_submission("ex01-healthy-adult", "Clear Person", days_ahead=1)
    response = client.post(
        reverse("review:record_decision", args=[first.pk]),
        {"decision-decision": "do_not_needle", "decision-row_version": 0},
        follow=True,
    )
    assert response.context["next_open"].pk == second.pk
    assert "Next visit that needs action" in response.content.decode()
    last = client.get(reverse("review:submission", args=[second.pk]))
    assert last.context["next_open"] is None


@pytest.mark.django_db
def test_the_staff_navigation_counts_what_needs_action(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission("ex02-warfarin-inr-above-cap", "Open One")
    make_submission("ex05-pacemaker-left", "Open Two")
    make_submission("ex01-healthy-adult", "Clear One")
    html = client.get(reverse("review:today")).content.decode()
    assert "2 need action" in html
