"""Message helpers shared by the rule families (clinical-rules.md 3.7)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from screening.rules.regions import canonical

QUOTE_LIMIT = 200


def quote(text: str) -> str:
    """Patient free text in double quotes, cut to 200 characters with "…".

    Escaping is the template engine's job, not ours.
    """
    text = text.strip()
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT] + "…"
    return f'"{text}"'


def regions_text(codes: Iterable[str]) -> str:
    """Region codes in canonical order, joined by ", "."""
    return ", ".join(canonical(codes))


def enum_text(values: Iterable[str]) -> str:
    """Enum values joined by ", " (in the order given)."""
    return ", ".join(values)


def those_that_apply(parts: Iterable[str]) -> str:
    """The ``{a|b|c — those that apply}`` form: the applying variants joined by "; "."""
    return "; ".join(parts)


def unsure_patient_message(topic: str, *, estim_off: bool = False, then: str = "") -> str:
    """The neutral patient message of a finding that fired only on "unsure" answers (3.7).

    ``topic`` comes from 3.7's table (1.1.0); the bracket on electrical stimulation appears
    when the rule turns e-stim off; ``then`` is a fixed sentence some rules add after it.
    """
    text = (
        f"You told us you are not sure about {topic}. Your physiotherapist will ask you about it "
        "before any needling."
    )
    if estim_off:
        text += " Until then, we will not use electrical stimulation."
    return f"{text} {then}" if then else text


def one_decimal_half_up(value: Decimal) -> str:
    """``{bmi}`` as printed (3.2, 1.1.0): one decimal, half-up on the exact decimal value."""
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
