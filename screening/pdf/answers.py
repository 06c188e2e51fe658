"""Every answer of an intake document in plain words, grouped by step.

The questions and the words for coded answers come from the intake schema itself (its
descriptions hold the question text and the labels of each choice), so a field added to the
contract shows up here without a second list to keep in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from screening.bodymap.names import LIMB_NAMES, REGION_NAMES
from screening.pdf.safe_text import display_text
from screening.rules.regions import INTAKE_SCHEMA

TRI_STATE_WORDS = {"yes": _("Yes"), "no": _("No"), "unsure": _("Not sure")}
# Region and whole-limb names in words: the body map's own short names.
LOCATION_NAMES = {**REGION_NAMES, **LIMB_NAMES}
# Answers that print in normal weight in the appendix; every other answer is emphasised.
QUIET_ANSWERS = frozenset({"", "No", "None"})
# Fields answered at the top level of the document, shown first.
FORM_SECTION_TITLE = "About this form"
STEP_TITLE = re.compile(r"Step '([^']+)'")
# "value = 'label'" (labels may hold apostrophes: the label ends at a quote followed by
# ; . / or the end), "value = label;" and "value (label);" choice descriptions.
QUOTED_CHOICE = re.compile(r"\b([a-z][a-z0-9_]*) = '(.+?)'(?=\s*(?:[;./]|$))")
PLAIN_CHOICE = re.compile(r"\b([a-z][a-z0-9_]*) = ([^;'=]+?)(?=;|\.\s*$)")
PAREN_CHOICE = re.compile(r"\b([a-z][a-z0-9_]*) \(([^)]*)\)")


@dataclass(frozen=True)
class AnswerRow:
    """One question and the answer given, ``level`` > 0 for a follow-up inside a group."""

    question: str
    answer: str
    level: int = 0

    @property
    def notable(self) -> bool:
        """True unless the answer is a plain no (printed in bold so the eye finds it)."""
        return self.answer not in QUIET_ANSWERS


@dataclass
class AnswerSection:
    """One step of the form with the answers given in it."""

    title: str
    rows: list[AnswerRow] = field(default_factory=list)


def _defs() -> dict:
    return INTAKE_SCHEMA["$defs"]


def _resolve(node: Mapping) -> Mapping:
    """Follow a local $ref, keeping the field's own description."""
    ref = node.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return node
    target = dict(_defs()[ref.removeprefix("#/$defs/")])
    if "description" in node:
        target["description"] = node["description"]
    return target


def question_text(description: str) -> str:
    """Return the question in a schema description, without the notes for developers."""
    if "?" in description:
        head = description[: description.index("?") + 1]
        # "Dry needling uses fine needles ... How do you feel about ...?" -> the question.
        return head.rsplit(". ", 1)[-1].strip()
    # Drop notes such as "(Optional.)" but keep terms such as "(systolic)" or "(DVT)".
    text = re.sub(r"\s*\([A-Z][a-z][^)]*\)", "", description).strip()
    first = text.split(". ", 1)[0].strip()
    return first if first.endswith(".") else f"{first}."


@cache
def _choice_words(description: str) -> dict[str, str]:
    words: dict[str, str] = {}
    for pattern in (PAREN_CHOICE, PLAIN_CHOICE, QUOTED_CHOICE):
        for value, label in pattern.findall(description):
            words[value] = label.strip()
    return words


def _humanize(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _region_words(code: str) -> str:
    return str(LOCATION_NAMES[code]) if code in LOCATION_NAMES else _humanize(code)


def _enum_words(value: Any, node: Mapping, description: str) -> str:
    enum = node.get("enum", ())
    if enum and set(enum) <= set(LOCATION_NAMES):
        return _region_words(value)
    if set(enum) == set(TRI_STATE_WORDS) and value in TRI_STATE_WORDS:
        return str(TRI_STATE_WORDS[value])
    words = _choice_words(description)
    if value in words:
        label = words[value]
        # "warfarin (Coumadin)": keep the medicine's name with its brand.
        return f"{_humanize(value)} ({label})" if f"{value} (" in description else label
    return _humanize(str(value))


def answer_words(value: Any, node: Mapping | None = None) -> str:
    """Return an answer in plain words (schema node gives the choices and their labels)."""
    node = _resolve(node or {})
    description = node.get("description", "")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        if not value:
            return "None"
        item_node = _resolve(node.get("items", {}))
        item_node = {**item_node, "description": item_node.get("description") or description}
        return "; ".join(answer_words(item, item_node) for item in value)
    if isinstance(value, str) and "enum" in node:
        return _enum_words(value, node, description)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return display_text(value)


def _object_rows(values: Mapping, node: Mapping, level: int) -> list[AnswerRow]:
    properties = node.get("properties", {})
    ordered = [key for key in properties if key in values]
    ordered += [key for key in values if key not in properties]
    rows: list[AnswerRow] = []
    for key in ordered:
        rows.extend(_field_rows(key, values[key], properties.get(key, {}), level))
    return rows


def _field_rows(key: str, value: Any, raw_node: Mapping, level: int) -> list[AnswerRow]:
    node = _resolve(raw_node)
    question = question_text(node.get("description", "")) if node else _humanize(key)
    if isinstance(value, Mapping):
        return [AnswerRow(question, "", level), *_object_rows(value, node, level + 1)]
    items_node = _resolve(node.get("items", {}))
    if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        rows = [AnswerRow(question, f"{len(value)} listed", level)]
        item_title = question_text(items_node.get("description", "Item")).rstrip(".")
        for number, item in enumerate(value, start=1):
            rows.append(AnswerRow(f"{item_title} ({number} of {len(value)})", "", level + 1))
            rows.extend(_object_rows(item, items_node, level + 2))
        return rows
    return [AnswerRow(question, answer_words(value, node), level)]


def answer_sections(intake_document: Mapping[str, Any]) -> list[AnswerSection]:
    """Return every answer of ``intake_document`` in plain words, one section per step."""
    properties = INTAKE_SCHEMA["properties"]
    form = AnswerSection(FORM_SECTION_TITLE)
    sections = [form]
    for key, value in intake_document.items():
        node = properties.get(key, {})
        if key == "schema":
            continue
        if isinstance(value, Mapping):
            match = STEP_TITLE.search(node.get("description", ""))
            title = match.group(1) if match else _humanize(key)
            sections.append(AnswerSection(title, _object_rows(value, node, 0)))
        else:
            form.rows.extend(_field_rows(key, value, node, 0))
    return [section for section in sections if section.rows]
