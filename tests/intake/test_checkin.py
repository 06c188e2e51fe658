"""Check-in on the appointment day: a new document and assessment next to the first."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.contracts import validate_intake
from screening.intake.invitations import create_invitation
from screening.models import AuditEvent, IntakeDraft, Submission
from screening.review.access import FRONT_DESK
from tests.intake.conftest import fill_all_steps, open_link, post_step, sign
from tests.intake.posts import HEALTHY

pytestmark = pytest.mark.django_db


def submitted_patient(appointment: datetime.date, posts=None):
    invitation, token = create_invitation(patient_name="Ana Silva", appointment_date=appointment)
    client = Client()
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    fill_all_steps(client, posts)
    sign(client, name="Ana Silva")
    return client, invitation


@pytest.fixture
def on_the_day():
    return submitted_patient(timezone.localdate())


def test_the_link_offers_the_check_in_on_the_appointment_day(on_the_day):
    client, _invitation = on_the_day
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:check_in")
    page = client.get(reverse("intake:check_in")).content.decode()
    assert "In the last 12 hours" in page
    assert "Has anything changed since you filled in the form" in page


def test_there_is_no_check_in_before_the_day():
    client, _invitation = submitted_patient(timezone.localdate() + datetime.timedelta(days=1))
    assert client.get(reverse("intake:home"))["Location"] == reverse("intake:done")
    assert client.get(reverse("intake:check_in"))["Location"] == reverse("intake:home")


def test_nothing_changed_stores_a_new_document_with_day_of_next_to_the_first(on_the_day):
    client, invitation = on_the_day
    response = client.post(
        reverse("intake:check_in"), {"substances_recent": "yes", "anything_changed": "False"}
    )
    assert response["Location"] == reverse("intake:check_in_done")
    first, check_in = Submission.objects.order_by("pk")
    assert first.kind == "initial" and check_in.kind == "check_in"
    assert check_in.previous == first
    document = check_in.intake_document
    assert document["day_of"] == {"substances_recent": "yes"}
    assert document["completed_on"] == invitation.appointment_date.isoformat()
    assert validate_intake(document) == []
    assert "impaired_today" in {f["rule"] for f in check_in.assessment["findings"]}
    assert "day_of" not in first.intake_document
    # Once only.
    assert client.get(reverse("intake:check_in"))["Location"] == reverse("intake:check_in_done")


def test_a_yes_reopens_the_steps_concerned_then_stores_the_check_in(on_the_day):
    client, _invitation = on_the_day
    response = client.post(
        reverse("intake:check_in"),
        {"substances_recent": "no", "anything_changed": "True", "changes": ["illness"]},
    )
    assert response["Location"] == reverse("intake:step", args=["infection"])
    # Coming back through the link lands on the reopened step again.
    assert client.get(reverse("intake:home"))["Location"] == response["Location"]
    # A step that was not reopened stays closed.
    assert client.get(reverse("intake:step", args=["bleeding"]))["Location"] == reverse(
        "intake:home"
    )
    ill = {**HEALTHY["infection"], "acute_illness": "yes"}
    response = post_step(client, "infection", ill)
    assert response["Location"] == reverse("intake:check_in_finish")
    assert Submission.objects.count() == 1
    response = client.post(reverse("intake:check_in_finish"))
    assert response["Location"] == reverse("intake:check_in_done")
    first, check_in = Submission.objects.order_by("pk")
    assert first.intake_document["infection"]["acute_illness"] == "no"
    assert check_in.intake_document["infection"]["acute_illness"] == "yes"
    rules = {f["rule"] for f in check_in.assessment["findings"]}
    assert "acute_illness_or_systemic_infection" in rules


def test_a_yes_without_saying_what_changed_is_asked_again(on_the_day):
    client, _invitation = on_the_day
    response = client.post(
        reverse("intake:check_in"), {"substances_recent": "no", "anything_changed": "True"}
    )
    assert response.status_code == 400
    assert "Please tick at least one." in response.content.decode()


def test_the_front_desk_opens_the_check_in_on_a_tablet(staff_client_for_desk, on_the_day):
    _patient, invitation = on_the_day
    tablet = staff_client_for_desk
    url = reverse("intake:desk_check_in", args=[invitation.pk])
    assert "signs you out" in tablet.get(url).content.decode()
    response = tablet.post(url)
    assert response["Location"] == reverse("intake:check_in")
    assert AuditEvent.objects.filter(
        action="check_in_opened", object_id=str(invitation.pk)
    ).exists()
    # The staff member is signed out: the workspace is not reachable from the tablet.
    assert "_auth_user_id" not in tablet.session
    tablet.post(
        reverse("intake:check_in"), {"substances_recent": "no", "anything_changed": "False"}
    )
    page = tablet.get(reverse("intake:check_in_done")).content.decode()
    assert "hand the tablet back" in page
    # And nothing of this patient stays reachable on the tablet.
    assert tablet.get(reverse("intake:done")).status_code == 403


def test_the_desk_entry_is_for_staff_only(client, on_the_day):
    _patient, invitation = on_the_day
    response = client.post(reverse("intake:desk_check_in", args=[invitation.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert Submission.objects.count() == 1


@pytest.fixture
def staff_client_for_desk(db, login_staff):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("desk", password="a-long-test-password-1")
    user.groups.add(Group.objects.get(name=FRONT_DESK))
    client = Client()
    login_staff(client, user)
    return client


def test_the_check_in_counts_pregnancy_weeks_forward_from_the_day_they_were_given():
    pregnant = {
        **HEALTHY,
        "pregnancy": {"status": "yes", "weeks_at_completion": "20", "complications": "no"},
    }
    client, _invitation = submitted_patient(timezone.localdate(), pregnant)
    draft = IntakeDraft.objects.get()
    draft.answers["pregnancy"]["_saved_on"] = (
        timezone.localdate() - datetime.timedelta(days=9)
    ).isoformat()
    draft.save()
    client.post(
        reverse("intake:check_in"), {"substances_recent": "no", "anything_changed": "False"}
    )
    check_in = Submission.objects.get(kind="check_in")
    assert check_in.intake_document["pregnancy"]["weeks_at_completion"] == 21
    assert check_in.assessment["gestational_weeks_at_appointment"] == 21


def test_a_reopened_page_says_why_and_counts_only_the_pages_to_check(on_the_day):
    """Issue 12, point 9: not "Step 5 of 12" with no word; the done page says what happens now."""
    client, _invitation = on_the_day
    client.post(
        reverse("intake:check_in"),
        {"substances_recent": "no", "anything_changed": "True", "changes": ["illness"]},
    )
    page = client.get(reverse("intake:step", args=["infection"])).content.decode()
    assert "Your physiotherapist asked us to check this again today" in page
    assert "Page 1 of 1 to check again" in page
    assert "Step " not in page.split("<h1", 1)[0].rsplit("intake-progress", 1)[-1]
    post_step(client, "infection", HEALTHY["infection"])
    client.post(reverse("intake:check_in_finish"))
    done = client.get(reverse("intake:check_in_done")).content.decode()
    assert "What happens now" in done
    assert "Take a seat" in done


def test_the_first_form_still_counts_every_step(client, token):
    open_link(client, token)
    client.post(reverse("intake:privacy"))
    page = client.get(reverse("intake:step", args=["infection"])).content.decode()
    assert "check this again" not in page
    assert "to check again" not in page
