"""The course of care in Chromium: the Avery Thompson case, and a three-visit course.

Screenshots go to test-output/screenshots/care-*.png for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from screening.intake.invitations import create_invitation
from screening.models import Submission
from screening.review import access
from tests.browser import patient
from tests.browser.checks import axe_violations, snap
from tests.browser.staff import DESKTOP, make_staff, sign_in
from tests.intake.conftest import fill_all_steps, open_link, sign
from tests.intake.posts import date_parts

pytestmark = pytest.mark.browser
NAME = "Avery Thompson"
BORN = dt.date(1988, 4, 12)  # as the healthy answers give it


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": DESKTOP, "accept_downloads": True}


def check(page: Page, folder, name: str) -> None:
    snap(page, folder, f"care-{name}")
    page.screenshot(path=str(folder / f"care-{name}-top.png"))  # what is seen first
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == [], name


def form_sent_by_client(token: str) -> None:
    """The pre-visit form, sent earlier (through the test client, for speed)."""
    client = Client()
    open_link(client, token)
    client.post("/intake/check/", date_parts("date_of_birth", BORN.isoformat()))
    client.post("/intake/privacy/")
    fill_all_steps(client)
    assert sign(client, NAME).status_code == 302


def pass_gate(page: Page, url: str) -> None:
    page.goto(url)
    dates = patient.group(page, "date of birth")
    dates.get_by_label("Day").fill(str(BORN.day))
    dates.get_by_label("Month").select_option(label=BORN.strftime("%B"))
    dates.get_by_label("Year").fill(str(BORN.year))
    page.get_by_role("button", name="Continue").click()


def check_in_in_browser(page: Page, url: str, alcohol: str, folder, shot: str) -> None:
    pass_gate(page, url)
    expect(page).to_have_url(re.compile(r"/intake/check-in/$"))
    patient.choice(page, patient.Choose("alcohol or cannabis", alcohol)).check()
    patient.choice(page, patient.Choose("Has anything changed", "No")).check()
    check(page, folder, shot)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are checked in")


def pdf_text(page: Page, link_name: str) -> list[str]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    with open(info.value.path(), "rb") as handle:
        return [p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages]


def test_avery_thompson_check_in_do_not_needle_replaces_the_clear_form_everywhere(
    page: Page, transactional_db, live_server, screenshot_dir, console_errors
):
    invitation, token = create_invitation(
        patient_name=NAME,
        date_of_birth=BORN,
        appointment_date=timezone.localdate(),
        appointment_time=dt.time(9, 30),
    )
    form_sent_by_client(token)
    check_in_in_browser(page, f"{live_server.url}/i/{token}/", "Yes", screenshot_dir, "01-check-in")
    form, check_in = Submission.objects.order_by("pk")
    assert (form.tier, check_in.tier) == ("CLEAR", "DO_NOT_NEEDLE")

    page.context.clear_cookies()
    sign_in(page, live_server.url, make_staff("physio", access.PHYSIOTHERAPIST))
    rows = page.locator("table.queue-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(NAME)
    expect(rows.first).to_contain_text("Do not needle")
    expect(rows.first).not_to_contain_text("Clear")
    check(page, screenshot_dir, "02-queue-one-row")

    # Someone opens the earlier form anyway (a bookmark, the history): it says so first.
    page.goto(f"{live_server.url}/staff/submissions/{form.pk}/")
    notice = page.locator(".superseded-notice")
    expect(notice).to_contain_text(re.compile(r"Replaced by the check-in of \d+ \w+, \d\d:\d\d"))
    expect(notice).to_contain_text("Do not needle")
    expect(page.locator(".tier-banner .tier-badge")).to_have_class(re.compile("tier-superseded"))
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    # Only this screening's own tier is greyed: the check-in's stays red wherever it shows.
    expect(page.locator(".tier-superseded")).to_have_count(1)
    check(page, screenshot_dir, "03-replaced-form-page")
    pages = pdf_text(page, "Download PDF summary")
    assert pages and all("SUPERSEDED: do not use" in text for text in pages)
    assert "CURRENT TIER: DO NOT NEEDLE" in pages[0].upper()

    notice.get_by_role("link", name="Open the current screening").click()
    expect(page).to_have_url(re.compile(rf"/staff/submissions/{check_in.pk}/$"))
    expect(page.locator(".superseded-notice")).to_have_count(0)
    expect(page.locator(".tier-banner")).to_contain_text("Do not needle")
    assert not any("SUPERSEDED" in t for t in pdf_text(page, "Download PDF summary"))
    check(page, screenshot_dir, "04-current-check-in-page")
    assert console_errors == []
