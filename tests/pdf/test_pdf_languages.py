"""The PDF in the staff member's language, saying which language the patient signed in, with
the patient's take-home sheet in the patient's language (issue 14). Real WeasyPrint, read back."""

from __future__ import annotations

from django.utils import translation

from screening.intake.consent import CONSENT_TEXT_VERSIONS
from screening.pdf import render_summary
from screening.rules.education import SAFETY_NETTING_TITLE
from tests.pdf.builders import example, pdf_pages, squashed, unsaved_submission


def french_submission():
    submission = unsaved_submission(example("ex08-older-adult-multi-rule"))
    submission.consent_language = "fr-ca"
    submission.consent_text_version = CONSENT_TEXT_VERSIONS["fr-ca"]
    submission.privacy_notice_language = "fr-ca"
    submission.privacy_notice_version = "2026-12-1"
    return submission


def test_an_english_summary_says_the_patient_signed_in_french():
    with translation.override("en"):
        text = squashed(" ".join(pdf_pages(render_summary(french_submission())[2])))
    assert "Consent read and signed in French, version 2026-12-1" in text


def test_the_take_home_sheet_is_in_the_patients_language_on_an_english_summary():
    with translation.override("fr-ca"):
        french_title = translation.gettext(SAFETY_NETTING_TITLE)
    assert french_title != SAFETY_NETTING_TITLE
    with translation.override("en"):
        pages = pdf_pages(render_summary(french_submission())[2])
    sheet = squashed(pages[-1])
    assert squashed(french_title) in sheet
    assert SAFETY_NETTING_TITLE not in sheet
    assert "When to get urgent help" not in sheet


def test_an_english_patients_sheet_stays_english():
    submission = unsaved_submission(example("ex08-older-adult-multi-rule"))
    with translation.override("fr-ca"):
        pages = pdf_pages(render_summary(submission)[2])
    assert SAFETY_NETTING_TITLE in squashed(" ".join(pages))
