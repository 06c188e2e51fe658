"""Reading pages and PDFs back: text isolation of names, and a PDF's extracted text."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from pypdf import PdfReader

VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base"}


class IsolationFinder(HTMLParser):
    """Where `needle` appears as text, is its innermost element a <bdi> or one with dir=?"""

    def __init__(self, needle: str) -> None:
        super().__init__(convert_charrefs=True)
        self.needle = needle
        self.stack: list[tuple[str, dict]] = []
        self.places: list[tuple[bool, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.needle in data and self.stack:
            tag, attrs = self.stack[-1]
            isolated = tag == "bdi" or bool(attrs.get("dir"))
            self.places.append((isolated, f"<{tag} {attrs}>{data.strip()[:60]!r}"))


def unisolated_places(html: str, needle: str) -> tuple[int, list[str]]:
    """How often `needle` shows as text, and the places where it is not isolated."""
    finder = IsolationFinder(needle)
    finder.feed(html)
    return len(finder.places), [where for isolated, where in finder.places if not isolated]


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)
