"""The body map widget in a real Chromium: picture and checkbox list stay in sync."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import axe_violations, snap

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.browser.bodymap_urls")]


@pytest.fixture
def map_page(page: Page, live_server, console_errors) -> Page:
    page.goto(f"{live_server.url}/body-map/")
    return page


def pain(page: Page):
    return page.get_by_role("group", name="Where is your pain?")


def region(group, code: str):
    """The region's first drawing (front view when it has one), a toggle button."""
    return group.locator(f'.bodymap-region[data-region="{code}"][data-bodymap-stop]')


def test_clicking_a_region_ticks_its_checkbox_and_clicking_again_clears_it(map_page: Page):
    group = pain(map_page)
    shape = region(group, "SHOULDER_R")
    box = group.get_by_role("checkbox", name="Right shoulder joint")
    shape.click()
    expect(box).to_be_checked()
    expect(shape).to_have_attribute("aria-pressed", "true")
    shape.click()
    expect(box).not_to_be_checked()
    expect(shape).to_have_attribute("aria-pressed", "false")


def test_ticking_a_checkbox_marks_the_region_on_both_views(map_page: Page):
    group = pain(map_page)
    group.get_by_role("checkbox", name="Head and face").check()
    drawn = group.locator('.bodymap-region[data-region="HEAD_FACE"]')
    expect(drawn).to_have_count(2)
    for shape in drawn.all():
        expect(shape).to_have_class("bodymap-region is-selected")


def test_regions_work_with_the_keyboard(map_page: Page, console_errors):
    group = pain(map_page)
    shape = region(group, "SCAPULA_L")
    shape.focus()
    map_page.keyboard.press("Enter")
    expect(group.get_by_role("checkbox", name="Left shoulder blade")).to_be_checked()
    map_page.keyboard.press("Space")
    expect(group.get_by_role("checkbox", name="Left shoulder blade")).not_to_be_checked()
    # Issue 12, point 7: the picture is one Tab stop; the arrow keys move inside it.
    map_page.keyboard.press("ArrowRight")
    moved = map_page.evaluate("document.activeElement.dataset.region")
    assert moved and moved != "SCAPULA_L"
    assert map_page.evaluate("document.activeElement.getAttribute('tabindex')") == "0"
    assert group.locator('.bodymap-region[data-bodymap-stop][tabindex="0"]').count() == 1
    map_page.keyboard.press("ArrowLeft")
    assert map_page.evaluate("document.activeElement.dataset.region") == "SCAPULA_L"
    map_page.keyboard.press("Tab")  # leaves the picture at once, to the list or the next question
    after = map_page.evaluate("document.activeElement.classList.contains('bodymap-region')")
    assert after is False
    assert console_errors == []


def test_the_whole_picture_is_one_tab_stop(map_page: Page):
    group = pain(map_page)
    stops = map_page.evaluate(
        "Array.from(document.querySelectorAll('.bodymap-region')).filter("
        "r => r.closest('[data-bodymap]') && r.getAttribute('tabindex') === '0').length"
    )
    widgets = map_page.locator("[data-bodymap]").count()
    assert stops == widgets  # one per map, not one per area
    map_page.keyboard.press("End")  # nothing happens outside the picture
    first = region(group, "HEAD_FACE")
    first.focus()
    map_page.keyboard.press("End")
    assert map_page.evaluate("document.activeElement.dataset.region") != "HEAD_FACE"
    map_page.keyboard.press("Home")
    first_stop = group.locator(".bodymap-region[data-bodymap-stop]").first
    assert map_page.evaluate("document.activeElement.dataset.region") == (
        first_stop.get_attribute("data-region")
    )


def test_the_whole_arm_shortcut_ticks_its_three_regions(map_page: Page):
    group = pain(map_page)
    group.get_by_role("button", name="Whole left arm").click()
    for name in ("Left shoulder joint", "Left upper arm and elbow", "Left forearm and hand"):
        expect(group.get_by_role("checkbox", name=name)).to_be_checked()
    expect(group.get_by_role("button", name="Whole left arm")).to_have_attribute(
        "aria-pressed", "true"
    )
    group.get_by_role("button", name="Whole left arm").click()
    expect(group.get_by_role("checkbox", name="Left forearm and hand")).not_to_be_checked()


def test_a_whole_limb_choice_marks_its_regions_and_a_region_click_splits_it(map_page: Page):
    group = map_page.get_by_role("group", name="Where is the numbness?")
    limb = group.get_by_role("checkbox", name="Whole right leg")
    limb.check()
    for code in ("HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"):
        expect(region(group, code)).to_have_attribute("aria-pressed", "true")
    region(group, "KNEE_LEG_R").click()
    expect(limb).not_to_be_checked()
    expect(group.get_by_role("checkbox", name="Right hip and thigh")).to_be_checked()
    expect(group.get_by_role("checkbox", name="Right knee and lower leg")).not_to_be_checked()
    expect(group.get_by_role("checkbox", name="Right ankle and foot")).to_be_checked()


def test_the_choice_survives_a_submit_and_the_picture_shows_it(map_page: Page):
    group = pain(map_page)
    region(group, "LUMBAR_SACRAL").click()
    region(group, "GLUTEAL_R").click()
    map_page.get_by_role("button", name="Save").click()
    expect(map_page.locator("#saved")).to_have_text("Saved: LUMBAR_SACRAL GLUTEAL_R")
    expect(pain(map_page).locator('[data-region="GLUTEAL_R"][role="button"]')).to_have_attribute(
        "aria-pressed", "true"
    )


def test_an_empty_required_map_shows_the_error_and_keeps_the_other_answer(map_page: Page):
    numb = map_page.get_by_role("group", name="Where is the numbness?")
    numb.get_by_role("checkbox", name="Left buttock").check()
    map_page.get_by_role("button", name="Save").click()
    expect(map_page.get_by_text("This field is required.")).to_be_visible()
    expect(
        map_page.get_by_role("group", name="Where is the numbness?").get_by_role(
            "checkbox", name="Left buttock"
        )
    ).to_be_checked()


def test_without_javascript_the_list_works_and_the_picture_stays_hidden(
    browser, live_server, screenshot_dir
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/body-map/")
    expect(page.locator("[data-bodymap-picture]").first).to_be_hidden()
    page.get_by_role("checkbox", name="Mid back").first.check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#saved")).to_have_text("Saved: THORACIC_SPINE")
    snap(page, screenshot_dir, "bodymap-widget-no-js")
    context.close()


def test_the_widget_page_has_no_axe_violations_and_looks_right(
    map_page: Page, screenshot_dir, console_errors
):
    group = pain(map_page)
    region(group, "THORACIC_SPINE").click()
    group.get_by_role("button", name="Whole right arm").click()
    snap(map_page, screenshot_dir, "bodymap-widget")
    assert axe_violations(map_page) == []
    assert console_errors == []
