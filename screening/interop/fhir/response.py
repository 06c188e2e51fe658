"""A submission's stored intake document as a QuestionnaireResponse to the Questionnaire.

Read from the frozen document (never the draft), item by item along the same question
tree as the Questionnaire, so every answered question appears under its linkId. Empty
answers are left out, as the document leaves them out.
"""

from __future__ import annotations

from typing import Any

from screening.interop.fhir.questionnaire import _answer_coding
from screening.interop.fhir.questions import Question


def _answers(question: Question, value: Any) -> list[dict]:
    values = value if isinstance(value, list) else [value]
    labels = dict(question.choices)
    out = []
    for one in values:
        if one is None or one == "":
            continue
        if question.kind == "boolean":
            out.append({"valueBoolean": bool(one)})
        elif question.kind == "choice":
            out.append(
                {"valueCoding": _answer_coding(question, str(one), labels.get(str(one), ""))}
            )
        elif question.kind == "integer":
            out.append({"valueInteger": int(one)})
        elif question.kind == "decimal":
            out.append({"valueDecimal": one})
        elif question.kind == "date":
            out.append({"valueDate": str(one)})
        else:
            out.append({"valueString": str(one)})
    return out


def _items(question: Question, node: Any, document: dict) -> list[dict]:
    """The response items for `question`, given its parent's node in the document."""
    if question.kind != "group":
        source = document if question.top_level else node
        value = source.get(question.key) if isinstance(source, dict) else None
        answers = _answers(question, value)
        if not answers:
            return []
        item: dict = {"linkId": question.link_id}
        if question.text:
            item["text"] = question.text
        item["answer"] = answers
        return [item]
    child_node = node.get(question.key) if isinstance(node, dict) else None
    entries = child_node if question.repeats and isinstance(child_node, list) else [child_node]
    out = []
    for entry in entries:
        children = [i for child in question.children for i in _items(child, entry, document)]
        if children:
            group: dict = {"linkId": question.link_id}
            if question.text:
                group["text"] = question.text
            group["item"] = children
            out.append(group)
    return out


def response_items(tree: list[Question], document: dict) -> list[dict]:
    """Top-level items: one group per section that has an answer."""
    return [item for section in tree for item in _items(section, document, document)]
