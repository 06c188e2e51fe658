"""The privacy notice acknowledged before the first question, and its version.

The text is templates/screening/intake/privacy_notice.html; the version is stored on the
draft when acknowledged and copied to the submission.
"""

PRIVACY_NOTICE_VERSION = "2026-11-1"
