"""Issue 15: the compiled fast path accepts exactly what jsonschema accepts."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.contracts import (
    _FAST_ASSESSMENT,
    _FAST_INTAKE,
    _INTAKE_CHECKED,
    ASSESSMENT_VALIDATOR,
    INTAKE_VALIDATOR,
    _fast_valid,
)
from screening.rules import assess
from tests.contract_examples import bad_examples, good_examples, load
from tests.strategies import intake_documents

BREAKS = ["unsure", "2026-02-30", "2026-2-3", 7, 1.5, True, None, [], {}, ["PELVIS"], "x" * 5]


def agree(doc) -> None:
    slow_ok = not any(True for _ in INTAKE_VALIDATOR.iter_errors(doc))
    assert _fast_valid(_FAST_INTAKE, doc) is slow_ok


def test_the_examples_agree():
    for path in good_examples() + bad_examples():
        agree(load(path))
    assert _INTAKE_CHECKED


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(intake_documents(), st.data())
def test_both_validators_agree_on_documents_and_their_breakages(doc, data):
    agree(doc)
    broken = copy.deepcopy(doc)
    section = data.draw(
        st.sampled_from(sorted(k for k, v in broken.items() if isinstance(v, dict)))
    )
    fields = sorted(broken[section]) or ["extra"]
    field = data.draw(st.sampled_from(fields))
    broken[section][field] = data.draw(st.sampled_from(BREAKS))
    agree(broken)
    assessment = assess(doc)
    slow_ok = not any(True for _ in ASSESSMENT_VALIDATOR.iter_errors(assessment))
    assert _fast_valid(_FAST_ASSESSMENT, assessment) is slow_ok is True
