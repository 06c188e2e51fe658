"""FHIR R4 export: every Bundle validates (R4B models) and carries every answer."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from screening.clinic_policy import current_policy
from screening.contracts import assess_document
from screening.intake.forms import STEP_FORMS
from screening.interop.fhir import codes
from screening.interop.fhir.bundle import submission_bundle
from screening.interop.fhir.questionnaire import build_questionnaire, questionnaire_and_tree
from screening.interop.fhir.response import response_items
from screening.interop.fhir.risk import risk_assessment
from screening.models import AuditEvent
from screening.review import audit, workflow
from tests.contract_examples import good_examples
from tests.interop.fhir_checks import missing_answers, validate
from tests.strategies import intake_documents

pytestmark = pytest.mark.django_db


def _resources(bundle: dict) -> dict[str, dict]:
    return {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}


def _link_ids(items: list[dict]) -> set[str]:
    out = set()
    for item in items:
        out.add(item["linkId"])
        out |= _link_ids(item.get("item", []))
    return out


def test_the_questionnaire_validates_and_has_an_item_for_every_form_field():
    questionnaire = build_questionnaire()
    validate(questionnaire)
    link_ids = _link_ids(questionnaire["item"])
    for step, form_class in STEP_FORMS.items():
        for name in form_class().fields:
            parts = [part for part in name.split("__") if not part.isdigit()]
            expected = ".".join(parts) if name == "respondent" else ".".join([step, *parts])
            assert expected in link_ids, name
    assert "day_of.substances_recent" in link_ids


def test_the_questionnaire_version_changes_with_the_wording_and_only_then(monkeypatch):
    first = build_questionnaire()["version"]
    assert build_questionnaire()["version"] == first
    field = STEP_FORMS["about"].base_fields["height_cm"]
    monkeypatch.setattr(field, "label", "How tall are you?")
    assert build_questionnaire()["version"] != first


def test_the_questionnaire_command_prints_it():
    out = StringIO()
    call_command("export_fhir", "--questionnaire", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["resourceType"] == "Questionnaire"
    assert printed["url"] == codes.QUESTIONNAIRE_URL


@pytest.mark.parametrize("path", good_examples(), ids=lambda p: p.stem)
def test_every_shared_example_exports_as_a_valid_bundle_with_every_answer(path, example_submission):
    submission = example_submission(path)
    bundle = submission_bundle(submission)
    validate(bundle)
    assert bundle["type"] == "collection"
    resources = _resources(bundle)
    assert set(resources) == {"Patient", "Questionnaire", "QuestionnaireResponse", "RiskAssessment"}
    response = resources["QuestionnaireResponse"]
    questionnaire = resources["Questionnaire"]
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    assert missing_answers(submission.intake_document, response) == []
    assert _link_ids(response["item"]) <= _link_ids(questionnaire["item"])
    risk = resources["RiskAssessment"]
    assert risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == submission.tier
    rules = [p["outcome"]["coding"][0]["code"] for p in risk["prediction"][1:]]
    assert rules == [f["rule"] for f in submission.assessment["findings"]]
    for prediction in risk["prediction"][1:]:
        assert prediction["qualitativeRisk"]["coding"][0]["system"] == codes.CATEGORY_SYSTEM
        assert prediction["rationale"] and "_" not in prediction["rationale"].split(" ")[0]
    excluded = [
        e["valueCodeableConcept"]["coding"][0]["code"]
        for e in risk["extension"]
        if e["url"] == codes.EXCLUDED_SITE_EXTENSION
    ]
    assert excluded == submission.assessment["excluded_regions"]
    patient = resources["Patient"]
    assert patient["birthDate"] == submission.intake_document["about"]["date_of_birth"]
    assert patient["name"][0] == {
        "text": "Ana Maria Silva",
        "family": "Silva",
        "given": ["Ana", "Maria"],
    }
    assert response["subject"]["reference"] == f"urn:uuid:{patient['id']}"


def test_excluded_sites_are_coded_and_the_abdomen_also_in_snomed(example_submission):
    path = next(p for p in good_examples() if p.stem.startswith("ex03"))
    submission = example_submission(path)
    risk = _resources(submission_bundle(submission))["RiskAssessment"]
    sites = [
        e["valueCodeableConcept"]
        for e in risk["extension"]
        if e["url"] == codes.EXCLUDED_SITE_EXTENSION
    ]
    assert "ABDOMEN" in submission.assessment["excluded_regions"]
    abdomen = next(s for s in sites if s["coding"][0]["code"] == "ABDOMEN")
    assert {"system": codes.SNOMED, "code": "818983003", "display": "Abdomen"} in abdomen["coding"]
    assert abdomen["text"] == "Belly"


def test_the_physio_decision_is_in_the_bundle(example_submission, make_user):
    path = good_examples()[1]
    submission = example_submission(path)
    physio = make_user("physiotherapist")
    workflow.record_decision(
        submission,
        actor=physio,
        decision="defer",
        reason="Waiting for the INR",
        expected_version=submission.row_version,
    )
    submission.refresh_from_db()
    bundle = submission_bundle(submission)
    validate(bundle)
    decision = _resources(bundle)["Observation"]
    assert decision["valueCodeableConcept"]["coding"][0]["code"] == "defer"
    assert {"text": "Waiting for the INR"} in decision["note"]


def test_generated_documents_give_valid_responses_with_every_answer():
    questionnaire, tree = questionnaire_and_tree()
    policy = current_policy()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(intake_documents())
    def check(document):
        response = {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": f"{questionnaire['url']}|{questionnaire['version']}",
            "status": "completed",
            "item": response_items(tree, document),
        }
        validate(response)
        assert missing_answers(document, response) == []
        assessment = assess_document(document, policy)
        validate(
            risk_assessment(
                assessment,
                resource_id="r",
                subject="urn:uuid:p",
                basis="urn:uuid:q",
                when="2026-12-01",
            )
        )

    check()


def test_the_command_prints_the_bundle_of_a_submission(example_submission):
    submission = example_submission(good_examples()[0])
    out = StringIO()
    call_command("export_fhir", str(submission.pk), stdout=out)
    validate(json.loads(out.getvalue()))


def test_the_command_exits_2_with_one_line_for_an_unknown_id():
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("export_fhir", "999999", stdout=StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue().strip().count("\n") == 0
    assert "999999" in err.getvalue()


def test_staff_download_the_bundle_and_it_is_audited(example_submission, staff_client):
    submission = example_submission(good_examples()[0])
    client = staff_client("physiotherapist")
    url = reverse("review:fhir_bundle", args=[submission.pk])
    assert url == f"/staff/submissions/{submission.pk}/fhir.json" or url.endswith(
        f"/submissions/{submission.pk}/fhir.json"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert "attachment" in response["Content-Disposition"]
    validate(json.loads(response.content))
    event = AuditEvent.objects.get(action=audit.FHIR_EXPORTED)
    assert event.object_id == str(submission.pk) and event.actor == client.user
    page = client.get(reverse("review:submission", args=[submission.pk]))
    assert url in page.content.decode()


def test_the_download_needs_a_signed_in_clinical_role(example_submission, client, staff_client):
    submission = example_submission(good_examples()[0])
    url = reverse("review:fhir_bundle", args=[submission.pk])
    assert client.get(url).status_code in (302, 403)
    assert staff_client("clinic_admin").get(url).status_code == 403
    assert not AuditEvent.objects.filter(action=audit.FHIR_EXPORTED).exists()
