"""Small value types of the rules engine: a rule's hit, a registered rule, tier names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from screening.rules.context import Context

# Tier effects, most severe first (clinical-rules.md 2.2); also the findings' sort order (2.3).
DO_NOT_NEEDLE = "DO_NOT_NEEDLE"
HOLD_FOR_CLEARANCE = "HOLD_FOR_CLEARANCE"
PHYSIO_REVIEW = "PHYSIO_REVIEW"
INFO_ONLY = "INFO_ONLY"
NONE = "NONE"
CLEAR = "CLEAR"

TIER_EFFECT_ORDER: tuple[str, ...] = (
    DO_NOT_NEEDLE,
    HOLD_FOR_CLEARANCE,
    PHYSIO_REVIEW,
    INFO_ONLY,
    NONE,
)
TIER_EFFECT_RANK: dict[str, int] = {name: rank for rank, name in enumerate(TIER_EFFECT_ORDER)}

CATEGORIES = ("AC", "PC", "RP", "INFO")
SCOPES = ("global", "site", "modality", "none")

# The two always-on rules never change the tier (2.2).
ALWAYS_ON = ("consent_special_risks", "practitioner_authorization")


def tier_effect_of(rule_id: str, category: str, scope: str) -> str:
    """Derive a finding's tier effect from its category and scope (clinical-rules.md 2.2)."""
    if rule_id in ALWAYS_ON:
        return NONE
    if category == "AC":
        return DO_NOT_NEEDLE if scope == "global" else PHYSIO_REVIEW
    if category == "PC":
        return HOLD_FOR_CLEARANCE
    if category == "RP":
        return PHYSIO_REVIEW
    if category == "INFO":
        return INFO_ONLY
    raise ValueError(f"unknown category {category!r}")


class Hit(NamedTuple):
    """What a rule function returns when it fires (None when it does not).

    ``regions`` and ``excludes`` may come in any order; the engine de-duplicates them and
    puts them in canonical order. ``unsure_fields`` lists the unsure answers (dotted paths
    with list indexes) this finding accounts for (clinical-rules.md 3.4). ``category`` and
    ``scope`` override the registered class, only for capacity_impaired's review variant.

    A NamedTuple rather than a frozen dataclass: just as immutable, but built about four
    times faster (a frozen dataclass sets each field through ``object.__setattr__``), and
    an assessment builds about ten of them.
    """

    staff_message: str
    patient_message: str
    action: str
    sources: tuple[str, ...]
    regions: tuple[str, ...] | frozenset[str] = ()
    excludes: tuple[str, ...] | frozenset[str] = ()
    estim_off: bool = False
    unsure_fields: tuple[str, ...] = ()
    category: str | None = None
    scope: str | None = None


RuleFunc = Callable[["Context"], "Hit | None"]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule: its public id, fixed class and the function that evaluates it."""

    id: str
    category: str
    scope: str
    tier_effect: str
    func: RuleFunc
    after: tuple[str, ...] = ()
    # (section, field) answers of which at least one must be given, and not a plain no,
    # for the rule to be able to fire; () = always evaluated (see registry.rule).
    triggers: tuple[tuple[str, str], ...] = ()

    def describe(self) -> dict[str, Any]:
        return {"category": self.category, "scope": self.scope, "tier_effect": self.tier_effect}
