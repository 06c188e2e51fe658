"""The staff navigation's count of upcoming visits that need action (on every staff page)."""

from django import template
from django.utils import timezone

from screening.care.current import only_current
from screening.models import Submission
from screening.review import access

register = template.Library()


@register.simple_tag
def needs_action_count() -> int:
    """One COUNT query: current screenings of upcoming visits, flagged and not yet decided."""
    today = timezone.localdate()
    rows = only_current(Submission.objects.all(), appointments_from=today)
    return rows.filter(appointment_date__gte=today, action_rank=0).count()


@register.simple_tag(takes_context=True)
def can_see_analytics(context) -> bool:
    """The roles the analytics view admits (its own staff_required list, read once)."""
    from screening.review.views.analytics import analytics

    return access.has_role(context["user"], *analytics.staff_roles)
