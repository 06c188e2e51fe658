"""One merged PDF of a day's summaries: the current screening of each visit, in appointment
order, each summary starting on a new page with its own page numbers.

Each summary is laid out on its own (so "Page 1 of 3" stays right for every patient) and the
laid-out pages are joined into one document, WeasyPrint's documented way to merge. A cover
page lists the day's visits, so the front desk sees at once whose form is not in the pile.
"""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from screening.care.current import with_current
from screening.models import ClinicProfile, Submission, Visit
from screening.pdf.fetcher import StaticOnlyURLFetcher
from screening.pdf.render import summary_html, summary_stylesheet
from screening.profile.current import clinic_profile, default_profile

COVER_TEMPLATE = "screening/pdf/day_cover.html"


def day_visits(day: dt.date) -> list[Visit]:
    """The day's visits in appointment order, each with .current (its current screening)."""
    visits = (
        Visit.objects.filter(appointment_date=day)
        .select_related("patient")
        .order_by("appointment_time", "pk")
    )
    return with_current(visits)


def day_filename(day: dt.date) -> str:
    """No personal information in the name: the day only."""
    return f"screening-summaries-{day.isoformat()}.pdf"


def _laid_out(html: str, fetcher: StaticOnlyURLFetcher):
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=[summary_stylesheet()])


def merged_day_pdf(day: dt.date, visits: list[Visit], clinic: ClinicProfile | None = None) -> bytes:
    """The cover and each visit's current screening as one PDF (no database access here
    beyond what the summaries read: the benchmark passes unsaved visits)."""
    fetcher = StaticOnlyURLFetcher()
    clinic = clinic or default_profile()
    cover = render_to_string(
        COVER_TEMPLATE,
        {
            "clinic_name": clinic.name,
            "day": day,
            "visits": visits,
            "printed_count": sum(visit.current is not None for visit in visits),
            "waiting_count": sum(visit.current is None for visit in visits),
            "generated_at": timezone.localtime(),
        },
    )
    documents = [_laid_out(cover, fetcher)]
    documents += [
        _laid_out(summary_html(visit.current, clinic), fetcher)
        for visit in visits
        if visit.current is not None
    ]
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def render_day(day: dt.date) -> tuple[bytes, list[Submission], list[Visit]]:
    """(PDF bytes, the screenings printed in order, the visits with no screening yet)."""
    visits = day_visits(day)
    printed = [visit.current for visit in visits if visit.current is not None]
    waiting = [visit for visit in visits if visit.current is None]
    return merged_day_pdf(day, visits, clinic_profile()), printed, waiting
