"""The clearance loop (issue 11): letter requested -> returned letter received -> closed.

Real database, real file bytes (a WeasyPrint PDF, a Pillow PNG and JPEG, a Windows
executable's header), real views through the test client.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from screening.models import AuditEvent, Clearance, Submission
from screening.review import access, audit, clearance, today

# A Windows executable starts with "MZ" and the DOS stub.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path) -> Path:
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return settings.PRIVATE_FILES_ROOT


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Cleared for dry needling: yes. Dr Lee</p>").write_pdf()


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format=kind)
    return buffer.getvalue()


def url(name: str, submission: Submission) -> str:
    return reverse(f"review:{name}", kwargs={"pk": submission.pk})


def request_letter(client, submission: Submission, method: str = "printed"):
    return client.post(url("clearance_requested", submission), {"method": method})


def upload(client, submission: Submission, content: bytes, name: str, note: str = ""):
    return client.post(
        url("clearance_upload", submission),
        {
            "clearance-letter": SimpleUploadedFile(name, content, "application/pdf"),
            "clearance-note": note,
        },
    )


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def held(make_submission) -> Submission:
    # Two days ahead: inside the highlight window.
    return make_submission("ex02-warfarin-inr-above-cap", "Omar Haddad", days_ahead=2)


@pytest.mark.django_db
def test_printing_the_letter_requests_the_clearance_with_who_and_when(staff_client, held):
    desk = staff_client(access.FRONT_DESK)
    before = timezone.now()
    response = request_letter(desk, held)
    assert response.status_code == 302
    record = Clearance.objects.get()
    assert record.visit_id == held.invitation.visit_id
    assert record.status == Clearance.Status.REQUESTED
    assert record.request_method == "printed"
    assert record.requested_by == desk.user and record.requested_at >= before
    held.refresh_from_db()
    assert held.status == Submission.Status.CLEARANCE_REQUESTED
    assert held.action_rank == 0  # in the needs-action band
    event = AuditEvent.objects.get(action=audit.CLEARANCE_REQUESTED)
    assert event.actor == desk.user and event.detail["method"] == "printed"
    letter = desk.get(url("clearance_letter", held)).content.decode()
    assert "Requested (printed)" in letter and "by desk" in letter


@pytest.mark.django_db
def test_an_unknown_method_changes_nothing(staff_client, held):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held, method="carrier-pigeon")
    assert not Clearance.objects.exists()


@pytest.mark.django_db
def test_the_returned_pdf_is_kept_privately_and_served_to_clinical_roles_only(
    staff_client, held, pdf_bytes, private_dir
):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held)
    response = upload(desk, held, pdf_bytes, "Omar Haddad clearance.pdf", note="Dr Lee faxed")
    assert response.status_code == 302
    record = Clearance.objects.get()
    assert record.status == Clearance.Status.RECEIVED
    assert record.received_by == desk.user
    assert record.letter_content_type == "application/pdf"
    assert record.letter_size == len(pdf_bytes)
    files = stored_files(private_dir)
    assert len(files) == 1 and files[0].read_bytes() == pdf_bytes
    assert "Haddad" not in files[0].name  # no patient name on disk
    # Outside every directory a URL serves.
    for served in [settings.STATIC_ROOT, *settings.STATICFILES_DIRS, settings.MEDIA_ROOT]:
        if served:
            assert not files[0].resolve().is_relative_to(Path(served).resolve())
    assert desk.get(f"/media/{record.letter.name}").status_code == 404
    assert desk.get(f"/private/{record.letter.name}").status_code == 404
    assert held.events.filter(note="Dr Lee faxed").exists()

    physio = staff_client(access.PHYSIOTHERAPIST)
    for client in (desk, physio):
        served = client.get(url("clearance_file", held))
        assert served.status_code == 200
        assert served["Content-Type"] == "application/pdf"
        assert served["Cache-Control"] == "no-store"
        assert b"".join(served.streaming_content) == pdf_bytes
    assert AuditEvent.objects.filter(action=audit.CLEARANCE_LETTER_VIEWED).count() == 2
    assert AuditEvent.objects.filter(action=audit.CLEARANCE_RECEIVED).count() == 1
    admin = staff_client(access.CLINIC_ADMIN)
    assert admin.get(url("clearance_file", held)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("kind,content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_the_type_comes_from_the_content_not_the_name(staff_client, held, kind, content_type):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held)
    assert upload(desk, held, image_bytes(kind), "scan.pdf").status_code == 302
    record = Clearance.objects.get()
    assert record.letter_content_type == content_type
    assert record.letter.name.endswith(".png" if kind == "PNG" else ".jpg")


@pytest.mark.django_db
def test_an_exe_renamed_pdf_is_refused_and_the_note_is_kept(staff_client, held, private_dir):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held)
    response = upload(desk, held, EXE_BYTES, "letter.pdf", note="Called Dr Lee's office")
    assert response.status_code == 400
    html = response.content.decode()
    assert "not a PDF, JPEG or PNG" in html
    assert "Called Dr Lee&#x27;s office" in html  # the typed note is still in the form
    record = Clearance.objects.get()
    assert record.status == Clearance.Status.REQUESTED and not record.letter
    assert stored_files(private_dir) == []
    assert not held.events.filter(kind="note").exists()
    refused = AuditEvent.objects.get(action=audit.CLEARANCE_UPLOAD_REFUSED)
    assert "letter.pdf" not in str(refused.detail)


@pytest.mark.django_db
def test_ten_megabytes_pass_and_one_byte_more_is_refused(
    staff_client, held, pdf_bytes, private_dir
):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held)
    limit = clearance.MAX_LETTER_BYTES
    assert limit == 10 * 1024 * 1024
    too_big = pdf_bytes + b"\n%" + b"0" * (limit + 1 - len(pdf_bytes) - 2)
    assert len(too_big) == limit + 1
    response = upload(desk, held, too_big, "letter.pdf", note="Big scan")
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()
    assert "Big scan" in response.content.decode()
    assert stored_files(private_dir) == []
    assert upload(desk, held, too_big[:limit], "letter.pdf").status_code == 302
    assert Clearance.objects.get().letter_size == limit


@pytest.mark.django_db
def test_upload_needs_a_request_first_and_a_clinical_role(staff_client, held, pdf_bytes):
    desk = staff_client(access.FRONT_DESK)
    assert upload(desk, held, pdf_bytes, "letter.pdf").status_code == 302
    assert not Clearance.objects.exists()
    request_letter(desk, held)
    admin = staff_client(access.CLINIC_ADMIN)
    assert upload(admin, held, pdf_bytes, "letter.pdf").status_code == 403
    assert Clearance.objects.get().status == Clearance.Status.REQUESTED


@pytest.mark.django_db
def test_it_stays_open_through_defer_and_a_decision_closes_it(staff_client, held, pdf_bytes):
    desk = staff_client(access.FRONT_DESK)
    physio = staff_client(access.PHYSIOTHERAPIST)
    request_letter(desk, held)
    upload(desk, held, pdf_bytes, "letter.pdf")
    held.refresh_from_db()
    physio.post(
        url("record_decision", held),
        {"decision-decision": "defer", "decision-row_version": held.row_version},
    )
    held.refresh_from_db()
    assert held.action_rank == 0
    assert Clearance.objects.get().status == Clearance.Status.RECEIVED
    response = physio.post(
        url("record_decision", held),
        {
            "decision-decision": "proceed_modified",
            "decision-modifications": "No needling near the left knee",
            "decision-reason": "Dr Lee cleared it in writing",
            "decision-row_version": held.row_version,
        },
    )
    assert response.status_code == 302
    record = Clearance.objects.get()
    held.refresh_from_db()
    assert record.status == Clearance.Status.CLOSED
    assert record.closed_by == physio.user
    assert record.closing_decision.decision == "proceed_modified"
    assert held.status == Submission.Status.DECIDED and held.action_rank == 1
    assert AuditEvent.objects.filter(action=audit.CLEARANCE_CLOSED).count() == 1


@pytest.mark.django_db
def test_today_and_the_queue_show_it_outstanding_and_highlight_a_near_visit(
    staff_client, make_submission, pdf_bytes
):
    desk = staff_client(access.FRONT_DESK)
    near = make_submission("ex02-warfarin-inr-above-cap", "Near Visit", days_ahead=0)
    far = make_submission("ex02-warfarin-inr-above-cap", "Far Visit", days_ahead=5)
    request_letter(desk, near)
    request_letter(desk, far)
    [row] = today.rows_for(timezone.localdate())
    assert row.todo == today.CLEARANCE_OUTSTANDING and row.needs_action and row.clearance_urgent
    page = desk.get(reverse("review:today")).content.decode()
    assert "clearance-urgent" in page and "Clearance outstanding" in page
    upload(desk, near, pdf_bytes, "letter.pdf")
    [row] = today.rows_for(timezone.localdate())
    assert row.todo == today.CLEARANCE_RECEIVED and row.needs_action
    queue = desk.get(reverse("review:queue"))
    rows = {r.patient_name: r for r in queue.context["page"].object_list}
    assert rows["Near Visit"].clearance_urgent and not rows["Far Visit"].clearance_urgent
    html = queue.content.decode()
    assert html.count("clearance-urgent-badge") == 1
    assert "Clearance letter received: physiotherapist to decide" in html


@pytest.mark.django_db
def test_the_letter_speaks_plain_words_and_has_a_reply_to_sign(staff_client, held):
    desk = staff_client(access.FRONT_DESK)
    html = desk.get(url("clearance_letter", held)).content.decode()
    letter = html[html.index('<article class="letter">') :]
    assert "Warfarin, INR 3.4 on" in letter
    for finding in held.assessment["findings"]:
        assert finding["rule"] not in letter  # no rule ids
    assert "HOLD_FOR_CLEARANCE" not in letter and "bleeding." not in letter
    for words in ("Cleared for dry needling:", "yes, with restrictions", "Signature:", "Date:"):
        assert words in letter
    assert "Physician’s name:" in letter


@pytest.mark.django_db
def test_the_purge_takes_the_letter_file_with_the_screening(
    staff_client, held, pdf_bytes, private_dir
):
    desk = staff_client(access.FRONT_DESK)
    request_letter(desk, held)
    upload(desk, held, pdf_bytes, "letter.pdf")
    assert len(stored_files(private_dir)) == 1
    from screening.retention import purge_expired

    purge_expired(timezone.now() + dt.timedelta(days=365 * 30))
    assert not Submission.objects.exists() and not Clearance.objects.exists()
    assert stored_files(private_dir) == []
