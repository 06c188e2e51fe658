"""One submission as a FHIR R4 Bundle of type collection.

Entries: the Patient, the Questionnaire, the QuestionnaireResponse, the RiskAssessment and,
once recorded, the physiotherapist's latest decision. Ids are name-based UUIDs of our own
primary keys, so exporting the same submission twice gives the same Bundle (apart from its
timestamp) and a receiving system can recognise what it already has.
"""

from __future__ import annotations

import uuid

from django.utils import timezone, translation

from screening.interop.fhir import codes
from screening.interop.fhir.questionnaire import EXPORT_LANGUAGE, canonical, questionnaire_and_tree
from screening.interop.fhir.response import response_items
from screening.interop.fhir.risk import decision_observation, risk_assessment
from screening.models import Submission, SubmissionEvent
from screening.review.workflow import latest_decision


def _uuid(kind: str, pk: int | str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{codes.BASE}/{kind}/{pk}"))


def _patient(submission: Submission) -> dict:
    """The Patient from the visit's patient record, else from the invitation."""
    invitation = submission.invitation
    visit = invitation.visit
    person = visit.patient if visit is not None else None
    full_name = person.name if person else invitation.patient_name
    last_name = person.last_name if person else invitation.last_name
    birth = person.date_of_birth if person else invitation.date_of_birth
    email = person.email if person else invitation.email
    phone = person.phone if person else ""
    name: dict = {"text": full_name}
    given = full_name
    if last_name and full_name.endswith(last_name):
        given = full_name[: -len(last_name)].strip()
    if last_name:
        name["family"] = last_name
    if given:
        name["given"] = given.split()
    key = f"patient-{person.pk}" if person else f"invitation-{invitation.pk}"
    resource: dict = {
        "resourceType": "Patient",
        "id": _uuid("Patient", key),
        "identifier": [{"system": codes.PATIENT_ID_SYSTEM, "value": key}],
        "name": [name],
    }
    telecom = [{"system": "email", "value": email}] if email else []
    if phone:
        telecom.append({"system": "phone", "value": phone})
    if telecom:
        resource["telecom"] = telecom
    if birth:
        resource["birthDate"] = birth.isoformat()
    return resource


def _entry(resource: dict) -> dict:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def submission_bundle(submission: Submission) -> dict:
    """The Bundle (JSON-ready dict) for one stored submission."""
    questionnaire, tree = questionnaire_and_tree()
    patient = _patient(submission)
    subject = f"urn:uuid:{patient['id']}"
    response_id = _uuid("QuestionnaireResponse", submission.pk)
    risk_id = _uuid("RiskAssessment", submission.pk)
    questionnaire = {**questionnaire, "id": _uuid("Questionnaire", canonical(questionnaire))}
    with translation.override(EXPORT_LANGUAGE):
        response = {
            "resourceType": "QuestionnaireResponse",
            "id": response_id,
            "identifier": {
                "system": codes.SUBMISSION_ID_SYSTEM,
                "value": str(submission.pk),
            },
            "questionnaire": canonical(questionnaire),
            "status": "completed",
            "subject": {"reference": subject},
            "authored": submission.submitted_at.isoformat(),
            "item": response_items(tree, submission.intake_document),
        }
        risk = risk_assessment(
            submission.assessment,
            resource_id=risk_id,
            subject=subject,
            basis=f"urn:uuid:{response_id}",
            when=submission.submitted_at.isoformat(),
        )
        resources = [patient, questionnaire, response, risk]
        events = SubmissionEvent.objects.filter(submission=submission).select_related("actor")
        decision = latest_decision(list(events))
        if decision is not None:
            resources.append(
                decision_observation(
                    decision,
                    resource_id=_uuid("Observation", f"decision-{decision.pk}"),
                    subject=subject,
                    derived_from=f"urn:uuid:{response_id}",
                    focus=f"urn:uuid:{risk_id}",
                )
            )
    return {
        "resourceType": "Bundle",
        "id": _uuid("Bundle", submission.pk),
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": [_entry(resource) for resource in resources],
    }


def bundle_filename(submission: Submission) -> str:
    return f"screening-{submission.pk}-fhir.json"
