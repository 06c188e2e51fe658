"""clinic.urls plus a bare view: a template of a given size, no form, no database."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from clinic.urls import urlpatterns as app_urlpatterns

# One filler row renders to about this many bytes (bench/templates/bench/bare.html);
# with the base template around them, a 40-50 KB page comes out within 1% of `bytes`.
ROW_BYTES = 113
FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."


def bare_page(request: HttpRequest) -> HttpResponse:
    """The baseline: the site's base template filled to about `?bytes=` bytes."""
    try:
        size = min(int(request.GET.get("bytes", "20000")), 500_000)
    except ValueError:
        size = 20_000
    rows = [(n, FILLER) for n in range(max(size - 2_500, 0) // ROW_BYTES)]
    return render(request, "bench/bare.html", {"rows": rows})


urlpatterns = [path("bench/bare/", bare_page, name="bench_bare"), *app_urlpatterns]
