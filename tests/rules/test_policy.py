"""Policy: every section-5 parameter with its default, range checks on overrides."""

import dataclasses
import json
from pathlib import Path

import pytest

from screening.rules import DEFAULT_POLICY, Policy, PolicyError

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "screening/schemas/assessment-v1.schema.json"
    ).read_text()
)
DEFAULTS = SCHEMA["$defs"]["policy_defaults"]["const"]
LIMITS = SCHEMA["properties"]["policy"]["properties"]


def test_policy_has_exactly_the_schema_parameters_with_their_defaults():
    assert Policy().as_dict() == DEFAULTS
    # 1.0's parameters are required; those added in 1.1.0 are optional but still recorded.
    assert [f.name for f in dataclasses.fields(Policy)] == list(LIMITS)
    assert set(SCHEMA["properties"]["policy"]["required"]) < set(LIMITS)


def test_the_documented_defaults_hold():
    policy = Policy()
    assert policy.inr_cap_when_target_unknown == 3.0
    assert policy.inr_stale_after_days == 28
    assert policy.minor_age_years == 18
    assert policy.avoid_at_risk_limb is True
    assert policy.bmi_low_threshold == 18.5


def test_no_overrides_give_the_default_policy():
    assert Policy.from_overrides({}) == DEFAULT_POLICY
    assert Policy.from_overrides(None) == DEFAULT_POLICY


@pytest.mark.parametrize("name", [n for n, spec in LIMITS.items() if "minimum" in spec])
def test_each_number_accepts_both_ends_of_its_range(name):
    low, high = LIMITS[name]["minimum"], LIMITS[name]["maximum"]
    assert getattr(Policy.from_overrides({name: low}), name) == low
    assert getattr(Policy.from_overrides({name: high}), name) == high


@pytest.mark.parametrize("name", [n for n, spec in LIMITS.items() if "minimum" in spec])
def test_each_number_rejects_values_just_outside_its_range(name):
    low, high = LIMITS[name]["minimum"], LIMITS[name]["maximum"]
    step = 1 if LIMITS[name]["type"] == "integer" else 0.1
    for bad in (low - step, high + step):
        with pytest.raises(PolicyError, match=name):
            Policy.from_overrides({name: bad})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"inr_cap": 3.5}, "unknown policy parameter"),
        ({"minor_age_years": "18"}, "must be a number"),
        ({"minor_age_years": True}, "must be a number"),
        ({"minor_age_years": 17.5}, "whole number"),
        ({"avoid_at_risk_limb": 1}, "true or false"),
        ({"avoid_at_risk_limb": "false"}, "true or false"),
    ],
)
def test_bad_overrides_are_errors_that_name_the_parameter(overrides, message):
    with pytest.raises(PolicyError, match=message):
        Policy.from_overrides(overrides)


def test_policy_error_is_a_value_error():
    assert issubclass(PolicyError, ValueError)


def test_overrides_change_only_the_named_values_and_keep_types():
    policy = Policy.from_overrides(
        {"minor_age_years": 16.0, "inr_cap_when_target_unknown": 4, "avoid_at_risk_limb": False}
    )
    values = policy.as_dict()
    assert values["minor_age_years"] == 16 and isinstance(values["minor_age_years"], int)
    assert values["inr_cap_when_target_unknown"] == 4.0
    assert isinstance(values["inr_cap_when_target_unknown"], float)
    assert values["avoid_at_risk_limb"] is False
    assert values["surgery_window_days"] == 90


def test_as_dict_returns_a_copy():
    values = DEFAULT_POLICY.as_dict()
    values["minor_age_years"] = 99
    assert DEFAULT_POLICY.as_dict()["minor_age_years"] == 18


def test_policy_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_POLICY.minor_age_years = 16  # type: ignore[misc]
