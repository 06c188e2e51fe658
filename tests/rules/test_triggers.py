"""The engine skips a rule whose trigger answers are all plain noes (registry.rule).

That is only an optimisation if such a rule can never fire: these properties check every
rule's declared ``triggers`` against the rule itself over generated documents.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings

from screening.rules import assess
from screening.rules.context import Context
from screening.rules.engine import PLAIN_NO
from screening.rules.policy import DEFAULT_POLICY
from screening.rules.registry import RegistryError, load_rules, rule
from tests.strategies import intake_documents

TRIGGERED = [spec for spec in load_rules().values() if spec.triggers]


def _closed(doc: dict[str, Any], section: str, field: str) -> bool:
    return (doc.get(section) or {}).get(field) in PLAIN_NO


def _close(doc: dict[str, Any], section: str, field: str) -> None:
    """Give the answer its plain no, keeping its type (follow-up answers stay in place)."""
    part = doc.get(section)
    if part is None or field not in part:
        return
    value = part[field]
    if isinstance(value, bool):
        part[field] = False
    elif isinstance(value, list):
        part[field] = []
    elif isinstance(value, str) and value not in ("active", "past"):
        part[field] = "no"
    else:  # an object (a blood pressure reading) or the cancer enum's active/past: absent
        del part[field]


def test_most_rules_declare_their_trigger_answers():
    assert len(TRIGGERED) >= 50


@settings(max_examples=1000, deadline=None)
@given(intake_documents())
def test_no_rule_fires_while_its_trigger_answers_are_plain_noes(doc):
    ctx = Context(doc, DEFAULT_POLICY)
    for spec in TRIGGERED:
        if all(_closed(doc, section, field) for section, field in spec.triggers):
            assert spec.func(ctx) is None, spec.id


@settings(max_examples=300, deadline=None)
@given(intake_documents())
def test_closing_a_rules_trigger_answers_silences_it_whatever_the_follow_ups_say(doc):
    for spec in TRIGGERED:
        closed = copy.deepcopy(doc)
        for section, field in spec.triggers:
            _close(closed, section, field)
        assert spec.func(Context(closed, DEFAULT_POLICY)) is None, spec.id


def test_a_rule_with_an_open_trigger_answer_is_evaluated(make_doc, fired):
    # The gate opens on "unsure" as well as "yes": unsure never clears (3.4).
    assert "cardiac_device" in fired(make_doc({"implants.cardiac_device": "unsure"}))
    assert "cardiac_device" not in fired(make_doc({"implants.cardiac_device": "no"}))
    assert assess(make_doc({"bleeding.bleeding_disorder": "yes"}))["tier"] == "HOLD_FOR_CLEARANCE"


@pytest.mark.parametrize("path", ["bleeding.no_such_answer", "bleeding", "about.height_cm"])
def test_a_trigger_must_be_a_non_numeric_section_field_of_the_intake(path):
    with pytest.raises(RegistryError):
        rule("test_only_rule", category="INFO", scope="none", triggers=(path,))
