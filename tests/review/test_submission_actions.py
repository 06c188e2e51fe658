"""Front-desk steps, notes and decisions: append-only, audited, and safe when two people save."""

import pytest
from django.urls import reverse

from screening.models import AuditEvent, SubmissionEvent
from screening.review import access


def _post_decision(client, submission, version, **fields):
    data = {f"decision-{k}": v for k, v in {"row_version": version, **fields}.items()}
    return client.post(reverse("review:record_decision", kwargs={"pk": submission.pk}), data)


@pytest.mark.django_db
def test_front_desk_marks_a_submission_reviewed_with_a_note(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission()
    response = client.post(
        reverse("review:change_status", kwargs={"pk": submission.pk}),
        {
            "status-status": "reviewed",
            "status-note": "Called, confirmed INR test",
            "status-row_version": 0,
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.row_version) == ("reviewed", 1)
    event = submission.events.get()
    assert (event.kind, event.status, event.note, event.actor) == (
        "status",
        "reviewed",
        "Called, confirmed INR test",
        client.user,
    )
    audit = AuditEvent.objects.get(action="status_changed")
    assert audit.object_id == str(submission.pk)
    assert "INR" not in str(audit.detail)


@pytest.mark.django_db
def test_a_decision_less_cautious_than_the_tier_without_reason_is_refused(
    staff_client, make_submission
):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex02-warfarin-inr-above-cap")  # HOLD_FOR_CLEARANCE
    response = _post_decision(client, submission, 0, decision="proceed", note="keep this text")
    assert response.status_code == 200
    assert b"less cautious than the tier" in response.content
    assert b"keep this text" in response.content
    assert submission.events.count() == 0
    response = _post_decision(
        client, submission, 0, decision="proceed", reason="Clearance from Dr Lee on file"
    )
    assert response.status_code == 302
    assert submission.events.get().reason == "Clearance from Dr Lee on file"


@pytest.mark.django_db
def test_the_newest_decision_is_shown_and_the_older_one_is_kept(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex05-pacemaker-left")
    _post_decision(client, submission, 0, decision="defer")
    _post_decision(client, submission, 1, decision="proceed_modified", modifications="No e-stim")
    assert list(submission.events.values_list("decision", flat=True)) == [
        "defer",
        "proceed_modified",
    ]
    page = client.get(reverse("review:submission", kwargs={"pk": submission.pk}))
    assert page.context["latest_decision"].decision == "proceed_modified"
    assert b"Current decision: Proceed with modifications" in page.content
    assert b"(superseded)" in page.content


@pytest.mark.django_db
def test_the_second_of_two_savers_sees_the_new_state_and_keeps_their_note(
    staff_client, make_submission
):
    desk = staff_client(access.FRONT_DESK)
    physio = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission()
    # Both opened the page at row_version 0.
    _post_decision(physio, submission, 0, decision="defer")
    response = desk.post(
        reverse("review:add_note", kwargs={"pk": submission.pk}),
        {"note-note": "Patient will bring the clearance letter", "note-row_version": 0},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed by someone else" in html
    assert "Patient will bring the clearance letter" in html  # the typed note is kept
    assert "Current decision: Defer until cleared" in html  # the new state is shown
    assert submission.events.count() == 1
    # The kept form now carries the new version: saving again works.
    assert response.context["note_form"]["row_version"].value() == "1"
    response = desk.post(
        reverse("review:add_note", kwargs={"pk": submission.pk}),
        {"note-note": "Patient will bring the clearance letter", "note-row_version": 1},
    )
    assert response.status_code == 302
    assert submission.events.count() == 2


@pytest.mark.django_db
def test_history_cannot_be_rewritten(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission()
    _post_decision(client, submission, 0, decision="defer")
    event = SubmissionEvent.objects.get()
    event.reason = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert SubmissionEvent.objects.get().reason == ""


@pytest.mark.django_db
def test_an_empty_note_gets_a_message_not_an_error(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission()
    response = client.post(
        reverse("review:add_note", kwargs={"pk": submission.pk}),
        {"note-note": "", "note-row_version": 0},
    )
    assert response.status_code == 200
    assert b"This field is required" in response.content


@pytest.mark.django_db
def test_a_physio_records_a_mature_minor_assessment_with_its_reason(staff_client, make_submission):
    from screening.review.demo_data import DANA, DemoCase

    client = staff_client(access.PHYSIOTHERAPIST)
    minor = make_submission(case=DemoCase("ex07-minor-with-guardian", guardian=DANA))
    page = client.get(reverse("review:submission", kwargs={"pk": minor.pk}))
    assert "mature_minor_assessed" in page.context["decision_form"].fields
    response = _post_decision(client, minor, 0, decision="proceed", mature_minor_assessed="on")
    assert response.status_code == 200
    assert b"how you assessed" in response.content
    assert minor.events.count() == 0
    _post_decision(
        client,
        minor,
        0,
        decision="proceed",
        mature_minor_assessed="on",
        reason="Explained risks; she repeated them back and chose freely.",
    )
    event = minor.events.get()
    assert event.mature_minor_assessed
    page = client.get(reverse("review:submission", kwargs={"pk": minor.pk})).content.decode()
    assert "Mature-minor assessment</dt>" in page
    adult = make_submission("ex01-healthy-adult")
    page = client.get(reverse("review:submission", kwargs={"pk": adult.pk}))
    assert "mature_minor_assessed" not in page.context["decision_form"].fields
