"""Region tables come from the intake schema; expansion and canonical order (3.3)."""

import json
from pathlib import Path

import pytest

from screening.rules.regions import (
    ADJACENCY,
    LIMB_REGIONS,
    LUNG_FIELD,
    REGION_CODES,
    REGION_LABELS,
    adjacent,
    canonical,
    expand,
)

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "screening/schemas/intake-v1.schema.json").read_text()
)


def test_region_codes_follow_the_schema_order():
    assert list(REGION_CODES) == SCHEMA["$defs"]["region_code"]["enum"]
    assert REGION_CODES[0] == "HEAD_FACE"
    assert set(REGION_LABELS) == set(REGION_CODES)


def test_lung_field_is_the_eight_regions_over_the_lung():
    assert {
        "NECK_ANTERIOR",
        "UPPER_TRAP_L",
        "UPPER_TRAP_R",
        "SCAPULA_L",
        "SCAPULA_R",
        "THORACIC_SPINE",
        "CHEST_WALL_L",
        "CHEST_WALL_R",
    } == LUNG_FIELD


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (None, set()),
        ([], set()),
        (["KNEE_LEG_R"], {"KNEE_LEG_R"}),
        (["UPPER_LIMB_L"], {"SHOULDER_L", "ARM_L", "FOREARM_HAND_L"}),
        (["LOWER_LIMB_R", "KNEE_LEG_R"], {"HIP_THIGH_R", "KNEE_LEG_R", "ANKLE_FOOT_R"}),
    ],
)
def test_expand_replaces_each_limb_by_its_three_regions(codes, expected):
    assert expand(codes) == expected


def test_every_limb_expands_to_known_regions():
    for regions in LIMB_REGIONS.values():
        assert len(regions) == 3
        assert set(regions) <= set(REGION_CODES)


def test_canonical_sorts_by_schema_order_and_removes_duplicates():
    assert canonical(["ANKLE_FOOT_R", "HEAD_FACE", "ABDOMEN", "HEAD_FACE"]) == [
        "HEAD_FACE",
        "ABDOMEN",
        "ANKLE_FOOT_R",
    ]


def test_adjacency_is_symmetric_and_never_lists_a_region_itself():
    for region, neighbours in ADJACENCY.items():
        assert region not in neighbours
        for other in neighbours:
            assert region in ADJACENCY[other]


def test_adjacent_of_the_ankle_includes_the_knee_and_not_the_other_side():
    assert "KNEE_LEG_R" in adjacent("ANKLE_FOOT_R")
    assert "ANKLE_FOOT_L" not in adjacent("ANKLE_FOOT_R")
