"""Message helpers shared by the rule families (clinical-rules.md 3.7)."""

from __future__ import annotations

from collections.abc import Iterable

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


def unsure_patient_message(topic: str) -> str:
    """The neutral patient message for a finding that fired only on "unsure" answers."""
    return (
        f"You told us you are not sure about {topic}. Your physiotherapist will ask you about it."
    )
