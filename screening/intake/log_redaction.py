"""A logging filter that keeps patient link tokens out of every log line.

Request lines ("GET /i/<token>/") and Django's "Not Found: /i/<token>/" warnings would
otherwise write the token to the log; the filter replaces it before any handler sees it.
"""

from __future__ import annotations

import logging
import re

_LINK = re.compile(r"/i/[^/\s\"'?]+")
REDACTED = "/i/[redacted]"


def redact_links(text: str) -> str:
    """Replace every patient link path in `text` with /i/[redacted]."""
    return _LINK.sub(REDACTED, text) if "/i/" in text else text


class RedactPatientLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if "/i/" in message:
            record.msg = redact_links(message)
            record.args = ()
        return True
