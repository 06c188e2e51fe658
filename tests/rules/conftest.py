"""Shared helpers for the rules tests: a valid baseline intake document to vary.

``make_doc({"consent.needle_feeling": "very_anxious"})`` returns a fresh copy of a
healthy adult's intake (like contracts/examples/ex01-healthy-adult.json) with each dotted
path set; the value ``"__delete__"`` removes the key. List items take an index:
``"implants.joint_hardware_items[0].problem_now"`` (the list must exist already).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

DELETE = "__delete__"

BASELINE: dict[str, Any] = {
    "schema": "dn-intake/1",
    "completed_on": "2026-12-01",
    "appointment_date": "2026-12-03",
    "respondent": "self",
    "about": {
        "date_of_birth": "1988-04-12",
        "height_cm": 172,
        "weight_kg": 70,
        "interpreter_needed": False,
    },
    "visit": {"pain_regions": ["KNEE_LEG_R"], "planned_estim": False},
    "consent": {
        "needling_preference": "open",
        "feels_pressured": "no",
        "needle_feeling": "fine",
        "fainted_with_needles": "no",
        "previous_needling": True,
        "previous_unusual_reaction": "no",
        "trouble_understanding": "no",
        "cognitive_impairment_diagnosed": "no",
        "has_substitute_decision_maker": "no",
    },
    "pregnancy": {"status": "not_applicable"},
    "bleeding": {
        "bleeding_disorder": "no",
        "easy_bruising": "no",
        "anticoagulants": [],
        "antiplatelets": [],
        "blood_thinner_not_sure": False,
        "nsaids_or_supplements": False,
    },
    "infection": {
        "acute_illness": "no",
        "skin_problem": False,
        "inflamed_area": "no",
        "lymphedema": "no",
        "lymph_nodes_treated": "no",
        "chemotherapy": False,
        "low_white_cells": "no",
        "transplant_antirejection": "no",
        "no_spleen": "no",
        "told_severely_immunocompromised": "no",
        "immune_medicines": "no",
        "bloodborne_virus": "no",
    },
    "implants": {
        "cardiac_device": "no",
        "other_electronic_device": "no",
        "cosmetic_implant": "no",
        "joint_hardware": "no",
        "heart_valve_or_endocarditis": "no",
        "metal_allergy": "no",
        "latex_or_other_allergy": False,
    },
    "conditions": {
        "heart_condition": False,
        "cardiac_event": False,
        "heart_unstable_now": "no",
        "diabetes": "no",
        "circulation_problem": "no",
        "inflammatory_arthritis": "no",
        "epilepsy": "no",
        "neurological_condition": "no",
        "numbness": False,
        "cancer": "no",
        "red_flags": "no",
        "mental_health": "no",
    },
    "frailty_bone_chest": {
        "frailty": "no",
        "osteoporosis": "no",
        "lung_condition": "no",
        "chest_wall_deformity": "no",
    },
    "surgery_trauma": {
        "recent_surgery": False,
        "injury": False,
        "spine_instability": "no",
        "spine_surgery": False,
    },
}

_STEP = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    steps: list[str | int] = []
    for name, index in _STEP.findall(path):
        steps.append(name)
        if index:
            steps.append(int(index))
    node: Any = doc
    for step in steps[:-1]:
        if isinstance(step, str) and step not in node:
            node[step] = {}
        node = node[step]
    last = steps[-1]
    if value == DELETE:
        if isinstance(last, str):
            node.pop(last, None)
        else:
            del node[last]
    else:
        node[last] = copy.deepcopy(value)


def make_doc(overrides: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    """A fresh valid baseline intake with each ``dotted.path: value`` applied in order."""
    doc = copy.deepcopy(BASELINE)
    for path, value in {**(overrides or {}), **kwargs}.items():
        _set(doc, path, value)
    return doc


@pytest.fixture(name="make_doc")
def make_doc_fixture():
    """The ``make_doc`` helper as a fixture, for tests that prefer fixtures to imports."""
    return make_doc


def fired_rules(doc: dict[str, Any], policy: Any = None) -> dict[str, dict[str, Any]]:
    """Assess ``doc`` and return its findings by rule id.

    The document must be a valid intake (schema and checks V1-V8) and the assessment must
    validate against dn-assessment/1, so a table test cannot pass on an impossible input.
    """
    from screening.contracts import validate_assessment, validate_intake
    from screening.rules import assess

    errors = validate_intake(doc)
    assert not errors, f"test document is not a valid intake: {errors}"
    assessment = assess(doc, policy)
    problems = validate_assessment(assessment)
    assert not problems, f"assessment breaks its schema: {problems}"
    return {finding["rule"]: finding for finding in assessment["findings"]}


@pytest.fixture(name="fired")
def fired_fixture():
    """``fired(doc, policy=None) -> {rule_id: finding}`` for the assessment of ``doc``."""
    return fired_rules
