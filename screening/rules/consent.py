"""Consent and capacity rules (clinical-rules.md 6.1); the needle rules live in needles.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import quote, those_that_apply
from screening.rules.types import Hit

CONCERN = frozenset({"yes", "unsure"})
CAPACITY_FIELDS = (
    "consent.trouble_understanding",
    "consent.cognitive_impairment_diagnosed",
    "consent.has_substitute_decision_maker",
)
CAPACITY_ANSWERS = tuple(path.split(".", 1)[1] for path in CAPACITY_FIELDS)
_NO_CONCERN = (None, "no")


def _unsure(ctx: Context, *paths: str) -> tuple[str, ...]:
    return tuple(path for path in paths if ctx.eq(path, "unsure"))


def _reason(ctx: Context) -> str:
    reason = ctx.get("consent.hesitation_reason")
    return f" Reason: {quote(reason)}." if reason else ""


@rule("consent_unwilling", category="AC", scope="global", triggers=("consent.needling_preference",))
def check_consent_unwilling(ctx: Context) -> Hit | None:
    """Respect a patient who would rather not have dry needling.

    Sources: S10, S10a, S6
    """
    if not ctx.eq("consent.needling_preference", "declines"):
        return None
    message = "Patient would rather not have dry needling." + _reason(ctx)
    pressured = ctx.get("consent.feels_pressured")
    if pressured in CONCERN:
        message += f" Feels pushed by someone else: {pressured}."
    return Hit(
        staff_message=message,
        patient_message=(
            "Thank you for telling us. We will not use needles unless you want them. Your "
            "physiotherapist will talk with you about other treatments that can help. You can "
            "change your mind at any time."
        ),
        action=(
            "Book as non-needling physiotherapy. The physiotherapist offers other treatments and "
            "raises needling again only if the patient asks."
        ),
        sources=("S10", "S10a", "S6"),
        unsure_fields=_unsure(ctx, "consent.feels_pressured"),
    )


@rule(
    "consent_undecided",
    category="RP",
    scope="global",
    triggers=("consent.needling_preference", "consent.feels_pressured"),
)
def check_consent_undecided(ctx: Context) -> Hit | None:
    """Confirm in private that a patient who is unsure, or may feel pushed, chooses freely.

    Sources: S6, S10, S10a
    """
    undecided = ctx.eq("consent.needling_preference", "unsure")
    pressured = ctx.get("consent.feels_pressured")
    if not (undecided or pressured in CONCERN):
        return None
    # 1.1.0: both parts print when both apply; an undecided patient is never called "open".
    states = []
    if undecided:
        states.append("is not yet sure about dry needling")
    if pressured in CONCERN:
        states.append(f"may feel pushed by someone else (feels_pressured: {pressured})")
    return Hit(
        staff_message=f"Patient {those_that_apply(states)}.{_reason(ctx)}",
        patient_message=(
            "It is fine not to be sure. Your physiotherapist will explain what dry needling "
            "involves and answer your questions. The choice is yours, and you can say no at any "
            "time."
        ),
        action=(
            "Discuss needling with the patient alone, confirm the choice is the patient's own, "
            "and record it before any needling. Never book needling by default."
        ),
        sources=("S6", "S10", "S10a"),
        unsure_fields=_unsure(ctx, "consent.needling_preference", "consent.feels_pressured"),
    )


def _capacity_answers(consent: Mapping[str, Any]) -> str:
    parts = []
    for field in CAPACITY_ANSWERS:
        answer = consent.get(field)
        if answer in CONCERN:
            parts.append(f"{field}: {answer}")
    return ", ".join(parts)


@rule("capacity_impaired", category="AC", scope="global")
def check_capacity_impaired(ctx: Context) -> Hit | None:
    """Flag a capacity concern: AC when diagnosed or decided by another; else a review.

    Sources: S10, S10a, S13a, S39, S34, S6
    """
    consent = ctx.doc["consent"]
    respondent = ctx.doc["respondent"]
    if respondent in ("self", "helper") and all(
        map(_NO_CONCERN.__contains__, map(consent.get, CAPACITY_ANSWERS))
    ):
        return None  # the usual case: nothing to check (fast path, no Python-level loop)
    sources = ("S10", "S10a", "S13a", "S39", "S34", "S6")
    unsure = tuple(
        path
        for path, field in zip(CAPACITY_FIELDS, CAPACITY_ANSWERS, strict=True)
        if consent.get(field) == "unsure"
    )
    reasons = []
    if consent.get("cognitive_impairment_diagnosed") == "yes":
        reasons.append("diagnosed moderate or severe condition affecting memory or understanding")
    if consent.get("has_substitute_decision_maker") == "yes":
        reasons.append("a substitute decision-maker is appointed")
    if respondent == "substitute_decision_maker":
        reasons.append("the form was filled in by a substitute decision-maker")
    if reasons:
        return Hit(
            staff_message=(
                f"Capacity concern: {those_that_apply(reasons)}. A decision-maker's consent does "
                "not make needling safe if the patient cannot report what they feel."
            ),
            patient_message=(
                "Thank you for helping us understand the patient's needs. We will not use needles "
                "in this care plan. The physiotherapist will talk with you about other treatments "
                "that can help."
            ),
            action="No needling. Plan other treatment with the patient and their decision-maker.",
            sources=sources,
            unsure_fields=unsure,
        )
    guardian_of_adult = respondent == "guardian" and ctx.age >= ctx.policy.minor_age_years
    answers = _capacity_answers(consent)
    if not (answers or guardian_of_adult):
        return None
    message = "Possible difficulty understanding health information"
    if answers:
        message += f" ({answers})"
    if guardian_of_adult:
        message += "; form filled in by a parent or guardian of an adult"
    return Hit(
        staff_message=message + ". Check capacity for this treatment at the visit.",
        patient_message=(
            "Your physiotherapist will take time to explain things clearly and check that the "
            "plan makes sense to you. You are welcome to bring someone you trust."
        ),
        action=(
            "Assess and record capacity to consent to needling at the visit; if it is lacking, "
            "do not needle."
        ),
        sources=sources,
        unsure_fields=unsure,
        category="RP",
        scope="global",
    )


@rule("impaired_today", category="AC", scope="global", triggers=("day_of.substances_recent",))
def check_impaired_today(ctx: Context) -> Hit | None:
    """No needling today after alcohol, cannabis or a drowsy-making medicine (check-in answer).

    Sources: S6, S46
    """
    if not ctx.eq("day_of.substances_recent", "yes"):
        return None
    hours = ctx.policy.impaired_window_hours
    return Hit(
        staff_message=(
            "Alcohol, cannabis or a drowsy-making medicine in the "
            f"{hours} hours before check-in ({ctx.completed_on.isoformat()})."
        ),
        patient_message=(
            "Needling is only safe when you are fully alert. Because you have had alcohol, "
            "cannabis or a medicine that makes you drowsy shortly before your visit, we will "
            "not use needles today, but we can still help in other ways."
        ),
        action="No needling today: offer other treatment or rebook.",
        sources=("S6", "S46"),
    )


def _guardian_text(ctx: Context) -> str:
    guardian = ctx.get("about.guardian")
    if not guardian:
        return "not given"
    parts = []
    for key, missing in (
        ("name", "name not given"),
        ("relationship", "relationship not given"),
        ("phone", "phone not given"),
    ):
        value = guardian.get(key)
        parts.append(str(value) if value else missing)
    text = ", ".join(parts)
    will_attend = guardian.get("will_attend")
    if will_attend is not None:
        text += f"; will attend: {'yes' if will_attend else 'no'}"
    return text


@rule("minor_under_18", category="RP", scope="global")
def check_minor_under_18(ctx: Context) -> Hit | None:
    """Require guardian consent or a mature-minor assessment under the age of majority.

    Sources: S5, S6, S10, S10a, S24, S13a
    """
    if ctx.age >= ctx.policy.minor_age_years:
        return None
    infant = ("HEAD_FACE",) if ctx.age < 2 else ()
    return Hit(
        regions=infant,
        excludes=infant,
        staff_message=(
            f"Patient is {ctx.age} at the appointment. Form filled in by: {ctx.get('respondent')}. "
            f"Guardian: {_guardian_text(ctx)}. Needs guardian written consent or a "
            "physiotherapist-documented mature-minor assessment before needling."
        ),
        patient_message=(
            "The patient is under 18. Before any needling, a parent or guardian signs the consent, "
            "or the physiotherapist checks that the patient understands the treatment well enough "
            "to agree on their own. The patient is always part of the talk."
        ),
        action=(
            "Before booking needling, get the guardian's written consent or the physiotherapist's "
            "documented mature-minor assessment (section 8). Include the minor in the discussion; "
            "use a gentle dose."
        ),
        sources=("S5", "S6", "S10", "S10a", "S24", "S13a"),
    )


@rule("interpreter_needed", category="INFO", scope="none", triggers=("about.interpreter_needed",))
def check_interpreter_needed(ctx: Context) -> Hit | None:
    """Book an interpreter: consent must be informed in a language the patient understands.

    Sources: S6
    """
    if not ctx.eq("about.interpreter_needed", True):
        return None
    language = ctx.get("about.preferred_language")
    return Hit(
        staff_message="Interpreter or communication help requested"
        + (f": {language}." if language else "."),
        patient_message=(
            "We will arrange an interpreter or other help, so you can understand your care and "
            "ask questions."
        ),
        action=(
            "Book an interpreter for the visit. Consent must be informed in a language the patient "
            "understands."
        ),
        sources=("S6",),
    )
