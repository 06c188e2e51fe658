"""What a rule reads: the intake document plus the values derived once per assessment.

Derivations follow clinical-rules.md 3.1-3.3: age and gestation at ``appointment_date``,
target regions with limbs expanded, BMI unrounded. Nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from screening.rules.policy import Policy
from screening.rules.regions import expand
from screening.rules.types import Hit

_PATHS: dict[str, tuple[str, ...]] = {}
_fromiso = date.fromisoformat


def _split(path: str) -> tuple[str, ...]:
    parts = _PATHS.get(path)
    if parts is None:
        parts = _PATHS[path] = tuple(path.split("."))
    return parts


def decimal_of(number: float | int) -> Decimal:
    """A JSON number as the decimal written in the document (3.2: no binary rounding).

    ``repr`` of a float is the shortest text that reads back as it, i.e. what was written.
    """
    return Decimal(number) if isinstance(number, int) else Decimal(repr(number))


def exact_bmi(weight_kg: float | int, height_cm: float | int) -> Decimal:
    """``weight / (height / 100)²`` in decimal arithmetic (3.2), to 50 significant digits.

    An exact half (x.x5) is a terminating decimal, so it is kept exactly and rounds half-up
    as 3.2 says; a non-terminating quotient is never a half, and 50 digits decide it.
    """
    with localcontext(prec=50):
        return decimal_of(weight_kg) * 10000 / decimal_of(height_cm) ** 2


def age_at(date_of_birth: date, on: date) -> int:
    """Whole years at ``on`` (3.2): a 29 February birthday counts from 1 March."""
    return (
        on.year
        - date_of_birth.year
        - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
    )


def gestational_days(
    pregnancy: Mapping[str, Any], appointment: date, completed_on: date
) -> int | None:
    """Days of pregnancy at the appointment (3.2), or None; the due date wins."""
    if pregnancy.get("status") != "yes":
        return None
    due = pregnancy.get("due_date")
    if due is not None:
        return 280 - (_fromiso(due) - appointment).days
    weeks = pregnancy.get("weeks_at_completion")
    if weeks is not None:
        return weeks * 7 + (appointment - completed_on).days
    return None


def gestational_weeks(
    pregnancy: Mapping[str, Any], appointment: date, completed_on: date
) -> int | None:
    """Completed weeks of pregnancy at the appointment (3.2), or None when unknown."""
    days = gestational_days(pregnancy, appointment, completed_on)
    return None if days is None else days // 7


class Context:
    """One intake document and its derived values, as rules see them."""

    __slots__ = (
        "doc",
        "policy",
        "appointment",
        "completed_on",
        "age",
        "gw",
        "targets",
        "bmi",
        "_hits",
        "leftover_unsure",
    )

    def __init__(self, doc: Mapping[str, Any], policy: Policy) -> None:
        self.doc = doc
        self.policy = policy
        self.appointment = appointment = _fromiso(doc["appointment_date"])
        self.completed_on = completed_on = _fromiso(doc["completed_on"])
        about = doc["about"]
        self.age = age_at(_fromiso(about["date_of_birth"]), appointment)
        pregnancy = doc.get("pregnancy")
        pregnant = pregnancy is not None and pregnancy.get("status") == "yes"  # most are not
        self.gw = gestational_weeks(pregnancy, appointment, completed_on) if pregnant else None
        visit = doc["visit"]
        self.targets = expand(visit.get("planned_regions") or visit.get("pain_regions"))
        height, weight = about.get("height_cm"), about.get("weight_kg")
        # Float BMI for display elsewhere; rules compare exact_bmi() (3.2).
        self.bmi = weight / (height / 100) ** 2 if height and weight is not None else None
        self._hits: dict[str, Hit] = {}
        # Set by the engine before it runs unsure_answers (3.4): the unlisted unsure paths.
        self.leftover_unsure: tuple[str, ...] = ()

    def exact_bmi(self) -> Decimal | None:
        """The BMI as an exact decimal (3.2), or None without height and weight."""
        about = self.doc["about"]
        height, weight = about.get("height_cm"), about.get("weight_kg")
        if not height or weight is None:
            return None
        return exact_bmi(weight, height)

    # -- reading answers (3.1: comparisons are False when the field is absent) --------------
    def get(self, path: str, default: Any = None) -> Any:
        """The value at a dotted path, or ``default`` when any part is absent.

        The document is a validated intake, so every step before the last is an object.
        Most paths are ``section.field``: that case skips the loop (this is the hot path).
        """
        parts = _PATHS.get(path) or _split(path)
        if len(parts) == 2:
            section = self.doc.get(parts[0])
            if section is None:
                return default
            value = section.get(parts[1])
            return default if value is None else value
        value: Any = self.doc
        for part in parts:
            value = value.get(part)
            if value is None:
                return default
        return value

    def has(self, path: str) -> bool:
        return self.get(path) is not None

    def eq(self, path: str, expected: Any) -> bool:
        # Inlines ``get`` for section.field paths: the most frequent call of every rule.
        parts = _PATHS.get(path) or _split(path)
        if len(parts) == 2:
            section = self.doc.get(parts[0])
            if section is None:
                return False
            value = section.get(parts[1])
            return value is not None and value == expected
        value = self.get(path)
        return value is not None and value == expected

    def isin(self, path: str, options: Iterable[Any]) -> bool:
        value = self.get(path)
        return value is not None and value in options

    # -- dates and windows ------------------------------------------------------------------
    def days_since(self, iso: str) -> int:
        """``appointment_date - d`` in whole days."""
        return (self.appointment - _fromiso(iso)).days

    def recent(self, iso: str | None, window_days: int) -> bool:
        """3.1 ``recent(d, w)``: an unknown date counts as recent; the window includes its end."""
        return iso is None or self.days_since(iso) <= window_days

    # -- regions ----------------------------------------------------------------------------
    @staticmethod
    def expand(codes: Iterable[str] | None) -> frozenset[str]:
        return expand(codes)

    # -- other rules' results (for rules registered with ``after=``) ------------------------
    def fired(self, rule_id: str) -> Hit | None:
        """The hit of a rule evaluated earlier in this assessment, or None."""
        return self._hits.get(rule_id)
