"""The final submit: consent and signature, re-validation, and exactly one Submission."""

import os
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from screening.contracts import validate_intake
from screening.intake.consent import CONSENT_TEXT_VERSION
from screening.intake.privacy import PRIVACY_NOTICE_VERSION
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Submission
from screening.rules import RULESET_VERSION
from tests.intake.conftest import fill_all_steps, open_link, sign
from tests.intake.posts import HEALTHY, date_parts, everything_yes

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.mark.django_db
def test_the_submission_freezes_everything_as_it_was(filled, invitation):
    response = sign(filled, name="  José-María   Nguyễn ")
    assert response["Location"] == reverse("intake:done")
    submission = Submission.objects.get()
    assert submission.kind == "initial"
    assert validate_intake(submission.intake_document) == []
    assert submission.assessment["schema"] == "dn-assessment/1"
    assert submission.ruleset_version == RULESET_VERSION
    assert submission.policy == submission.assessment["policy"]
    assert submission.consent_text_version == CONSENT_TEXT_VERSION
    assert submission.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert submission.signatures["name"] == "José-María Nguyễn"
    assert submission.signatures["signed_by"] == "patient"
    assert submission.signatures["signed_at"]
    assert submission.patient_name == invitation.patient_name
    assert submission.appointment_date == invitation.appointment_date
    assert submission.tier == submission.assessment["tier"]
    assert submission.finding_count == len(submission.assessment["findings"])


@pytest.mark.django_db
def test_a_double_click_or_a_replay_lands_on_the_same_confirmation(filled):
    first = sign(filled)
    second = sign(filled)
    assert first["Location"] == second["Location"] == reverse("intake:done")
    assert Submission.objects.count() == 1
    assert filled.get(reverse("intake:sign"))["Location"] == reverse("intake:done")


@pytest.mark.django_db
def test_create_submission_returns_the_existing_one_when_called_again(filled, invitation):
    sign(filled)
    existing = Submission.objects.get()
    again = create_submission(
        invitation=invitation,
        draft=existing.draft,
        document=existing.intake_document,
        signatures={},
        consent_text_version="other",
    )
    assert again.pk == existing.pk
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_the_form_cannot_be_signed_before_every_page_is_answered(patient):
    response = sign(patient)
    assert response["Location"] == reverse("intake:home")
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_signing_needs_the_tick_and_a_name(filled):
    response = filled.post(reverse("intake:sign"), {"signature": "   "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please tick the box to give your consent." in page
    assert "Please answer this question." in page
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_the_final_submit_checks_every_saved_step_again(filled):
    draft = IntakeDraft.objects.get()
    draft.answers["infection"]["acute_illness"] = "maybe"  # no longer a valid answer
    draft.save()
    response = sign(filled)
    assert (
        response["Location"] == reverse("intake:step", args=["infection"]) + "?check=1&from=review"
    )
    assert not Submission.objects.exists()
    page = filled.get(response["Location"]).content.decode()
    assert "Please choose one of the answers shown." in page


@pytest.mark.django_db
def test_answers_that_do_not_fit_together_send_the_patient_to_the_step(patient):
    posts = {
        **HEALTHY,
        "conditions": {
            **HEALTHY["conditions"],
            "cardiac_event": "True",
            **date_parts("cardiac_event_date", "1950-01-01"),  # before the birth date
        },
    }
    fill_all_steps(patient, posts)
    response = sign(patient)
    assert response["Location"] == reverse("intake:step", args=["conditions"]) + "?from=review"
    assert not Submission.objects.exists()
    page = patient.get(response["Location"]).content.decode()
    assert "Please check your answer to “When was the most recent one?”" in page


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("conditions.cardiac_event_date", "cardiac_event_date"),
        ("bleeding.inr.date", "inr__date"),
        ("implants.joint_hardware_items[0].date", "joint_hardware_items__1__date"),
        ("surgery_trauma.surgeries[2].date", "surgeries__3__date"),
        ("respondent", "respondent"),
        ("completed_on", ""),
    ],
)
def test_a_contract_error_path_names_its_form_field(path, field):
    from screening.intake.final import field_of_error_path

    assert field_of_error_path(path) == field


@pytest.mark.django_db
def test_the_consent_page_warns_about_the_lung_only_for_chest_and_upper_back(patient):
    fill_all_steps(patient)
    page = patient.get(reverse("intake:sign")).content.decode()
    assert "collapsed lung" not in page
    assert "1 in 13 sessions" in page
    assert reverse("intake:what_to_expect") in page
    fill_all_steps(patient, {**HEALTHY, "visit": {"pain_regions": ["SCAPULA_L"]}})
    page = patient.get(reverse("intake:sign")).content.decode()
    assert "collapsed lung" in page
    assert "call 911" in page


@pytest.fixture
def minor_patient(patient, appointment):
    born = appointment.replace(year=appointment.year - 15).isoformat()
    about = {**HEALTHY["about"], **date_parts("date_of_birth", born)}
    fill_all_steps(patient, {**HEALTHY, "about": about})
    return patient


@pytest.mark.django_db
def test_a_minor_needs_a_guardian_or_the_mature_minor_path(minor_patient):
    page = minor_patient.get(reverse("intake:sign")).content.decode()
    assert "assess whether I can consent myself" in page
    response = sign(minor_patient)
    assert response.status_code == 400
    response = sign(minor_patient, minor_path="guardian")
    assert response.status_code == 400  # the relationship is needed
    response = sign(
        minor_patient, name="Mai Nguyễn", minor_path="guardian", guardian_relationship="parent"
    )
    assert response.status_code == 302
    signatures = Submission.objects.get().signatures
    assert signatures["signed_by"] == "guardian"
    assert signatures["minor_path"] == "guardian"
    assert signatures["guardian_relationship"] == "parent"
    assert signatures["name"] == "Mai Nguyễn"


@pytest.mark.django_db
def test_a_mature_minor_can_ask_the_physiotherapist_to_assess_them(minor_patient):
    response = sign(minor_patient, name="Ana", minor_path="mature_minor")
    assert response.status_code == 302
    signatures = Submission.objects.get().signatures
    assert signatures["minor_path"] == "mature_minor"
    assert signatures["signed_by"] == "patient"


@pytest.mark.django_db
def test_the_confirmation_shows_next_steps_in_plain_words_never_a_tier(patient):
    fill_all_steps(patient, everything_yes_posts())
    sign(patient, name="Mai Nguyễn", minor_path="guardian", guardian_relationship="parent")
    submission = Submission.objects.get()
    page = patient.get(reverse("intake:done")).content.decode()
    for finding in submission.assessment["findings"]:
        message = finding["patient_message"].replace("'", "&#x27;").replace('"', "&quot;")
        assert message in page
    holds = [
        f for f in submission.assessment["findings"] if f["tier_effect"] == "HOLD_FOR_CLEARANCE"
    ]
    assert holds, "this patient needs a clearance first"
    first_hold = holds[0]["patient_message"].replace("'", "&#x27;").replace('"', "&quot;")
    assert page.index("Before your visit") < page.index(first_hold) < page.index("At your visit")
    lowered = page.lower()
    for word in ("not eligible", "ineligible", "rejected", "denied"):
        assert word not in lowered
    for tier in Submission.Tier.values:
        assert tier not in page
    for label in ("do not needle", "hold for clearance", "information only"):
        assert label not in lowered


def everything_yes_posts():
    from django.utils import timezone

    return everything_yes(timezone.localdate().isoformat())


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL=postgres://...)")
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_final_posts_make_exactly_one_submission(token):
    patient = Client()
    open_link(patient, token)
    patient.post(reverse("intake:privacy"))
    fill_all_steps(patient)
    barrier = threading.Barrier(20)
    results: list = []

    def post() -> None:
        client = Client()
        client.cookies = patient.cookies
        try:
            barrier.wait()
            results.append(sign(client))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Submission.objects.count() == 1
    assert [r.status_code for r in results] == [302] * 20
    assert {r["Location"] for r in results} == {reverse("intake:done")}


@pytest.mark.django_db
def test_an_engine_failure_keeps_the_answers_and_says_so_kindly(filled, monkeypatch):
    from screening.contracts import AssessmentInvalid, ContractError
    from screening.intake import submit

    def broken_engine(document, policy=None):
        raise AssessmentInvalid([ContractError("tier", "not one of the tiers")])

    monkeypatch.setattr(submit, "assess_document", broken_engine)
    before = IntakeDraft.objects.get().answers
    response = sign(filled)
    assert response.status_code == 503
    assert "All your answers are saved" in response.content.decode()
    assert not Submission.objects.exists()
    assert IntakeDraft.objects.get().answers == before


@pytest.mark.django_db
def test_a_parent_who_filled_in_the_form_is_not_asked_again_who_they_are(patient, appointment):
    """Issue 12, point 8: the relationship given on "About you" is not asked at signing."""
    born = appointment.replace(year=appointment.year - 15).isoformat()
    about = {
        **HEALTHY["about"],
        **date_parts("date_of_birth", born),
        "respondent": "guardian",
        "guardian__name": "Mai Nguyễn",
        "guardian__relationship": "parent",
    }
    fill_all_steps(patient, {**HEALTHY, "about": about})
    page = patient.get(reverse("intake:sign")).content.decode()
    assert "How is the person signing related" not in page
    assert "Who is giving consent" not in page
    assert sign(patient, name="Mai Nguyễn").status_code == 302
    signatures = Submission.objects.get().signatures
    assert signatures["signed_by"] == "guardian"
    assert signatures["minor_path"] == "guardian"
    assert signatures["guardian_relationship"] == "parent"
