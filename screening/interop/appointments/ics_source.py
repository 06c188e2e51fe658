"""An iCalendar (.ics) export: one appointment per VEVENT, read with the `icalendar` library.

Calendars carry no date of birth field: a line "DOB: 1980-02-29" (or "Date of birth: ...")
in the event's description is read; otherwise the preview asks for it (never guessed).
The patient's name is the event's summary before any " - " (booking systems write
"Jane Doe - Dry needling"); the part after it is the appointment type.
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from screening.interop.appointments.rows import (
    MAX_BYTES,
    MAX_ROWS,
    AmbiguousDate,
    AppointmentRow,
    ImportRefused,
    parse_date,
    refuse_formula,
)

BIRTH = re.compile(r"(?:DOB|date of birth|born)\s*[:=]\s*([0-9./-]{8,10})", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def is_calendar(data: bytes) -> bool:
    return data.lstrip()[:15].upper().startswith(b"BEGIN:VCALENDAR")


def rows_from(data: bytes) -> list[AppointmentRow]:
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("This file is larger than 2 MB. Please export one week at a time."))
    try:
        calendar = icalendar.Calendar.from_ical(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        raise ImportRefused(
            _("This calendar file could not be read. Please export it again.")
        ) from None
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise ImportRefused(_("This calendar file has no appointments."))
    if len(events) > MAX_ROWS:
        raise ImportRefused(
            _("This file has %(count)s appointments; at most %(max)s can be imported at once.")
            % {"count": len(events), "max": MAX_ROWS}
        )
    return [_row(number, event) for number, event in enumerate(events, start=1)]


def _local(start) -> tuple[dt.date | None, dt.time | None]:
    """The appointment's day and time in the clinic's time zone (all-day events: no time)."""
    if isinstance(start, dt.datetime):
        if start.tzinfo is not None:
            start = timezone.localtime(start)
        return start.date(), start.time().replace(second=0, microsecond=0)
    if isinstance(start, dt.date):
        return start, None
    return None, None


def _row(number: int, event) -> AppointmentRow:
    summary = str(event.get("SUMMARY", "")).strip()
    name, _sep, kind = summary.partition(" - ")
    description = str(event.get("DESCRIPTION", ""))
    row = AppointmentRow(
        line=number,
        name=" ".join(refuse_formula(name, column=_("name"), line=number).split()),
        appointment_type=refuse_formula(kind, column=_("appointment type"), line=number),
    )
    start = event.get("DTSTART")
    row.date, row.time = _local(start.dt) if start is not None else (None, None)
    if row.date is None:
        row.problems.append(_("This appointment has no start date."))
    born = BIRTH.search(description)
    if born:
        try:
            row.date_of_birth = parse_date(born.group(1))
        except AmbiguousDate:
            row.problems.append(_("The date of birth could be day first or month first."))
    email = EMAIL.search(description)
    if email:
        row.email = email.group(0)
    attendee = event.get("ATTENDEE")
    if isinstance(attendee, list):
        attendee = attendee[0] if attendee else None
    if attendee and not row.email and str(attendee).lower().startswith("mailto:"):
        row.email = str(attendee)[7:]
    organizer = event.get("ORGANIZER")
    if organizer is not None:
        row.practitioner = str(organizer.params.get("CN", ""))
    return row
