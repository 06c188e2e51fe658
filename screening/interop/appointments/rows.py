"""One appointment read from a file, the fields a file may carry, and the file-level refusals."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The columns a booking system's export may have, in the order the mapping form shows them.
FIELDS: dict[str, object] = {
    "name": gettext_lazy("Patient's full name"),
    "last_name": gettext_lazy("Last name (if in its own column)"),
    "first_name": gettext_lazy("First name (if in its own column)"),
    "date_of_birth": gettext_lazy("Date of birth"),
    "email": gettext_lazy("Email"),
    "phone": gettext_lazy("Phone"),
    "date": gettext_lazy("Appointment date"),
    "time": gettext_lazy("Appointment time"),
    "practitioner": gettext_lazy("Practitioner"),
    "appointment_type": gettext_lazy("Appointment type"),
}
REQUIRED = ("date",)
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000  # a week of a busy clinic is a few hundred rows

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHONE = re.compile(r"^\+?[\d\s().-]{6,30}$")


class ImportRefused(ValueError):
    """The whole file is refused, with one message a person can act on; nothing is created."""


@dataclass
class AppointmentRow:
    line: int
    name: str = ""
    last_name: str = ""
    date_of_birth: dt.date | None = None
    email: str = ""
    phone: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    practitioner: str = ""
    appointment_type: str = ""
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "line": self.line,
            "name": self.name,
            "last_name": self.last_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "email": self.email,
            "phone": self.phone,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time.strftime("%H:%M") if self.time else None,
            "practitioner": self.practitioner,
            "appointment_type": self.appointment_type,
            "problems": list(self.problems),
        }

    @classmethod
    def from_json(cls, data: dict) -> AppointmentRow:
        row = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        row.date_of_birth = (
            dt.date.fromisoformat(data["date_of_birth"]) if data.get("date_of_birth") else None
        )
        row.date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        row.time = dt.time.fromisoformat(data["time"]) if data.get("time") else None
        return row


def refuse_formula(value: str, *, column: str, line: int, phone: bool = False) -> str:
    """The cell as text, or the whole file refused when it would run as a formula."""
    text = value.strip()
    if phone and PHONE.match(text):
        return text  # "+1 514 ..." is a phone number, not a formula
    if value[:1] in FORMULA_START or text[:1] in FORMULA_START:
        raise ImportRefused(
            _(
                "Line %(line)s: the %(column)s starts with %(char)s, which a spreadsheet would "
                "run as a formula. Nothing was imported. Please fix the booking system's "
                "export, or remove that character, and upload the file again."
            )
            % {"line": line, "column": column, "char": text[:1] or "a control character"}
        )
    return text


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%Y", "%b %d, %Y", "%d %b %Y")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%H H %M", "%HH%M")


SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class AmbiguousDate(ValueError):
    """03/04/2026: the 3rd of April or the 4th of March? Never guessed."""


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    slashed = SLASHED.match(text)
    if (
        slashed
        and slashed.group(1) != slashed.group(2)
        and int(slashed.group(1)) <= 12
        and int(slashed.group(2)) <= 12
    ):
        raise AmbiguousDate(text)
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_time(text: str) -> dt.time | None:
    text = " ".join(text.strip().upper().split())
    for pattern in TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).time()
        except ValueError:
            continue
    return None
