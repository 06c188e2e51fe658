"""The risk-first PDF summary: real WeasyPrint renders, read back as text with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.conf import settings
from pypdf import PdfReader

from screening.pdf import render_summary
from tests.pdf.builders import (
    CLEAR,
    MULTI_FINDING,
    example,
    pdf_pages,
    squashed,
    unsaved_submission,
)


@pytest.fixture(scope="module")
def multi_finding():
    submission = unsaved_submission(example(MULTI_FINDING), pk=4321)
    return submission, render_summary(submission)


def test_it_returns_a_pdf_named_without_personal_information(multi_finding):
    submission, (filename, content_type, data) = multi_finding
    assert content_type == "application/pdf"
    assert data.startswith(b"%PDF-")
    assert filename == "screening-summary-4321-2026-12-03.pdf"
    for personal in (
        "Margaret",
        "Brien",
        "1947",
        submission.intake_document["about"]["date_of_birth"],
    ):
        assert personal not in filename


def test_page_one_leads_with_the_tier_in_words_and_every_finding_action(multi_finding):
    submission, (_name, _type, data) = multi_finding
    page_one = pdf_pages(data)[0]
    assert "Margaret O'Brien" in page_one
    assert "HOLD FOR CLEARANCE" in page_one.upper()
    assert "1947-08-02" in page_one and "age 79" in page_one
    tiered = [f for f in submission.assessment["findings"] if f["tier_effect"] != "NONE"]
    assert len(tiered) >= 6, "the example must stay a realistic multi-finding submission"
    for finding in submission.assessment["findings"]:
        assert squashed(finding["action"]) in page_one, finding["rule"]
    for finding in tiered:
        assert finding["rule"] in page_one
    # The tier comes before the findings, and findings keep the assessment's order.
    positions = [page_one.index(f["rule"]) for f in tiered]
    assert page_one.upper().index("HOLD FOR CLEARANCE") < positions[0]
    assert positions == sorted(positions)


def test_page_one_holds_consent_checklist_ruleset_and_policy(multi_finding):
    submission, (_name, _type, data) = multi_finding
    page_one = pdf_pages(data)[0]
    assert "Confidential health information" in page_one
    assert "Page 1 of" in page_one
    assert settings.CLINIC_NAME in page_one
    assert "Consent read and signed in English, version 2026-11-01" in page_one
    assert "2026-12-01 19:42" in page_one
    for check in (
        "Consent confirmed",
        "new medicines",
        "fever",
        "alcohol",
        "pregnancy",
        "new skin",
    ):
        assert check in page_one, check
    assert f"Ruleset {submission.ruleset_version}" in page_one
    # The demo clinic runs the catalogue's defaults: the page says so, no parameter names.
    assert "with the catalogue's default policy" in page_one
    assert "_days" not in page_one and "minor_age_years" not in page_one
    assert "safety-netting sheet" in page_one  # thorax_lung_field_region fired


def test_the_appendix_starts_on_page_two_with_every_step(multi_finding):
    _submission, (_name, _type, data) = multi_finding
    pages = pdf_pages(data)
    assert len(pages) >= 2
    assert "FINDINGS" in pages[0].upper() and "APPENDIX" not in pages[0].upper()
    assert "APPENDIX: EVERY ANSWER" in pages[1].upper()
    appendix = " ".join(pages[1:])
    for step in ("About you", "Your visit", "Bleeding and medicines", "Surgery and injuries"):
        assert step in appendix, step
    assert "I'm open to it" in appendix
    assert "Right shoulder blade" in appendix
    assert f"of {len(pages)}" in pages[-1]


def test_do_not_needle_shows_the_reason_right_under_the_tier():
    submission = unsaved_submission(example("ex06-severe-needle-phobia"))
    page_one = pdf_pages(render_summary(submission)[2])[0]
    reason = squashed(submission.assessment["findings"][0]["staff_message"])
    assert submission.assessment["findings"][0]["tier_effect"] == "DO_NOT_NEEDLE"
    upper = page_one.upper()
    assert upper.index("DO NOT NEEDLE") < page_one.index("Reason: " + reason[:40])
    assert page_one.index(reason[:40]) < upper.index("FINDINGS, HIGHEST")


def test_it_warns_when_estim_is_planned_but_not_allowed():
    document = example("ex05-pacemaker-left")
    assert document["visit"]["planned_estim"] is True
    page_one = pdf_pages(render_summary(unsaved_submission(document))[2])[0]
    assert "E-STIM: NOT ALLOWED" in page_one.upper()
    assert "electrical stimulation is planned for this visit" in page_one


def test_it_says_e_stim_not_allowed_without_the_warning_when_none_is_planned():
    document = example("ex05-pacemaker-left")
    document["visit"]["planned_estim"] = False
    page_one = pdf_pages(render_summary(unsaved_submission(document))[2])[0]
    assert "E-STIM: NOT ALLOWED" in page_one.upper()
    assert "is planned" not in page_one


def test_it_says_no_needling_at_the_requested_sites_when_every_target_is_excluded():
    document = example("ex05-pacemaker-left")
    document["visit"]["planned_regions"] = ["CHEST_WALL_L"]
    submission = unsaved_submission(document)
    assert submission.assessment["excluded_regions"] == ["CHEST_WALL_L"]
    page_one = pdf_pages(render_summary(submission)[2])[0]
    assert "NO NEEDLING AT THE REQUESTED SITES" in page_one.upper()
    assert "Left chest CHEST_WALL_L" in page_one

    document["visit"]["planned_regions"] = ["CHEST_WALL_L", "SHOULDER_L"]
    other = pdf_pages(render_summary(unsaved_submission(document))[2])[0]
    assert "REQUESTED SITES" not in other.upper()


def test_a_clear_submission_prints_clear_and_the_always_on_checks():
    submission = unsaved_submission(example(CLEAR))
    assert submission.assessment["tier"] == "CLEAR"
    pages = pdf_pages(render_summary(submission)[2])
    assert "CLEAR" in pages[0]
    assert "No finding beyond the always-on checks" in pages[0]
    assert "E-STIM" not in pages[0].upper()
    for finding in submission.assessment["findings"]:
        assert squashed(finding["action"]) in pages[0]
    assert "APPENDIX" in pages[1].upper()


def test_a_minor_shows_the_guardian_path():
    document = example("ex07-minor-with-guardian")
    guardian = document["about"]["guardian"]
    submission = unsaved_submission(
        document,
        patient_name="Sam Lee",
        signatures={
            "signed_by": "guardian",
            "name": guardian["name"],
            "signed_at": "2026-12-01T08:05:00+00:00",
            "minor_path": "guardian",
            "guardian_relationship": guardian["relationship"],
        },
    )
    page_one = pdf_pages(render_summary(submission)[2])[0]
    assert "Under 18 at the appointment" in page_one
    assert f"Guardian path: {guardian['name']}" in page_one
    assert "guardian's written consent on file, or mature-minor assessment" in page_one


def test_a_minor_on_the_mature_minor_path_says_the_physio_documents_capacity():
    document = example("ex07-minor-with-guardian")
    submission = unsaved_submission(
        document,
        signatures={"signed_by": "patient", "name": "Sam Lee", "minor_path": "mature_minor"},
    )
    page_one = pdf_pages(render_summary(submission)[2])[0]
    assert "Mature-minor path" in page_one


def test_many_findings_continue_clearly_on_the_next_page():
    submission = unsaved_submission(example(MULTI_FINDING))
    findings = submission.assessment["findings"]
    tiered = [f for f in findings if f["tier_effect"] != "NONE"]
    extra = [dict(f, rule=f"{f['rule']}", staff_message=f["staff_message"] * 2) for f in tiered]
    submission.assessment = dict(submission.assessment, findings=tiered + extra + tiered)
    pages = pdf_pages(render_summary(submission)[2])
    assert "Screening summary (continued)" in pages[1]
    assert "TIER FINDING ACTION" in pages[1].upper()  # the table header repeats
    appendix_page = next(i for i, text in enumerate(pages) if "APPENDIX: EVERY" in text.upper())
    assert appendix_page >= 2


def test_names_with_control_and_bidi_characters_print_isolated_and_do_not_crash():
    name = "Ann\u202eeciL\x00 \ud800 Smith"
    submission = unsaved_submission(example(MULTI_FINDING), patient_name=name)
    filename, _type, data = render_summary(submission)
    text = pdf_pages(data)[0]
    assert "Ann" in text and "Smith" in text
    assert "\u202e" not in text and "\x00" not in text
    assert "Ann" not in filename and "Smith" not in filename


@pytest.mark.django_db
def test_it_renders_a_saved_submission_read_back_from_the_database():
    from screening.intake.invitations import create_invitation
    from screening.intake.submit import create_submission
    from screening.models import IntakeDraft, Submission

    document = example(MULTI_FINDING)
    invitation, _token = create_invitation(
        patient_name="Margaret O'Brien", appointment_date=dt.date(2026, 12, 3)
    )
    draft = IntakeDraft.objects.create(invitation=invitation)
    created = create_submission(
        invitation=invitation,
        draft=draft,
        document=document,
        signatures={"signed_by": "patient", "name": "Margaret O'Brien", "signed_at": ""},
        consent_text_version="2026-11-01",
    )
    stored = Submission.objects.get(pk=created.pk)
    filename, _type, data = render_summary(stored)
    assert re.fullmatch(rf"screening-summary-{stored.pk}-2026-12-03\.pdf", filename)
    reader = PdfReader(io.BytesIO(data))
    assert "Margaret O'Brien" in reader.pages[0].extract_text()


def test_a_check_in_on_the_day_says_so_and_prints_the_on_the_day_answer():
    document = example(MULTI_FINDING)
    document["completed_on"] = document["appointment_date"]
    document["day_of"] = {"substances_recent": "yes"}
    submission = unsaved_submission(document)
    submission.kind = "check_in"
    assert "impaired_today" in [f["rule"] for f in submission.assessment["findings"]]
    pages = pdf_pages(render_summary(submission)[2])
    assert "Check-in on the day" in pages[0]
    assert "impaired_today" in " ".join(pages[:2])
    appendix = " ".join(pages[1:])
    assert "On the day" in appendix
    assert "In the last 12 hours, have you had alcohol or cannabis" in appendix


def test_a_lung_field_target_adds_the_safety_netting_sheet_for_the_patient():
    from screening.rules.education import SAFETY_NETTING_TITLE

    # ex08 targets the thoracic spine and a shoulder blade, both in the lung field.
    _, _, pdf = render_summary(unsaved_submission(example(MULTI_FINDING)))
    last_page = pdf_pages(pdf)[-1]
    assert SAFETY_NETTING_TITLE in last_page
    assert "call 911" in last_page
    assert "Confidential health information" not in last_page


def test_no_safety_netting_sheet_without_a_lung_field_target():
    from screening.rules.education import SAFETY_NETTING_TITLE

    _, _, pdf = render_summary(unsaved_submission(example(CLEAR)))
    text = "".join(pdf_pages(pdf))
    assert SAFETY_NETTING_TITLE not in text


def test_page_one_names_only_the_policy_values_the_clinic_changed():
    submission = unsaved_submission(example(MULTI_FINDING), pk=4322)
    submission.policy = {**submission.policy, "dvt_window_days": 60, "avoid_at_risk_limb": False}
    page_one = pdf_pages(render_summary(submission)[2])[0].replace("\u202f", " ")
    assert "differs from the catalogue defaults" in page_one
    assert "Recent blood clot window 60 days (default 90 days)" in page_one
    assert "Avoid the at-risk limb after node removal no (default yes)" in page_one
    assert "Recent surgery window" not in page_one  # unchanged: not printed
    assert "dvt_window_days" not in page_one


def test_staff_read_region_names_and_a_key_to_the_sources_not_codes(multi_finding):
    _submission, (_name, _type, data) = multi_finding
    pages = pdf_pages(data)
    page_one = pages[0]
    assert "SCAPULA_R" not in page_one and "THORACIC_SPINE" not in page_one
    assert "right shoulder blade" in page_one.lower()
    assert "thin_fragile_skin" not in page_one
    # The key to the ids beside each finding opens page 2 (page 1 has no room for it).
    assert "Source ids: key on page 2" in page_one
    assert "Sources cited on page 1" in pages[1]
    assert "S10 Guidelines for dry needling practice (2012)" in pages[1]
