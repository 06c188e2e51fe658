"""The one place that turns the saved form answers into an intake-v1 document.

Form field names are the document's field names inside the step's section; `a__b` nests
(`guardian__name` -> about.guardian.name) and `a__2__b` is item 2 of list `a`. Empty answers
are left out (the schema omits unknown optional fields; null is never used), except the
lists the schema requires even when empty.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

from screening.intake.steps import QUESTION_STEPS

SCHEMA_ID = "dn-intake/1"
# Top-level document fields asked on a step's page (not inside its section).
TOP_LEVEL_FIELDS = {"respondent"}
# Lists the schema requires even when nothing is ticked ("an empty list means none").
KEEP_EMPTY_LISTS = {"anticoagulants", "antiplatelets", "features"}
# Leaf names of date answers; approximate ones ('YYYY' or 'YYYY-MM') become a full date.
DATE_FIELDS = {
    "date_of_birth",
    "due_date",
    "date",
    "chemotherapy_last_date",
    "cardiac_event_date",
    "last_seizure_date",
    "seizure_medicine_changed_on",
    "cancer_treatment_ended_on",
    "spine_surgery_date",
    "faint_last_date",
    "past_clot_date",
}
MAX_PREGNANCY_WEEKS = 44
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def full_date(value: str, completed_on: datetime.date) -> str:
    """'YYYY-MM' -> last day of that month; 'YYYY' -> 31 December; never after completed_on.

    clinical-rules 3.2: an approximate event never looks older than it may be.
    """
    match = _PARTIAL_DATE.match(value)
    if not match:
        return value
    year = int(match.group(1))
    month = int(match.group(2) or 12)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return min(last, completed_on).isoformat()


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _leaf(name: str) -> str:
    return name.rsplit("__", 1)[-1]


def _put(target: dict, path: list[str], value: Any) -> None:
    """Set `value` at `path`; a numeric part means an item of a list (kept as a dict here)."""
    node = target
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value


def _lists_from_slots(node: Any) -> Any:
    """Turn {"1": {...}, "2": {...}} into [{...}, {...}] in slot order, recursively."""
    if not isinstance(node, dict):
        return node
    converted = {key: _lists_from_slots(value) for key, value in node.items()}
    if converted and all(key.isdigit() for key in converted):
        return [converted[key] for key in sorted(converted, key=int)]
    return converted


def section_from_answers(answers: dict, completed_on: datetime.date) -> tuple[dict, dict]:
    """(section fields, top-level fields) of one step's saved answers."""
    section: dict = {}
    top: dict = {}
    for name, value in answers.items():
        if name.startswith("_"):
            continue
        if _is_empty(value) and not (_leaf(name) in KEEP_EMPTY_LISTS and value == []):
            continue
        if _leaf(name) in DATE_FIELDS and isinstance(value, str):
            value = full_date(value, completed_on)
        if name in TOP_LEVEL_FIELDS:
            top[name] = value
        else:
            _put(section, name.split("__"), value)
    return _lists_from_slots(section), top


def carry_pregnancy_weeks(pregnancy: dict, saved_on: str, completed_on: datetime.date) -> None:
    """Weeks were given on the day the step was saved; count them to completed_on (3.8)."""
    weeks = pregnancy.get("weeks_at_completion")
    if weeks is None or not saved_on:
        return
    days = (completed_on - datetime.date.fromisoformat(saved_on)).days
    if days > 0:
        pregnancy["weeks_at_completion"] = min((weeks * 7 + days) // 7, MAX_PREGNANCY_WEEKS)


def build_document(
    answers: dict,
    *,
    appointment_date: datetime.date,
    completed_on: datetime.date,
    planned_regions: list[str] | None = None,
    planned_estim: bool = False,
    day_of: dict | None = None,
) -> dict:
    """The intake-v1 document for the saved answers of every question step."""
    document: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "completed_on": completed_on.isoformat(),
        "appointment_date": appointment_date.isoformat(),
    }
    for step in QUESTION_STEPS:
        step_answers = answers.get(step.name, {})
        section, top = section_from_answers(step_answers, completed_on)
        document.update(top)
        document[step.section] = section
    pregnancy = document["pregnancy"]
    carry_pregnancy_weeks(
        pregnancy, answers.get("pregnancy", {}).get("_saved_on", ""), completed_on
    )
    visit = document["visit"]
    if planned_regions:
        visit["planned_regions"] = list(planned_regions)
    visit["planned_estim"] = bool(planned_estim)
    if day_of is not None:
        document["day_of"] = dict(day_of)
    return document
