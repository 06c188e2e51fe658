"""docs/privacy.md's "which role sees which part" table says what the permissions do."""

from pathlib import Path

from screening.review.access import (
    CLINIC_ADMIN,
    FRONT_DESK,
    PHYSIOTHERAPIST,
    ROLE_PERMISSIONS,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_the_privacy_document_matches_the_role_permissions():
    text = DOC.read_text()
    assert "Which role sees which part, and why (minimum necessary)" in text
    assert "Front desk sees the clinical free text on purpose" in text
    # The table: front desk and physiotherapist see screenings, the clinic admin none.
    for role in (FRONT_DESK, PHYSIOTHERAPIST):
        assert "screening.view_submission" in ROLE_PERMISSIONS[role]
    assert not [p for p in ROLE_PERMISSIONS[CLINIC_ADMIN] if "submission" in p]
    assert "screening.view_auditevent" in ROLE_PERMISSIONS[CLINIC_ADMIN]
    # Only the physiotherapist records the decision.
    assert "screening.record_decision" not in ROLE_PERMISSIONS[FRONT_DESK]
    assert "screening.record_decision" in ROLE_PERMISSIONS[PHYSIOTHERAPIST]
    assert "| The physiotherapist's decision | No | Reads | Records | No |" in text
