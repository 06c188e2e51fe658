"""Appointment import (issue 13): CSV and .ics become visits and invitations, bad files nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.interop.appointments import csv_source, ics_source
from screening.interop.appointments.preview import preview
from screening.interop.appointments.rows import ImportRefused
from screening.models import (
    AppointmentColumnMapping,
    AppointmentImport,
    AuditEvent,
    Invitation,
    Patient,
    Visit,
)
from screening.review.access import FRONT_DESK
from tests.security.builders import staff_user

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def csv_file(
    *rows: str, header: str = "Client,Date of birth,Email,Date,Time,Practitioner"
) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


GOOD_CSV = csv_file(
    f"Hélène Côté,1950-03-09,helene@example.org,{TOMORROW.isoformat()},09:30,Dr Lee",
    f"Omar Haddad,1988-11-02,,{TOMORROW.isoformat()},10:15 AM,Dr Lee",
)


def ics(*events: str) -> bytes:
    body = "".join("BEGIN:VEVENT\r\n" + event + "END:VEVENT\r\n" for event in events)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n"
    ).encode()


@pytest.fixture
def desk(db, login_staff) -> Client:
    client = Client()
    login_staff(client, staff_user(FRONT_DESK))
    return client


def upload(client: Client, data: bytes, name: str = "week.csv"):
    return client.post(
        reverse("review:appointments_import"),
        {"appointments": SimpleUploadedFile(name, data)},
    )


# Reading files ---------------------------------------------------------------------------


def test_a_csv_is_read_with_the_guessed_columns():
    header, table = csv_source.read_table(GOOD_CSV)
    mapping = csv_source.guess_mapping(header)
    assert mapping["name"] == "Client" and mapping["date_of_birth"] == "Date of birth"
    rows = csv_source.rows_from_table(header, table, mapping)
    assert [r.name for r in rows] == ["Hélène Côté", "Omar Haddad"]
    assert rows[1].time == dt.time(10, 15) and rows[0].date == TOMORROW
    assert rows[0].email == "helene@example.org" and rows[0].practitioner == "Dr Lee"


def test_semicolons_and_a_byte_order_mark_are_fine():
    data = f"\ufeffName;DOB;Date\nAna Silva;2001-05-06;{TOMORROW.isoformat()}\n"
    header, table = csv_source.read_table(data.encode("utf-8"))
    rows = csv_source.rows_from_table(header, table, csv_source.guess_mapping(header))
    assert rows[0].name == "Ana Silva" and rows[0].date_of_birth == dt.date(2001, 5, 6)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("Name,Date\nJosé,2026-12-09\n".encode("latin-1"), "UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a CSV"),
        (b"Name,Date\n", "no appointments"),
        (("Name,Date\n" + "A B,2026-12-09\n" * 50_000).encode(), "at most"),
    ],
    ids=["wrong encoding", "not csv", "empty", "50,000 rows"],
)
def test_bad_files_are_refused_with_one_clear_message(data, words):
    with pytest.raises(ImportRefused, match=words):
        header, table = csv_source.read_table(data)
        csv_source.rows_from_table(header, table, csv_source.guess_mapping(header))


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","y")', "+cmd", "@SUM(A1)", "-2+3"])
def test_a_name_that_a_spreadsheet_would_run_refuses_the_file(cell):
    data = csv_file(f'"{cell}",1950-03-09,,{TOMORROW.isoformat()},09:30,')
    header, table = csv_source.read_table(data)
    with pytest.raises(ImportRefused, match="formula"):
        csv_source.rows_from_table(header, table, csv_source.guess_mapping(header))


def test_a_phone_number_with_a_plus_is_not_a_formula():
    data = csv_file(
        f"Ana Silva,2001-05-06,+1 514 555 0101,{TOMORROW.isoformat()}", header="Name,DOB,Phone,Date"
    )
    header, table = csv_source.read_table(data)
    rows = csv_source.rows_from_table(header, table, csv_source.guess_mapping(header))
    assert rows[0].phone == "+1 514 555 0101"


def test_an_ics_with_utc_tzid_and_all_day_events():
    data = ics(
        "UID:1\r\nSUMMARY:Hélène Côté - Dry needling\r\nDTSTART:20261209T143000Z\r\n"
        "DESCRIPTION:DOB: 1950-03-09\\nhelene@example.org\r\n",
        "UID:2\r\nSUMMARY:Omar Haddad\r\nDTSTART;TZID=America/Toronto:20261209T091500\r\n",
        "UID:3\r\nSUMMARY:Ana Silva\r\nDTSTART;VALUE=DATE:20261210\r\n",
    )
    rows = ics_source.rows_from(data)
    assert rows[0].name == "Hélène Côté" and rows[0].appointment_type == "Dry needling"
    assert rows[0].date_of_birth == dt.date(1950, 3, 9) and rows[0].email == "helene@example.org"
    # 14:30 UTC in the clinic's zone; TZID kept as the local wall time when zones agree.
    assert rows[0].time is not None and rows[0].date == dt.date(2026, 12, 9)
    assert rows[1].time is not None
    assert rows[2].date == dt.date(2026, 12, 10) and rows[2].time is None
    assert rows[1].date_of_birth is None


def test_a_broken_calendar_is_refused():
    with pytest.raises(ImportRefused):
        ics_source.rows_from(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n")


# The preview --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preview_classifies_each_row():
    known = Patient.objects.create(name="Omar Haddad", date_of_birth=dt.date(1988, 11, 2))
    data = csv_file(
        f"Hélène Côté,1950-03-09,,{TOMORROW.isoformat()},09:30,",
        f"Omar Haddad,1988-11-02,,{TOMORROW.isoformat()},10:15,",
        f"No Birthday,,,{TOMORROW.isoformat()},11:00,",
        f"Past Patient,1970-01-01,,{(TOMORROW - dt.timedelta(days=5)).isoformat()},11:00,",
        f"Hélène Côté,1950-03-09,,{TOMORROW.isoformat()},09:30,",
        f"Bad Time,1970-01-01,,{TOMORROW.isoformat()},half past,",
        "Ambiguous Day,1970-01-01,,03/04/2027,09:00,",
    )
    header, table = csv_source.read_table(data)
    rows = preview(csv_source.rows_from_table(header, table, csv_source.guess_mapping(header)))
    new, existing, no_dob, past, duplicate, bad_time, ambiguous = rows
    assert new.can_book and new.patient is None and "full form" in new.need_words
    assert existing.can_book and existing.patient == known
    assert "No screening on file yet" in existing.need_words
    assert any("date of birth" in p for p in no_dob.problems)
    assert any("in the past" in p for p in past.problems)
    assert any("twice" in p for p in duplicate.problems)
    assert any("half past" in p for p in bad_time.problems)
    assert any("day first or month first" in p for p in ambiguous.problems)


# The pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_preview_and_book_creates_visits_and_invitations_once(desk):
    response = upload(desk, GOOD_CSV)
    assert response.status_code == 302
    batch = AppointmentImport.objects.get()
    page = desk.get(response["Location"]).content.decode()
    assert "Hélène Côté" in page and "New patient: the full form" in page
    assert Visit.objects.count() == 0  # nothing booked before the front desk confirms
    booked = desk.post(response["Location"], {"action": "book"})
    assert booked.status_code == 200
    assert Invitation.objects.count() == 2 and Patient.objects.count() == 2
    assert "/i/" in booked.content.decode()
    event = AuditEvent.objects.get(action="appointments_imported")
    assert event.detail == {"source": "csv", "rows": 2, "booked": 2, "skipped": 0}
    assert "Côté" not in str(event.detail)
    again = desk.post(response["Location"], {"action": "book"})
    assert again.status_code == 302 and Invitation.objects.count() == 2
    assert AppointmentImport.objects.get(pk=batch.pk).booked_count == 2


@pytest.mark.django_db
def test_a_bad_file_creates_nothing_and_says_why(desk):
    response = upload(
        desk, csv_file(f'"=HYPERLINK(""x"")",1950-03-09,,{TOMORROW.isoformat()},09:30,')
    )
    assert response.status_code == 200
    assert "formula" in response.content.decode()
    assert AppointmentImport.objects.count() == 0 and Visit.objects.count() == 0


@pytest.mark.django_db
def test_the_columns_are_remembered_for_the_next_list(desk):
    data = csv_file(f"Ana Silva,2001-05-06,{TOMORROW.isoformat()}", header="Who,Born,When")
    response = upload(desk, data)
    assert response.status_code == 200  # no name or date column found: said, nothing kept
    assert "which columns" in response.content.decode().lower()
    AppointmentColumnMapping.objects.create(
        columns={"name": "Who", "date_of_birth": "Born", "date": "When"}
    )
    response = upload(desk, data)
    assert response.status_code == 302
    page = desk.get(response["Location"]).content.decode()
    assert "Ana Silva" in page and "Ready" in page


@pytest.mark.django_db
def test_saving_columns_from_the_preview_remembers_them(desk):
    response = upload(desk, GOOD_CSV)
    desk.post(
        response["Location"],
        {
            "action": "columns",
            "name": "Client",
            "date": "Date",
            "date_of_birth": "Date of birth",
            "time": "Time",
        },
    )
    assert AppointmentColumnMapping.current().columns["name"] == "Client"
