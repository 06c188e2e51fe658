"""The queue: upcoming submissions, needing action first, filters, and no N+1 queries."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from screening.models import Submission
from screening.review import access, workflow

_KIND_NUMBERS = itertools.count()


def _copies(template: Submission, count: int, **changes) -> None:
    """Bulk copies of a real submission (the queue reads only the copied columns)."""
    rows = []
    for number in range(count):
        row = Submission(
            **{
                f.attname: getattr(template, f.attname)
                for f in Submission._meta.concrete_fields
                if f.attname not in ("id", "kind")
            }
        )
        row.kind = f"x{next(_KIND_NUMBERS)}"  # unique (draft, kind) without new drafts
        row.patient_name = f"Patient {number:04d}"
        for key, value in changes.items():
            setattr(row, key, value)
        rows.append(row)
    Submission.objects.bulk_create(rows, batch_size=500)


def _show(client, page=None, **filters):
    """Set the queue's filters as staff do (posted, kept in the session), then view a page."""
    client.post(reverse("review:queue"), filters)
    return client.get(reverse("review:queue"), {"page": page} if page else {})


def _queue_queries(client, page=None, **filters) -> int:
    client.post(reverse("review:queue"), filters)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("review:queue"), {"page": page} if page else {})
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_the_rows(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    template = make_submission()
    _copies(template, 9)
    assert Submission.objects.count() == 10
    with_ten = _queue_queries(client)
    _copies(template, 490, patient_name="x")
    assert Submission.objects.count() == 500
    with_five_hundred = _queue_queries(client)
    assert with_ten == with_five_hundred
    # +1: the page's reasons, read in one query for the page's rows.
    # +1 more: the navigation's needs-action count; +1: the clinic profile (its name heads
    # every page, read once per page).
    assert with_five_hundred <= 11
    # Filters and a later page do not add per-row queries either.
    assert _queue_queries(client, tier="flagged", page=3) == with_ten


@pytest.mark.django_db
def test_it_puts_those_needing_action_first_then_sorts_by_appointment(
    staff_client, make_submission
):
    client = staff_client(access.FRONT_DESK)
    clear_soon = make_submission("ex01-healthy-adult", "Clear Soon", days_ahead=1)
    hold_later = make_submission("ex02-warfarin-inr-above-cap", "Hold Later", days_ahead=5)
    review_sooner = make_submission("ex05-pacemaker-left", "Review Sooner", days_ahead=3)
    decided = make_submission("ex06-severe-needle-phobia", "Decided Earlier", days_ahead=2)
    workflow.record_decision(
        decided, actor=client.user, decision="do_not_needle", expected_version=0
    )
    rows = list(client.get(reverse("review:queue")).context["page"].object_list)
    assert [r.pk for r in rows] == [review_sooner.pk, hold_later.pk, clear_soon.pk, decided.pk]


@pytest.mark.django_db
def test_it_filters_by_tier_status_dates_and_name(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    clear = make_submission("ex01-healthy-adult", "Grace Kim", days_ahead=1)
    hold = make_submission("ex02-warfarin-inr-above-cap", "Omar Haddad", days_ahead=4)
    make_submission("ex05-pacemaker-left", "Lucas Roy", days_ahead=8)
    workflow.change_status(clear, actor=client.user, status="reviewed", expected_version=0)

    def names(**params):
        page = _show(client, **params).context["page"]
        return sorted(r.patient_name for r in page.object_list)

    assert names(tier="flagged") == ["Lucas Roy", "Omar Haddad"]
    assert names(tier="HOLD_FOR_CLEARANCE") == ["Omar Haddad"]
    assert names(status="reviewed") == ["Grace Kim"]
    assert names(q="haddad") == ["Omar Haddad"]
    today = hold.appointment_date - dt.timedelta(days=4)
    assert names(date_from=today + dt.timedelta(days=2), date_to=today + dt.timedelta(days=5)) == [
        "Omar Haddad"
    ]


@pytest.mark.django_db
def test_it_leaves_out_past_appointments_by_default(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    past = make_submission(name="Last Week", days_ahead=-7)
    make_submission(name="Next Week", days_ahead=7)
    page = client.get(reverse("review:queue")).context["page"]
    assert [r.patient_name for r in page.object_list] == ["Next Week"]
    page = _show(client, date_from=past.appointment_date).context["page"]
    assert len(page.object_list) == 2


@pytest.mark.django_db
def test_each_tier_badge_says_its_word(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission("ex06-severe-needle-phobia")
    html = client.get(reverse("review:queue")).content.decode()
    assert 'class="badge tier-badge tier-do_not_needle">Do not needle</span>' in html


@pytest.mark.django_db
def test_a_bad_filter_value_shows_the_queue_with_a_message_not_an_error(staff_client):
    client = staff_client(access.FRONT_DESK)
    response = _show(client, page="abc", date_from="yesterday")
    assert response.status_code == 200
    assert b"Enter a valid date" in response.content


@pytest.mark.django_db
def test_a_searched_name_never_goes_into_a_url(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission(name="Omar Haddad")
    make_submission(name="Grace Kim")
    response = client.post(reverse("review:queue"), {"q": "Haddad"})
    assert response.status_code == 302
    assert response["Location"] == reverse("review:queue")
    page = client.get(response["Location"])
    assert [r.patient_name for r in page.context["page"].object_list] == ["Omar Haddad"]
    assert "Haddad" not in page.content.decode().split("<tbody>")[0].split("<form")[0]
    cleared = client.post(reverse("review:queue"), {"clear": "1"})
    names = client.get(cleared["Location"]).context["page"].object_list
    assert len(names) == 2
