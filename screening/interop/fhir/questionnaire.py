"""The intake as one FHIR R4 Questionnaire, versioned with the form.

The version is a digest of the question tree (link ids, types, wording, choices, order):
any change to the form gives a new version, and the same form always the same one.
"""

from __future__ import annotations

import hashlib
import json

from django.utils import translation
from django.utils.translation import gettext

from screening.interop.fhir import codes
from screening.interop.fhir.questions import Question, question_tree

EXPORT_LANGUAGE = "en"


def _answer_coding(question: Question, value: str, label: str) -> dict:
    system = codes.REGION_SYSTEM if question.region_choices else codes.ANSWER_SYSTEM
    return codes.coding(system, value, label)


def _enable_when(question: Question, by_link: dict[str, Question]) -> list[dict]:
    if question.enable_when is None:
        return []
    gate_id, values = question.enable_when
    gate = by_link.get(gate_id)
    if gate is None:
        return []
    conditions = []
    for value in values:
        if gate.kind == "boolean":
            conditions.append(
                {"question": gate_id, "operator": "=", "answerBoolean": value == "True"}
            )
        else:
            label = dict(gate.choices).get(value, "")
            conditions.append(
                {
                    "question": gate_id,
                    "operator": "=",
                    "answerCoding": _answer_coding(gate, value, label),
                }
            )
    return conditions


def _item(question: Question, by_link: dict[str, Question]) -> dict:
    item: dict = {"linkId": question.link_id}
    loinc = codes.LOINC_FOR_QUESTION.get(question.link_id)
    if loinc is not None:
        item["code"] = [codes.coding(codes.LOINC, *loinc)]
    if question.text:
        item["text"] = question.text
    item["type"] = question.kind
    conditions = _enable_when(question, by_link)
    if conditions:
        item["enableWhen"] = conditions
        if len(conditions) > 1:
            item["enableBehavior"] = "any"
    if question.repeats:
        item["repeats"] = True
    if question.choices:
        item["answerOption"] = [
            {"valueCoding": _answer_coding(question, value, label)}
            for value, label in question.choices
        ]
    if question.children:
        item["item"] = [_item(child, by_link) for child in question.children]
    return item


def _index(tree: list[Question]) -> dict[str, Question]:
    out: dict[str, Question] = {}

    def walk(question: Question) -> None:
        out[question.link_id] = question
        for child in question.children:
            walk(child)

    for section in tree:
        walk(section)
    return out


def build_questionnaire() -> dict:
    """The Questionnaire resource (JSON-ready dict)."""
    return questionnaire_and_tree()[0]


def questionnaire_and_tree() -> tuple[dict, list[Question]]:
    """The Questionnaire and the question tree it was built from (for the responses)."""
    with translation.override(EXPORT_LANGUAGE):
        tree = question_tree()
        by_link = _index(tree)
        items = [_item(section, by_link) for section in tree]
        title = gettext("Dry needling screening: before your visit")
    digest = hashlib.sha256(json.dumps(items, sort_keys=True).encode("utf-8")).hexdigest()
    questionnaire = {
        "resourceType": "Questionnaire",
        "id": "dn-intake",
        "url": codes.QUESTIONNAIRE_URL,
        "version": f"1-{digest[:12]}",
        "name": "DryNeedlingScreeningIntake",
        "title": title,
        "status": "active",
        "language": EXPORT_LANGUAGE,
        "subjectType": ["Patient"],
        "item": items,
    }
    return questionnaire, tree


def canonical(questionnaire: dict) -> str:
    """`url|version`, how a QuestionnaireResponse names the exact form it answers."""
    return f"{questionnaire['url']}|{questionnaire['version']}"
