"""Region codes, limbs, the lung field and adjacency, read once from the intake schema.

The schema file (screening/schemas/intake-v1.schema.json) is the single source of these
tables (clinical-rules.md 3.3); plain ``json`` keeps this module free of Django.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
INTAKE_SCHEMA_PATH = SCHEMA_DIR / "intake-v1.schema.json"
ASSESSMENT_SCHEMA_PATH = SCHEMA_DIR / "assessment-v1.schema.json"


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


INTAKE_SCHEMA: dict = _load(INTAKE_SCHEMA_PATH)
ASSESSMENT_SCHEMA: dict = _load(ASSESSMENT_SCHEMA_PATH)

_DEFS = INTAKE_SCHEMA["$defs"]

REGION_CODES: tuple[str, ...] = tuple(_DEFS["region_code"]["enum"])
REGION_LABELS: dict[str, str] = dict(_DEFS["region_labels"]["const"])
LIMB_REGIONS: dict[str, tuple[str, ...]] = {
    limb: tuple(regions) for limb, regions in _DEFS["limb_regions"]["const"].items()
}
LUNG_FIELD: frozenset[str] = frozenset(_DEFS["lung_field"]["const"])
ADJACENCY: dict[str, frozenset[str]] = {
    region: frozenset(neighbours)
    for region, neighbours in _DEFS["region_adjacency"]["const"].items()
}

# Position of each code in the canonical order (the order of $defs.region_code).
REGION_INDEX: dict[str, int] = {code: index for index, code in enumerate(REGION_CODES)}

_EXPANSION: dict[str, tuple[str, ...]] = {code: (code,) for code in REGION_CODES}
_EXPANSION.update(LIMB_REGIONS)

EMPTY: frozenset[str] = frozenset()


def expand(codes: Iterable[str] | None) -> frozenset[str]:
    """Return the region codes of a location list, each limb code replaced by its regions."""
    if not codes:
        return EMPTY
    out: set[str] = set()
    for code in codes:
        out.update(_EXPANSION[code])
    return frozenset(out)


def canonical(codes: Iterable[str]) -> list[str]:
    """Return the distinct region codes in canonical (schema) order."""
    return sorted(set(codes), key=REGION_INDEX.__getitem__)


# limb_of (3.1, 1.1.0): each limb region maps to all three regions of its limb.
_LIMB_OF: dict[str, tuple[str, ...]] = {
    region: regions for regions in LIMB_REGIONS.values() for region in regions
}


def limb_of(codes: Iterable[str] | None) -> frozenset[str]:
    """``limb_of(L)``: every region of ``expand(L)``, a limb region widened to its whole limb."""
    out: set[str] = set()
    for region in expand(codes):
        out.update(_LIMB_OF.get(region, (region,)))
    return frozenset(out)


def adjacent(region: str) -> frozenset[str]:
    """Regions that share a border with ``region`` (adj(r) in clinical-rules.md 3.1)."""
    return ADJACENCY.get(region, EMPTY)
