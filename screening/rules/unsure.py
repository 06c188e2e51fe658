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

# A node: (unsure-capable leaf names, nested objects, arrays of objects).
Node = tuple[frozenset[str], dict[str, "Node"], dict[str, "Node"]]


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref")
    if ref:
        return _resolve(defs[ref.rsplit("/", 1)[-1]], defs)
    return schema


def _can_be_unsure(schema: Mapping[str, Any]) -> bool:
    return "unsure" in schema.get("enum", ())


def _compile(
    schema: Mapping[str, Any], defs: Mapping[str, Any], prefix: str, leaves_out: list[str]
) -> Node:
    leaves: set[str] = set()
    objects: dict[str, Node] = {}
    arrays: dict[str, Node] = {}
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(raw, defs)
        path = prefix + name
        if _can_be_unsure(field):
            if path not in NOT_UNSURE:
                leaves.add(name)
                leaves_out.append(path)
        elif "properties" in field:
            objects[name] = _compile(field, defs, path + ".", leaves_out)
        elif field.get("type") == "array":
            items = _resolve(field.get("items", {}), defs)
            if "properties" in items:
                arrays[name] = _compile(items, defs, path + "[].", leaves_out)
    return frozenset(leaves), objects, arrays


_ALL: list[str] = []
_TREE: Node = _compile(INTAKE_SCHEMA, INTAKE_SCHEMA["$defs"], "", _ALL)

# Every field path that can hold an unsure answer; list items as ``name[].field``.
UNSURE_CAPABLE_FIELDS: tuple[str, ...] = (*sorted(_ALL), NOT_SURE_BOX)


def _walk(node: Node, value: Mapping[str, Any], prefix: str, out: list[str]) -> None:
    leaves, objects, arrays = node
    for key, item in value.items():
        if item == "unsure":
            if key in leaves:
                out.append(prefix + key)
        elif key in objects:
            _walk(objects[key], item, f"{prefix}{key}.", out)
        elif key in arrays:
            for index, element in enumerate(item):
                _walk(arrays[key], element, f"{prefix}{key}[{index}].", out)


def unsure_answers(doc: Mapping[str, Any]) -> list[str]:
    """Every unsure answer in ``doc`` as a dotted path with list indexes, sorted."""
    out: list[str] = []
    _walk(_TREE, doc, "", out)
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
