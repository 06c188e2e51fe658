"""Code systems of the export: SNOMED CT and LOINC where a well-known code exists, else the
product's own systems under one stable base URL.

The base URL is an identifier, the same for every clinic: receiving systems match codes on
it, so it never changes (docs/decisions.md). Codes in our own systems are the public ids
the product already keeps stable: rule ids, tier names, region codes, field names.
"""

from __future__ import annotations

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"

BASE = "https://dn-screening.org/fhir"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/dn-intake"
RULE_SYSTEM = f"{BASE}/CodeSystem/rule"
CATEGORY_SYSTEM = f"{BASE}/CodeSystem/finding-category"
TIER_SYSTEM = f"{BASE}/CodeSystem/tier"
REGION_SYSTEM = f"{BASE}/CodeSystem/body-region"
ANSWER_SYSTEM = f"{BASE}/CodeSystem/intake-answer"
DECISION_SYSTEM = f"{BASE}/CodeSystem/physio-decision"
CONCEPT_SYSTEM = f"{BASE}/CodeSystem/concept"
RULESET_SYSTEM = f"{BASE}/CodeSystem/ruleset-version"
PATIENT_ID_SYSTEM = f"{BASE}/NamingSystem/patient"
SUBMISSION_ID_SYSTEM = f"{BASE}/NamingSystem/submission"
EXCLUDED_SITE_EXTENSION = f"{BASE}/StructureDefinition/excluded-body-site"
FINDING_SITE_EXTENSION = f"{BASE}/StructureDefinition/finding-body-site"
ESTIM_EXTENSION = f"{BASE}/StructureDefinition/estim-allowed"

# Questions with a well-known LOINC code (the same measurement, the same unit).
LOINC_FOR_QUESTION: dict[str, tuple[str, str]] = {
    "about.date_of_birth": ("21112-8", "Birth date"),
    "about.height_cm": ("8302-2", "Body height"),
    "about.weight_kg": ("29463-7", "Body weight"),
    "conditions.blood_pressure.systolic": ("8480-6", "Systolic blood pressure"),
    "conditions.blood_pressure.diastolic": ("8462-4", "Diastolic blood pressure"),
    "conditions.diabetes_details.hba1c_percent": (
        "4548-4",
        "Hemoglobin A1c/Hemoglobin.total in Blood",
    ),
    "bleeding.inr.value": ("6301-6", "INR in Platelet poor plasma by Coagulation assay"),
    "pregnancy.due_date": ("11778-8", "Delivery date Estimated"),
}

# Region codes with a SNOMED CT body structure of the same extent. Only where we are sure:
# most regions are composites ("Head and face") or lateral, which SNOMED expresses only by
# post-coordination; those stay in our own system alone (docs/decisions.md).
SNOMED_FOR_REGION: dict[str, tuple[str, str]] = {
    "ABDOMEN": ("818983003", "Abdomen"),
}


def coding(system: str, code: str, display: str = "") -> dict:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def concept(system: str, code: str, display: str = "", text: str = "") -> dict:
    out: dict = {"coding": [coding(system, code, display)]}
    if text:
        out["text"] = text
    return out


def region_concept(code: str, name: str) -> dict:
    """A body region as a CodeableConcept: our code always, SNOMED CT beside it when sure."""
    codings = [coding(REGION_SYSTEM, code, name)]
    snomed = SNOMED_FOR_REGION.get(code)
    if snomed is not None:
        codings.append(coding(SNOMED, *snomed))
    return {"coding": codings, "text": name}
