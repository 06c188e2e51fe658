"""Every step: shown, saved per step with POST-redirect-GET, never losing an answer."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from screening.intake.steps import QUESTION_STEPS, STEP_NAMES
from screening.models import IntakeDraft
from tests.intake.conftest import post_step
from tests.intake.posts import HEALTHY
from tests.mail_worker import run_worker

pytestmark = pytest.mark.django_db


def draft():
    return IntakeDraft.objects.get()


@pytest.mark.parametrize("step", [s.name for s in QUESTION_STEPS])
def test_every_step_shows_its_questions_with_progress(patient, step):
    response = patient.get(reverse("intake:step", args=[step]))
    assert response.status_code == 200
    page = response.content.decode()
    number = STEP_NAMES.index(step) + 1
    assert f"Step {number} of 12" in page
    assert page.count("<h1") == 1
    for name in HEALTHY[step]:
        assert f'name="{name}' in page, name
    assert 'value="next"' in page and 'value="later"' in page
    if number > 1:
        assert 'value="back"' in page


@pytest.mark.parametrize("index", range(len(QUESTION_STEPS)))
def test_every_step_saves_and_redirects_to_the_next(patient, index):
    step = QUESTION_STEPS[index]
    response = post_step(patient, step.name, HEALTHY[step.name])
    assert response.status_code == 302
    following = QUESTION_STEPS[index + 1].name if index + 1 < len(QUESTION_STEPS) else None
    expected = reverse("intake:step", args=[following]) if following else reverse("intake:review")
    assert response["Location"] == expected
    saved = draft()
    assert step.name in saved.completed_steps
    assert saved.answers[step.name]["_version"] == saved.version == 1


def test_it_keeps_answers_after_refresh(patient):
    post_step(patient, "about", HEALTHY["about"])
    for _ in range(2):
        page = patient.get(reverse("intake:step", args=["about"])).content.decode()
        assert 'value="172"' in page
        assert re.search(r'value="self"[^>]*checked', page)
    assert draft().answers["about"]["height_cm"] == 172


def test_an_invalid_step_keeps_what_was_typed_and_touches_nothing_saved(patient):
    post_step(patient, "about", HEALTHY["about"])
    before = draft().answers
    bad = {**HEALTHY["about"], "height_cm": "999", "weight_kg": "81"}
    response = post_step(patient, "about", bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please enter a number from 40 to 250." in page
    assert 'value="999"' in page and 'value="81"' in page
    assert draft().answers == before


def test_back_saves_and_goes_to_the_previous_step(patient):
    response = post_step(patient, "visit", HEALTHY["visit"], action="back")
    assert response["Location"] == reverse("intake:step", args=["about"])
    assert "visit" in draft().completed_steps


def test_back_on_a_page_with_an_error_goes_back_and_keeps_the_page_as_typed(patient):
    # Issue 12, points 2 and 7: one way back, and it loses nothing (kept, checked on return).
    response = post_step(patient, "visit", {}, action="back")
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:step", args=["about"])
    page = patient.get(reverse("intake:step", args=["visit"])).content.decode()
    assert "We kept what you typed on this page" in page


def test_the_first_step_goes_back_to_the_notice(patient):
    response = post_step(patient, "about", HEALTHY["about"], action="back")
    assert response["Location"] == reverse("intake:privacy")


def test_save_and_finish_later_shows_the_link_and_emails_it_without_answers(
    client, appointment, settings
):
    from screening.intake.invitations import create_invitation
    from tests.intake.conftest import open_link

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _invitation, token = create_invitation(
        patient_name="Ana", appointment_date=appointment, email="ana@example.org"
    )
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    response = post_step(client, "about", HEALTHY["about"], action="later")
    assert response["Location"] == reverse("intake:later")
    page = client.get(reverse("intake:later")).content.decode()
    assert token in page
    assert "emailed" in page
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert token in message.body
    assert message.to == ["ana@example.org"]
    for answer in ("1988", "172", "70", "KNEE"):
        assert answer not in message.body and answer not in message.subject
    # Only once per visit, not on every press.
    post_step(client, "visit", HEALTHY["visit"], action="later")
    run_worker()
    assert len(mail.outbox) == 1


def test_a_get_never_clears_anything(patient):
    post_step(patient, "about", HEALTHY["about"])
    before = draft().answers
    for name in ("home", "privacy", "review", "later"):
        patient.get(reverse(f"intake:{name}"))
    patient.get(reverse("intake:step", args=["about"]))
    assert draft().answers == before


def test_a_second_tab_saving_the_same_step_is_refused_with_a_clear_message(patient):
    stale_version = draft().version if IntakeDraft.objects.exists() else 0
    post_step(patient, "about", HEALTHY["about"])  # tab 1 saves
    changed = {**HEALTHY["about"], "height_cm": "180"}
    response = patient.post(
        reverse("intake:step", args=["about"]),
        {**changed, "version": str(stale_version), "action": "next"},
    )  # tab 2 still shows the page from before
    assert response.status_code == 409
    page = response.content.decode()
    assert "changed in another window" in page
    assert 'value="172"' in page  # the saved answers are shown
    assert draft().answers["about"]["height_cm"] == 172
    # Saving again from the refreshed page works.
    response = patient.post(
        reverse("intake:step", args=["about"]),
        {**changed, "version": str(draft().version), "action": "next"},
    )
    assert response.status_code == 302
    assert draft().answers["about"]["height_cm"] == 180


def test_two_tabs_on_different_steps_do_not_block_each_other(patient):
    post_step(patient, "about", HEALTHY["about"])
    response = patient.post(
        reverse("intake:step", args=["visit"]),
        {**HEALTHY["visit"], "version": "0", "action": "next"},
    )
    assert response.status_code == 302


def test_edit_from_the_review_returns_to_the_review(filled):
    page = filled.get(reverse("intake:review")).content.decode()
    edit = reverse("intake:step", args=["bleeding"]) + "?from=review"
    assert edit in page
    form = filled.get(edit).content.decode()
    assert 'name="from" value="review"' in form
    response = post_step(filled, "bleeding", HEALTHY["bleeding"], **{"from": "review"})
    assert response["Location"] == reverse("intake:review")


def test_the_review_lists_every_answer_in_plain_words(filled):
    page = filled.get(reverse("intake:review")).content.decode()
    for step in QUESTION_STEPS:
        assert str(step.title).replace("'", "&#x27;") in page
    assert "I am the patient" in page
    assert "Right knee or lower leg" in page
    assert "This doesn&#x27;t apply to me" in page
    assert "April 12, 1988" in page
    assert "Not answered yet" not in page
    assert reverse("intake:sign") in page


def test_the_review_points_out_steps_not_answered(patient):
    post_step(patient, "about", HEALTHY["about"])
    page = patient.get(reverse("intake:review")).content.decode()
    assert "Not answered yet" in page
    assert reverse("intake:sign") not in page


def test_home_goes_to_the_first_step_not_answered(patient):
    post_step(patient, "about", HEALTHY["about"])
    post_step(patient, "visit", HEALTHY["visit"])
    response = patient.get(reverse("intake:home"))
    assert response["Location"] == reverse("intake:step", args=["consent"])


def test_the_privacy_notice_comes_first_and_its_version_is_kept(client, token):
    from screening.intake.privacy import PRIVACY_NOTICE_VERSION
    from tests.intake.conftest import open_link

    open_link(client, token)
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:privacy")
    assert client.get(reverse("intake:step", args=["about"]))["Location"] == reverse(
        "intake:privacy"
    )
    page = client.get(reverse("intake:privacy")).content.decode()
    assert PRIVACY_NOTICE_VERSION in page
    assert "deleted after 30 days" in page
    client.post(reverse("intake:privacy"))
    assert draft().privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert draft().privacy_acknowledged_at is not None


def test_an_unknown_step_is_a_friendly_404(patient):
    response = patient.get(reverse("intake:step", args=["nonsense"]))
    assert response.status_code == 404


def test_the_inr_is_asked_in_plain_words_and_the_range_is_optional_and_explained(patient):
    """Issue 12, point 10: no "target INR range" jargon; the last number and its date."""
    page = patient.get(reverse("intake:step", args=["bleeding"])).content.decode()
    assert "Your last INR number" in page
    assert "the blood test for warfarin" in page
    assert "target INR range" not in page
    assert "The lowest INR your doctor wants, if you know it (optional)" in page
