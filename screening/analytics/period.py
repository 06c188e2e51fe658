"""The period the analytics page covers: whole local days, `start` to `end` inclusive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_WEEKS = 8
# A longer period is refused: the weekly chart would have too many points to read.
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def since(self) -> dt.datetime:
        """The first instant of the period (local midnight of `start`)."""
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def until(self) -> dt.datetime:
        """The first instant after the period (exclusive bound)."""
        return timezone.make_aware(
            dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min)
        )

    def bounds(self, field: str) -> dict:
        """Filter kwargs: `field` within the period."""
        return {f"{field}__gte": self.since, f"{field}__lt": self.until}


def default_period(today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(today - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1), today)


class PeriodForm(forms.Form):
    """The GET form above the figures; a bad date leaves the default period in place."""

    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("The start date must be on or before the end date."))
            if (end - start).days > MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of three years or less."))
        return data

    def period(self) -> Period:
        """The chosen period, or the last eight weeks for whatever is missing or invalid."""
        fallback = default_period()
        if not self.is_bound or not self.is_valid():
            return fallback
        start = self.cleaned_data.get("date_from")
        end = self.cleaned_data.get("date_to") or fallback.end
        if start is None:
            start = end - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1)
        if start > end:
            return fallback
        return Period(start, end)
