"""The contract examples, for the contract tests.

tests/data/contract_examples/ is a copy of ../shared/contracts/examples/ so that a fresh
clone runs them too; a test checks the copy still matches ../shared when that folder exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROJECT_SCHEMAS = ROOT / "screening" / "schemas"
SHARED_CONTRACTS = ROOT.parent / "shared" / "contracts"
SHARED_EXAMPLES = SHARED_CONTRACTS / "examples"
EXAMPLES = Path(__file__).resolve().parent / "data" / "contract_examples"


def good_examples() -> list[Path]:
    """Every valid example document (one with an ``.expected.json`` next to it)."""
    return sorted(
        path for path in EXAMPLES.glob("ex*.json") if not path.name.endswith(".expected.json")
    )


def bad_examples() -> list[Path]:
    """Every example that must be rejected."""
    return sorted(EXAMPLES.glob("bad*.json"))


def expected_for(example: Path) -> dict[str, Any]:
    """The ``tier``, ``must_fire`` and ``must_not_fire`` of a valid example."""
    return json.loads(example.with_name(example.stem + ".expected.json").read_text())


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


DELETE = "__delete__"


def healthy_adult() -> dict[str, Any]:
    """A fresh copy of the valid ex01 document (appointment 2026-12-03)."""
    return load(EXAMPLES / "ex01-healthy-adult.json")


def with_changes(doc: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Set each ``dotted.path[0].name`` of ``changes`` in ``doc`` (``DELETE`` removes it)."""
    for path, value in changes.items():
        steps: list[str | int] = []
        for part in path.split("."):
            name, _, rest = part.partition("[")
            steps.append(name)
            if rest:
                steps.append(int(rest.rstrip("]")))
        node: Any = doc
        for step in steps[:-1]:
            node = node.setdefault(step, {}) if isinstance(step, str) else node[step]
        if value == DELETE:
            del node[steps[-1]]
        else:
            node[steps[-1]] = value
    return doc
