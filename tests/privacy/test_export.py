"""Access requests: one submission exported as JSON, by clinical staff only, audited."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import Group

from screening.models import AuditEvent
from tests.privacy.test_retention import make_submission


def staff_user(django_user_model, role: str):
    user = django_user_model.objects.create_user(f"{role}-export", password="x" * 16)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.mark.django_db
def test_a_physio_exports_the_stored_documents_exactly_and_it_is_audited(
    client, login_staff, django_user_model
):
    submission = make_submission(date(2026, 12, 3), dob=date(1980, 5, 17))
    login_staff(client, staff_user(django_user_model, "physiotherapist"))
    response = client.get(f"/staff/submissions/{submission.pk}/export/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["intake"] == submission.intake_document
    assert data["assessment"] == submission.assessment
    assert "Test Patient" not in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="submission_exported")
    assert event.object_id == str(submission.pk)


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in_and_sees_no_data(client):
    submission = make_submission(date(2026, 12, 3), dob=date(1980, 5, 17))
    response = client.get(f"/staff/submissions/{submission.pk}/export/")
    assert response.status_code == 302
    assert "1980-05-17" not in response.content.decode()


@pytest.mark.django_db
def test_the_clinic_admin_role_cannot_export_health_data(client, login_staff, django_user_model):
    submission = make_submission(date(2026, 12, 3), dob=date(1980, 5, 17))
    login_staff(client, staff_user(django_user_model, "clinic_admin"))
    assert client.get(f"/staff/submissions/{submission.pk}/export/").status_code == 403
