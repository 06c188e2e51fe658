"""Issue 13: the front desk imports a CSV and an .ics in Chromium and invites the right people."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from screening.models import Invitation, Patient
from screening.review import access
from tests.browser.checks import axe_violations
from tests.browser.conftest import console_errors  # noqa: F401, F811  (a fixture)
from tests.browser.staff import make_staff, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


def test_a_csv_and_an_ics_are_imported_and_invite_the_right_patients(
    page: Page,
    live_server,
    transactional_db,
    screenshot_dir,
    tmp_path,
    console_errors,  # noqa: F811
):
    day = timezone.localdate() + dt.timedelta(days=2)
    Patient.objects.create(name="Omar Haddad", date_of_birth=dt.date(1988, 11, 2))
    csv_path = tmp_path / "jane-export.csv"
    csv_path.write_text(
        "Client,Date of birth,Email,Date,Time\n"
        f"Hélène Côté,1950-03-09,helene@example.org,{day.isoformat()},09:30\n"
        f"Omar Haddad,1988-11-02,,{day.isoformat()},10:15\n"
        f"No Birthday,,,{day.isoformat()},11:00\n",
        encoding="utf-8",
    )
    sign_in(page, live_server.url, make_staff("desk", access.FRONT_DESK))
    page.goto(f"{live_server.url}/staff/invitations/")
    page.get_by_role("link", name="Import appointments from the booking system").click()
    page.get_by_label("Appointment list (CSV or .ics calendar file)").set_input_files(str(csv_path))
    page.get_by_role("button", name="Read the list").click()
    table = page.locator(".import-preview")
    expect(table).to_contain_text("Hélène Côté")
    expect(table).to_contain_text("New patient: the full form")
    expect(table.locator("tr", has_text="Omar Haddad")).to_contain_text("Existing patient")
    expect(table.locator("tr", has_text="No Birthday")).to_contain_text("No date of birth")
    page.screenshot(path=str(screenshot_dir / "import-preview-1280.png"), full_page=True)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Book 2 visits and create their invitations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2 visits booked")
    expect(page.locator(".booked-link")).to_have_count(2)
    assert sorted(Invitation.objects.values_list("patient_name", flat=True)) == [
        "Hélène Côté",
        "Omar Haddad",
    ]
    assert Patient.objects.filter(name="Omar Haddad").count() == 1  # matched, not duplicated

    ics_path = tmp_path / "week.ics"
    stamp = day.strftime("%Y%m%d")
    ics_path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        f"SUMMARY:Ana Silva - Dry needling\r\nDTSTART:{stamp}T150000Z\r\n"
        "DESCRIPTION:DOB: 2001-05-06\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    page.goto(f"{live_server.url}/staff/appointments/import/")
    page.get_by_label("Appointment list (CSV or .ics calendar file)").set_input_files(str(ics_path))
    page.get_by_role("button", name="Read the list").click()
    expect(page.locator(".import-preview")).to_contain_text("Ana Silva")
    page.get_by_role("button", name="Book 1 visit and create its invitation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1 visit booked")
    assert Invitation.objects.filter(patient_name="Ana Silva").exists()
    assert console_errors == []
