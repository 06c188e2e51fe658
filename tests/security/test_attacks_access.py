"""Reaching data that is not yours: other ids in URLs, patient sessions, expired links, 2FA.

Front desk and physiotherapists may open any submission of the clinic (by design); the
clinic admin may not; a patient's session reaches only its own form and never a staff URL;
anything else gets a clear refusal (sign-in page, 403, 404 or 410), never a 500 and never
another patient's data.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.models import IntakeDraft
from tests.security.builders import (
    ROLES,
    make_invitation,
    make_submission,
    patient_link_path,
    staff_user,
)
from tests.security.patient_flow import post_step, start, step_posts
from tests.security.url_walk import all_routes

MARK_A, MARK_B = "ALPHA-3e1c", "BRAVO-8d2f"
PER_SUBMISSION = ("review:submission", "review:summary_pdf", "review:clearance_letter")


def submission_urls(pk: int) -> list[str]:
    return [reverse(name, args=[pk]) for name in PER_SUBMISSION] + [
        reverse("export_submission", args=[pk])
    ]


def staff_paths(submission_pk: int, invitation_pk: int) -> list[str]:
    """Every staff and admin URL, filled in for one submission and one invitation."""
    paths = []
    for route in all_routes():
        if not (route.pattern.startswith(("staff/", "admin/")) or "desk" in route.pattern):
            continue
        path = "/" + route.pattern
        path = path.replace("submissions/<int:pk>", f"submissions/{submission_pk}")
        path = path.replace("invitations/<int:pk>", f"invitations/{invitation_pk}")
        path = path.replace("<int:invitation_id>", str(invitation_pk))
        # A sign-in page is the one staff page everybody may see.
        if "<" in path or "(" in path or path.endswith("/login/"):
            continue
        paths.append(path)
    return paths


def signs_in(location: str) -> bool:
    """A redirect to a sign-in page (signing out of the admin lands on its index first)."""
    return "/login/" in location or location == "/admin/"


# csrfmiddlewaretoken values (64 random letters and digits), blanked before searching for names.
RANDOM_TOKEN = re.compile(r'value="[A-Za-z0-9]{32,}"')


def body(response) -> str:
    """The page's text without its random tokens (a CSRF token may spell "Bob" by chance)."""
    text = response.content.decode("utf-8", "replace") if response.content else ""
    return RANDOM_TOKEN.sub('value="(token)"', text)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_staff_role_gets_only_what_its_role_allows_for_any_submission_id(role, login_staff):
    mine = make_submission("Alice Alpha", MARK_A)
    other = make_submission("Bob Bravo", MARK_B)
    client = Client(raise_request_exception=False)
    login_staff(client, staff_user(role))
    clinical = role in ("front_desk", "physiotherapist")
    for submission, marker in ((mine, MARK_A), (other, MARK_B)):
        for url in submission_urls(submission.pk):
            response = client.get(url)
            assert response.status_code == (200 if clinical else 403), url
            if not clinical:
                assert marker not in body(response)
    for url in submission_urls(999_999):
        assert client.get(url).status_code == (404 if clinical else 403), url


@pytest.mark.django_db
def test_front_desk_cannot_record_a_physiotherapist_decision(login_staff):
    submission = make_submission()
    client = Client(raise_request_exception=False)
    login_staff(client, staff_user("front_desk"))
    response = client.post(
        reverse("review:record_decision", args=[submission.pk]),
        {"decision-decision": "proceed", "decision-row_version": "0"},
    )
    assert response.status_code == 403
    assert not submission.events.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_staff_url_and_sees_no_data():
    submission = make_submission("Alice Alpha", MARK_A)
    client = Client(raise_request_exception=False)
    for path in staff_paths(submission.pk, submission.invitation_id):
        response = client.get(path)
        assert response.status_code in (302, 404, 405), path
        if response.status_code == 302:
            assert signs_in(response["Location"]), path
        assert MARK_A not in body(response) and "Alice" not in body(response), path


@pytest.mark.django_db
def test_a_patient_never_reaches_a_staff_url(login_staff):
    other = make_submission("Bob Bravo", MARK_B)
    _invitation, token = make_invitation("Alice Alpha")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    for path in staff_paths(other.pk, other.invitation_id):
        for response in (patient.get(path), patient.post(path, {"note-note": "x"})):
            assert response.status_code in (302, 403, 404, 405), path
            if response.status_code == 302:
                assert signs_in(response["Location"]), path
            assert MARK_B not in body(response) and "Bob" not in body(response), path
    assert not other.events.exists()


@pytest.mark.django_db
def test_a_patient_session_shows_only_its_own_draft():
    _a, token_a = make_invitation("Alice Alpha")
    _b, token_b = make_invitation("Bob Bravo")
    alice, bob = Client(), Client()
    for client, token, marker in ((alice, token_a, MARK_A), (bob, token_b, MARK_B)):
        start(client, token)
        for name, data in step_posts(marker).items():
            assert post_step(client, name, data).status_code == 302, name
    pages = [alice.get(reverse("intake:review"))] + [
        alice.get(reverse("intake:step", kwargs={"name": name})) for name in step_posts("x")
    ]
    assert MARK_A in body(pages[0])
    for page in pages:
        assert MARK_B not in body(page) and "Bob" not in body(page)
    drafts = {d.invitation.patient_name: str(d.answers) for d in IntakeDraft.objects.all()}
    assert MARK_B not in drafts["Alice Alpha"] and MARK_A not in drafts["Bob Bravo"]


@pytest.mark.django_db
def test_an_expired_link_shows_no_data_and_saves_nothing():
    invitation, token = make_invitation("Alice Alpha")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    assert post_step(patient, "about", step_posts(MARK_A)["about"]).status_code == 302
    invitation.expires_at = timezone.now() - dt.timedelta(minutes=1)
    invitation.save()
    # The session that was already open, and the link opened again.
    for response in (
        patient.get(reverse("intake:review")),
        patient.get(reverse("intake:step", kwargs={"name": "about"})),
        post_step(patient, "visit", step_posts(MARK_A)["visit"]),
        Client().get(patient_link_path(token)),
    ):
        assert response.status_code == 410
        assert MARK_A not in body(response)
    assert "visit" not in IntakeDraft.objects.get(invitation=invitation).answers


@pytest.mark.django_db
def test_a_reissued_link_makes_the_old_one_stop_working(login_staff):
    invitation, old_token = make_invitation("Alice Alpha")
    desk = Client()
    login_staff(desk, staff_user("front_desk"))
    assert desk.post(reverse("review:reissue_invitation", args=[invitation.pk])).status_code == 302
    assert Client().get(patient_link_path(old_token)).status_code == 404


@pytest.mark.django_db
def test_a_password_only_staff_session_sees_no_health_information():
    submission = make_submission("Alice Alpha", MARK_A)
    client = Client(raise_request_exception=False)
    client.force_login(staff_user("physiotherapist"))
    for url in submission_urls(submission.pk) + [reverse("review:queue")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor_verify")), url
        assert MARK_A not in body(response)


@pytest.mark.django_db
def test_the_admin_needs_the_second_factor():
    """An admin with only a password must not manage accounts (a new account enrols its own
    TOTP device, so that would be a way around the second factor for everything)."""
    admin_user = staff_user("clinic_admin")
    admin_user.is_staff = True
    admin_user.save()
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    for path in ("/admin/", "/admin/auth/user/add/", "/admin/screening/auditevent/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path


@pytest.mark.django_db
def test_a_tablet_handed_over_for_check_in_keeps_no_staff_access(login_staff):
    # Check-in opens on the appointment day only, so Alice's visit is today.
    submission = make_submission("Alice Alpha", MARK_A, appointment=timezone.localdate())
    other = make_submission("Bob Bravo", MARK_B)
    tablet = Client(raise_request_exception=False)
    login_staff(tablet, staff_user("front_desk"))
    response = tablet.post(reverse("intake:desk_check_in", args=[submission.invitation_id]))
    assert response.status_code == 302
    for path in staff_paths(other.pk, other.invitation_id):
        response = tablet.get(path)
        assert response.status_code in (302, 403, 404, 405), path
        assert MARK_B not in body(response) and "Bob" not in body(response), path
