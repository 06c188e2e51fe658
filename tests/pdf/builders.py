"""Submissions for the PDF tests, built from the contract examples and the real engine."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

from pypdf import PdfReader

from screening.contracts import assess_document
from screening.models import Submission
from tests.contract_examples import EXAMPLES, load

MULTI_FINDING = "ex08-older-adult-multi-rule"
CLEAR = "ex01-healthy-adult"


def example(name: str) -> dict[str, Any]:
    """A fresh copy of a contract example intake document."""
    return copy.deepcopy(load(EXAMPLES / f"{name}.json"))


def unsaved_submission(
    document: dict[str, Any],
    *,
    patient_name: str = "Margaret O'Brien",
    signatures: dict[str, Any] | None = None,
    pk: int | None = None,
) -> Submission:
    """A Submission as create_submission would store it, without touching the database."""
    assessment = assess_document(document)
    submission = Submission(
        intake_document=document,
        assessment=assessment,
        ruleset_version=assessment["ruleset_version"],
        policy=assessment["policy"],
        consent_text_version="2026-11-01",
        signatures=signatures
        if signatures is not None
        else {
            "signed_by": "patient",
            "name": patient_name,
            "signed_at": "2026-12-01T19:42:00-07:00",
            "minor_path": "",
        },
        patient_name=patient_name,
        appointment_date=document["appointment_date"],
        tier=assessment["tier"],
        finding_count=len(assessment["findings"]),
    )
    submission.pk = pk
    return submission


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (line breaks split sentences)."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def squashed(text: str) -> str:
    """Collapse whitespace so that a sentence wrapped over lines still matches."""
    return re.sub(r"\s+", " ", text).strip()
