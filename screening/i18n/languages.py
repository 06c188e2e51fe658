"""Which languages the app speaks, and the one a request is in.

A third language is a translation file plus one line in settings.LANGUAGES: nothing here
names English or French.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

# The session remembers the chosen language, so that no page needs a database read for it.
SESSION_LANGUAGE = "ui_language"


def supported(code: str | None) -> str:
    """`code` if the app speaks it (case-insensitive, "fr" finds "fr-ca"), else ""."""
    if not code:
        return ""
    code = code.strip().lower().replace("_", "-")
    codes = [language for language, _name in settings.LANGUAGES]
    if code in codes:
        return code
    general = code.split("-")[0]
    for language in codes:
        if language.split("-")[0] == general:
            return language
    return ""


def clinic_default() -> str:
    """The clinic's own language (settings.LANGUAGE_CODE), used when nobody has chosen."""
    return supported(settings.LANGUAGE_CODE) or settings.LANGUAGES[0][0]


def current() -> str:
    return supported(translation.get_language()) or clinic_default()


# A language's name inside a sentence ("signed in French", "signé en français": French writes
# it in lower case). A language missing here falls back to Django's own name for it.
NAMES_IN_A_SENTENCE = {
    "en": pgettext_lazy("language name in a sentence", "English"),
    "fr-ca": pgettext_lazy("language name in a sentence", "French"),
}


def name_of(code: str) -> str:
    """The language's name in the language being read ("French", or "français" in French)."""
    code = supported(code) or clinic_default()
    if code in NAMES_IN_A_SENTENCE:
        return str(NAMES_IN_A_SENTENCE[code])
    return translation.gettext(translation.get_language_info(code)["name"])


def own_name(code: str) -> str:
    """The language's name in itself, as a switch shows it ("Français")."""
    info = translation.get_language_info(supported(code) or clinic_default())
    return info["name_local"][:1].upper() + info["name_local"][1:]


def patient_language(invitation) -> str:
    """The language a patient's emails and printed sheet are in: the visit's, else the clinic's."""
    return supported(getattr(invitation, "language", "")) or clinic_default()


def language_choices() -> list[tuple[str, str]]:
    """Each language by its own name, for a staff member choosing a patient's language."""
    return [(code, own_name(code)) for code, _name in settings.LANGUAGES]
