"""The data migration: existing invitations and submissions become patients and visits."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("screening", "0009_submission_queue_index_covers_columns")]
AFTER = [("screening", "0011_invitations_to_patients_and_visits")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _leaf():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes("screening")


def _old_rows(apps):
    """Four invitations as the product stored them before patients existed."""
    Invitation = apps.get_model("screening", "Invitation")
    Draft = apps.get_model("screening", "IntakeDraft")
    Submission = apps.get_model("screening", "Submission")
    day = dt.date(2026, 12, 3)
    expires = dt.datetime(2026, 12, 20, tzinfo=dt.UTC)
    rows = [
        ("Avery Thompson", dt.date(1985, 3, 14), "a@example.org"),
        ("avery  THOMPSON", dt.date(1985, 3, 14), ""),  # same person, typed differently
        ("Avery Thompson", dt.date(1990, 1, 1), ""),  # same name, another person
        ("Sam", None, ""),  # no date of birth: never matched on a name alone
        ("Sam", None, ""),
    ]
    made = []
    for index, (name, born, email) in enumerate(rows):
        invitation = Invitation.objects.create(
            token_hash=f"{index:064d}",
            patient_name=name,
            date_of_birth=born,
            email=email,
            appointment_date=day + dt.timedelta(days=index),
            appointment_time=dt.time(7, 52),
            expires_at=expires,
            planned_regions=["lumbar_left"],
            planned_estim=bool(index % 2),
        )
        draft = Draft.objects.create(invitation=invitation)
        doc = {"n": index}
        first = Submission.objects.create(
            invitation=invitation,
            draft=draft,
            kind="initial",
            intake_document=doc,
            assessment={"tier": "CLEAR"},
            ruleset_version="1",
            policy={},
            consent_text_version="1",
            patient_name=name,
            appointment_date=invitation.appointment_date,
            tier="CLEAR",
        )
        if index == 0:
            Submission.objects.create(
                invitation=invitation,
                draft=draft,
                kind="check_in",
                previous=first,
                intake_document=doc,
                assessment={"tier": "DO_NOT_NEEDLE"},
                ruleset_version="1",
                policy={},
                consent_text_version="1",
                patient_name=name,
                appointment_date=invitation.appointment_date,
                tier="DO_NOT_NEEDLE",
            )
        made.append(invitation.pk)
    return made


def _snapshot(apps):
    """Every stored column of the old tables, to prove nothing was rewritten."""
    Invitation = apps.get_model("screening", "Invitation")
    Submission = apps.get_model("screening", "Submission")
    invitations = list(
        Invitation.objects.order_by("pk").values(
            "pk",
            "patient_name",
            "date_of_birth",
            "email",
            "appointment_date",
            "appointment_time",
            "planned_regions",
            "planned_estim",
            "token_hash",
            "expires_at",
        )
    )
    submissions = list(
        Submission.objects.order_by("pk").values(
            "pk",
            "invitation_id",
            "kind",
            "previous_id",
            "intake_document",
            "assessment",
            "tier",
            "status",
            "submitted_at",
            "patient_name",
        )
    )
    return invitations, submissions


@pytest.mark.django_db(transaction=True)
def test_migration_groups_name_and_birth_date_and_reverses_cleanly():
    leaf = _leaf()
    try:
        old = _migrate(BEFORE)
        _old_rows(old)
        before = _snapshot(old)

        new = _migrate(AFTER)
        Patient = new.get_model("screening", "Patient")
        Invitation = new.get_model("screening", "Invitation")
        assert Patient.objects.count() == 4  # Avery x2 merged, other Avery, two Sams
        firsts = list(Invitation.objects.order_by("pk"))
        assert all(i.visit_id for i in firsts)
        assert firsts[0].visit.patient_id == firsts[1].visit.patient_id
        assert firsts[0].visit.patient.email == "a@example.org"
        assert firsts[2].visit.patient_id != firsts[0].visit.patient_id
        assert firsts[3].visit.patient_id != firsts[4].visit.patient_id
        visit = firsts[1].visit
        assert (visit.appointment_date, visit.appointment_time) == (
            firsts[1].appointment_date,
            firsts[1].appointment_time,
        )
        assert visit.planned_regions == ["lumbar_left"] and visit.planned_estim is True
        assert _snapshot(new) == before

        back = _migrate(BEFORE)
        assert _snapshot(back) == before
        again = _migrate(AFTER)
        assert again.get_model("screening", "Visit").objects.count() == 5
        assert _snapshot(again) == before
    finally:
        _migrate(leaf)
