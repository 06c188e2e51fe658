"""Retention: drafts after 30 days, submissions after 10 years (minors: from 18), legal hold."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from screening.models import AuditEvent, IntakeDraft, Invitation, Submission, SubmissionEvent

NOW = datetime(2026, 11, 28, 12, tzinfo=timezone.get_current_timezone())


def make_invitation(appointment: date) -> Invitation:
    return Invitation.objects.create(
        token_hash=f"{Invitation.objects.count():064d}",
        patient_name="Test Patient",
        appointment_date=appointment,
        expires_at=datetime.combine(appointment, datetime.min.time(), tzinfo=NOW.tzinfo)
        + timedelta(days=7),
    )


def make_submission(appointment: date, dob: date, legal_hold: bool = False) -> Submission:
    invitation = make_invitation(appointment)
    draft = IntakeDraft.objects.create(invitation=invitation)
    return Submission.objects.create(
        invitation=invitation,
        draft=draft,
        intake_document={"about": {"date_of_birth": dob.isoformat()}},
        assessment={"tier": "CLEAR"},
        ruleset_version="1.0.0",
        policy={},
        consent_text_version="1",
        patient_name="Test Patient",
        appointment_date=appointment,
        tier="CLEAR",
        legal_hold=legal_hold,
    )


def age_draft(draft: IntakeDraft, days: int) -> None:
    IntakeDraft.objects.filter(pk=draft.pk).update(updated_at=NOW - timedelta(days=days))


def purge() -> str:
    out = StringIO()
    call_command("purge_expired", "--today", "2026-11-28", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_purges_an_unfinished_draft_after_30_days_and_keeps_a_29_day_one():
    old = IntakeDraft.objects.create(invitation=make_invitation(date(2026, 10, 1)))
    recent = IntakeDraft.objects.create(invitation=make_invitation(date(2026, 12, 20)))
    age_draft(old, 31)
    age_draft(recent, 29)
    purge()
    assert not IntakeDraft.objects.filter(pk=old.pk).exists()
    assert IntakeDraft.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_it_keeps_an_adult_submission_ten_years_after_the_appointment():
    due = make_submission(date(2016, 11, 27), dob=date(1970, 1, 1))
    kept = make_submission(date(2016, 11, 28), dob=date(1970, 1, 1))
    purge()
    assert not Submission.objects.filter(pk=due.pk).exists()
    assert Submission.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db
def test_a_minors_submission_is_kept_ten_years_after_their_18th_birthday():
    # 12 at an appointment in 2014: 18 in 2020, so kept until 2030.
    minor = make_submission(date(2014, 5, 1), dob=date(2002, 3, 1))
    purge()
    assert Submission.objects.filter(pk=minor.pk).exists()


@pytest.mark.django_db
def test_a_legal_hold_keeps_an_expired_submission():
    held = make_submission(date(2010, 1, 1), dob=date(1960, 1, 1), legal_hold=True)
    purge()
    assert Submission.objects.filter(pk=held.pk).exists()


@pytest.mark.django_db
def test_purging_removes_events_and_drafts_of_expired_submissions_and_is_safe_twice(
    django_user_model,
):
    staff = django_user_model.objects.create_user("physio-test", password="x" * 16)
    expired = make_submission(date(2010, 1, 1), dob=date(1960, 1, 1))
    SubmissionEvent.objects.create(submission=expired, kind="note", actor=staff, note="n")
    age_draft(expired.draft, 4000)
    first = purge()
    second = purge()
    assert "Purged 1 submissions" in first
    assert "Purged 0 submissions, 0 drafts" in second
    assert not SubmissionEvent.objects.exists()
    assert not IntakeDraft.objects.exists()
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_purging_writes_an_audit_event_with_counts_only():
    make_submission(date(2010, 1, 1), dob=date(1960, 1, 1))
    purge()
    event = AuditEvent.objects.get(action="retention_purge")
    assert event.detail == {"drafts": 0, "submissions": 1, "invitations": 1}
    assert not IntakeDraft.objects.exists(), "the draft goes with its submission"


@pytest.mark.django_db
def test_the_legal_hold_command_sets_and_lifts_the_hold_and_audits_it():
    submission = make_submission(date(2010, 1, 1), dob=date(1960, 1, 1))
    call_command(
        "legal_hold", str(submission.pk), "--on", "--by", "privacy officer", stdout=StringIO()
    )
    purge()
    assert Submission.objects.filter(pk=submission.pk, legal_hold=True).exists()
    call_command(
        "legal_hold", str(submission.pk), "--off", "--by", "privacy officer", stdout=StringIO()
    )
    purge()
    assert not Submission.objects.filter(pk=submission.pk).exists()
    actions = list(
        AuditEvent.objects.filter(object_id=str(submission.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["legal_hold_lifted", "legal_hold_set"]
