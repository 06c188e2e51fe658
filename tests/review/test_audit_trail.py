"""Every staff view, print and decision is audited, with no health details; rows never change."""

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.models import AuditEvent
from screening.review import access, audit


@pytest.mark.django_db
def test_viewing_a_submission_is_audited_with_who_what_and_where(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission()
    client.get(reverse("review:submission", kwargs={"pk": submission.pk}))
    event = AuditEvent.objects.get(action=audit.SUBMISSION_VIEWED)
    assert (event.actor, event.actor_username) == (client.user, "physio")
    assert (event.object_type, event.object_id) == ("submission", str(submission.pk))
    assert event.ip_address == "10.0.0.7"


@pytest.mark.django_db
def test_the_audit_never_holds_names_notes_or_findings(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission(name="Omar Haddad")
    url = reverse("review:submission", kwargs={"pk": submission.pk})
    client.get(url)
    client.post(
        reverse("review:add_note", kwargs={"pk": submission.pk}),
        {"note-note": "warfarin INR 3.4 discussed", "note-row_version": 0},
    )
    client.post(
        reverse("review:record_decision", kwargs={"pk": submission.pk}),
        {
            "decision-decision": "proceed",
            "decision-reason": "INR rechecked 2.1",
            "decision-row_version": 1,
        },
    )
    client.get(reverse("review:clearance_letter", kwargs={"pk": submission.pk}))
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {audit.NOTE_ADDED, audit.DECISION_RECORDED, audit.LETTER_PRINTED} <= actions
    everything = " ".join(
        f"{e.detail} {e.object_type} {e.object_id} {e.actor_username}"
        for e in AuditEvent.objects.all()
    )
    for health_or_identity in ("warfarin", "INR", "Omar", "Haddad", "anticoagulant"):
        assert health_or_identity not in everything


@pytest.mark.django_db
def test_logins_and_failed_logins_are_audited():
    User.objects.create_user("desk", password="a-long-test-password-1")
    client = Client(REMOTE_ADDR="192.0.2.5")
    client.post(reverse("login"), {"username": "desk", "password": "wrong password"})
    failed = AuditEvent.objects.get(action=audit.LOGIN_FAILED)
    assert failed.detail == {"username": "desk"}
    assert failed.ip_address == "192.0.2.5"
    assert "wrong" not in str(failed.detail)
    client.post(reverse("login"), {"username": "desk", "password": "a-long-test-password-1"})
    login = AuditEvent.objects.get(action=audit.LOGIN)
    assert login.actor_username == "desk"
    assert login.ip_address == "192.0.2.5"


@pytest.mark.django_db
def test_an_audit_row_cannot_be_changed_or_deleted_through_the_model():
    event = audit.record(None, audit.LOGIN_FAILED, username="x")
    event.action = "something_else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.get().action == audit.LOGIN_FAILED


@pytest.mark.django_db
def test_the_admin_offers_no_add_change_or_delete(make_user, client):
    admin = make_user(access.CLINIC_ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    from django.contrib.admin.sites import site

    from screening.admin import AuditEventAdmin

    model_admin = site._registry[AuditEvent]
    assert isinstance(model_admin, AuditEventAdmin)
    request = type("R", (), {"user": admin})()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_a_raw_update_or_delete_of_an_audit_row():
    event = audit.record(None, audit.LOGIN_FAILED, username="x")
    for sql in (
        "UPDATE screening_auditevent SET action = 'forged' WHERE id = %s",
        "DELETE FROM screening_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get().action == audit.LOGIN_FAILED


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_keeps_the_trail_when_an_account_is_removed(make_user):
    user = make_user(access.FRONT_DESK)
    request = type("R", (), {"user": user, "META": {"REMOTE_ADDR": "10.1.1.1"}})()
    event = audit.record(request, audit.AUDIT_LOG_VIEWED)
    user.delete()
    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor_id, event.actor_username) == (None, "desk")


@pytest.mark.django_db
def test_the_clinic_admin_filters_the_audit_log_by_user_object_and_date(
    staff_client, make_submission
):
    physio = staff_client(access.PHYSIOTHERAPIST)
    desk = staff_client(access.FRONT_DESK)
    admin = staff_client(access.CLINIC_ADMIN)
    first, second = make_submission(name="A One"), make_submission(name="B Two")
    physio.get(reverse("review:submission", kwargs={"pk": first.pk}))
    desk.get(reverse("review:submission", kwargs={"pk": second.pk}))

    def rows(**params):
        page = admin.get(reverse("review:audit_log"), params).context["page"]
        return [(e.actor_username, e.object_id) for e in page.object_list if e.object_type]

    assert rows(user="physio", object_type="submission") == [("physio", str(first.pk))]
    assert rows(object_type="submission", object_id=str(second.pk)) == [("desk", str(second.pk))]
    today = timezone.localdate(first.submitted_at)
    assert len(rows(date_from=today, date_to=today, object_type="submission")) == 2
    assert rows(date_to="2000-01-01") == []


@pytest.mark.django_db
def test_the_audit_log_lists_every_event_including_its_own_view(staff_client):
    audit.record(None, audit.LOGIN_FAILED, username="someone")
    admin = staff_client(access.CLINIC_ADMIN)
    page = admin.get(reverse("review:audit_log")).context["page"]
    shown = [event.action for event in page.object_list]
    assert shown == [audit.AUDIT_LOG_VIEWED, audit.LOGIN, audit.LOGIN_FAILED]
    assert page.paginator.count == 3


@pytest.mark.django_db
def test_filtering_the_audit_log_by_user_includes_their_failed_logins(staff_client):
    admin = staff_client(access.CLINIC_ADMIN)
    desk = staff_client(access.FRONT_DESK)
    for username in (desk.user.username, "someone-else"):
        Client().post(reverse("login"), {"username": username, "password": "wrong"})
    page = admin.get(reverse("review:audit_log"), {"user": desk.user.username}).context["page"]
    assert [e.action for e in page.object_list] == [audit.LOGIN_FAILED, audit.LOGIN]
