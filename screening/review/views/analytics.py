"""Screening analytics, for the clinic admin and the physiotherapists (issue 13)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from screening.analytics import export, page
from screening.analytics.period import PeriodForm
from screening.review import access, audit


@access.staff_required(access.PHYSIOTHERAPIST, access.CLINIC_ADMIN)
def analytics(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    period = form.period()
    if not form.is_bound:
        # Show the default period's dates in the inputs (a bound form keeps what was typed).
        form = PeriodForm(initial={"date_from": period.start, "date_to": period.end})
    # Figures only, no patient: the audit detail is the period.
    audit.record(
        request, audit.ANALYTICS_VIEWED, start=period.start.isoformat(), end=period.end.isoformat()
    )
    context = {"form": form, "period": period, **page.build(period)}
    return render(request, "screening/review/analytics.html", context)


@access.staff_required(access.PHYSIOTHERAPIST, access.CLINIC_ADMIN)
def analytics_csv(request: HttpRequest) -> HttpResponse:
    """The same figures as a CSV file (no patient, no reasons); audited like the page."""
    period = PeriodForm(request.GET or None).period()
    audit.record(
        request,
        audit.ANALYTICS_EXPORTED,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
    body = export.figures_csv(period, page.build(period))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"screening-analytics-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
