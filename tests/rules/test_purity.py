"""The rules package is pure: no Django, no clock; every catalogue rule is registered."""

import ast
import json
import re
from pathlib import Path

import pytest

from screening.rules.registry import RULES, load_rules
from screening.rules.types import tier_effect_of

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "screening" / "rules"
MODULES = sorted(RULES_DIR.glob("*.py"))
CATALOGUE = json.loads((ROOT / "screening/schemas/assessment-v1.schema.json").read_text())["$defs"][
    "rule_catalogue"
]["const"]
SOURCES_LINE = re.compile(r"^\s*Sources: (S\d{1,2}a?)(, S\d{1,2}a?)*\s*$", re.MULTILINE)
CLOCK_CALLS = {"today", "now", "utcnow", "time", "monotonic", "perf_counter"}


def _tree(path):
    return ast.parse(path.read_text(), filename=str(path))


def test_the_rules_package_has_modules_to_check():
    names = {path.stem for path in MODULES}
    assert {"engine", "registry", "consent", "pregnancy", "bleeding", "system"} <= names


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_no_rules_module_imports_django(path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        assert not [n for n in names if n == "django" or n.startswith("django.")], path.name


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_no_rules_module_reads_the_clock(path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in CLOCK_CALLS, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.ImportFrom) and node.module in {"time"}:
            pytest.fail(f"{path.name} imports from time")
        if isinstance(node, ast.Import):
            assert "time" not in [alias.name for alias in node.names], path.name


def test_every_catalogue_rule_is_registered_and_nothing_else():
    load_rules()
    assert set(RULES) == set(CATALOGUE)
    assert len(RULES) == 73  # 2.4: 66 from 1.0.0, 7 added in 1.1.0


@pytest.mark.parametrize("rule_id", sorted(CATALOGUE))
def test_each_rule_has_its_catalogue_class_and_a_docstring_naming_its_sources(rule_id):
    load_rules()
    spec = RULES.get(rule_id)
    assert spec is not None, f"{rule_id} is not registered"
    entry = CATALOGUE[rule_id]
    assert (spec.category, spec.scope, spec.tier_effect) == (
        entry["category"],
        entry["scope"],
        entry["tier_effect"],
    )
    assert SOURCES_LINE.search(spec.func.__doc__ or ""), f"{rule_id}: no 'Sources: S..' line"


def test_the_review_variant_of_capacity_impaired_derives_review():
    variant = CATALOGUE["capacity_impaired"]["review_variant"]
    assert (
        tier_effect_of("capacity_impaired", variant["category"], variant["scope"])
        == (variant["tier_effect"])
    )


def test_rule_counts_match_section_2_4():
    load_rules()
    counts = {}
    for spec in RULES.values():
        counts[spec.category] = counts.get(spec.category, 0) + 1
    assert counts == {"AC": 13, "PC": 11, "RP": 34, "INFO": 15}
