"""The audit log, for clinic admins: who did what to which object, filtered."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from screening.review import access, audit, queries
from screening.review.forms import AuditFilterForm

PAGE_SIZE = 50


@access.staff_required(access.CLINIC_ADMIN)
def audit_log(request: HttpRequest) -> HttpResponse:
    # Recorded first: the page's count and rows then agree (this view included).
    audit.record(request, audit.AUDIT_LOG_VIEWED)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(queries.audit_events(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "screening/review/audit_log.html", context)
