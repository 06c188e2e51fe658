"""Issue 12, point 1: the done page never contradicts itself.

A patient told "we will not use needles" must not then read needling advice (lie down, a
collapsed lung, gentler needles). Table tests over the rule registry (every rule that stops
all needling beside every other rule) and over the shared examples through the real engine.
"""

from __future__ import annotations

import itertools

import pytest

from screening.contracts import assess_document
from screening.intake.patient_messages import (
    NOT_ABOUT_NEEDLING,
    grouped_next_steps,
    needling_off_the_table,
    next_steps,
)
from screening.rules.registry import RULES, load_rules
from tests.contract_examples import EXAMPLES, load

load_rules()

STOPS_ALL = sorted(rid for rid, r in RULES.items() if r.category == "AC" and r.scope == "global")
OTHERS = sorted(rid for rid in RULES if rid not in STOPS_ALL)

# Words only needling advice uses; none may follow "we will not use needles".
NEEDLING_ADVICE = (
    "collapsed lung",
    "lie down",
    "gentler needles",
    "shorter needles",
    "press firmly",
    "before using needles",
    "needling over",
    "before any needling",
    "will use needles",
)


def finding(rule_id: str) -> dict:
    spec = RULES[rule_id]
    effect = {"AC": "DO_NOT_NEEDLE", "PC": "HOLD_FOR_CLEARANCE", "RP": "PHYSIO_REVIEW"}
    return {
        "rule": rule_id,
        "category": spec.category,
        "scope": spec.scope,
        "tier_effect": effect.get(spec.category, "INFO_ONLY"),
        "patient_message": f"message of {rule_id}",
    }


def test_the_rules_that_stop_all_needling_are_the_catalogue_s_global_absolutes():
    assert {"needle_phobia_severe", "consent_unwilling", "acute_illness_or_systemic_infection"} <= (
        set(STOPS_ALL)
    )
    # The kept messages name real rules, none of which stops needling itself.
    assert set(RULES) >= NOT_ABOUT_NEEDLING
    assert not NOT_ABOUT_NEEDLING & set(STOPS_ALL)


@pytest.mark.parametrize("stopping", STOPS_ALL)
def test_no_needling_advice_beside_any_rule_that_stops_all_needling(stopping):
    for other in OTHERS:
        assessment = {"findings": [finding(other), finding(stopping)]}
        shown = next_steps(assessment)
        assert f"message of {stopping}" in shown, other
        expected = other in NOT_ABOUT_NEEDLING
        assert (f"message of {other}" in shown) is expected, other
        before, at_visit = grouped_next_steps(assessment)
        assert sorted(before + at_visit) == sorted(shown), other


def test_two_rules_that_stop_needling_both_show_their_message():
    for first, second in itertools.combinations(STOPS_ALL, 2):
        shown = next_steps({"findings": [finding(first), finding(second)]})
        assert {f"message of {first}", f"message of {second}"} <= set(shown)


def test_without_a_stop_every_message_is_shown():
    assessment = {"findings": [finding(rule_id) for rule_id in OTHERS]}
    assert not needling_off_the_table(assessment)
    assert len(next_steps(assessment)) == len(OTHERS)


INTAKE_EXAMPLES = sorted(
    p for p in EXAMPLES.glob("ex*.json") if not p.name.endswith(".expected.json")
)


@pytest.mark.parametrize("path", INTAKE_EXAMPLES, ids=lambda p: p.stem)
def test_every_shared_example_reads_without_contradiction(path):
    assessment = assess_document(load(path))
    shown = " ".join(next_steps(assessment)).lower()
    if needling_off_the_table(assessment):
        for words in NEEDLING_ADVICE:
            assert words not in shown, (path.stem, words)
    else:
        # Nothing dropped: every fired rule's message is there.
        for fired in assessment["findings"]:
            assert fired["patient_message"].strip().lower() in shown


@pytest.mark.django_db
def test_the_done_page_of_a_needle_phobic_patient_gives_no_needling_advice(patient):
    import copy

    from django.urls import reverse

    from tests.intake.conftest import fill_all_steps, sign
    from tests.intake.posts import HEALTHY

    posts = copy.deepcopy(HEALTHY)
    posts["consent"]["needle_feeling"] = "avoids_care_or_phobia"
    posts["visit"]["pain_regions"] = ["SCAPULA_R"]  # a lung-field area: its advice must not show
    fill_all_steps(patient, posts)
    sign(patient, name="Pat Fearful")
    page = patient.get(reverse("intake:done")).content.decode()
    assert "We will not use needles in your care" in page
    lowered = page.lower()
    for words in NEEDLING_ADVICE:
        assert words not in lowered, words
    assert reverse("intake:what_to_expect") not in page


@pytest.mark.django_db
def test_a_patient_open_to_needling_keeps_the_leaflet_link(patient):
    from django.urls import reverse

    from tests.intake.conftest import fill_all_steps, sign
    from tests.intake.posts import HEALTHY

    fill_all_steps(patient, HEALTHY)
    sign(patient, name="Pat Open")
    assert reverse("intake:what_to_expect") in patient.get(reverse("intake:done")).content.decode()
