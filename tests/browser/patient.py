"""A patient filling in the intake in Chromium: the answers, by the words on the screen.

Every answer names its question by (part of) the fieldset legend or label the patient reads,
and its choice by the choice's label, so the tests fail when a field loses its label.
Two ways to answer: with a finger (clicks and typing) and with the keyboard only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect


@dataclass(frozen=True)
class Choose:
    """Pick the radio or checkbox labelled ``answer`` in the group whose legend has ``question``."""

    question: str
    answer: str


@dataclass(frozen=True)
class Type:
    """Type ``text`` into the text box labelled ``label``."""

    label: str
    text: str


@dataclass(frozen=True)
class DateOf:
    """Enter a date in the day / month / year controls of the group ``question``."""

    question: str
    day: str
    month: str
    year: str


@dataclass(frozen=True)
class Region:
    """Mark ``code`` on the body map of the field ``field`` (the picture's region button)."""

    field: str
    code: str
    name: str  # the checkbox label of that region


NO = "No"
PHONE = {"width": 360, "height": 740}

# A healthy adult with a sore right knee: every required question, answered as on screen.
HEALTHY_ADULT: dict[str, list] = {
    "about": [
        Choose("Who is filling in this form?", "I am the patient"),
        DateOf("date of birth", "12", "April", "1988"),
        Type("The patient’s height, in centimetres", "172"),
        Choose("Would you like an interpreter", NO),
    ],
    "visit": [Region("pain_regions", "KNEE_LEG_R", "Right knee or lower leg")],
    "consent": [
        Choose("How do you feel about having it", "I'm open to it"),
        Choose("someone else is pushing you", NO),
        Choose("how you feel about needles", "I'm comfortable with them"),
        Choose("ever fainted, or come close to fainting", NO),
        Choose("had dry needling or acupuncture before", "Yes"),
        Choose("strong or unusual reaction", NO),
        Choose("hard to understand or remember", NO),
        Choose("condition affecting memory, thinking", NO),
        Choose("someone else making health decisions", NO),
    ],
    "pregnancy": [Choose("Are you pregnant", "This doesn't apply to me")],
    "bleeding": [
        Choose("stops your blood clotting", NO),
        Choose("bruise very easily", NO),
        Choose("anti-inflammatory pain medicine", NO),
    ],
    "infection": [
        Choose("have you had a fever or an infection", NO),
        Choose("cut, sore, ulcer, burn", NO),
        Choose("red, hot and swollen", NO),
        Choose("Do you have lymphedema", NO),
        Choose("lymph nodes removed", NO),
        Choose("chemotherapy, immunotherapy", NO),
        Choose("white blood cell count is low", NO),
        Choose("organ or stem-cell transplant", NO),
        Choose("spleen been removed", NO),
        Choose("immune system is severely weakened", NO),
        Choose("medicine that weakens the immune system", NO),
        Choose("hepatitis B, hepatitis C or HIV", NO),
    ],
    "implants": [
        Choose("pacemaker or an implanted defibrillator", NO),
        Choose("other implanted or attached electronic", NO),
        Choose("cosmetic or soft-tissue implants", NO),
        Choose("artificial joint, or metal plates", NO),
        Choose("artificial heart valve", NO),
        Choose("fistula or graft in an arm or leg", NO),
        Choose("allergic to any metal", NO),
        Choose("allergic to latex", NO),
    ],
    "conditions": [
        Choose("heart disease or high blood pressure", NO),
        Choose("heart attack, heart surgery", NO),
        Choose("unstable right now", NO),
        Choose("Do you have diabetes", NO),
        Choose("poor circulation", NO),
        Choose("inflammatory or autoimmune arthritis", NO),
        Choose("epilepsy, or have you had seizures", NO),
        Choose("condition of the brain, spinal cord", NO),
        Choose("numbness or reduced feeling", NO),
        Choose("Do you have cancer", NO),
        Choose("In recent weeks", NO),
        Choose("mental or emotional health", NO),
    ],
    "frailty_bone_chest": [
        Choose("skin is thin or tears easily", NO),
        Choose("osteoporosis or osteopenia", NO),
        Choose("lung condition such as COPD", NO),
        Choose("scoliosis", NO),
    ],
    "surgery_trauma": [
        Choose("any operation in the last 12 months", NO),
        Choose("start with an injury", NO),
        Choose("spine is unstable", NO),
        Choose("ever had spine surgery", NO),
    ],
}
STEP_ORDER = tuple(HEALTHY_ADULT)


def group(page: Page, question: str) -> Locator:
    """The fieldset whose legend contains ``question`` (the radio/checkbox group of a question)."""
    return page.get_by_role("group", name=re.compile(re.escape(question), re.I)).first


def choice(page: Page, item: Choose) -> Locator:
    options = group(page, item.question).get_by_label(item.answer, exact=True)
    return options.first


def region_button(page: Page, item: Region) -> Locator:
    return page.locator(f"#id_{item.field}-region-{item.code}")


def region_box(page: Page, item: Region) -> Locator:
    return page.get_by_role("checkbox", name=item.name, exact=True).first


def answer_by_touch(page: Page, answers: list) -> None:
    """Answer with taps and typing, finding each control by its label."""
    for item in answers:
        if isinstance(item, Choose):
            choice(page, item).check()
        elif isinstance(item, Type):
            page.get_by_label(item.label).fill(item.text)
        elif isinstance(item, DateOf):
            dates = group(page, item.question)
            dates.get_by_label("Day").fill(item.day)
            dates.get_by_label("Month").select_option(label=item.month)
            dates.get_by_label("Year").fill(item.year)
        elif isinstance(item, Region):
            region_button(page, item).click()
            expect(region_box(page, item)).to_be_checked()


def expect_answers_shown(page: Page, answers: list) -> None:
    """Every answer of ``answers`` is on the page again (after a refresh, Back or Edit)."""
    for item in answers:
        if isinstance(item, Choose):
            expect(choice(page, item)).to_be_checked()
        elif isinstance(item, Type):
            expect(page.get_by_label(item.label)).to_have_value(item.text)
        elif isinstance(item, DateOf):
            dates = group(page, item.question)
            expect(dates.get_by_label("Day")).to_have_value(item.day)
            expect(dates.get_by_label("Month").locator("option:checked")).to_have_text(item.month)
            expect(dates.get_by_label("Year")).to_have_value(item.year)
        elif isinstance(item, Region):
            expect(region_box(page, item)).to_be_checked()
            expect(region_button(page, item)).to_have_attribute("aria-pressed", "true")


# ---- keyboard only ---------------------------------------------------------------------

MAX_TABS = 600


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def focus_is_inside(locator: Locator) -> bool:
    return locator.evaluate("el => el.contains(document.activeElement)")


def tab_until(page: Page, reached) -> None:
    """Press Tab until ``reached()`` is true; fail if the control cannot be reached."""
    for _ in range(MAX_TABS):
        if reached():
            return
        page.keyboard.press("Tab")
    raise AssertionError("could not reach the control with the Tab key")


def tab_to(page: Page, locator: Locator) -> None:
    tab_until(page, lambda: is_focused(locator))


def answer_by_keyboard(page: Page, answers: list) -> None:
    """Answer with the keyboard only: Tab to each control, then Space, arrows or typing."""
    for item in answers:
        if isinstance(item, Choose):
            target = choice(page, item)
            options = group(page, item.question)
            tab_until(page, lambda options=options: focus_is_inside(options))
            if target.get_attribute("type") == "radio":
                # Arrow keys move through a radio group and select as they go.
                for _ in range(12):
                    if is_focused(target):
                        break
                    page.keyboard.press("ArrowDown")
                if not target.is_checked():
                    page.keyboard.press("Space")
            else:
                tab_to(page, target)
                page.keyboard.press("Space")
            expect(target).to_be_checked()
        elif isinstance(item, Type):
            tab_to(page, page.get_by_label(item.label))
            page.keyboard.type(item.text)
        elif isinstance(item, DateOf):
            dates = group(page, item.question)
            tab_to(page, dates.get_by_label("Day"))
            page.keyboard.type(item.day)
            page.keyboard.press("Tab")
            page.keyboard.type(item.month)
            page.keyboard.press("Tab")
            page.keyboard.type(item.year)
            expect(dates.get_by_label("Month").locator("option:checked")).to_have_text(item.month)
        elif isinstance(item, Region):
            # The picture is one Tab stop; the arrow keys move to the area inside it.
            target = region_button(page, item)
            picture = target.locator("xpath=ancestor::*[@data-bodymap-picture]")
            tab_until(page, lambda picture=picture: focus_is_inside(picture))
            for _ in range(80):
                if is_focused(target):
                    break
                page.keyboard.press("ArrowRight")
            page.keyboard.press("Space")
            expect(region_box(page, item)).to_be_checked()


def press_button(page: Page, name: str) -> None:
    """Tab to the button (or link) called ``name`` and press Enter."""
    target = page.get_by_role("button", name=name, exact=True).or_(
        page.get_by_role("link", name=name, exact=True)
    )
    tab_to(page, target.first)
    page.keyboard.press("Enter")
