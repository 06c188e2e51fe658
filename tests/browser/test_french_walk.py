"""A French-speaking patient completes the whole form in French on a 360 px phone (issue 14).

The browser asks for Canadian French (Accept-Language, as a phone set to French does). Every
page is checked with axe, saved as a screenshot (test-output/screenshots/fr-*), and read for
English words: none may show outside the allow-list (names, units, the product's name).
Answers are given by field name, so the walk does not depend on the wording it checks.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from screening.intake.consent import CONSENT_TEXT_VERSIONS
from screening.intake.invitations import create_invitation
from screening.intake.steps import QUESTION_STEPS
from screening.models import Submission
from screening.profile.current import clinic_profile
from tests.browser.checks import axe_violations, snap
from tests.i18n.english import english_words
from tests.intake.posts import HEALTHY

pytestmark = pytest.mark.browser

PATIENT = "Geneviève Tremblay"


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "fr-CA"}


@pytest.fixture
def link(transactional_db, live_server) -> str:
    appointment = timezone.localdate() + datetime.timedelta(days=3)
    _, token = create_invitation(patient_name=PATIENT, appointment_date=appointment)
    return f"{live_server.url}/i/{token}/"


def english_words_on(page: Page) -> list[str]:
    return english_words(page.inner_text("body"), (PATIENT, clinic_profile().name))


def check_french_page(page: Page, folder, name: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "fr-ca")
    snap(page, folder, f"fr-{name}")
    assert english_words_on(page) == [], name
    assert axe_violations(page) == [], name


def answer_by_name(page: Page, answers: dict) -> None:
    for name, value in answers.items():
        values = value if isinstance(value, list) else [value]
        for one in values:
            region = page.locator(f"#id_{name}-region-{one}")
            if region.count():
                region.click()
                continue
            field = page.locator(f'[name="{name}"]').first
            kind = field.get_attribute("type") or field.evaluate("e => e.tagName.toLowerCase()")
            if kind in ("radio", "checkbox"):
                page.locator(f'[name="{name}"][value="{one}"]').check()
            elif kind == "select":
                field.select_option(one)
            else:
                field.fill(one)


def test_a_french_speaking_patient_completes_the_form_in_french(
    page: Page, link, screenshot_dir, console_errors
):
    page.goto(link)
    check_french_page(page, screenshot_dir, "00-privacy")
    page.locator('form[action$="/intake/privacy/"] button[type="submit"]').click()
    for number, step in enumerate(QUESTION_STEPS, start=1):
        expect(page).to_have_url(re.compile(rf"/intake/step/{step.name}/$"))
        check_french_page(page, screenshot_dir, f"{number:02d}-{step.name}")
        answer_by_name(page, HEALTHY[step.name])
        page.locator('button[name="action"][value="next"]').click()
        expect(page).not_to_have_url(re.compile(rf"/intake/step/{step.name}/$"))

    expect(page).to_have_url(re.compile(r"/intake/review/$"))
    check_french_page(page, screenshot_dir, "20-review")
    page.locator('a[href$="/intake/sign/"]').first.click()
    check_french_page(page, screenshot_dir, "21-sign")
    page.locator('[name="agree"]').check()
    page.locator('[name="signature"]').fill(PATIENT)
    page.locator('form button[type="submit"]').last.click()

    expect(page).to_have_url(re.compile(r"/intake/done/$"))
    check_french_page(page, screenshot_dir, "22-done")
    submission = Submission.objects.get()
    assert (submission.consent_language, submission.consent_text_version) == (
        "fr-ca",
        CONSENT_TEXT_VERSIONS["fr-ca"],
    )
    assert console_errors == []


def test_the_switch_in_the_header_turns_an_english_page_french_without_javascript(
    browser, link, live_server, screenshot_dir
):
    context = browser.new_context(
        locale="en-CA", java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator('button[name="language"][value="fr-ca"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "fr-ca")
    snap(page, screenshot_dir, "fr-switched")
    assert english_words_on(page) == []
    page.locator('button[name="language"][value="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()
