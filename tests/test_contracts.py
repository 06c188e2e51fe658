"""The dn-intake/1 and dn-assessment/1 contracts: schema copies, examples, error paths."""

from __future__ import annotations

import copy
import filecmp
import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from jsonschema import Draft202012Validator, FormatChecker

from screening.clinic_policy import current_policy, policy_from_settings
from screening.contracts import (
    AssessmentInvalid,
    ContractError,
    IntakeInvalid,
    assess_document,
    validate_assessment,
    validate_intake,
)
from screening.rules import Policy, assess
from screening.rules.regions import ASSESSMENT_SCHEMA
from screening.rules.sources import PATIENT_CITABLE, SOURCES
from tests.contract_examples import (
    DELETE,
    EXAMPLES,
    PROJECT_SCHEMAS,
    ROOT,
    SHARED_CONTRACTS,
    SHARED_EXAMPLES,
    bad_examples,
    expected_for,
    good_examples,
    healthy_adult,
    load,
    with_changes,
)

GOOD = good_examples()
BAD = bad_examples()


# --- The copies of the shared contracts ---------------------------------------------------


@pytest.mark.parametrize("name", ["intake-v1.schema.json", "assessment-v1.schema.json"])
def test_the_schema_copies_still_match_the_shared_contracts(name):
    if not SHARED_CONTRACTS.is_dir():
        pytest.skip(f"{SHARED_CONTRACTS} is not here (a fresh clone): nothing to compare")
    assert load(PROJECT_SCHEMAS / name) == load(SHARED_CONTRACTS / name)


def test_the_example_copies_still_match_the_shared_examples():
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip(f"{SHARED_EXAMPLES} is not here (a fresh clone): nothing to compare")
    shared = sorted(path.name for path in SHARED_EXAMPLES.iterdir())
    ours = sorted(path.name for path in EXAMPLES.iterdir())
    assert ours == shared
    _, mismatch, errors = filecmp.cmpfiles(SHARED_EXAMPLES, EXAMPLES, shared, shallow=False)
    assert mismatch == [] and errors == []


def test_there_are_examples_of_every_kind():
    assert len(GOOD) >= 8 and len(BAD) >= 2


# --- The shared examples ------------------------------------------------------------------


@pytest.mark.parametrize("example", GOOD, ids=lambda path: path.stem)
def test_each_example_gives_its_expected_tier_and_findings(example):
    expected = expected_for(example)
    assessment = assess_document(load(example))
    fired = {finding["rule"] for finding in assessment["findings"]}
    assert assessment["tier"] == expected["tier"]
    assert set(expected["must_fire"]) <= fired, set(expected["must_fire"]) - fired
    assert not set(expected["must_not_fire"]) & fired
    assert {"consent_special_risks", "practitioner_authorization"} <= fired


@pytest.mark.parametrize("example", GOOD, ids=lambda path: path.stem)
def test_each_example_cites_only_known_sources(example):
    for finding in assess_document(load(example))["findings"]:
        assert set(finding["sources"]) <= set(SOURCES), finding["rule"]


def test_bad01_is_rejected_by_the_schema_at_the_missing_section():
    errors = validate_intake(load(EXAMPLES / "bad01-missing-bleeding-section.json"))
    assert errors == [ContractError("bleeding", "required field missing")]


def test_bad02_passes_the_schema_but_fails_check_v3():
    doc = load(EXAMPLES / "bad02-birth-after-appointment.json")
    with pytest.raises(IntakeInvalid) as caught:
        assess_document(doc)
    assert [str(error) for error in caught.value.errors] == [
        "about.date_of_birth: after appointment_date 2026-12-03"
    ]


# --- A table of invalid documents: each gives its field path and a plain message ------------

INVALID = {
    "missing section": ({"infection": DELETE}, "infection", "required field missing"),
    "missing field": ({"consent.feels_pressured": DELETE}, "consent.feels_pressured", "required"),
    "unknown field": ({"about.nickname": "Al"}, "about.nickname", "unknown field"),
    "unknown region": (
        {"visit.pain_regions": ["KNEE_LEG_R", "ARM_L", "FOO"]},
        "visit.pain_regions[2]",
        "unknown region code 'FOO'",
    ),
    "unknown region in a list item": (
        {
            "surgery_trauma.recent_surgery": True,
            "surgery_trauma.surgeries": [{"description": "knee scope", "regions": ["KNEE"]}],
        },
        "surgery_trauma.surgeries[0].regions[0]",
        "unknown region code 'KNEE'",
    ),
    "wrong type": ({"about.height_cm": "tall"}, "about.height_cm", "must be a number"),
    "wrong enum": ({"respondent": "cousin"}, "respondent", "unknown value 'cousin'"),
    "wrong contract id": ({"schema": "dn-intake/2"}, "schema", "must be 'dn-intake/1'"),
    "not a date": ({"completed_on": "01/12/2026"}, "completed_on", "YYYY-MM-DD"),
    "V1 not a calendar date": (
        {"completed_on": "2026-02-30"},
        "completed_on",
        "not a real calendar date",
    ),
    "V1 in a list item": (
        {
            "surgery_trauma.recent_surgery": True,
            "surgery_trauma.surgeries": [
                {"description": "scope", "regions": ["KNEE_LEG_R"], "date": "2026-04-31"}
            ],
        },
        "surgery_trauma.surgeries[0].date",
        "not a real calendar date",
    ),
    "V2 completed after the appointment": (
        {"completed_on": "2026-12-04"},
        "completed_on",
        "after appointment_date 2026-12-03",
    ),
    "V3 born after the form": (
        {"about.date_of_birth": "2026-12-02"},
        "about.date_of_birth",
        "after completed_on 2026-12-01",
    ),
    "V3 older than 130": (
        {"about.date_of_birth": "1895-12-03"},
        "about.date_of_birth",
        "age 131 at appointment_date is over 130",
    ),
    "V4 event after the form": (
        {"conditions.cardiac_event": True, "conditions.cardiac_event_date": "2026-12-02"},
        "conditions.cardiac_event_date",
        "after completed_on 2026-12-01",
    ),
    "V4 event before birth": (
        {
            "surgery_trauma.recent_surgery": True,
            "surgery_trauma.surgeries": [
                {"description": "a", "regions": ["ARM_L"], "date": "2026-01-01"},
                {"description": "b", "regions": ["ARM_L"], "date": "1980-01-01"},
            ],
        },
        "surgery_trauma.surgeries[1].date",
        "before about.date_of_birth 1988-04-12",
    ),
    "V5 due date long past": (
        {
            "pregnancy.status": "yes",
            "pregnancy.complications": "no",
            "pregnancy.due_date": "2026-11-02",
        },
        "pregnancy.due_date",
        "more than 28 days before completed_on",
    ),
    "V5 due date too far ahead": (
        {
            "pregnancy.status": "yes",
            "pregnancy.complications": "no",
            "pregnancy.due_date": "2027-09-08",
        },
        "pregnancy.due_date",
        "more than 280 days after completed_on",
    ),
    "V6 INR target range upside down": (
        {
            "bleeding.anticoagulants": ["warfarin"],
            "bleeding.vka_recent_problem": "no",
            "bleeding.inr": {
                "value": 2.5,
                "date": "2026-11-30",
                "target_low": 3.0,
                "target_high": 2.0,
            },
        },
        "bleeding.inr.target_low",
        "greater than target_high 2.0",
    ),
    "V7 diastolic not below systolic": (
        {"conditions.blood_pressure": {"systolic": 120, "diastolic": 120}},
        "conditions.blood_pressure.diastolic",
        "not lower than systolic 120",
    ),
    "V8 day_of before the day": (
        {"day_of": {"substances_recent": "no"}},
        "day_of",
        "only asked at check-in",
    ),
    "follow-up without its gate": (
        {"pregnancy.due_date": "2027-03-01"},
        "pregnancy.due_date",
        "only allowed when pregnancy.status is yes",
    ),
    "gate without its follow-up": (
        {"infection.lymphedema": "yes"},
        "infection.lymphedema_areas",
        "required when infection.lymphedema is yes",
    ),
    "guardian missing for a guardian respondent": (
        {"respondent": "guardian"},
        "about.guardian",
        "required when respondent is guardian",
    ),
    "INR without a vitamin K antagonist": (
        {"bleeding.inr": {"value": 2.0, "date": "2026-11-30"}},
        "bleeding.inr",
        "only allowed when bleeding.anticoagulants includes warfarin or other_vka",
    ),
    "tumour regions while cancer is no": (
        {"conditions.tumour_or_radiation_regions": ["ABDOMEN"]},
        "conditions.tumour_or_radiation_regions",
        "not allowed when conditions.cancer is no or unsure",
    ),
}


@pytest.mark.parametrize("changes, path, message", INVALID.values(), ids=INVALID.keys())
def test_an_invalid_document_names_the_field_and_what_is_wrong(changes, path, message):
    errors = validate_intake(with_changes(healthy_adult(), copy.deepcopy(changes)))
    assert errors, "the document should be rejected"
    assert errors[0].path == path
    assert message in errors[0].message
    assert "\n" not in str(errors[0])


@pytest.mark.parametrize(
    "changes",
    [
        {"about.date_of_birth": "1896-12-03"},  # 130 on the day: the oldest allowed
        {"completed_on": "2026-12-03", "day_of": {"substances_recent": "no"}},  # check-in
        {"conditions.blood_pressure": {"systolic": 121, "diastolic": 120}},
        {
            "pregnancy.status": "yes",
            "pregnancy.complications": "no",
            "pregnancy.due_date": "2026-11-03",  # 28 days before the form: 44 weeks
        },
        {
            "pregnancy.status": "yes",
            "pregnancy.complications": "no",
            "pregnancy.due_date": "2027-09-07",  # 280 days after the form: 0 weeks
        },
        {"conditions.cardiac_event": True, "conditions.cardiac_event_date": "2026-12-01"},
        {"conditions.cardiac_event": True, "conditions.cardiac_event_date": "1988-04-12"},
    ],
)
def test_the_date_checks_accept_their_boundaries(changes):
    assert validate_intake(with_changes(healthy_adult(), copy.deepcopy(changes))) == []


def test_a_non_object_document_is_rejected_at_the_root():
    assert validate_intake([]) == [ContractError("document", "must be an object")]


def test_date_checks_wait_for_the_schema_to_pass():
    doc = with_changes(healthy_adult(), {"completed_on": "2026-12-09", "about.foo": 1})
    assert [error.path for error in validate_intake(doc)] == ["about.foo"]


def test_assess_document_refuses_an_invalid_document_and_lists_every_error():
    doc = with_changes(healthy_adult(), {"bleeding": DELETE, "visit.pain_regions": ["FOO", "BAR"]})
    with pytest.raises(IntakeInvalid) as caught:
        assess_document(doc)
    assert {error.path for error in caught.value.errors} == {
        "bleeding",
        "visit.pain_regions[0]",
        "visit.pain_regions[1]",
    }


def test_assess_document_applies_the_policy_it_is_given():
    seventeen = with_changes(healthy_adult(), {"about.date_of_birth": "2009-12-04"})
    default = assess_document(seventeen)
    lenient = assess_document(seventeen, Policy.from_overrides({"minor_age_years": 16}))
    assert "minor_under_18" in {finding["rule"] for finding in default["findings"]}
    assert "minor_under_18" not in {finding["rule"] for finding in lenient["findings"]}
    assert lenient["policy"]["minor_age_years"] == 16


# --- The assessment contract ----------------------------------------------------------------


def test_a_broken_assessment_is_reported():
    assessment = assess(healthy_adult())
    del assessment["tier"]
    assessment["findings"][0]["regions"] = ["NOWHERE"]
    paths = {error.path for error in validate_assessment(assessment)}
    assert paths == {"document", "findings[0].regions[0]"}


def test_fast_assessment_validation_rejects_exactly_what_the_full_schema_rejects():
    """The rule-catalogue clauses are checked in code; both ways must agree on each finding."""
    full = Draft202012Validator(ASSESSMENT_SCHEMA, format_checker=FormatChecker())
    base = assess_document(load(EXAMPLES / "ex08-older-adult-multi-rule.json"))
    for index in range(len(base["findings"])):
        for field, values in {
            "category": ["AC", "PC", "RP", "INFO"],
            "scope": ["global", "site", "modality", "none"],
            "tier_effect": ["DO_NOT_NEEDLE", "HOLD_FOR_CLEARANCE", "PHYSIO_REVIEW", "NONE"],
        }.items():
            for value in values:
                changed = copy.deepcopy(base)
                changed["findings"][index][field] = value
                assert full.is_valid(changed) == (validate_assessment(changed) == []), (
                    index,
                    field,
                    value,
                )


def test_capacity_impaired_may_take_either_of_its_variants():
    base = assess_document(load(EXAMPLES / "ex01-healthy-adult.json"))
    finding = dict(base["findings"][0], rule="capacity_impaired", scope="global")
    for category, effect, ok in [
        ("AC", "DO_NOT_NEEDLE", True),
        ("RP", "PHYSIO_REVIEW", True),
        ("RP", "DO_NOT_NEEDLE", False),
    ]:
        changed = dict(base, findings=[dict(finding, category=category, tier_effect=effect)])
        changed["findings"].append(base["findings"][1])
        assert (validate_assessment(changed) == []) is ok, (category, effect)


def test_an_engine_bug_surfaces_as_assessment_invalid(monkeypatch):
    import screening.contracts as contracts

    monkeypatch.setattr(contracts, "assess", lambda doc, policy: {"schema": "wrong"})
    with pytest.raises(AssessmentInvalid):
        assess_document(healthy_adult())


# --- The clinic's policy and the sources table ----------------------------------------------


def test_the_clinic_policy_comes_from_settings():
    with override_settings(SCREENING_POLICY={"surgery_window_days": 120}):
        assert current_policy().surgery_window_days == 120
    assert current_policy() == Policy()


@pytest.mark.parametrize(
    "overrides, fragment",
    [
        ({"surgery_window": 120}, "surgery_window: unknown policy parameter"),
        ({"surgery_window_days": 400}, "outside the allowed range"),
        ({"avoid_at_risk_limb": "yes"}, "true or false"),
    ],
)
def test_a_bad_clinic_policy_stops_the_start_up(overrides, fragment):
    from django.apps import apps

    with pytest.raises(ImproperlyConfigured, match=fragment):
        policy_from_settings(overrides)
    with override_settings(SCREENING_POLICY=overrides), pytest.raises(ImproperlyConfigured):
        apps.get_app_config("screening").ready()


def test_the_sources_table_has_every_catalogue_source():
    expected = {f"S{number}" for number in range(1, 49)} | {"S10a", "S13a"}  # S48: 1.1.0
    assert set(SOURCES) == expected
    assert SOURCES["S17"]["year"] == "2014" and SOURCES["S17"]["tier"] == "B"
    assert "S46" not in PATIENT_CITABLE and "S17" in PATIENT_CITABLE


def test_assessments_are_plain_json():
    assessment = assess_document(load(EXAMPLES / "ex08-older-adult-multi-rule.json"))
    assert json.loads(json.dumps(assessment)) == assessment


def test_the_service_does_not_start_with_an_unknown_policy_key(tmp_path):
    (tmp_path / "bad_policy_settings.py").write_text(
        "from clinic.settings import *  # noqa: F403\nSCREENING_POLICY = {'surgery_window': 120}\n"
    )
    python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python if python.exists() else sys.executable), "manage.py", "check"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_DEV": "1",
            "DJANGO_SETTINGS_MODULE": "bad_policy_settings",
            "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SCREENING_POLICY: surgery_window: unknown policy parameter" in result.stderr
