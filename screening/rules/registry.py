"""The rule registry: every rule function registers itself here with ``@rule``.

The engine reads ``RULES`` (id -> RuleSpec) instead of a long if-chain. Family modules
register on import; ``load_rules()`` imports them all (once).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from screening.rules.regions import INTAKE_SCHEMA
from screening.rules.types import CATEGORIES, SCOPES, RuleFunc, RuleSpec, tier_effect_of

RULES: dict[str, RuleSpec] = {}

FAMILY_MODULES: tuple[str, ...] = (
    "consent",
    "needles",
    "pregnancy",
    "bleeding",
    "infection",
    "immunity",
    "lymph",
    "devices",
    "hardware",
    "allergies",
    "cardiometabolic",
    "conditions",
    "frailty",
    "surgery",
    "system",
)

# Rules the engine runs at a fixed step of 2.3 rather than in step 3.
ALWAYS_ON_RULES: tuple[str, ...] = ("consent_special_risks", "practitioner_authorization")
UNSURE_RULE = "unsure_answers"
SPECIAL_RULES = frozenset((*ALWAYS_ON_RULES, UNSURE_RULE))


class RegistryError(RuntimeError):
    """A rule was registered twice or with a class the catalogue does not know."""


def rule(
    rule_id: str,
    category: str,
    scope: str,
    *,
    after: tuple[str, ...] = (),
    triggers: tuple[str, ...] = (),
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under its public id, category and scope.

    ``after`` names rules whose result this rule reads through ``ctx.fired(id)``; the
    engine evaluates those first (for triggers such as ``NOT fired(cardiac_unstable)``).

    ``triggers`` names ``section.field`` answers of which at least one must be given and
    not be a plain no (absent, null, "no", "not_applicable", false, an empty list, or the
    benign "open" / "fine" of needling_preference / needle_feeling) for the rule to be
    able to fire. The engine does not call a rule whose trigger answers are
    all plain noes: most answers are no, so most rules are skipped with a dict lookup (a
    property test checks that no rule fires with its triggers closed). A rule whose
    trigger reads age, targets or another rule's result declares none and always runs.
    """
    if category not in CATEGORIES:
        raise RegistryError(f"{rule_id}: unknown category {category!r}")
    if scope not in SCOPES:
        raise RegistryError(f"{rule_id}: unknown scope {scope!r}")
    trigger_fields = tuple(_trigger_field(rule_id, path) for path in triggers)

    def register(func: RuleFunc) -> RuleFunc:
        existing = RULES.get(rule_id)
        if existing is not None and (
            existing.func.__module__,
            existing.func.__qualname__,
        ) != (func.__module__, func.__qualname__):
            raise RegistryError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = RuleSpec(
            id=rule_id,
            category=category,
            scope=scope,
            tier_effect=tier_effect_of(rule_id, category, scope),
            func=func,
            after=tuple(after),
            triggers=trigger_fields,
        )
        return func

    return register


def _trigger_field(rule_id: str, path: str) -> tuple[str, str]:
    """``section.field`` as a pair, refusing a path the intake schema does not define."""
    section, _, field = path.partition(".")
    properties = INTAKE_SCHEMA["properties"].get(section, {}).get("properties", {})
    if field not in properties:
        raise RegistryError(f"{rule_id}: trigger {path!r} is not a section.field of the intake")
    if properties[field].get("type") in ("number", "integer"):
        # The engine compares answers with a tuple of plain noes, and 0 == False.
        raise RegistryError(f"{rule_id}: trigger {path!r} is a number")
    return section, field


_loaded = False


def load_rules() -> dict[str, RuleSpec]:
    """Import every family module so that its rules register; return ``RULES``.

    A family module that does not exist yet is skipped (engineers add families one by
    one); an import error inside an existing module is raised.
    """
    global _loaded
    if not _loaded:
        for name in FAMILY_MODULES:
            module = f"screening.rules.{name}"
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as error:
                if error.name != module:
                    raise
        _loaded = True
    return RULES


def evaluation_order(specs: Iterable[RuleSpec] | None = None) -> list[RuleSpec]:
    """The step-3 rules, each after the rules it reads (``after``), else in registry order.

    A topological order: the engine enforces "runs after" itself, so the order in which the
    family modules register (import order) never decides what ``ctx.fired`` sees.
    """
    if specs is None:
        specs = load_rules().values()
    specs = [spec for spec in specs if spec.id not in SPECIAL_RULES]
    known = {spec.id for spec in specs} | set(RULES)
    placed: dict[str, RuleSpec] = {}
    pending = list(specs)
    while pending:
        progressed = False
        for spec in list(pending):
            if all(dep in placed or dep not in known for dep in spec.after):
                placed[spec.id] = spec
                pending.remove(spec)
                progressed = True
        if not progressed:
            names = ", ".join(spec.id for spec in pending)
            raise RegistryError(f"circular 'after' between rules: {names}")
    return list(placed.values())
