"""Crafted POSTs: replays, extra fields, skipping ahead, 10,000 fields, open redirects, Host.

Each gets a clear answer (a redirect, a form with a message, a 400 page), never a 500, and
never changes what it must not change.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import IntakeDraft, Submission
from tests.mail_worker import run_worker
from tests.security.builders import appointment_day, make_invitation, make_submission, staff_user
from tests.security.patient_flow import (
    answer_every_step,
    post_step,
    sign,
    start,
    step_posts,
)

FORGED_FIELDS = {
    "status": "reviewed",
    "tier": "CLEAR",
    "finding_count": "0",
    "legal_hold": "on",
    "patient_name": "Someone Else",
    "invitation": "1",
    "completed_steps": "sign",
}
EVIL_TARGETS = (
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
)


def patient_with_every_step_answered(name: str = "Replay Patient") -> tuple[Client, object]:
    invitation, token = make_invitation(name)
    patient = Client(raise_request_exception=False)
    start(patient, token)
    responses = answer_every_step(patient, "plain")
    assert [r.status_code for r in responses] == [302] * len(responses)
    return patient, invitation


@pytest.mark.django_db
def test_the_final_post_replayed_makes_exactly_one_submission():
    patient, invitation = patient_with_every_step_answered()
    first = sign(patient, "Replay Patient")
    replays = [sign(patient, "Replay Patient") for _ in range(3)]
    # The same POST from a second tab with the same link.
    other_tab = Client(raise_request_exception=False)
    other_tab.cookies = patient.cookies
    replays.append(sign(other_tab, "Replay Patient"))
    assert first.status_code == 302
    for response in replays:
        assert response.status_code == 302
        assert response["Location"] == reverse("intake:done")
    assert Submission.objects.filter(invitation=invitation).count() == 1


@pytest.mark.django_db
def test_extra_fields_in_step_and_final_posts_are_ignored():
    invitation, token = make_invitation("Extra Fields")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    for name, data in step_posts("plain").items():
        # A real field of the step (pregnancy's "status") keeps its real value.
        assert post_step(patient, name, {**FORGED_FIELDS, **data}).status_code == 302
    draft = IntakeDraft.objects.get(invitation=invitation)
    for name, answers in draft.answers.items():
        assert not (set(FORGED_FIELDS) - set(step_posts("x").get(name, {}))) & set(answers)
    assert sign(patient, "Extra Fields", **FORGED_FIELDS).status_code == 302
    submission = Submission.objects.get(invitation=invitation)
    assert submission.status == Submission.Status.NEW
    # Pregnancy complications put this screening on hold, whatever the POST said.
    assert submission.tier == Submission.Tier.HOLD_FOR_CLEARANCE
    assert submission.patient_name == "Extra Fields"
    assert submission.legal_hold is False
    assert "status" not in submission.intake_document


@pytest.mark.django_db
def test_extra_fields_in_a_staff_post_do_not_change_the_tier(login_staff):
    submission = make_submission()
    desk = Client(raise_request_exception=False)
    login_staff(desk, staff_user("front_desk"))
    response = desk.post(
        reverse("review:change_status", args=[submission.pk]),
        {"status-status": "reviewed", "status-row_version": "0", **FORGED_FIELDS},
    )
    assert response.status_code in (200, 302, 400)
    submission.refresh_from_db()
    assert submission.tier == Submission.Tier.HOLD_FOR_CLEARANCE
    assert submission.patient_name == "Robin Example"
    assert submission.legal_hold is False


@pytest.mark.django_db
def test_a_step_post_skipping_ahead_cannot_lead_to_a_submission():
    invitation, token = make_invitation("Skip Ahead")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    posts = step_posts("plain")
    assert post_step(patient, "about", posts["about"]).status_code == 302
    # Straight to the last question step, then to the signature.
    skipped = post_step(patient, "surgery_trauma", posts["surgery_trauma"])
    assert skipped.status_code in (302, 400)
    for response in (patient.get(reverse("intake:sign")), sign(patient, "Skip Ahead")):
        assert response.status_code == 302
        assert response["Location"] != reverse("intake:done")
    assert not Submission.objects.filter(invitation=invitation).exists()
    # Home sends the patient to the first page not yet answered.
    assert patient.get(reverse("intake:home"))["Location"] == reverse(
        "intake:step", kwargs={"name": "visit"}
    )


def ten_thousand_fields(base: dict) -> dict:
    return {**base, **{f"f{i}": "x" for i in range(10_000)}}


@pytest.mark.django_db
def test_ten_thousand_fields_in_one_post_get_a_friendly_400(login_staff):
    patient, _invitation = patient_with_every_step_answered("Many Fields")
    desk = Client(raise_request_exception=False)
    login_staff(desk, staff_user("front_desk"))
    responses = {
        "step": post_step(patient, "about", ten_thousand_fields(step_posts("x")["about"])),
        "sign": patient.post(reverse("intake:sign"), ten_thousand_fields({})),
        "invitations": desk.post(reverse("review:invitations"), ten_thousand_fields({})),
        "login": Client(raise_request_exception=False).post(
            reverse("login"), ten_thousand_fields({"username": "a", "password": "b"})
        ),
    }
    for name, response in responses.items():
        assert response.status_code == 400, name
        page = response.content.decode()
        assert "<h1" in page and "Traceback" not in page, name


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_sign_in_never_redirects_off_site_through_next(target):
    user = staff_user("front_desk")
    client = Client(raise_request_exception=False)
    response = client.post(
        f"{reverse('login')}?next={target}",
        {"username": user.username, "password": "p" * 16, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert not response["Location"].startswith(("//", "/\\"))
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_the_two_factor_page_never_redirects_off_site_through_next(target):
    user = staff_user("physiotherapist")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    page = client.get(reverse("two_factor_verify"), {"next": target})
    assert "evil.example" not in page.content.decode()
    response = client.post(
        f"{reverse('two_factor_verify')}?next={target}",
        {"token": f"{totp(device.bin_key):06d}", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("review:today")  # staff land on Today


@pytest.mark.django_db
def test_a_disallowed_host_gets_a_400(login_staff):
    desk = Client(raise_request_exception=False)
    login_staff(desk, staff_user("front_desk"))
    data = {"patient_name": "Host Patient", "appointment_date": appointment_day().isoformat()}
    for response in (
        desk.post(reverse("review:invitations"), data, HTTP_HOST="evil.example"),
        Client().get(reverse("login"), HTTP_HOST="evil.example"),
        # Password reset is no longer routed (issue 9, point 2); the old address still
        # answers 400 for a forged host, before any routing.
        Client().post("/accounts/password_reset/", {"email": "a@b.c"}, HTTP_HOST="evil.example"),
    ):
        assert response.status_code == 400
    assert len(mail.outbox) == 0


@pytest.mark.django_db
@override_settings(
    ALLOWED_HOSTS=["screening.example-clinic.ca", "alias.example-clinic.ca"],
    SITE_BASE_URL="https://screening.example-clinic.ca",
)
def test_links_in_invitations_and_emails_come_from_site_base_url_not_the_host(login_staff):
    desk = Client(raise_request_exception=False)
    login_staff(desk, staff_user("front_desk"))
    host = {"HTTP_HOST": "alias.example-clinic.ca"}
    data = {
        "patient_name": "Host Patient",
        "appointment_date": appointment_day().isoformat(),
        "email": "host@example.com",
        "send_email": "on",
    }
    assert desk.post(reverse("review:invitations"), data, **host).status_code == 302
    page = desk.get(reverse("review:invitations"), **host).content.decode()
    assert "https://screening.example-clinic.ca/i/" in page
    assert "alias.example-clinic.ca" not in page
    run_worker()
    email = mail.outbox[0].body
    assert "https://screening.example-clinic.ca/i/" in email
    assert "alias" not in email
    # "Save and finish later" builds the link the same way.
    token = email.split("/i/", 1)[1].split("/", 1)[0]
    patient = Client(raise_request_exception=False)
    patient.get(f"/i/{token}/", **host)
    patient.post(reverse("intake:privacy"), **host)
    later = post_step(patient, "about", {**step_posts("x")["about"], "action": "later"}, **host)
    assert later.status_code == 302
    run_worker()
    assert len(mail.outbox) == 2
    assert "https://screening.example-clinic.ca/i/" in mail.outbox[1].body
    assert "alias" not in mail.outbox[1].body


@pytest.mark.django_db
def test_an_identical_resend_of_a_saved_step_is_not_a_conflict():
    """Issue 9, point 10: a flaky phone resends the POST that was already saved."""
    from screening.models import IntakeDraft

    invitation, token = make_invitation()
    client = Client()
    start(client, token)
    posts = step_posts("resend words")
    url = reverse("intake:step", kwargs={"name": "about"})
    draft = IntakeDraft.objects.get()
    data = {"action": "next", "version": str(draft.version), **posts["about"]}
    first = client.post(url, data)
    assert first.status_code == 302
    saved = IntakeDraft.objects.get()
    again = client.post(url, data)  # the same page version, the same answers
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert IntakeDraft.objects.get().version == saved.version  # nothing written twice
    # A stale page with different answers is still the "changed in another window" conflict.
    changed = {**data, "height_cm": "181"}
    conflict = client.post(url, changed)
    assert conflict.status_code == 409
    assert (
        IntakeDraft.objects.get().answers["about"]["height_cm"]
        == saved.answers["about"]["height_cm"]
    )
