"""A French-speaking patient's check-in on the day and follow-up re-screen, in French (issue 14).

The first form is sent through the test client (in French, for speed; the whole form in the
browser is tests/browser/test_french_walk.py). The check-in and the follow-up run in Chromium
on a 360 px phone set to French; every page passes axe, shows no English word and is saved
as a screenshot (test-output/screenshots/fr-course-*).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from screening.care import follow_up
from screening.care.booking import book_rescreen
from screening.intake.invitations import create_invitation
from screening.models import Submission
from screening.profile.current import clinic_profile
from tests.browser.checks import axe_violations, snap
from tests.i18n.english import english_words
from tests.intake.conftest import fill_all_steps, open_link, sign
from tests.intake.posts import date_parts

pytestmark = pytest.mark.browser
NAME = "Geneviève Tremblay"
BORN = dt.date(1988, 4, 12)  # as the healthy answers give it


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "fr-CA"}


def french_page(page: Page, folder, name: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "fr-ca")
    snap(page, folder, f"fr-course-{name}")
    assert english_words(page.inner_text("body"), (NAME, clinic_profile().name)) == [], name
    assert axe_violations(page) == [], name


def pass_gate(page: Page, url: str, folder, name: str) -> None:
    page.goto(url)
    if "/intake/check/" not in page.url:
        return
    french_page(page, folder, name)
    page.locator('[name="date_of_birth_day"]').fill(str(BORN.day))
    page.locator('[name="date_of_birth_month"]').select_option(str(BORN.month))
    page.locator('[name="date_of_birth_year"]').fill(str(BORN.year))
    page.locator('main form button[type="submit"]').first.click()


def test_a_french_check_in_and_a_french_follow_up_on_a_phone(
    page: Page, transactional_db, live_server, screenshot_dir, console_errors
):
    base = live_server.url
    invitation, token = create_invitation(
        patient_name=NAME,
        date_of_birth=BORN,
        appointment_date=timezone.localdate(),
        appointment_time=dt.time(9, 30),
        language="fr-ca",
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-CA")
    open_link(client, token)
    client.post("/intake/check/", date_parts("date_of_birth", BORN.isoformat()))
    client.post("/intake/privacy/")
    fill_all_steps(client)
    assert sign(client, NAME).status_code == 302

    # The check-in on the day.
    pass_gate(page, f"{base}/i/{token}/", screenshot_dir, "01-gate")
    expect(page).to_have_url(re.compile(r"/intake/check-in/$"))
    french_page(page, screenshot_dir, "02-check-in")
    page.locator('[name="substances_recent"][value="no"]').check()
    page.locator('[name="anything_changed"][value="False"]').check()
    page.locator('main form button[type="submit"]').first.click()
    expect(page).to_have_url(re.compile(r"/intake/check-in/done/$"))
    french_page(page, screenshot_dir, "03-checked-in")

    # The next visit, booked by the front desk: the link comes back in French.
    _invitation, token2 = book_rescreen(
        invitation.visit.patient, timezone.localdate() + dt.timedelta(days=7), dt.time(10, 0)
    )
    pass_gate(page, f"{base}/i/{token2}/", screenshot_dir, "04-gate")
    french_page(page, screenshot_dir, "05-privacy")
    page.locator('form[action$="/intake/privacy/"] button[type="submit"]').click()
    french_page(page, screenshot_dir, "06-follow-up")
    for topic in follow_up.TOPICS:
        page.locator(f'[name="{topic.code}"][value="False"]').check()
    page.locator('main form button[type="submit"]').first.click()
    expect(page).to_have_url(re.compile(r"/intake/follow-up/send/$"))
    french_page(page, screenshot_dir, "07-follow-up-send")
    page.locator('[name="agree"]').check()
    page.locator('[name="signature"]').fill(NAME)
    page.locator('main form button[type="submit"]').last.click()
    french_page(page, screenshot_dir, "08-follow-up-sent")

    kinds = list(Submission.objects.order_by("pk").values_list("kind", "consent_language"))
    assert kinds == [("initial", "fr-ca"), ("check_in", "fr-ca"), ("follow_up", "fr-ca")]
    assert console_errors == []
