"""Make patient-supplied text safe to lay out: no control characters, no broken Unicode.

Django's autoescaping already stops patient text from becoming markup. What it does not stop
is text that breaks the layout or misleads the reader: a NUL byte, a lone surrogate (which
cannot even be encoded to UTF-8) or a right-to-left override that reverses the rest of the
line. Templates additionally wrap patient text in <bdi> so a right-to-left name stays in its
own box.
"""

from __future__ import annotations

import unicodedata

REPLACEMENT = "\ufffd"
# Explicit bidi embeddings, overrides and isolates: a name or a note has no use for them, and
# an override can make the printed text read differently from what is stored.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
KEPT_CONTROLS = frozenset("\n\t")


def display_text(value: object) -> str:
    """Return ``value`` as text that prints as stored, with unsafe characters shown as �."""
    text = value if isinstance(value, str) else str(value)
    out = []
    for char in text:
        if char in KEPT_CONTROLS:
            out.append(char)
        elif char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cs"}:
            out.append(REPLACEMENT)
        else:
            out.append(char)
    return "".join(out)
