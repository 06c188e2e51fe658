"""Each language's consent text and privacy notice is pinned to its version (issue 14).

A patient signs the text of one language at one version. Changing the English wording, or a
translation in the catalogue, without giving that language a new version would make two
different texts share one version: these fingerprints then no longer match. Bump the
language's version in screening/intake/consent.py or privacy.py and update the fingerprint.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from screening.intake.consent import CONSENT_TEXT_VERSIONS
from screening.intake.privacy import PRIVACY_NOTICE_VERSIONS

# (language, version): sha256 of the rendered text, whitespace collapsed.
CONSENT_FINGERPRINTS = {
    ("en", "2026-11-1"): "b49b816eec216263db7c7b6b2e5c553c30cea191ec82c4bd5a1f1ea6ffa52490",
    ("fr-ca", "2026-12-1"): "1f9770254de234e2766cdf42b81e9146a4d053607a8168f33e0c6f4f5a89840c",
}
PRIVACY_FINGERPRINTS = {
    ("en", "2026-11-1"): "fae19b7cd80d8a5924d76200c817d6d447785abb940d51de7e218f21238bba34",
    ("fr-ca", "2026-12-1"): "38917e8f29d4c48d912e91d2d3b87b8cf199ad3b4226bef031d8c22e4fc13b1e",
}


def fingerprint(template: str, language: str, context: dict) -> str:
    with translation.override(language):
        html = render_to_string(template, context)
    text = re.sub(r"\s+", " ", html).strip()
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("language", sorted(CONSENT_TEXT_VERSIONS))
def test_the_consent_text_of_each_language_matches_its_version(language):
    key = (language, CONSENT_TEXT_VERSIONS[language])
    printed = fingerprint("screening/intake/consent_text.html", language, {"lung_field": True})
    assert CONSENT_FINGERPRINTS.get(key) == printed, f"{key}: text changed, new version needed"


@pytest.mark.parametrize("language", sorted(PRIVACY_NOTICE_VERSIONS))
def test_the_privacy_notice_of_each_language_matches_its_version(language):
    key = (language, PRIVACY_NOTICE_VERSIONS[language])
    context = {"clinic_name": "CLINIC", "draft_days": 30}
    printed = fingerprint("screening/intake/privacy_notice_text.html", language, context)
    assert PRIVACY_FINGERPRINTS.get(key) == printed, f"{key}: text changed, new version needed"


def test_every_language_has_a_version_of_each_text():
    from django.conf import settings

    languages = {code for code, _name in settings.LANGUAGES}
    assert set(CONSENT_TEXT_VERSIONS) == languages
    assert set(PRIVACY_NOTICE_VERSIONS) == languages
