"""Checks V1-V8 of clinical-rules.md section 4: what JSON Schema cannot compare.

Run only on a document that passed the schema, so every field has its schema type here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from screening.contracts.errors import ContractError
from screening.contracts.schema_errors import DATE_PATTERN

MAX_AGE_YEARS = 130
DUE_DATE_DAYS_BEFORE = 28  # V5: up to 44 weeks pregnant on the day of the form
DUE_DATE_DAYS_AFTER = 280  # V5: from 0 weeks pregnant

# V4: past-event dates, as (section, field); "[]" marks a list of objects with a date.
PAST_EVENT_DATES: tuple[str, ...] = (
    "bleeding.inr.date",
    "infection.chemotherapy_last_date",
    "implants.joint_hardware_items[].date",
    "conditions.cardiac_event_date",
    "conditions.last_seizure_date",
    "conditions.seizure_medicine_changed_on",
    "conditions.cancer_treatment_ended_on",
    "surgery_trauma.surgeries[].date",
    "surgery_trauma.injury_details.date",
    "surgery_trauma.spine_surgery_date",
    # 1.1.0
    "conditions.past_clot_date",
    "consent.faint_last_date",
)
# Every other date field of the intake schema (V1 re-checks them all in code).
OTHER_DATES: tuple[str, ...] = (
    "completed_on",
    "appointment_date",
    "about.date_of_birth",
    "pregnancy.due_date",
)


def check_dates(doc: Mapping[str, Any]) -> list[ContractError]:
    """Return the errors of checks V1-V8 (empty when the document passes them all)."""
    dates, errors = _parse_dates(doc)
    if errors:  # V1: the other checks compare dates, so they need real ones.
        return errors
    completed, appointment = dates["completed_on"], dates["appointment_date"]
    birth = dates["about.date_of_birth"]
    if completed > appointment:
        errors.append(ContractError("completed_on", f"after appointment_date {appointment}"))
    errors.extend(_check_birth(birth, completed, appointment))
    for path, value in dates.items():
        if path in OTHER_DATES:
            continue
        if value > completed:
            errors.append(ContractError(path, f"after completed_on {completed}"))
        elif value < birth:
            errors.append(ContractError(path, f"before about.date_of_birth {birth}"))
    due = dates.get("pregnancy.due_date")
    if due is not None:
        if due < completed - dt.timedelta(days=DUE_DATE_DAYS_BEFORE):
            errors.append(
                ContractError(
                    "pregnancy.due_date",
                    f"more than {DUE_DATE_DAYS_BEFORE} days before completed_on {completed}",
                )
            )
        elif due > completed + dt.timedelta(days=DUE_DATE_DAYS_AFTER):
            errors.append(
                ContractError(
                    "pregnancy.due_date",
                    f"more than {DUE_DATE_DAYS_AFTER} days after completed_on {completed}",
                )
            )
    errors.extend(_check_numbers(doc))
    if "day_of" in doc and completed != appointment:
        errors.append(
            ContractError(
                "day_of",
                f"only asked at check-in: completed_on {completed} is not "
                f"appointment_date {appointment}",
            )
        )
    return errors


def _check_birth(
    birth: dt.date, completed: dt.date, appointment: dt.date
) -> Iterator[ContractError]:
    path = "about.date_of_birth"
    if birth > appointment:
        yield ContractError(path, f"after appointment_date {appointment}")
    elif birth > completed:
        yield ContractError(path, f"after completed_on {completed}")
    else:
        age = appointment.year - birth.year
        if (appointment.month, appointment.day) < (birth.month, birth.day):
            age -= 1
        if age > MAX_AGE_YEARS:
            yield ContractError(path, f"age {age} at appointment_date is over {MAX_AGE_YEARS}")


def _check_numbers(doc: Mapping[str, Any]) -> Iterator[ContractError]:
    inr = doc["bleeding"].get("inr", {})
    low, high = inr.get("target_low"), inr.get("target_high")
    if low is not None and high is not None and low > high:
        yield ContractError("bleeding.inr.target_low", f"greater than target_high {high}")
    pressure = doc["conditions"].get("blood_pressure")
    if pressure and pressure["diastolic"] >= pressure["systolic"]:
        yield ContractError(
            "conditions.blood_pressure.diastolic",
            f"not lower than systolic {pressure['systolic']}",
        )


def _parse_dates(doc: Mapping[str, Any]) -> tuple[dict[str, dt.date], list[ContractError]]:
    found: dict[str, dt.date] = {}
    errors: list[ContractError] = []
    for path, value in _date_values(doc):
        parsed = _as_date(value)
        if parsed is None:
            errors.append(ContractError(path, f"not a real calendar date ({value!r})"))
        else:
            found[path] = parsed
    return found, errors


def _date_values(doc: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for spec in OTHER_DATES + PAST_EVENT_DATES:
        head, _, tail = spec.partition("[].")
        if not tail:
            value = _get(doc, head)
            if value is not None:
                yield spec, value
            continue
        for index, item in enumerate(_get(doc, head) or ()):
            value = item.get(tail)
            if value is not None:
                yield f"{head}[{index}].{tail}", value


def _get(doc: Mapping[str, Any], path: str) -> Any:
    node: Any = doc
    for name in path.split("."):
        if not isinstance(node, Mapping) or name not in node:
            return None
        node = node[name]
    return node


def _as_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not DATE_PATTERN.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
