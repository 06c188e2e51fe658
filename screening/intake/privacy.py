"""The privacy notice acknowledged before the first question, and its version per language.

The text is templates/screening/intake/privacy.html (and its translations in the language
catalogues); the version and language are stored on the draft when acknowledged and copied
to the submission. As for the consent text, each language has its own version.
"""

from __future__ import annotations

from screening.i18n.languages import clinic_default, supported

PRIVACY_NOTICE_VERSIONS = {"en": "2026-11-1", "fr-ca": "2026-12-1"}
PRIVACY_NOTICE_VERSION = PRIVACY_NOTICE_VERSIONS["en"]


def privacy_notice_language(language: str | None) -> str:
    return supported(language) or clinic_default()


def privacy_notice_version(language: str | None) -> str:
    return PRIVACY_NOTICE_VERSIONS[privacy_notice_language(language)]


def acknowledged_current_notice(draft) -> bool:
    """Whether the draft acknowledged the current notice of the language it was read in.

    A patient who read the notice in English and then switches to French is not asked
    again: what they acknowledged is still the current English notice.
    """
    if draft is None:
        return False
    language = draft.privacy_notice_language or "en"
    return draft.privacy_notice_version == PRIVACY_NOTICE_VERSIONS.get(supported(language) or "en")


def read_line(version: str, language: str | None) -> str:
    """ "Privacy notice read in French, version 2026-12-1" ("" when none is recorded)."""
    from django.utils.translation import gettext

    from screening.i18n.languages import name_of

    if not version:
        return ""
    return gettext("Privacy notice read in %(language)s, version %(version)s") % {
        "language": name_of(language or "en"),
        "version": version,
    }
