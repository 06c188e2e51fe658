"""The consent text shown on the signature page, and its version (stored on each submission).

Change the version whenever the meaning of the text changes; the wording lives in the
template templates/screening/intake/consent_text.html, keyed by this version.
"""

CONSENT_TEXT_VERSION = "2026-11-1"
