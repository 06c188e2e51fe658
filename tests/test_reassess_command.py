"""``manage.py reassess``: stored submissions re-assessed under the current ruleset (real DB)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from screening.contracts import assess_document
from screening.models import AuditEvent, IntakeDraft, Invitation, Reassessment, Submission
from tests.contract_examples import EXAMPLES, load

EX09 = EXAMPLES / "ex09-dvt-dialysis-pelvic-side.json"
EX01 = EXAMPLES / "ex01-healthy-adult.json"
# What 1.0.0 said of ex09 (no DVT, dialysis or note rules; chest wall reviewed).
OLD_EX09 = {
    "tier": "PHYSIO_REVIEW",
    "excluded_regions": [],
    "findings": [{"rule": "chest_wall_deformity"}, {"rule": "consent_special_risks"}],
}


def store(doc: dict, assessment: dict, appointment: date) -> Submission:
    number = Invitation.objects.count()
    tz = timezone.get_current_timezone()
    invitation = Invitation.objects.create(
        token_hash=f"{number:064d}",
        patient_name="Test Patient",
        appointment_date=appointment,
        expires_at=datetime.combine(appointment, datetime.min.time(), tzinfo=tz)
        + timedelta(days=7),
    )
    return Submission.objects.create(
        invitation=invitation,
        draft=IntakeDraft.objects.create(invitation=invitation),
        intake_document=doc,
        assessment=assessment,
        ruleset_version="1.0.0",
        policy={},
        consent_text_version="1",
        patient_name="Test Patient",
        appointment_date=appointment,
        tier=assessment["tier"],
    )


def reassess(*args: str) -> str:
    out = StringIO()
    call_command("reassess", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def stored(db):
    future = timezone.localdate() + timedelta(days=5)
    past = timezone.localdate() - timedelta(days=30)
    changed_past = store(load(EX09), OLD_EX09, past)
    changed_future = store(load(EX09), OLD_EX09, future)
    same = store(load(EX01), assess_document(load(EX01)), future)
    bad = store({"schema": "dn-intake/1"}, {"tier": "CLEAR", "findings": []}, future)
    return changed_past, changed_future, same, bad


def test_a_dry_run_reports_changes_rising_upcoming_first_and_stores_nothing(stored):
    changed_past, changed_future, same, bad = stored
    before = {s.pk: (s.assessment, s.tier) for s in Submission.objects.all()}
    out = reassess("--dry-run")
    lines = out.splitlines()
    assert lines[0].startswith(
        f"#{changed_future.pk} {changed_future.appointment_date}: PHYSIO_REVIEW -> "
        "HOLD_FOR_CLEARANCE (upcoming, tier rises); added: "
    )
    assert "chest_wall_deformity_note" in lines[0] and "dvt_recent" in lines[0]
    assert lines[0].endswith("removed: chest_wall_deformity")
    assert lines[1].startswith(f"#{changed_past.pk} ")
    assert f"#{same.pk} " not in out
    assert f"#{bad.pk}: skipped, stored document is invalid (" in out
    assert "4 submissions checked under ruleset 1.1.0: 2 would change, 1 skipped." in out
    assert Reassessment.objects.count() == 0 and AuditEvent.objects.count() == 0
    assert {s.pk: (s.assessment, s.tier) for s in Submission.objects.all()} == before


def test_yes_stores_the_new_assessment_beside_the_old_one_audited(stored):
    changed_past, changed_future, same, bad = stored
    out = reassess("--yes")
    assert "Stored 2 new assessments beside the old ones." in out
    rows = Reassessment.objects.order_by("submission_id")
    assert [r.submission_id for r in rows] == [changed_past.pk, changed_future.pk]
    row = rows[1]
    assert row.ruleset_version == "1.1.0" and row.tier == "HOLD_FOR_CLEARANCE"
    assert row.assessment == assess_document(load(EX09))
    assert row.policy["needles_contain_nickel"] is False
    changed_future.refresh_from_db()
    assert changed_future.assessment == OLD_EX09 and changed_future.ruleset_version == "1.0.0"
    audit = AuditEvent.objects.filter(action="reassess")
    assert sorted(int(a.object_id) for a in audit) == [changed_past.pk, changed_future.pk]
    assert "dvt" not in json.dumps([a.detail for a in audit])  # no health details in audit
    # Running again finds nothing new to store.
    assert "0 would change" in reassess("--yes")
    assert Reassessment.objects.count() == 2


def test_since_limits_the_submissions_checked(stored):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "0 submissions checked" in reassess("--dry-run", "--since", tomorrow)


def test_without_yes_and_without_a_terminal_it_refuses_to_store(stored):
    with pytest.raises(CommandError, match="pass --yes"):
        reassess()
    assert Reassessment.objects.count() == 0


def test_the_staff_page_include_shows_both_assessments_with_their_ruleset(stored):
    from django.template.loader import render_to_string

    changed_past, *_ = stored
    assert (
        render_to_string(
            "screening/review/_reassessments.html", {"submission": changed_past}
        ).strip()
        == ""
    )
    reassess("--yes")
    html = render_to_string("screening/review/_reassessments.html", {"submission": changed_past})
    assert "As submitted, ruleset 1.0.0:" in html and "ruleset 1.1.0:" in html
    assert "tier-physio_review" in html and "tier-hold_for_clearance" in html
