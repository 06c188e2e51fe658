"""The follow-up re-screen through the patient's pages (test client, real views and DB)."""

import pytest
from django.urls import reverse

from screening.care.follow_up import TOPIC_CODES
from screening.models import Submission
from tests.care.test_follow_up import NAME, first_visit, next_visit, open_as_patient
from tests.intake.conftest import post_step
from tests.intake.posts import HEALTHY

pytestmark = pytest.mark.django_db
NO_CHANGE = dict.fromkeys(TOPIC_CODES, "False")


def test_a_returning_patient_gets_the_short_re_screen_and_a_yes_opens_the_full_step():
    invitation, form = first_visit()
    second, token = next_visit(invitation)
    client = open_as_patient(token)
    assert client.get(reverse("intake:home"))["Location"] == reverse("follow_up:changes")
    page = client.get(reverse("follow_up:changes")).content.decode()
    assert "Has anything changed since your last visit?" in page

    response = client.post(reverse("follow_up:changes"), {**NO_CHANGE, "medicines": "True"})
    assert response["Location"] == reverse("intake:step", args=["bleeding"])
    bleeding = client.get(response["Location"]).content.decode()
    assert 'value="no" checked' in bleeding or "checked" in bleeding  # earlier answers shown

    response = post_step(
        client, "bleeding", {**HEALTHY["bleeding"], "anticoagulants": ["apixaban"]}
    )
    assert response["Location"] == reverse("intake:step", args=["infection"])
    response = post_step(client, "infection", HEALTHY["infection"])
    assert response["Location"] == reverse("follow_up:finish")

    response = client.post(reverse("follow_up:finish"), {"agree": "on", "signature": NAME})
    assert response["Location"] == reverse("follow_up:done")
    made = second.submissions.get()
    assert made.kind == Submission.Kind.FOLLOW_UP and made.previous == form
    assert "anticoagulant_doac_or_heparin" in {f["rule"] for f in made.assessment["findings"]}
    assert (
        "Thank you, your answers are sent" in client.get(reverse("follow_up:done")).content.decode()
    )
    # Sent once: the pages now lead to the confirmation, and nothing more is stored.
    client.post(reverse("follow_up:finish"), {"agree": "on", "signature": NAME})
    assert second.submissions.count() == 1


def test_unanswered_change_questions_are_asked_again_and_change_nothing():
    invitation, _form = first_visit()
    second, token = next_visit(invitation)
    client = open_as_patient(token)
    response = client.post(reverse("follow_up:changes"), {"medicines": "False"})
    assert response.status_code == 400
    assert "_followup" not in second.draft.answers


def test_a_stale_screening_says_why_and_opens_the_whole_form():
    invitation, _form = first_visit()
    far, token = next_visit(invitation, days=120)
    client = open_as_patient(token)
    assert client.get(reverse("intake:home"))["Location"] == reverse("follow_up:changes")
    page = client.get(reverse("follow_up:changes")).content.decode()
    assert "This time we ask the whole form" in page and "more than 90 days ago" in page
    # Posting the short form anyway is refused: nothing carried, nothing stored.
    response = client.post(reverse("follow_up:changes"), NO_CHANGE)
    assert "_followup" not in far.draft.answers and not far.submissions.exists()
    assert response.status_code == 200
    client.post(reverse("follow_up:full_form"))
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:step", args=["about"])


def test_the_check_in_on_the_day_follows_a_follow_up():
    invitation, _form = first_visit(days_ahead=0)
    second, token = next_visit(invitation, days=0)  # a second visit today, after the first
    client = open_as_patient(token)
    client.post(reverse("follow_up:changes"), NO_CHANGE)
    client.post(reverse("follow_up:finish"), {"agree": "on", "signature": NAME})
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:check_in")
    client.post(
        reverse("intake:check_in"), {"substances_recent": "no", "anything_changed": "False"}
    )
    kinds = list(second.submissions.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["follow_up", "check_in"]
