"""The review queue: upcoming submissions, those needing action first."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from screening.review import access, queries
from screening.review.forms import QueueFilterForm

PAGE_SIZE = 25


@access.staff_required(*access.CLINICAL_ROLES)
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(queries.queue(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "screening/review/queue.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
