"""A patient completes the intake in Chromium on a 360 x 740 phone screen.

Each test finds fields by the words on screen, runs axe on every page it visits, and saves a
screenshot of every step under test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from screening.intake.invitations import create_invitation
from screening.models import Submission
from tests.browser import patient
from tests.browser.checks import axe_violations, snap

pytestmark = pytest.mark.browser

STEP_URL = re.compile(r"/intake/step/([a-z_]+)/$")


@pytest.fixture
def link(transactional_db, live_server) -> str:
    appointment = timezone.localdate() + datetime.timedelta(days=3)
    _, token = create_invitation(patient_name="Siobhán O'Brien", appointment_date=appointment)
    return f"{live_server.url}/i/{token}/"


@pytest.fixture
def requests_seen(page: Page) -> list[str]:
    """Every URL the browser asked for: all must be our own server (the app works offline)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def check_page(page: Page, folder, name: str) -> None:
    """Screenshot the page and require zero axe violations and exactly one <h1>."""
    snap(page, folder, name)
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == [], name


def start(page: Page, link: str, folder=None) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")
    if folder is not None:
        check_page(page, folder, "00-privacy")
    page.get_by_role("button", name="I have read this. Start the form").click()
    expect(page).to_have_url(re.compile(r"/intake/step/about/$"))


def current_step(page: Page) -> str:
    match = STEP_URL.search(page.url)
    assert match, page.url
    return match.group(1)


def test_a_patient_completes_the_whole_intake_on_a_phone(
    page: Page, link, live_server, screenshot_dir, console_errors, requests_seen
):
    start(page, link, screenshot_dir)
    for number, step in enumerate(patient.STEP_ORDER, start=1):
        assert current_step(page) == step
        expect(page.get_by_text(re.compile(rf"Step {number} of \d+"))).to_be_visible()
        check_page(page, screenshot_dir, f"{number:02d}-{step}")
        patient.answer_by_touch(page, patient.HEALTHY_ADULT[step])
        snap(page, screenshot_dir, f"{number:02d}-{step}-answered")
        page.get_by_role("button", name="Next", exact=True).click()
        expect(page).not_to_have_url(re.compile(rf"/intake/step/{step}/$"))

    expect(page).to_have_url(re.compile(r"/intake/review/$"))
    check_page(page, screenshot_dir, "11-review")
    expect(page.get_by_text("Right knee or lower leg")).to_be_visible()

    # Edit one page from the review: its answers are there, and saving returns to the review.
    page.get_by_role("link", name="Edit Where it hurts").click()
    patient.expect_answers_shown(page, patient.HEALTHY_ADULT["visit"])
    patient.answer_by_touch(
        page, [patient.Region("pain_regions", "ANKLE_FOOT_R", "Right ankle or foot")]
    )
    page.get_by_role("button", name="Save and return to the review").click()
    expect(page).to_have_url(re.compile(r"/intake/review/$"))
    expect(page.get_by_text("Right knee or lower leg, Right ankle or foot")).to_be_visible()
    page.get_by_role("link", name="Continue to consent and signature").click()

    expect(page).to_have_url(re.compile(r"/intake/sign/$"))
    check_page(page, screenshot_dir, "12-sign")
    page.get_by_role("checkbox", name=re.compile("I have read the information above")).check()
    page.get_by_label("Type your full name as your signature").fill("Siobhán O'Brien")
    page.get_by_role("button", name="Sign and send the form").click()

    expect(page).to_have_url(re.compile(r"/intake/done/$"))
    check_page(page, screenshot_dir, "13-done")
    submission = Submission.objects.get()
    assert submission.intake_document["visit"]["pain_regions"] == ["KNEE_LEG_R", "ANKLE_FOOT_R"]
    assert submission.intake_document["about"]["date_of_birth"] == "1988-04-12"

    page.get_by_role("link", name="What to expect from dry needling").click()
    check_page(page, screenshot_dir, "14-what-to-expect")
    expect(page.get_by_text("call 911 if it is severe")).to_be_visible()

    assert console_errors == []
    assert [url for url in requests_seen if not url.startswith(live_server.url)] == []


def test_a_patient_completes_the_intake_with_the_keyboard_only(
    page: Page, link, screenshot_dir, console_errors
):
    page.goto(link)
    patient.press_button(page, "I have read this. Start the form")
    for step in patient.STEP_ORDER:
        expect(page).to_have_url(re.compile(rf"/intake/step/{step}/$"))
        patient.answer_by_keyboard(page, patient.HEALTHY_ADULT[step])
        if step == "visit":
            snap(page, screenshot_dir, "keyboard-02-visit-focus")
        patient.press_button(page, "Next")

    expect(page).to_have_url(re.compile(r"/intake/review/$"))
    patient.press_button(page, "Continue to consent and signature")
    expect(page).to_have_url(re.compile(r"/intake/sign/$"))
    agree = page.get_by_role("checkbox", name=re.compile("I have read the information above"))
    patient.tab_to(page, agree)
    page.keyboard.press("Space")
    expect(agree).to_be_checked()
    patient.tab_to(page, page.get_by_label("Type your full name as your signature"))
    page.keyboard.type("Nguyễn Văn An")
    patient.press_button(page, "Sign and send the form")

    expect(page).to_have_url(re.compile(r"/intake/done/$"))
    assert Submission.objects.get().intake_document["visit"]["pain_regions"] == ["KNEE_LEG_R"]
    assert console_errors == []


def test_it_keeps_every_answer_after_refresh_back_and_a_new_device(
    page: Page, browser, link, live_server, screenshot_dir, console_errors
):
    start(page, link)
    for step in ("about", "visit"):
        patient.answer_by_touch(page, patient.HEALTHY_ADULT[step])
        page.get_by_role("button", name="Next", exact=True).click()
        expect(page).not_to_have_url(re.compile(rf"/intake/step/{step}/$"))
    assert current_step(page) == "consent"

    # Refresh mid-way: the saved pages are still saved, and we stay where we were.
    page.reload()
    assert current_step(page) == "consent"

    # The browser's Back button: each earlier page shows its answers again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/intake/step/visit/$"))
    patient.expect_answers_shown(page, patient.HEALTHY_ADULT["visit"])
    page.reload()
    patient.expect_answers_shown(page, patient.HEALTHY_ADULT["visit"])
    page.go_back()
    expect(page).to_have_url(re.compile(r"/intake/step/about/$"))
    patient.expect_answers_shown(page, patient.HEALTHY_ADULT["about"])
    page.go_forward()
    page.go_forward()
    assert current_step(page) == "consent"

    # The page's one way back (its Back button, on a page not answered yet) loses nothing.
    page.get_by_role("button", name="Back", exact=True).click()
    expect(page).to_have_url(re.compile(r"/intake/step/visit/$"))
    patient.expect_answers_shown(page, patient.HEALTHY_ADULT["visit"])

    # Another phone opens the same link: it asks for the date of birth, then shows the answers.
    other = browser.new_context(viewport={"width": 360, "height": 740})
    phone = other.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Check it's you")
    check_page(phone, screenshot_dir, "gate-date-of-birth")
    dates = patient.group(phone, "date of birth")
    dates.get_by_label("Day").fill("12")
    dates.get_by_label("Month").select_option(label="April")
    dates.get_by_label("Year").fill("1988")
    phone.get_by_role("button", name="Continue").click()
    expect(phone).to_have_url(re.compile(r"/intake/step/consent/$"))
    phone.goto(f"{live_server.url}/intake/step/about/")
    patient.expect_answers_shown(phone, patient.HEALTHY_ADULT["about"])
    other.close()
    assert console_errors == []


def test_save_and_finish_later_and_an_invalid_step_are_kind_and_accessible(
    page: Page, link, screenshot_dir, console_errors
):
    start(page, link)
    # The same page on a desk computer: a centred card, not a stretched phone page.
    page.set_viewport_size({"width": 1280, "height": 800})
    check_page(page, screenshot_dir, "desktop-01-about")
    page.set_viewport_size(patient.PHONE)
    page.get_by_role("button", name="Next", exact=True).click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()  # the GOV.UK pattern: focus goes to the summary
    check_page(page, screenshot_dir, "01-about-errors")
    patient.answer_by_touch(page, patient.HEALTHY_ADULT["about"])
    page.get_by_role("button", name="Save and finish later").click()
    check_page(page, screenshot_dir, "later")
    # The invalid page is answered with status 400 on purpose; nothing else may go wrong.
    assert [e for e in console_errors if "status of 400" not in e] == []


def test_the_what_to_expect_page_stands_alone(page: Page, live_server, screenshot_dir):
    page.goto(f"{live_server.url}/what-to-expect/")
    check_page(page, screenshot_dir, "what-to-expect-direct")
    expect(page.get_by_role("columnheader", name="How often")).to_be_visible()
    expect(page.get_by_text("S46")).to_have_count(0)


def test_every_follow_up_question_passes_axe_and_the_form_works_without_javascript(
    page: Page, browser, link, live_server, screenshot_dir
):
    start(page, link)
    for number, step in enumerate(patient.STEP_ORDER, start=1):
        page.goto(f"{live_server.url}/intake/step/{step}/")
        # Open every follow-up at once: axe then checks the markup of every question.
        page.evaluate(
            "document.querySelectorAll('.followup[hidden]').forEach(e => { e.hidden = false; })"
        )
        assert axe_violations(page) == [], step
        snap(page, screenshot_dir, f"followups-{number:02d}-{step}")

    plain = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    no_js = plain.new_page()
    no_js.goto(link)  # the same link on a browser without JavaScript
    no_js.goto(f"{live_server.url}/intake/step/visit/")
    expect(no_js.locator("[data-bodymap-picture]").first).to_be_hidden()
    no_js.get_by_role("checkbox", name="Lower back", exact=True).check()
    no_js.get_by_role("button", name="Next", exact=True).click()
    expect(no_js).to_have_url(re.compile(r"/intake/step/consent/$"))
    no_js.goto(f"{live_server.url}/intake/step/conditions/")
    snap(no_js, screenshot_dir, "nojs-08-conditions")
    plain.close()


def test_the_day_of_check_in_and_the_link_problem_pages_pass_axe(
    page: Page, transactional_db, live_server, screenshot_dir, console_errors
):
    from django.test import Client

    from tests.intake.conftest import fill_all_steps, open_link, sign

    # The form was sent earlier (through the test client); today is the appointment.
    _, token = create_invitation(patient_name="Ana Silva", appointment_date=timezone.localdate())
    client = Client()
    open_link(client, token)
    client.post("/intake/privacy/")
    fill_all_steps(client)
    assert sign(client, "Ana Silva").status_code == 302

    page.goto(f"{live_server.url}/i/{token}/")
    dates = patient.group(page, "date of birth")
    dates.get_by_label("Day").fill("12")
    dates.get_by_label("Month").select_option(label="April")
    dates.get_by_label("Year").fill("1988")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/intake/check-in/$"))
    check_page(page, screenshot_dir, "check-in")
    patient.choice(page, patient.Choose("alcohol or cannabis", "No")).check()
    patient.choice(page, patient.Choose("Has anything changed", "No")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/intake/check-in/$"))
    check_page(page, screenshot_dir, "check-in-after")
    assert Submission.objects.filter(kind="check_in").count() == 1

    page.goto(f"{live_server.url}/i/not-a-real-link/")
    check_page(page, screenshot_dir, "link-not-found")
    # A missing link answers 404 on purpose; nothing else may go wrong.
    assert [e for e in console_errors if "status of 404" not in e] == []


def test_a_date_error_is_visible_text_tied_to_its_boxes_and_linked_from_the_summary(
    page: Page, link, screenshot_dir
):
    """Issue 12, point 4: the message under the date was hidden; now it is read and seen."""
    start(page, link)
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").select_option(label="February")
    page.get_by_label("Year").fill("1980")
    page.get_by_role("button", name="Next", exact=True).click()
    message = page.get_by_text("This date does not exist. Please check the day.").last
    expect(message).to_be_visible()
    day = page.get_by_label("Day")
    described = day.get_attribute("aria-describedby") or ""
    assert described, "the day box names its error"
    expect(page.locator(f"#{described}")).to_contain_text("This date does not exist")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    snap(page, screenshot_dir, "01-about-date-error")
    summary.get_by_role("link", name=re.compile("date of birth")).click()
    expect(day).to_be_focused()
    assert axe_violations(page) == []


def test_a_refresh_keeps_what_was_typed_on_a_page_not_saved_yet(page: Page, link, console_errors):
    """Issue 12, point 2: the page keeps itself as it is typed; a refresh loses nothing."""
    start(page, link)
    form = page.locator("form.intake-form")
    page.get_by_label(re.compile("height, in centimetres")).fill("168")
    page.get_by_label("I am the patient").check()
    expect(form).to_have_attribute("data-autosaved", "yes")
    page.reload()
    expect(page.get_by_label(re.compile("height, in centimetres"))).to_have_value("168")
    expect(page.get_by_label("I am the patient")).to_be_checked()
    expect(page.locator(".error-summary")).to_have_count(0)  # typed, not submitted
    # Finish later on the half page: kept, and checked when the patient comes back.
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    page.get_by_role("link", name="Carry on now").click()
    expect(page.get_by_label(re.compile("height, in centimetres"))).to_have_value("168")
    expect(page.get_by_text("We kept what you typed on this page")).to_be_visible()
    assert console_errors == []
