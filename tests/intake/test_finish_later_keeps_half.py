"""Issue 12, point 2: a half-filled page is kept on "finish later", "Back" and refresh."""

from __future__ import annotations

import pytest
from django.urls import reverse

from screening.intake.partial import PARTIAL_KEY
from screening.models import IntakeDraft
from tests.intake.conftest import post_step
from tests.intake.posts import HEALTHY, date_parts

pytestmark = pytest.mark.django_db

# Half of "About you": who is answering and the height, nothing else (not valid yet).
HALF_ABOUT = {"respondent": "self", "height_cm": "168"}


def draft() -> IntakeDraft:
    return IntakeDraft.objects.get()


def test_finish_later_on_a_half_page_keeps_it_and_reopens_it_checked(patient):
    response = post_step(patient, "about", HALF_ABOUT, action="later")
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:later")
    kept = draft().answers[PARTIAL_KEY]["about"]
    assert kept["data"]["height_cm"] == ["168"] and kept["check"] is True
    assert "about" not in draft().completed_steps  # not an answer yet
    page = patient.get(reverse("intake:step", args=["about"])).content.decode()
    assert 'value="168"' in page
    assert 'value="self" checked' in page or "checked" in page.split('value="self"', 1)[1][:80]
    assert "We kept what you typed on this page" in page
    assert "There is a problem" in page  # checked when the patient comes back


def test_back_on_a_half_page_keeps_it_too(patient):
    post_step(patient, "about", HEALTHY["about"])
    response = post_step(patient, "visit", {}, action="back")
    assert response["Location"] == reverse("intake:step", args=["about"])
    assert PARTIAL_KEY in draft().answers


def test_an_autosave_keeps_the_page_without_errors_and_a_valid_save_replaces_it(patient):
    response = post_step(patient, "about", HALF_ABOUT, action="autosave")
    assert response.status_code == 204
    page = patient.get(reverse("intake:step", args=["about"])).content.decode()
    assert 'value="168"' in page
    assert "There is a problem" not in page  # typed, not submitted: no errors shown yet
    assert post_step(patient, "about", HEALTHY["about"]).status_code == 302
    assert "about" not in draft().answers.get(PARTIAL_KEY, {})
    assert draft().answers["about"]["height_cm"] == 172


def test_a_late_autosave_never_brings_back_what_was_saved_over(patient):
    stale_version = draft().version
    assert post_step(patient, "about", HEALTHY["about"]).status_code == 302
    late = {"version": str(stale_version), "action": "autosave", **HALF_ABOUT}
    assert patient.post(reverse("intake:step", args=["about"]), late).status_code == 204
    assert "about" not in draft().answers.get(PARTIAL_KEY, {})


def test_kept_pages_never_reach_the_screening_document(patient):
    from screening.intake.final import document_for

    post_step(patient, "about", HEALTHY["about"])
    post_step(patient, "visit", {"pain_regions": ["NECK"]}, action="autosave")
    document = document_for(draft(), draft().invitation)
    assert PARTIAL_KEY not in str(document)


def test_reopening_the_link_says_welcome_back_and_which_step(client, token):
    from tests.intake.conftest import open_link

    open_link(client, token)
    client.post(reverse("intake:privacy"))
    post_step(client, "about", HEALTHY["about"])
    post_step(client, "visit", HEALTHY["visit"])
    fresh = client.__class__()
    open_link(fresh, token)  # another phone: the date of birth first, then the greeting
    answer = date_parts("date_of_birth", "1988-04-12")
    home = fresh.post(reverse("intake:gate"), answer, follow=True).content.decode()
    assert "Welcome back. Your answers so far are saved. You are on step 3 of" in home
    again = fresh.get(reverse("intake:home"), follow=True).content.decode()
    assert "Welcome back" not in again  # once per opening of the link
