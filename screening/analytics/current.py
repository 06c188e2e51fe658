"""The screenings the rule figures count: each visit's CURRENT screening (care.current),
submitted in the period. A replaced screening (a check-in or re-screen came after it) is
not counted, so a visit counts once."""

from django.db.models import QuerySet

from screening.analytics.period import Period
from screening.care.current import only_current
from screening.models import Submission


def current_screenings(period: Period) -> QuerySet[Submission]:
    return only_current(Submission.objects.filter(**period.bounds("submitted_at")))
