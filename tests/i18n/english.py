"""English words on a page that should be French (shared by the client and browser tests)."""

from __future__ import annotations

import html
import re

# Words that are English and not French ("main", "content" are French too, so they are not
# here): one of them on a French page is an untranslated string.
ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "you",
        "your",
        "please",
        "next",
        "back",
        "yes",
        "with",
        "before",
        "after",
        "about",
        "this",
        "that",
        "what",
        "have",
        "will",
        "step",
        "any",
        "none",
        "save",
        "later",
        "finish",
        "sign",
        "needles",
        "needling",
        "would",
        "how",
        "who",
        "are",
        "our",
        "we",
        "which",
        "when",
        "where",
        "been",
        "has",
        "had",
        "can",
        "could",
        "should",
        "there",
        "these",
        "those",
        "from",
        "other",
        "not",
        "help",
        "doctor",
        "skip",
        "start",
        "form",
        "of",
        "thank",
        "thanks",
    }
)


def visible_text(page_html: str) -> str:
    """The words a reader sees: no scripts, styles, tags or attribute values."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


def english_words(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The English words of `text`, once each, after removing the allowed names."""
    for name in allowed:
        text = text.replace(name, " ")
    return sorted({w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH_WORDS})
