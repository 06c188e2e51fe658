"""The consent text shown on the signature page, and its version per language.

The wording lives in templates/screening/intake/consent_text.html and, for each language,
in that language's catalogue. Each language has its own version: a translation is a text of
its own that the patient signs. Change a language's version whenever the meaning of its text
changes; tests/i18n/test_versioned_texts.py pins each language's rendered text to its version,
so an edit to the English or to the catalogue without a new version fails.
"""

from __future__ import annotations

from screening.i18n.languages import clinic_default, supported

CONSENT_TEXT_VERSIONS = {"en": "2026-11-1", "fr-ca": "2026-12-1"}
# Rows signed before languages were recorded read English (their version is this one).
CONSENT_TEXT_VERSION = CONSENT_TEXT_VERSIONS["en"]


def consent_language(language: str | None) -> str:
    """The language whose consent text is shown: the page's, else the clinic's."""
    return supported(language) or clinic_default()


def consent_text_version(language: str | None) -> str:
    return CONSENT_TEXT_VERSIONS[consent_language(language)]


def signed_line(version: str, language: str | None) -> str:
    """ "Consent read and signed in French, version 2026-12-1", in the reader's language.

    Rows from before languages were recorded (blank language) were signed in English.
    """
    from django.utils.translation import gettext

    from screening.i18n.languages import name_of

    if not version:
        return gettext("Consent text version not recorded")
    return gettext("Consent read and signed in %(language)s, version %(version)s") % {
        "language": name_of(language or "en"),
        "version": version,
    }
