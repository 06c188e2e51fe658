"""Hostile patient text cannot make the PDF read server files, call the network or embed."""

from __future__ import annotations

import io
import time
from pathlib import Path

from pypdf import PdfReader

from screening.pdf.fetcher import StaticOnlyURLFetcher
from screening.pdf.render import html_to_pdf, render_summary, summary_html
from tests.pdf.builders import MULTI_FINDING, example, pdf_pages, unsaved_submission

PAYLOADS = (
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/hostname">',
    "<style>@import url(http://127.0.0.1:1/)</style>",
)
LONG_NOTE = ("Long note about my shoulder. " * 400)[:10_000]


class SpyFetcher(StaticOnlyURLFetcher):
    """The real fetcher, recording every URL WeasyPrint asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        return super().fetch(url, headers)


def hostile_submission():
    document = example(MULTI_FINDING)
    payload = " ".join(PAYLOADS)
    document["consent"]["needling_preference"] = "unsure"
    document["consent"]["hesitation_reason"] = payload
    document["conditions"]["mental_health"] = "yes"
    document["conditions"]["mental_health_details"] = payload
    submission = unsaved_submission(document, patient_name=f"Eve {PAYLOADS[0]}")
    # A stored note longer than the form allows must still print (stored data is trusted
    # to be valid, but the renderer must not depend on it).
    submission.intake_document["consent"]["hesitation_reason"] = payload + " " + LONG_NOTE
    return submission


def server_hostname() -> str:
    path = Path("/etc/hostname")
    return path.read_text().strip() if path.exists() else ""


def test_hostile_free_text_prints_as_literal_text_and_fetches_nothing():
    submission = hostile_submission()
    spy = SpyFetcher()
    started = time.perf_counter()
    data = html_to_pdf(summary_html(submission), url_fetcher=spy)
    elapsed = time.perf_counter() - started

    # The stylesheet is parsed once and shared, so this render asks for nothing at all.
    assert spy.requested == []
    text = " ".join(pdf_pages(data))
    # Long answers wrap anywhere, and the text extraction puts a space at each wrap.
    unspaced = text.replace(" ", "")
    for payload in PAYLOADS:
        assert payload.replace(" ", "") in unspaced, payload
    assert "Eve <img" in text
    assert "Long note about my shoulder. " * 5 in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert b"/EmbeddedFile" not in data
    hostname = server_hostname()
    if len(hostname) >= 4:
        assert hostname not in text
        assert hostname.encode() not in data
    assert elapsed < 30


def test_render_summary_finishes_on_the_hostile_submission():
    filename, content_type, data = render_summary(hostile_submission())
    assert content_type == "application/pdf"
    assert "Eve" not in filename and "img" not in filename
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3  # the long note makes a longer appendix


def test_even_raw_html_cannot_load_files_or_the_network_through_the_fetcher():
    """Defence in depth: if markup ever slipped past escaping, the fetcher still refuses."""
    spy = SpyFetcher()
    html = "<!doctype html><html><body><p>raw</p>" + "".join(PAYLOADS) + "</body></html>"
    data = html_to_pdf(html, url_fetcher=spy)

    assert "file:///etc/passwd" in spy.requested
    assert "file:///etc/hostname" in spy.requested
    assert any(url.startswith("http://127.0.0.1:1") for url in spy.requested)
    assert PdfReader(io.BytesIO(data)).attachments == {}
    assert b"/EmbeddedFile" not in data
    hostname = server_hostname()
    if len(hostname) >= 4:
        assert hostname.encode() not in data
    assert b"root:x:0:0" not in data
