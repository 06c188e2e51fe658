"""Today: the day's visits in appointment order; tomorrow or a chosen day one click away."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from screening.review import access, today


@access.staff_required(*access.CLINICAL_ROLES)
def today_view(request: HttpRequest) -> HttpResponse:
    now = timezone.localdate()
    try:
        day = dt.date.fromisoformat(request.GET.get("day", "")) if request.GET.get("day") else now
    except ValueError:
        day = now
    rows = today.rows_for(day)
    context = {
        "day": day,
        "is_today": day == now,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "tomorrow": now + dt.timedelta(days=1),
        "rows": rows,
        "clearance_todos": today.CLEARANCE_TODOS,
        "open_count": sum(row.needs_action for row in rows),
        "printable_count": sum(row.current is not None for row in rows),
    }
    return render(request, "screening/review/today.html", context)
