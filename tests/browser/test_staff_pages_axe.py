"""Every staff page passes axe in English and in French, and is looked at (issues 11 and 14).

Each role signs in the way staff do and opens the pages it works with, on a 1280 x 800 desk
screen and a 1920 x 1080 one; screenshots go to test-output/screenshots/staff-*.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from screening.review import access
from tests.browser.checks import axe_violations, snap
from tests.browser.staff import make_screening, make_staff, sign_in

pytestmark = pytest.mark.browser

SCREENS = {"desk": {"width": 1280, "height": 800}, "wide": {"width": 1920, "height": 1080}}


def pages_for(role: str, held) -> list[tuple[str, str]]:
    if role == access.FRONT_DESK:
        return [
            ("today", reverse("review:today")),
            ("queue", reverse("review:queue")),
            ("submission-held", reverse("review:submission", kwargs={"pk": held.pk})),
            ("clearance-letter", reverse("review:clearance_letter", kwargs={"pk": held.pk})),
            ("invitations", reverse("review:invitations")),
            ("appointments-import", reverse("review:appointments_import")),
            ("patients", reverse("care:patients")),
        ]
    if role == access.PHYSIOTHERAPIST:
        return [
            ("physio-submission", reverse("review:submission", kwargs={"pk": held.pk})),
            ("analytics", reverse("review:analytics")),
        ]
    return [
        ("clinic-profile", reverse("clinic_profile:edit")),
        ("staff-accounts", reverse("staff_accounts:list")),
        ("staff-account-new", reverse("staff_accounts:new")),
        ("audit-log", reverse("review:audit_log")),
    ]


@pytest.mark.parametrize("language", ["en", "fr-ca"])
@pytest.mark.parametrize("role", [access.FRONT_DESK, access.PHYSIOTHERAPIST, access.CLINIC_ADMIN])
def test_every_staff_page_passes_axe_in_both_languages(
    page: Page, live_server, transactional_db, screenshot_dir, role, language
):
    held = make_screening("ex02-warfarin-inr-above-cap", "Avery Thompson", 0)
    make_screening("ex01-healthy-adult", "Jordan Nguyen", 0)
    user = make_staff(f"user-{role}", role)
    page.set_viewport_size(SCREENS["desk"])
    sign_in(page, live_server.url, user, landing=None)
    if language != "en":
        page.locator(f'button[name="language"][value="{language}"]').click()
    problems = {}
    for name, url in pages_for(role, held):
        page.goto(live_server.url + url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        for screen, size in SCREENS.items():
            page.set_viewport_size(size)
            snap(page, screenshot_dir, f"staff-{language}-{name}-{screen}")
        page.set_viewport_size(SCREENS["desk"])
        found = axe_violations(page)
        if found:
            problems[name] = found
    assert problems == {}
