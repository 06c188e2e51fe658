"""Where the language switch sends the reader back: this page, in the other language."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

register = template.Library()

# Parameters that are another page's business: echoing a `next` into the switch would carry
# an attacker's address into every page (the switch checks it, but it should not even show).
DROPPED_PARAMETERS = {"next"}


@register.simple_tag
def back_here(request: HttpRequest | None) -> str:
    if not isinstance(request, HttpRequest):
        return "/"
    query = request.GET.copy()
    for name in DROPPED_PARAMETERS:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path
