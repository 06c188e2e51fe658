"""The analytics page: who sees it, what it records, its charts, and its constant query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from screening.models import AuditEvent
from screening.review import access
from tests.analytics.conftest import CLEAR, DO_NOT_NEEDLE, HOLD, NOON

URL = reverse("review:analytics")
PERIOD = {"date_from": "2026-11-02", "date_to": "2026-11-29"}

pytestmark = pytest.mark.django_db


def _seed(seed, n: int) -> None:
    examples = (CLEAR, HOLD, DO_NOT_NEEDLE)
    for i in range(n):
        submission = seed.submission(examples[i % 3], opened=NOON)
        if i % 2:
            seed.event(submission, NOON, decision="proceed", reason=f"reason {i}")


def test_physio_and_clinic_admin_see_it_front_desk_does_not(staff_client):
    assert staff_client(access.PHYSIOTHERAPIST).get(URL).status_code == 200
    admin = staff_client(access.CLINIC_ADMIN)
    response = admin.get(URL)
    assert response.status_code == 200
    assert reverse("review:analytics").encode() in response.content  # the nav link
    desk = staff_client(access.FRONT_DESK)
    assert desk.get(URL).status_code == 403
    assert b'href="' + URL.encode() + b'"' not in desk.get(reverse("review:today")).content


def test_each_view_is_audited_with_the_period_only(staff_client):
    staff_client(access.CLINIC_ADMIN).get(URL, PERIOD)
    event = AuditEvent.objects.get(action="analytics_viewed")
    assert event.detail == {"start": "2026-11-02", "end": "2026-11-29"}


def test_it_shows_known_figures_in_tables_with_plain_rule_names(staff_client, seed):
    _seed(seed, 6)
    page = staff_client(access.PHYSIOTHERAPIST).get(URL, PERIOD).content.decode()
    assert "Warfarin, INR high or not recent" in page
    assert "anticoagulant_vka_out_of_range" in page  # the id, small, beside it
    assert "Severe fear of needles" in page
    # Proceeded: 1 (hold) and 5 (do not needle) are overrides, 3 (clear) is not.
    assert "reason 1" in page and "reason 5" in page and "reason 3" not in page
    assert "Seed Patient" not in page
    # Tiers table: 2 of 6 each.
    assert re.search(r"Hold for clearance</th><td[^>]*>2</td><td[^>]*>33 %", page)


def test_charts_are_inline_svg_with_no_script_or_style(staff_client, seed):
    _seed(seed, 3)
    page = staff_client(access.PHYSIOTHERAPIST).get(URL, PERIOD).content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="pygal-chart"') >= 4
    body = page.split('<main id="main"', 1)[1]
    assert "<script" not in body.split("</main>")[0]
    assert "<style" not in page and " style=" not in page


def test_a_bad_date_gets_a_clear_message_and_the_default_period(staff_client):
    response = staff_client(access.PHYSIOTHERAPIST).get(URL, {"date_from": "30/11/2026"})
    assert response.status_code == 200
    assert "Use a date such as 2026-11-30." in response.content.decode()
    backwards = staff_client(access.CLINIC_ADMIN).get(
        URL, {"date_from": "2026-11-29", "date_to": "2026-11-02"}
    )
    assert "The start date must be on or before the end date." in backwards.content.decode()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, PERIOD).status_code == 200
    return len(captured.captured_queries)


def test_the_query_count_does_not_grow_with_the_submissions(staff_client, seed):
    client = staff_client(access.PHYSIOTHERAPIST)
    _seed(seed, 10)
    client.get(URL, PERIOD)  # warm the session and permission caches
    with_ten = _queries(client)
    _seed(seed, 190)
    assert _queries(client) == with_ten
    assert with_ten <= 40


def test_the_csv_has_the_figures_and_no_patient_or_reason(staff_client, seed):
    _seed(seed, 6)
    client = staff_client(access.CLINIC_ADMIN)
    response = client.get(reverse("review:analytics_csv"), PERIOD)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert "tier,HOLD_FOR_CLEARANCE,Hold for clearance,2,6,33.3" in body
    assert "flag,needle_phobia_severe,Severe fear of needles,2,6,33.3" in body
    assert "Seed Patient" not in body and "reason " not in body
    assert AuditEvent.objects.filter(action="analytics_exported").count() == 1
