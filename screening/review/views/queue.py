"""The review queue: upcoming submissions, those needing action first.

The filters are posted and kept in the session, not put in the URL: a patient's name typed
in the search box must not land in access logs or browser history.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from screening.review import access, clearance, queries
from screening.review.forms import QueueFilterForm

PAGE_SIZE = 25
FILTERS_KEY = "review_queue_filters"


@access.staff_required(*access.CLINICAL_ROLES)
def queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _remember_filters(request)
    saved = request.session.get(FILTERS_KEY)
    form = QueueFilterForm(saved)
    filters = form.cleaned_data if saved and form.is_valid() else {}
    sort = request.GET.get("sort", "")
    sort = sort if sort.removeprefix("-") in queries.SORTS else ""
    page = Paginator(queries.queue(filters, sort), PAGE_SIZE).get_page(request.GET.get("page"))
    reasons = queries.reasons([row.pk for row in page.object_list])
    clearances = queries.clearances(list(page.object_list))
    for row in page.object_list:
        row.reason = reasons.get(row.pk, "")
        row.clearance = clearances.get(row.pk)
        # Still open and the visit two days away or less: highlighted (issue 11).
        row.clearance_urgent = bool(
            row.clearance
            and row.clearance.is_open
            and row.action_rank == 0
            and clearance.is_urgent(row.appointment_date)
        )
    # One reverse() for the page instead of one per row (a sixth of the render time).
    submission_path = reverse("review:submission", kwargs={"pk": 0}).removesuffix("0/")
    context = {
        "form": form,
        "page": page,
        "submission_path": submission_path,
        "sort": sort,
        "query": f"sort={sort}" if sort else "",
        "sort_links": _sort_links(sort),
    }
    return render(request, "screening/review/queue.html", context)


def _remember_filters(request: HttpRequest) -> HttpResponse:
    if "clear" in request.POST:
        request.session.pop(FILTERS_KEY, None)
    else:
        request.session[FILTERS_KEY] = {
            name: request.POST.get(name, "")[:100] for name in QueueFilterForm.base_fields
        }
    return redirect("review:queue")


def _sort_links(current: str) -> dict[str, dict[str, str]]:
    """Per column: the ?sort= value a click sets (toggles the direction) and aria-sort."""
    links = {}
    for key in queries.SORTS:
        if current == key:
            links[key] = {"value": f"-{key}", "aria": "ascending"}
        elif current == f"-{key}":
            links[key] = {"value": key, "aria": "descending"}
        else:
            links[key] = {"value": key, "aria": "none"}
    return links
