"""Realistic demo screenings for `manage.py seed_demo`: one per patient, across every tier.

Each starts from a contract example (demo_documents/) and is varied: dates are moved so the
appointment falls in the coming days (every date moves together, so the intervals the rules
read stay the same), and a few answers change to reach the tiers the examples lack.
"""

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DOCUMENTS = Path(__file__).resolve().parent / "demo_documents"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_example(name: str) -> dict:
    return json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))


def shift_dates(value, days: int):
    """Return `value` with every ISO date string moved by `days`."""
    if isinstance(value, dict):
        return {key: shift_dates(item, days) for key, item in value.items()}
    if isinstance(value, list):
        return [shift_dates(item, days) for item in value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    return value


def _nervous(doc: dict) -> None:
    doc["consent"]["needle_feeling"] = "a_bit_nervous"


def _declines(doc: dict) -> None:
    doc["consent"]["needling_preference"] = "declines"


def _neck_and_shoulder(doc: dict) -> None:
    doc["visit"]["pain_regions"] = ["NECK_POSTERIOR", "UPPER_TRAP_L", "SHOULDER_L"]


def _low_back(doc: dict) -> None:
    doc["visit"]["pain_regions"] = ["LUMBAR_SACRAL", "GLUTEAL_R"]


@dataclass(frozen=True)
class DemoCase:
    example: str
    change: Callable[[dict], None] | None = None
    # Used for the signature record: who signed, and a guardian for a minor.
    guardian: dict = field(default_factory=dict)


DANA = {"name": "Dana Example", "relationship": "parent"}  # the guardian in ex07

CASES: tuple[DemoCase, ...] = (
    DemoCase("ex01-healthy-adult"),
    DemoCase("ex01-healthy-adult", _neck_and_shoulder),
    DemoCase("ex01-healthy-adult", _low_back),
    DemoCase("ex01-healthy-adult", _nervous),
    DemoCase("ex02-warfarin-inr-above-cap"),
    DemoCase("ex03-pregnancy-due-date-wins"),
    DemoCase("ex04-skin-lesion-adjacent-vs-not"),
    DemoCase("ex05-pacemaker-left"),
    DemoCase("ex06-severe-needle-phobia"),
    DemoCase(
        "ex07-minor-with-guardian", guardian={"name": "Dana Example", "relationship": "parent"}
    ),
    DemoCase("ex08-older-adult-multi-rule"),
    DemoCase("ex01-healthy-adult", _declines),
)

PATIENT_NAMES = (
    "Avery Thompson",
    "Jordan Nguyen",
    "Priya Sharma",
    "Liam O'Connor",
    "Maria Gonzalez",
    "Chen Wei",
    "Fatima Al-Sayed",
    "Noah Williams",
    "Sophie Tremblay",
    "Ethan Brown",
    "Olivia Martin",
    "Arjun Patel",
    "Grace Kim",
    "Lucas Roy",
    "Amelia Wilson",
    "Mateo Silva",
    "Hannah Müller",
    "Kwame Mensah",
    "Isabelle Côté",
    "Daniel Lee",
    "Zoe Anderson",
    "Omar Haddad",
    "Emily Chen",
    "Samuel Clarke",
    "Leah Fraser",
    "Ravi Singh",
    "Chloe Dubois",
    "Benjamin Scott",
    "Aisha Yusuf",
    "Henry Walker",
    "Mia Robinson",
    "Thomas Reid",
    "Nora Lindqvist",
    "Diego Ramirez",
    "Ella Campbell",
    "Yuki Tanaka",
)


def demo_document(case: DemoCase, appointment: dt.date) -> dict:
    """The case's intake document, moved so that its appointment is on `appointment`."""
    doc = load_example(case.example)
    days = (appointment - dt.date.fromisoformat(doc["appointment_date"])).days
    doc = shift_dates(doc, days)
    if case.change:
        case.change(doc)
    return doc


def check_in_document(initial: dict) -> dict:
    """A check-in on the appointment day that reports alcohol in the last hours."""
    doc = copy.deepcopy(initial)
    doc["completed_on"] = doc["appointment_date"]
    doc["day_of"] = {"substances_recent": "yes"}
    return doc
