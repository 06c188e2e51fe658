"""A stored record that no longer parses: show what can be shown, say so, audit it (issue 9.8).

Stored submissions are never rewritten, so a record written by an older version (or damaged
by hand) may lack a key or hold a wrong type. The staff page and the PDF then fall back to
what the Submission row itself holds (name, appointment, tier) with a clear notice, never a
blank 500; each fallback is an audit event naming the error's class, never its content.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from screening.models import Submission
from screening.review import audit

# What reading a malformed JSON document raises in our context builders.
UNREADABLE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def note_unreadable(request: HttpRequest, submission: Submission, where: str, error: Exception):
    audit.record(
        request, audit.RECORD_UNREADABLE, submission, where=where, error=type(error).__name__
    )


def unreadable_page(request: HttpRequest, submission: Submission, error: Exception) -> HttpResponse:
    note_unreadable(request, submission, "page", error)
    return render(
        request, "screening/review/submission_unreadable.html", {"submission": submission}
    )


def unreadable_pdf(request: HttpRequest, submission: Submission, error: Exception) -> bytes:
    from screening.pdf.render import html_to_pdf

    note_unreadable(request, submission, "pdf", error)
    html = render_to_string("screening/pdf/unreadable.html", {"submission": submission})
    return html_to_pdf(html)
