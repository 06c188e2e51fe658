"""Front desk and physiotherapist do their jobs in Chromium; axe checks every staff page.

Screenshots go to test-output/screenshots/staff-*.png for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from screening.models import AuditEvent, Submission
from screening.review import access
from tests.browser.checks import axe_violations, snap
from tests.browser.staff import DESKTOP, PASSWORD, make_screening, make_staff, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    """Staff work at a desk computer."""
    return {**browser_context_args, "viewport": DESKTOP, "accept_downloads": True}


@pytest.fixture
def screenings(transactional_db) -> dict[str, Submission]:
    return {
        "clear": make_screening("ex01-healthy-adult", "Grace Kim", 1),
        "hold": make_screening("ex02-warfarin-inr-above-cap", "Omar Haddad", 2),
        "review": make_screening("ex05-pacemaker-left", "Lucas Roy", 3),
        "stop": make_screening("ex06-severe-needle-phobia", "Mia Robinson", 4),
    }


def check_page(page: Page, folder, name: str) -> None:
    snap(page, folder, f"staff-{name}")
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == [], name


def queue_names(page: Page) -> list[str]:
    return page.locator("table.queue-table tbody tr td:first-child a").all_inner_texts()


def test_front_desk_filters_to_flagged_opens_one_and_marks_it_reviewed(
    page: Page, live_server, screenings, screenshot_dir, console_errors
):
    desk = make_staff("frontdesk", access.FRONT_DESK)
    sign_in(page, live_server.url, desk)
    check_page(page, screenshot_dir, "01-queue")
    assert set(queue_names(page)) == {"Grace Kim", "Omar Haddad", "Lucas Roy", "Mia Robinson"}

    page.get_by_label("Tier").select_option(label="Flagged (needs review or more)")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_label("Tier")).to_have_value("flagged")
    assert queue_names(page) == ["Omar Haddad", "Lucas Roy", "Mia Robinson"]
    check_page(page, screenshot_dir, "02-queue-flagged")

    page.get_by_role("link", name="Omar Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omar Haddad")
    expect(page.locator(".tier-banner")).to_contain_text("Hold for clearance")
    check_page(page, screenshot_dir, "03-submission-front-desk")

    page.get_by_label("Reviewed").check()
    page.get_by_label("Note (optional)").first.fill("Asked the patient to bring the INR slip.")
    page.get_by_role("button", name="Save status").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.get_by_text("Status: Reviewed")).to_be_visible()
    expect(page.get_by_text("Asked the patient to bring the INR slip.")).to_be_visible()
    check_page(page, screenshot_dir, "04-submission-reviewed")
    assert Submission.objects.get(pk=screenings["hold"].pk).status == "reviewed"

    page.get_by_role("link", name="Clearance-request letter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Request for medical clearance")
    check_page(page, screenshot_dir, "05-clearance-letter")

    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Patient's full name").fill("Nora Lindqvist")
    page.get_by_label("Appointment date").fill(screenings["clear"].appointment_date.isoformat())
    page.get_by_role("button", name="Create invitation").click()
    link = page.get_by_label("Patient link").input_value()
    assert re.search(r"/i/[A-Za-z0-9_-]{40,}/$", link)
    check_page(page, screenshot_dir, "06-invitations")
    assert console_errors == []


def test_physio_downloads_the_pdf_and_records_a_decision(
    page: Page, live_server, screenings, screenshot_dir, console_errors
):
    physio = make_staff("physio", access.PHYSIOTHERAPIST)
    sign_in(page, live_server.url, physio)
    page.get_by_role("link", name="Omar Haddad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Omar Haddad")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF summary").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert "Haddad" not in download.suggested_filename
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert AuditEvent.objects.filter(action="pdf_downloaded", actor=physio).count() == 1

    # "Proceed" on HOLD_FOR_CLEARANCE is less cautious than the tier: a reason is required.
    page.get_by_label("Proceed", exact=True).check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("This decision is less cautious than the tier")).to_be_visible()
    check_page(page, screenshot_dir, "07-decision-needs-reason")
    page.get_by_label("Reason").fill("Clearance letter from Dr Lee received today.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("heading", name="Current decision: Proceed")).to_be_visible()
    check_page(page, screenshot_dir, "08-decision-recorded")
    event = screenings["hold"].events.get()
    assert (event.decision, event.actor) == ("proceed", physio)
    assert console_errors == []


def test_the_clinic_admin_reads_the_audit_log(
    page: Page, live_server, screenings, screenshot_dir, console_errors
):
    admin = make_staff("clinicadmin", access.CLINIC_ADMIN)
    page.goto(f"{live_server.url}/staff/audit/")
    page.get_by_label("Username").fill("clinicadmin")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Username").fill("clinicadmin")
    page.get_by_role("button", name="Log in").click()
    device = TOTPDevice.objects.get(user=admin)
    page.get_by_label(re.compile("6-digit code")).fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    expect(page.locator("table")).to_contain_text("login_failed")
    check_page(page, screenshot_dir, "09-audit-log")
    assert console_errors == []
