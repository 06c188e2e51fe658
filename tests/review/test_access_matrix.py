"""Every staff URL x every kind of visitor: the right people get in, nobody else sees data.

The URLs are found by walking the URL resolver, so a new staff URL cannot be forgotten: it
must carry `staff_required` (which records its roles) or this test fails.
"""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from screening.review import access

ANONYMOUS = "anonymous"
PATIENT = "patient"
VISITORS = (ANONYMOUS, PATIENT, access.FRONT_DESK, access.PHYSIOTHERAPIST, access.CLINIC_ADMIN)


def _walk(patterns, namespace="", prefix=""):
    """Yield (name, full route, pattern) for every named URL of the project."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner, route)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", route, entry


def staff_patterns() -> dict:
    """Every URL under /staff/ (wherever its view lives) and every view of screening.review."""
    return {
        name: entry
        for name, route, entry in _walk(get_resolver().url_patterns)
        if route.startswith("staff/") or entry.callback.__module__.startswith("screening.review")
    }


def test_every_staff_url_is_guarded():
    routes = staff_patterns()
    assert len(routes) >= 12
    for name, entry in routes.items():
        roles = getattr(entry.callback, "staff_roles", None)
        assert roles, f"{name} is not wrapped in access.staff_required"
        assert roles <= set(access.ROLES)


@pytest.fixture
def visitors(make_user, login_staff, make_submission):
    submission = make_submission()
    clients = {ANONYMOUS: Client()}
    patient = Client()
    # A patient holds a link: opening it gives their browser a session, never an account.
    from screening.intake.invitations import invitation_link
    from screening.review.invitations import reissue_link

    patient.get(urlsplit(invitation_link(reissue_link(submission.invitation))).path)
    assert patient.session.session_key, "opening the link gives the patient a session"
    clients[PATIENT] = patient
    for role in access.ROLES:
        client = Client()
        login_staff(client, make_user(role))
        clients[role] = client
    return clients, submission


def _url(name: str, entry: URLPattern, submission) -> str:
    kwargs = {}
    if "pk" in entry.pattern.regex.groupindex:
        kwargs["pk"] = submission.invitation_id if "invitation" in name else submission.pk
    elif entry.pattern.regex.groupindex:
        raise AssertionError(f"{name}: teach this test which object its URL names")
    return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
def test_role_by_url_matrix(visitors):
    clients, submission = visitors
    checked = 0
    for name, entry in staff_patterns().items():
        url = _url(name, entry, submission)
        allowed = entry.callback.staff_roles
        for visitor in VISITORS:
            response = clients[visitor].get(url)
            where = f"{visitor} GET {url}"
            if visitor in (ANONYMOUS, PATIENT):
                assert response.status_code == 302, where
                assert response["Location"].startswith(reverse("login")), where
            elif visitor in allowed:
                # In: the page, or 405 for a POST-only action, or 404 for a letter with nothing
                # to clear, or a redirect back into the workspace with a message (the day's
                # print when the day has nothing to print). Never the login page, never a 403.
                if response.status_code == 302:
                    assert response["Location"].startswith(reverse("review:today")), where
                else:
                    assert response.status_code in (200, 404, 405), where
            else:
                assert response.status_code == 403, where
            assert submission.patient_name.encode() not in response.content or (
                visitor in allowed
            ), where
            checked += 1
    assert checked == len(staff_patterns()) * len(VISITORS)


@pytest.mark.django_db
def test_posting_actions_needs_the_right_role_too(visitors):
    clients, submission = visitors
    for name in ("review:change_status", "review:add_note", "review:record_decision"):
        url = reverse(name, kwargs={"pk": submission.pk})
        for visitor in (ANONYMOUS, PATIENT, access.CLINIC_ADMIN):
            response = clients[visitor].post(url, {"note-note": "x", "note-row_version": 0})
            assert response.status_code in (302, 403), (visitor, url)
            assert submission.events.count() == 0
    front_desk = clients[access.FRONT_DESK]
    response = front_desk.post(
        reverse("review:record_decision", kwargs={"pk": submission.pk}),
        {"decision-decision": "proceed", "decision-reason": "x", "decision-row_version": 0},
    )
    assert response.status_code == 403
    assert submission.events.count() == 0


def test_the_roles_are_split_as_agreed():
    routes = staff_patterns()
    assert routes["review:record_decision"].callback.staff_roles == {access.PHYSIOTHERAPIST}
    assert routes["review:audit_log"].callback.staff_roles == {access.CLINIC_ADMIN}
    assert routes["review:queue"].callback.staff_roles == set(access.CLINICAL_ROLES)
