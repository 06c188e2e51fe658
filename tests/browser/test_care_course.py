"""The course of care in Chromium: the Avery Thompson case, and a three-visit course.

Screenshots go to test-output/screenshots/care-*.png for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from screening.care import follow_up
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
    if "/intake/check/" not in page.url:
        return  # this browser already passed the check for this link
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


def whole_form_in_browser(page: Page, link: str) -> None:
    pass_gate(page, link)
    page.get_by_role("button", name="I have read this. Start the form").click()
    for step in patient.STEP_ORDER:
        expect(page).to_have_url(re.compile(rf"/intake/step/{step}/$"))
        answers = patient.HEALTHY_ADULT[step]
        if step == "about":
            # The clinic gave the date of birth and the link checked it: shown, not asked.
            expect(
                page.get_by_text("The date you confirmed when you opened your link")
            ).to_be_visible()
            answers = [a for a in answers if not isinstance(a, patient.DateOf)]
        patient.answer_by_touch(page, answers)
        page.get_by_role("button", name="Next", exact=True).click()
    expect(page).to_have_url(re.compile(r"/intake/review/$"))
    page.get_by_role("link", name="Continue to consent and signature").click()
    page.get_by_role("checkbox", name=re.compile("I have read the information above")).check()
    page.get_by_label("Type your full name as your signature").fill(NAME)
    page.get_by_role("button", name="Sign and send the form").click()
    expect(page).to_have_url(re.compile(r"/intake/done/$"))


def book_next_visit_in_browser(page: Page, base: str, patient_pk: int, folder, shot: str) -> str:
    """The front desk books the re-screen in one step; returns the new patient link."""
    page.goto(f"{base}/staff/patients/{patient_pk}/")
    button = page.get_by_role(
        "button", name=re.compile(r"^Book re-screen for \w{3} \d+ \w{3}, 09:30$")
    )
    check(page, folder, shot)
    button.click()
    expect(page.get_by_text(re.compile("Re-screen booked for"))).to_be_visible()
    # The link is built on SITE_BASE_URL; the test server listens elsewhere.
    return base + urlsplit(page.locator("#fresh-link").input_value()).path


def follow_up_in_browser(
    page: Page, link: str, changed: tuple[str, ...], folder, shot: str
) -> None:
    pass_gate(page, link)
    page.get_by_role("button", name="I have read this. Start the form").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Has anything changed since your last visit?"
    )
    for topic in follow_up.TOPICS:
        answer = "Yes" if topic.code in changed else "No"
        patient.choice(page, patient.Choose(str(topic.question)[:40], answer)).check()
    check(page, folder, shot)
    page.get_by_role("button", name="Continue").click()


def send_follow_up(page: Page, folder, shot: str) -> None:
    expect(page).to_have_url(re.compile(r"/intake/follow-up/send/$"))
    page.get_by_role("checkbox", name=re.compile("My answers are up to date")).check()
    page.get_by_label("Type your full name as your signature").fill(NAME)
    check(page, folder, shot)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your answers are sent")


def test_a_three_visit_course_form_check_in_and_a_follow_up_with_a_new_blood_thinner(
    page: Page, transactional_db, live_server, screenshot_dir, console_errors
):
    base = live_server.url
    invitation, token = create_invitation(
        patient_name=NAME,
        date_of_birth=BORN,
        appointment_date=timezone.localdate(),
        appointment_time=dt.time(9, 30),
    )
    # Visit 1: the whole form, then the check-in on the day (nothing changed).
    whole_form_in_browser(page, f"{base}/i/{token}/")
    check_in_in_browser(page, f"{base}/i/{token}/", "No", screenshot_dir, "10-visit1-check-in")
    patient_pk = invitation.visit.patient_id

    # Visit 2: booked from the patient page (the desk's own browser); nothing changed.
    desk_page = page.context.browser.new_context(viewport=DESKTOP).new_page()
    sign_in(desk_page, base, make_staff("desk", access.FRONT_DESK))
    link2 = book_next_visit_in_browser(desk_page, base, patient_pk, screenshot_dir, "11-book")
    follow_up_in_browser(page, link2, (), screenshot_dir, "12-visit2-follow-up")
    expect(page).to_have_url(re.compile(r"/intake/follow-up/send/$"))
    send_follow_up(page, screenshot_dir, "12-visit2-send")

    # Visit 3: a new blood thinner: the medicines topic opens the full bleeding step.
    link3 = book_next_visit_in_browser(desk_page, base, patient_pk, screenshot_dir, "13-book")
    follow_up_in_browser(page, link3, ("medicines",), screenshot_dir, "14-visit3-follow-up")
    expect(page).to_have_url(re.compile(r"/intake/step/bleeding/$"))
    expect(patient.choice(page, patient.Choose("stops your blood clotting", "No"))).to_be_checked()
    patient.group(page, "blood thinners").get_by_label("Apixaban (Eliquis)").check()
    check(page, screenshot_dir, "15-visit3-bleeding")
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page).to_have_url(re.compile(r"/intake/step/infection/$"))
    page.get_by_role("button", name="Next", exact=True).click()
    send_follow_up(page, screenshot_dir, "15-visit3-send")

    kinds = list(Submission.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["initial", "check_in", "follow_up", "follow_up"]
    last = Submission.objects.latest("pk")
    assert "anticoagulant_doac_or_heparin" in {f["rule"] for f in last.assessment["findings"]}

    # The physiotherapist sees the whole course on the patient page, and what changed.
    page = page.context.browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, base, make_staff("physio", access.PHYSIOTHERAPIST))
    page.goto(f"{base}/staff/patients/{patient_pk}/")
    rows = page.locator("tr.visit-row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Follow-up re-screen")
    expect(rows.nth(0)).to_contain_text(last.get_tier_display())
    expect(rows.nth(2)).to_contain_text("Check-in on the day")  # visit 1's current screening
    expect(rows.nth(2).locator(".tier-superseded")).to_have_count(1)  # its replaced form
    check(page, screenshot_dir, "16-patient-history")
    rows.nth(0).get_by_role("link", name=re.compile("Follow-up re-screen")).click()
    changed = page.locator("section[aria-labelledby=compare-heading]")
    expect(changed).to_contain_text("What changed since the last screening")
    expect(changed).to_contain_text("anticoagulant_doac_or_heparin")
    check(page, screenshot_dir, "17-visit3-what-changed")
    desk_page.context.close()
    page.context.close()
    assert console_errors == []
