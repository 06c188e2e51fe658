"""Find every "unsure" answer in an intake document (clinical-rules.md 3.4, principle 1).

Unsure answers are: a ``tri_state`` answered ``unsure``, the ``unsure`` value of an enum
that has one (``needling_preference``, ``pregnancy.status``, ``cancer``,
``bloodborne_virus_control``), and the box ``bleeding.blood_thinner_not_sure = true``.
The exception is ``surgery_trauma.injury_details.medical_check``: the schema defines its
``unsure`` as ``not_checked``, so it is never collected here.
The fields are read from the intake schema once, at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screening.rules.regions import INTAKE_SCHEMA

NOT_SURE_BOX = "bleeding.blood_thinner_not_sure"
NOT_UNSURE = frozenset({"surgery_trauma.injury_details.medical_check"})

# A node: (leaves as (key, path from the nearest list item or the root), nested objects as
# (key, node), lists of objects as (key, path, node)). Paths are built once, here.
Node = tuple[
    tuple[tuple[str, str], ...],
    tuple[tuple[str, "Node"], ...],
    tuple[tuple[str, str, "Node"], ...],
]


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref")
    if ref:
        return _resolve(defs[ref.rsplit("/", 1)[-1]], defs)
    return schema


def _compile(
    schema: Mapping[str, Any], defs: Mapping[str, Any], prefix: str, full: str, found: list[str]
) -> Node:
    """Compile the unsure-capable fields under ``schema``; ``full`` is the indexed-free path."""
    leaves: list[tuple[str, str]] = []
    objects: list[tuple[str, Node]] = []
    arrays: list[tuple[str, str, Node]] = []
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(raw, defs)
        if "unsure" in field.get("enum", ()):
            if full + name not in NOT_UNSURE:
                leaves.append((name, prefix + name))
                found.append(full + name)
        elif "properties" in field:
            node = _compile(field, defs, f"{prefix}{name}.", f"{full}{name}.", found)
            if any(node):
                objects.append((name, node))
        elif field.get("type") == "array":
            items = _resolve(field.get("items", {}), defs)
            if "properties" in items:
                node = _compile(items, defs, "", f"{full}{name}[].", found)
                if any(node):
                    arrays.append((name, prefix + name, node))
    return tuple(leaves), tuple(objects), tuple(arrays)


_ALL: list[str] = []
_TREE: Node = _compile(INTAKE_SCHEMA, INTAKE_SCHEMA["$defs"], "", "", _ALL)

# Every field path that can hold an unsure answer; list items as ``name[].field``.
UNSURE_CAPABLE_FIELDS: tuple[str, ...] = (*sorted(_ALL), NOT_SURE_BOX)


def _walk(node: Node, value: Mapping[str, Any], prefix: str, out: list[str]) -> None:
    leaves, objects, arrays = node
    # The C-level membership test skips the many sections with no unsure answer at all.
    if leaves and "unsure" in value.values():
        for key, path in leaves:
            if value.get(key) == "unsure":
                out.append(prefix + path)
    for key, child in objects:
        item = value.get(key)
        if item:
            _walk(child, item, prefix, out)
    for key, path, child in arrays:
        items = value.get(key)
        if items:
            for index, element in enumerate(items):
                _walk(child, element, f"{prefix}{path}[{index}].", out)


# The root's sections, unpacked once: (key, leaves, the section's node when it has nested
# objects or lists, else None). Walking them in a loop saves a call per section.
_SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...], Node | None], ...] = tuple(
    (key, node[0], node if node[1] or node[2] else None) for key, node in _TREE[1]
)
assert not _TREE[0] and not _TREE[2], "the intake root holds only sections"


def unsure_answers(doc: Mapping[str, Any]) -> list[str]:
    """Every unsure answer in ``doc`` as a dotted path with list indexes, sorted."""
    out: list[str] = []
    for key, leaves, nested in _SECTIONS:
        section = doc.get(key)
        if not section:
            continue
        if nested is not None:
            _walk(nested, section, "", out)
        elif "unsure" in section.values():
            for field, path in leaves:
                if section.get(field) == "unsure":
                    out.append(path)
    bleeding = doc.get("bleeding")
    if bleeding and bleeding.get("blood_thinner_not_sure") is True:
        out.append(NOT_SURE_BOX)
    out.sort()
    return out


def unindexed(path: str) -> str:
    """Drop list indexes: ``items[0].problem_now`` -> ``items[].problem_now``."""
    if "[" not in path:
        return path
    out, skipping = [], False
    for char in path:
        if char == "[":
            skipping = True
            out.append("[]")
        elif char == "]":
            skipping = False
        elif not skipping:
            out.append(char)
    return "".join(out)
