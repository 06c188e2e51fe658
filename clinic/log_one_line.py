"""Every log line is one line (issue 9, point 6).

A CR or LF in a URL path, a login username or any other value a message quotes would
otherwise start a new line that looks like a real entry (log injection). The formatter
escapes them, and every other control character, after the whole record (traceback
included) is formatted, so nothing a handler writes can span lines.
"""

from __future__ import annotations

import logging
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str) -> str:
    """`text` with each control character written as a visible escape (\\n, \\r, \\x1b)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


class OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return escape_controls(super().format(record))
