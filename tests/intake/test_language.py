"""A patient reads the form in their language: the browser's, the switch's, the visit's."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from screening.i18n.languages import SESSION_LANGUAGE
from screening.intake.consent import CONSENT_TEXT_VERSIONS
from screening.intake.privacy import PRIVACY_NOTICE_VERSIONS
from screening.models import Invitation, Submission
from tests.intake.conftest import fill_all_steps, open_link, sign


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_the_browser_language_picks_french_and_the_page_says_so(token):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.5")
    open_link(client, token)
    page = client.get(reverse("intake:privacy"))
    assert html_lang(page) == "fr-ca"
    assert page["Content-Language"] == "fr-ca"
    with translation.override("fr-ca"):
        start = translation.gettext("I have read this. Start the form")
    assert start != "I have read this. Start the form"
    assert start in page.content.decode() or escape(start) in page.content.decode()


@pytest.mark.django_db
def test_an_unknown_browser_language_gets_the_clinic_default(token, settings):
    client = Client(HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    open_link(client, token)
    assert html_lang(client.get(reverse("intake:privacy"))) == "en"
    settings.LANGUAGE_CODE = "fr-ca"
    other = Client(HTTP_ACCEPT_LANGUAGE="de-DE")
    open_link(other, token)
    assert html_lang(other.get(reverse("intake:privacy"))) == "fr-ca"


@pytest.mark.django_db
def test_the_switch_is_a_plain_form_in_the_header_and_sticks_to_the_visit(token, invitation):
    client = Client()
    open_link(client, token)
    page = client.get(reverse("intake:privacy")).content.decode()
    assert f'action="{reverse("choose_language")}"' in page
    assert 'name="language" value="fr-ca"' in page and 'lang="fr-ca"' in page
    response = client.post(
        reverse("choose_language"), {"language": "fr-ca", "next": reverse("intake:privacy")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("intake:privacy")
    assert html_lang(client.get(reverse("intake:privacy"))) == "fr-ca"
    invitation.refresh_from_db()
    assert invitation.language == "fr-ca"
    # The same link opened on another phone, with an English browser, is in French.
    other = Client(HTTP_ACCEPT_LANGUAGE="en-CA")
    open_link(other, token)
    assert html_lang(other.get(reverse("intake:privacy"))) == "fr-ca"
    assert other.session[SESSION_LANGUAGE] == "fr-ca"


@pytest.mark.django_db
def test_the_switch_refuses_an_unknown_language_and_a_foreign_next(token):
    client = Client()
    open_link(client, token)
    assert client.post(reverse("choose_language"), {"language": "xx"}).status_code == 400
    response = client.post(
        reverse("choose_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_a_french_patient_signs_the_french_consent_and_the_submission_records_it(token, invitation):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA")
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    fill_all_steps(client)
    sign_page = client.get(reverse("intake:sign")).content.decode()
    assert "Qu’est-ce que la puncture sèche" in sign_page or "puncture sèche" in sign_page
    assert sign(client).status_code == 302
    submission = Submission.objects.get(invitation=invitation)
    assert submission.consent_language == "fr-ca"
    assert submission.consent_text_version == CONSENT_TEXT_VERSIONS["fr-ca"]
    assert submission.privacy_notice_language == "fr-ca"
    assert submission.privacy_notice_version == PRIVACY_NOTICE_VERSIONS["fr-ca"]
    done = client.get(reverse("intake:done"))
    assert html_lang(done) == "fr-ca"
    assert "Thank you" not in done.content.decode()


@pytest.mark.django_db
def test_an_english_patient_signs_the_english_versions(token, invitation):
    client = Client(HTTP_ACCEPT_LANGUAGE="en-CA")
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    fill_all_steps(client)
    assert sign(client).status_code == 302
    submission = Submission.objects.get(invitation=invitation)
    assert (submission.consent_language, submission.consent_text_version) == (
        "en",
        CONSENT_TEXT_VERSIONS["en"],
    )


@pytest.mark.django_db
def test_a_french_error_message_comes_from_the_catalogue(token):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA")
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    from tests.intake.conftest import post_step
    from tests.intake.posts import HEALTHY

    about = {**HEALTHY["about"], "date_of_birth_day": ""}
    response = post_step(client, "about", about)
    page = response.content.decode()
    assert response.status_code == 400  # the page again, with its errors
    assert html_lang(response) == "fr-ca"
    assert 'aria-invalid="true"' in page
    from screening.profile.current import clinic_profile
    from tests.i18n.english import english_words, visible_text

    assert english_words(visible_text(page), (clinic_profile().name,)) == []


def test_dates_times_and_numbers_read_in_canadian_french():
    import datetime
    from decimal import Decimal

    from django.utils import formats, translation

    with translation.override("fr-ca"):
        assert formats.date_format(datetime.date(2026, 12, 3)) == "3 décembre 2026"
        assert formats.time_format(datetime.time(14, 30)) == "14\xa0h\xa030"
        assert formats.number_format(Decimal("2.5"), 1) == "2,5"


@pytest.mark.django_db
def test_the_invitation_email_is_in_the_patients_language(invitation):
    from screening.models import OutboxEmail
    from screening.review.invitations import email_link

    invitation.email = "patient@example.org"
    invitation.language = "fr-ca"
    invitation.save()
    email = email_link(invitation, "https://clinic.example/i/abc/")
    assert "questionnaire à remplir" in email.subject
    assert "fill in" not in email.subject
    assert OutboxEmail.objects.filter(pk=email.pk).exists()
    Invitation.objects.filter(pk=invitation.pk).update(language="en")
    invitation.refresh_from_db()
    english = email_link(invitation, "https://clinic.example/i/abc/")
    assert "form" in english.subject.lower() and "formulaire" not in english.subject.lower()


@pytest.mark.django_db
def test_the_check_in_on_the_day_reads_in_french():

    from django.utils import timezone

    from screening.intake.invitations import create_invitation
    from screening.profile.current import clinic_profile
    from tests.i18n.english import english_words, visible_text

    invitation, token = create_invitation(
        patient_name="Ana Silva", appointment_date=timezone.localdate()
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA")
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    fill_all_steps(client)
    sign(client, name="Ana Silva")
    allowed = ("Ana Silva", clinic_profile().name)
    page = client.get(reverse("intake:check_in"))
    assert html_lang(page) == "fr-ca"
    assert english_words(visible_text(page.content.decode()), allowed) == []
    response = client.post(
        reverse("intake:check_in"), {"substances_recent": "no", "anything_changed": "False"}
    )
    done = client.get(response["Location"])
    assert english_words(visible_text(done.content.decode()), allowed) == []
