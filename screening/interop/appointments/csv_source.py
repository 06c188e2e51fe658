"""A CSV export of the booking system: columns found by the clinic's remembered mapping."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from screening.interop.appointments.rows import (
    FIELDS,
    MAX_BYTES,
    MAX_ROWS,
    AmbiguousDate,
    AppointmentRow,
    ImportRefused,
    parse_date,
    parse_time,
    refuse_formula,
)

# Header words booking systems use, for a first guess of the mapping (the clinic confirms it).
GUESSES = {
    "name": ("patient", "patient name", "client", "client name", "full name", "name"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "first_name": ("first name", "given name", "firstname"),
    "date_of_birth": ("date of birth", "dob", "birth date", "birthdate", "birthday"),
    "email": ("email", "e-mail", "email address"),
    "phone": ("phone", "mobile", "cell", "telephone", "phone number"),
    "date": ("date", "appointment date", "start date", "appt date"),
    "time": ("time", "start time", "appointment time", "appt time"),
    "practitioner": ("practitioner", "staff", "provider", "therapist", "physiotherapist"),
    "appointment_type": ("appointment type", "type", "service", "treatment"),
}


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("This file is larger than 2 MB. Please export one week at a time."))
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            _("This is not a CSV or calendar file. Please export the appointments as CSV or .ics.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "This file is not in UTF-8, so accented names would come out wrong. In the "
                "booking system or spreadsheet, save it as “CSV UTF-8” and upload it again."
            )
        ) from None


def read_table(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV file (comma, semicolon or tab separated)."""
    text = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        table = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error:
        raise ImportRefused(_("This file could not be read as CSV.")) from None
    table = [row for row in table if any(cell.strip() for cell in row)]
    if len(table) < 2:
        raise ImportRefused(_("This file has no appointments under its header row."))
    if len(table) - 1 > MAX_ROWS:
        raise ImportRefused(
            _("This file has %(count)s rows; at most %(max)s can be imported at once.")
            % {"count": len(table) - 1, "max": MAX_ROWS}
        )
    return [cell.strip() for cell in table[0]], table[1:]


def guess_mapping(header: list[str]) -> dict[str, str]:
    """field -> header, for the headers that look like a known column."""
    lowered = {cell.casefold(): cell for cell in header}
    mapping: dict[str, str] = {}
    for name, words in GUESSES.items():
        for word in words:
            if word in lowered and lowered[word] not in mapping.values():
                mapping[name] = lowered[word]
                break
    return mapping


def rows_from(data: bytes, mapping: dict[str, str]) -> list[AppointmentRow]:
    header, table = read_table(data)
    return rows_from_table(header, table, mapping)


def rows_from_table(
    header: list[str], table: list[list[str]], mapping: dict[str, str]
) -> list[AppointmentRow]:
    index = {name: header.index(column) for name, column in mapping.items() if column in header}
    if "date" not in index or not ({"name", "last_name"} & set(index)):
        raise ImportRefused(
            _("Please say which columns hold the patient's name and the appointment date.")
        )
    rows = []
    for number, cells in enumerate(table, start=2):
        rows.append(_row(number, cells, index))
    return rows


def _cell(cells: list[str], index: dict[str, int], name: str, line: int) -> str:
    position = index.get(name)
    if position is None or position >= len(cells):
        return ""
    return refuse_formula(
        cells[position], column=str(FIELDS[name]).lower(), line=line, phone=name == "phone"
    )


def _row(line: int, cells: list[str], index: dict[str, int]) -> AppointmentRow:
    get = lambda name: _cell(cells, index, name, line)  # noqa: E731
    name = get("name") or " ".join(part for part in (get("first_name"), get("last_name")) if part)
    row = AppointmentRow(
        line=line,
        name=" ".join(name.split()),
        last_name=get("last_name"),
        email=get("email"),
        phone=get("phone"),
        practitioner=get("practitioner"),
        appointment_type=get("appointment_type"),
    )
    for attribute, text, parse in (
        ("date", get("date"), parse_date),
        ("date_of_birth", get("date_of_birth"), parse_date),
        ("time", get("time"), parse_time),
    ):
        if not text:
            continue
        try:
            value = parse(text)
        except AmbiguousDate:
            row.problems.append(
                _("“%(text)s” could be either day first or month first: please use 2026-04-03.")
                % {"text": text}
            )
            continue
        if value is None:
            row.problems.append(
                _("We cannot read “%(text)s” as the %(what)s.")
                % {"text": text, "what": str(FIELDS[attribute]).lower()}
            )
        setattr(row, attribute, value)
    return row
