"""Staff read the app in their own language: a preference, default the clinic's (issue 14)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from screening.i18n.languages import SESSION_LANGUAGE
from screening.intake.consent import CONSENT_TEXT_VERSIONS
from screening.models import StaffPreference
from screening.review import access


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_staff_who_never_chose_read_the_clinics_language_not_their_browsers(make_user, login_staff):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA")
    login_staff(client, make_user(access.FRONT_DESK))
    assert html_lang(client.get(reverse("review:today"))) == "en"


@pytest.mark.django_db
def test_a_staff_member_chooses_french_and_keeps_it_at_the_next_sign_in(make_user, login_staff):
    user = make_user(access.FRONT_DESK)
    client = Client()
    login_staff(client, user)
    today = reverse("review:today")
    response = client.post(reverse("choose_language"), {"language": "fr-ca", "next": today})
    assert response["Location"] == today
    assert html_lang(client.get(today)) == "fr-ca"
    assert StaffPreference.objects.get(user=user).language == "fr-ca"
    # A new browser: the sign-in brings the preference back.
    other = Client()
    other.post(reverse("login"), {"username": user.username, "password": "a-long-test-password-1"})
    assert other.session.get(SESSION_LANGUAGE) == "fr-ca"


@pytest.mark.django_db
def test_the_submission_page_says_which_language_the_patient_signed_in(
    make_submission, staff_client
):
    submission = make_submission()
    submission.consent_language = "fr-ca"
    submission.consent_text_version = CONSENT_TEXT_VERSIONS["fr-ca"]
    submission.save(update_fields=["consent_language", "consent_text_version"])
    client = staff_client(access.PHYSIOTHERAPIST)
    page = client.get(reverse("review:submission", kwargs={"pk": submission.pk})).content.decode()
    assert "Consent read and signed in French, version 2026-12-1" in page
    client.post(reverse("choose_language"), {"language": "fr-ca", "next": "/"})
    page = client.get(reverse("review:submission", kwargs={"pk": submission.pk})).content.decode()
    assert "Consent read and signed in French" not in page
    assert "français" in page
