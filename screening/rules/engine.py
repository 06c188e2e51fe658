"""``assess(intake, policy) -> assessment``: clinical-rules.md 2.3, steps 2 to 9.

The document is assumed valid (screening/contracts.py validates it first). The hot path
avoids deep copies, regexes and schema validation: tables are built once at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from screening.rules.context import Context
from screening.rules.policy import DEFAULT_POLICY, Policy
from screening.rules.regions import REGION_INDEX, canonical
from screening.rules.registry import (
    ALWAYS_ON_RULES,
    RULES,
    UNSURE_RULE,
    evaluation_order,
    load_rules,
)
from screening.rules.types import (
    CLEAR,
    NONE,
    TIER_EFFECT_ORDER,
    TIER_EFFECT_RANK,
    Hit,
    RuleFunc,
    RuleSpec,
    tier_effect_of,
)
from screening.rules.unsure import unsure_answers

RULESET_VERSION = "1.1.0"
ASSESSMENT_SCHEMA_ID = "dn-assessment/1"

# 3.5: this finding suppresses that one; the suppressed finding's unsure fields move over.
# (capacity_impaired's two variants are one rule that returns one finding at most.)
SUPERSEDES: tuple[tuple[str, str], ...] = (
    ("consent_unwilling", "consent_undecided"),
    ("anticoagulant_vka_out_of_range", "anticoagulant_vka"),
    ("bleeding_disorder", "easy_bruising_unexplained"),
    ("immunosuppressed_severe", "immunosuppressed_moderate"),
    ("diabetes_complicated", "diabetes_controlled"),
)
# 3.5: the lymphedema finding's regions are removed from this one, which goes when none remain.
REGION_SUPERSEDES: tuple[tuple[str, str], ...] = (
    ("lymphedema_limb", "lymph_node_removal_at_risk_limb"),
)

# The values of a trigger answer that cannot make a rule fire (registry.rule; absent reads
# as None): the plain noes, and the benign answer of the two consent enums without a "no"
# (needling_preference "open", needle_feeling "fine"). Most frequent first: the test stops
# at the first equal item. A tuple, not a set: lists are unhashable. Trigger answers are
# never numbers, so `0 == False` cannot close one by mistake (the registry checks).
PLAIN_NO: tuple[Any, ...] = ("no", False, None, [], "not_applicable", "open", "fine")


class Plan(NamedTuple):
    """The registry, arranged once for the hot path of ``assess``."""

    rules: tuple[tuple[str, RuleFunc], ...]  # step 3: (rule id, function), evaluation order
    ungated: frozenset[int]  # positions in ``rules`` of the rules without triggers
    # Per section, each distinct trigger answer (field) and the positions of the rules it opens.
    triggers: tuple[tuple[str, tuple[tuple[str, frozenset[int]], ...]], ...]
    always_on: tuple[tuple[str, RuleFunc], ...]  # step 6


@cache
def _plan() -> Plan:
    load_rules()
    order = evaluation_order()
    opens: dict[str, dict[str, set[int]]] = {}
    for position, spec in enumerate(order):
        for section, field in spec.triggers:
            opens.setdefault(section, {}).setdefault(field, set()).add(position)
    return Plan(
        rules=tuple((spec.id, spec.func) for spec in order),
        ungated=frozenset(position for position, spec in enumerate(order) if not spec.triggers),
        triggers=tuple(
            (section, tuple((field, frozenset(positions)) for field, positions in fields.items()))
            for section, fields in opens.items()
        ),
        always_on=tuple((name, RULES[name].func) for name in ALWAYS_ON_RULES if name in RULES),
    )


def rules_to_run(plan: Plan, intake: Mapping[str, Any]) -> list[int]:
    """Step 3's rules that can fire, in evaluation order: the rules without triggers and
    those with a trigger answer that is not a plain no (most answers are no).

    One pass over the distinct trigger answers, rather than one check per rule.
    """
    run = set(plan.ungated)
    for section, fields in plan.triggers:
        answers = intake.get(section)
        if answers:
            for field, positions in fields:
                if answers.get(field) not in PLAIN_NO:
                    run |= positions
    return sorted(run)


def _supersede(hits: dict[str, Hit]) -> None:
    """Step 4: drop suppressed findings, moving their unsure fields to the suppressor."""
    for winner, loser in SUPERSEDES:
        if winner in hits and loser in hits:
            lost = hits.pop(loser)
            if lost.unsure_fields:
                kept = hits[winner]
                hits[winner] = _replace(kept, unsure_fields=kept.unsure_fields + lost.unsure_fields)
    for winner, loser in REGION_SUPERSEDES:
        if winner in hits and loser in hits:
            taken = frozenset(hits[winner].regions)
            reduced = hits[loser]
            regions = tuple(r for r in reduced.regions if r not in taken)
            if not regions:
                del hits[loser]
                continue
            if len(regions) != len(tuple(reduced.regions)):
                excludes = tuple(r for r in reduced.excludes if r not in taken)
                hits[loser] = _replace(reduced, regions=regions, excludes=excludes)


def _replace(hit: Hit, **changes: Any) -> Hit:
    return hit._replace(**changes)


def _finding(spec: RuleSpec, hit: Hit) -> dict[str, Any]:
    # One unpacking in Hit's field order (cheaper than ten attribute reads).
    staff, patient, action, sources, regions, _, _, unsure, category, scope = hit
    tier_effect = spec.tier_effect
    if category is None and scope is None:
        category, scope = spec.category, spec.scope
    else:
        category = category or spec.category
        scope = scope or spec.scope
        tier_effect = tier_effect_of(spec.id, category, scope)
    return {
        "rule": spec.id,
        "category": category,
        "scope": scope,
        "tier_effect": tier_effect,
        # Zero or one item is already canonical, sorted and distinct (the usual case).
        "regions": canonical(regions) if len(regions) > 1 else list(regions),
        "staff_message": staff,
        "patient_message": patient,
        "action": action,
        "sources": list(sources),
        "unsure_fields": sorted(set(unsure)) if len(unsure) > 1 else list(unsure),
    }


def assess(intake: Mapping[str, Any], policy: Policy | None = None) -> dict[str, Any]:
    """Return the dn-assessment/1 dict for one validated intake document."""
    plan = _plan()
    policy = policy or DEFAULT_POLICY
    ctx = Context(intake, policy)  # step 2
    hits = ctx._hits
    step3 = plan.rules
    for position in rules_to_run(plan, intake):  # step 3
        rule_id, func = step3[position]
        hit = func(ctx)
        if hit is not None:
            hits[rule_id] = hit
    _supersede(hits)  # step 4

    unsure = unsure_answers(intake)  # step 5
    if unsure and UNSURE_RULE in RULES:
        listed = {path for hit in hits.values() for path in hit.unsure_fields}
        leftover = tuple(path for path in unsure if path not in listed)
        if leftover:
            ctx.leftover_unsure = leftover
            hit = RULES[UNSURE_RULE].func(ctx)
            if hit is not None:
                hits[UNSURE_RULE] = hit
    for rule_id, func in plan.always_on:  # step 6
        hit = func(ctx)
        if hit is not None:
            hits[rule_id] = hit

    ranked: list[tuple[int, str, dict[str, Any]]] = []
    excluded: set[str] = set()  # step 7
    estim_allowed = True
    for rule_id, hit in hits.items():
        finding = _finding(RULES[rule_id], hit)
        ranked.append((TIER_EFFECT_RANK[finding["tier_effect"]], rule_id, finding))
        if hit.excludes:
            excluded.update(hit.excludes)
        if hit.estim_off:
            estim_allowed = False
    ranked.sort()  # step 8: by tier effect, then rule id (unique: dicts are never compared)
    tier = TIER_EFFECT_ORDER[ranked[0][0]] if ranked else NONE
    return {  # step 9
        "schema": ASSESSMENT_SCHEMA_ID,
        "ruleset_version": RULESET_VERSION,
        "policy": policy.as_dict(),
        "tier": CLEAR if tier == "NONE" else tier,
        "age_at_appointment": ctx.age,
        "gestational_weeks_at_appointment": ctx.gw,
        "target_regions": sorted(ctx.targets, key=REGION_INDEX.__getitem__),
        "excluded_regions": sorted(excluded, key=REGION_INDEX.__getitem__),
        "estim_allowed": estim_allowed,
        "findings": [finding for _, _, finding in ranked],
    }


def targets_all_excluded(assessment: Mapping[str, Any]) -> bool:
    """3.3: every target region is excluded ("no needling at the requested sites")."""
    return set(assessment["target_regions"]) <= set(assessment["excluded_regions"])
