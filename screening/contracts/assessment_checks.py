"""Fast, equivalent validation of dn-assessment/1.

The schema pins each finding's category, scope and tier effect with 66 ``if``/``then``
clauses (one per rule). jsonschema evaluates every clause for every finding, which costs tens
of milliseconds per assessment; the same facts are in ``$defs.rule_catalogue``, so the
clauses are taken out of the validated schema and checked here with one dictionary lookup.
A test proves both ways reject the same findings.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from screening.contracts.errors import ContractError

_FIELDS = ("category", "scope", "tier_effect")


def without_catalogue_clauses(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of the assessment schema without the per-rule ``if``/``then`` clauses."""
    out = copy.deepcopy(dict(schema))
    out["properties"]["findings"]["items"].pop("allOf", None)
    return out


def allowed_classes(schema: Mapping[str, Any]) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Map each rule id to its allowed (category, scope, tier_effect) triples."""
    out: dict[str, tuple[tuple[str, str, str], ...]] = {}
    for rule, entry in schema["$defs"]["rule_catalogue"]["const"].items():
        variants = [entry] + ([entry["review_variant"]] if "review_variant" in entry else [])
        out[rule] = tuple(
            tuple(variant.get(field, entry[field]) for field in _FIELDS)  # type: ignore[misc]
            for variant in variants
        )
    return out


def catalogue_errors(
    doc: Any, allowed: Mapping[str, tuple[tuple[str, str, str], ...]]
) -> Iterator[ContractError]:
    """Yield an error for each finding whose class differs from the rule catalogue."""
    findings = doc.get("findings") if isinstance(doc, Mapping) else None
    if not isinstance(findings, list):
        return
    for index, finding in enumerate(findings):
        if not isinstance(finding, Mapping):
            continue
        variants = allowed.get(finding.get("rule"))  # type: ignore[arg-type]
        if variants is None:
            continue  # an unknown rule id is the schema's enum error
        given = tuple(finding.get(field) for field in _FIELDS)
        if given not in variants:
            yield ContractError(
                f"findings[{index}]",
                f"{finding['rule']} must be "
                + " or ".join("/".join(variant) for variant in variants)
                + f", got {'/'.join(map(str, given))}",
            )
