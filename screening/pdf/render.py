"""Render the risk-first summary of a Submission to PDF bytes (pretix style: no HTTP here)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from screening.models import ClinicProfile, Submission
from screening.pdf.fetcher import StaticOnlyURLFetcher, resolve_static_path, static_url
from screening.pdf.summary import as_date, summary_context

TEMPLATE = "screening/pdf/summary.html"
STYLESHEET = "css/pdf.css"
CONTENT_TYPE = "application/pdf"


def summary_filename(submission: Submission) -> str:
    """A file name with no personal information: the record number and appointment date."""
    appointment = as_date(submission.appointment_date)
    day = appointment.isoformat() if appointment else "undated"
    return f"screening-summary-{submission.pk or 'unsaved'}-{day}.pdf"


def summary_html(submission: Submission, clinic: ClinicProfile | None = None) -> str:
    """The summary as HTML; patient text is autoescaped by the template engine."""
    return render_to_string(TEMPLATE, summary_context(submission, clinic))


@lru_cache(maxsize=2)
def _parsed_stylesheet(url: str, modified_ns: int) -> CSS:  # noqa: ARG001 - the cache key
    return CSS(url=url, url_fetcher=StaticOnlyURLFetcher())


def summary_stylesheet() -> CSS:
    """pdf.css, loaded through the static-only fetcher and parsed once per version of the file.

    Parsing it took about a tenth of each render; a parsed stylesheet is read-only, so one
    copy serves every render. Editing the file (development) makes a new copy.
    """
    path = resolve_static_path(f"{settings.STATIC_URL.rstrip('/')}/{STYLESHEET}")
    return _parsed_stylesheet(static_url(STYLESHEET), path.stat().st_mtime_ns)


def html_to_pdf(html: str, url_fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    """Lay out ``html`` with the summary stylesheet, loading nothing but our static files."""
    fetcher = url_fetcher or StaticOnlyURLFetcher()
    # No base_url: a relative URL has nothing to resolve against and is dropped.
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[summary_stylesheet()])


def render_summary(submission: Submission) -> tuple[str, str, bytes]:
    """Return (file name, content type, PDF bytes) for ``submission`` (saved or not)."""
    return summary_filename(submission), CONTENT_TYPE, html_to_pdf(summary_html(submission))
