"""The day in Chromium at 1280x800: Today with every reason, the sticky action panel; axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from screening.review import access
from tests.browser.checks import axe_violations
from tests.browser.conftest import console_errors  # noqa: F401, F811  (a fixture)
from tests.browser.staff import make_screening, make_staff, sign_in

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": LAPTOP}


@pytest.fixture
def todays(transactional_db):
    return [
        make_screening("ex02-warfarin-inr-above-cap", "Omar Haddad", 0),
        make_screening("ex04-skin-lesion-adjacent-vs-not", "Zoé Côté", 0),
        make_screening("ex08-older-adult-multi-rule", "Olive Older", 0),
    ]


def test_the_physio_sees_every_reason_on_today_and_decides_without_scrolling(
    page: Page,
    live_server,
    todays,
    screenshot_dir,
    console_errors,  # noqa: F811
):
    physio = make_staff("physio", access.PHYSIOTHERAPIST)
    sign_in(page, live_server.url, physio)
    page.get_by_role("link", name="Today").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    table = page.locator(".today-table")
    expect(table).to_contain_text("Warfarin, INR 3.4 on")
    expect(table).to_contain_text("Skin problem at or next to the right ankle and foot")
    expect(table).to_contain_text("Diabetes with a foot ulcer")
    assert "ANKLE_FOOT_R" not in table.inner_text()
    page.screenshot(path=str(screenshot_dir / "day-today-1280.png"), full_page=True)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Olive Older").click()
    page.screenshot(path=str(screenshot_dir / "day-submission-top-1280.png"))
    decide = page.get_by_role("button", name="Record decision")
    status = page.get_by_role("button", name="Save status")
    _assert_in_view(decide)
    page.screenshot(path=str(screenshot_dir / "day-submission-1280.png"))
    page.get_by_text("Front desk", exact=True).click()
    _assert_in_view(status)
    page.get_by_text("Front desk", exact=True).click()
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(200)
    _assert_in_view(decide)
    page.screenshot(path=str(screenshot_dir / "day-submission-scrolled-1280.png"))
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{live_server.url}/staff/today/")
    page.screenshot(path=str(screenshot_dir / "day-today-1920.png"), full_page=True)
    page.goto(f"{live_server.url}/staff/")
    expect(page.locator(".queue-table")).to_contain_text("Warfarin, INR 3.4 on")
    page.get_by_role("link", name="Tier").focus()
    page.keyboard.press("Enter")
    expect(page.locator("th[aria-sort='ascending']")).to_contain_text("Tier")
    assert axe_violations(page) == []
    assert console_errors == []


def _assert_in_view(locator) -> None:
    """The element is wholly inside the 1280x800 viewport, as it is now scrolled."""
    box = locator.bounding_box()
    assert box is not None, "not visible"
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], box
