"""Render the risk-first summary of a Submission to PDF bytes (pretix style: no HTTP here)."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML

from screening.models import Submission
from screening.pdf.fetcher import StaticOnlyURLFetcher, static_url
from screening.pdf.summary import as_date, summary_context

TEMPLATE = "screening/pdf/summary.html"
CONTENT_TYPE = "application/pdf"


def summary_filename(submission: Submission) -> str:
    """A file name with no personal information: the record number and appointment date."""
    appointment = as_date(submission.appointment_date)
    day = appointment.isoformat() if appointment else "undated"
    return f"screening-summary-{submission.pk or 'unsaved'}-{day}.pdf"


def summary_html(submission: Submission) -> str:
    """The summary as HTML; patient text is autoescaped by the template engine."""
    context = summary_context(submission)
    context["stylesheet_url"] = static_url("css/pdf.css")
    return render_to_string(TEMPLATE, context)


def html_to_pdf(html: str, url_fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    """Lay out ``html`` with WeasyPrint, loading nothing but our static files."""
    fetcher = url_fetcher or StaticOnlyURLFetcher()
    # No base_url: a relative URL has nothing to resolve against and is dropped.
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def render_summary(submission: Submission) -> tuple[str, str, bytes]:
    """Return (file name, content type, PDF bytes) for ``submission`` (saved or not)."""
    return summary_filename(submission), CONTENT_TYPE, html_to_pdf(summary_html(submission))
