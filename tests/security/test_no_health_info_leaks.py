"""No health information in logs, emails, page titles or redirect URLs.

A front-desk user invites a patient whose name holds a marker; the patient fills in the
whole form through the real views with a marker in every free-text answer (and uses "save
and finish later" on the way); staff then open, print, export and act on the submission,
writing notes that hold markers too. Everything the app logged, every email, every page
<title>, every redirect Location and every audit row is then searched for the markers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from screening.models import AuditEvent, ClinicProfile, Invitation, Submission
from tests.mail_worker import run_worker
from tests.security.builders import appointment_day, staff_user
from tests.security.patient_flow import post_step, sign, start, step_posts

ANSWER_MARKER = "MARKER-7f3a9"
NAME_MARKER = "Robin Zyxq4d"
SIGNATURE_MARKER = "Robin Zyxq4d-signs"
NOTE_MARKER = "NOTEMARK-91bc"
MARKERS = (ANSWER_MARKER, "Zyxq4d", NOTE_MARKER)
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)


class Recorder:
    """Every response seen on the journey: its <title> and its redirect target."""

    def __init__(self) -> None:
        self.titles: list[str] = []
        self.locations: list[str] = []
        self.disposition: list[str] = []

    def see(self, response):
        if response.get("Location"):
            self.locations.append(response["Location"])
        if response.get("Content-Disposition"):
            self.disposition.append(response["Content-Disposition"])
        if response.get("Content-Type", "").startswith("text/html"):
            self.titles += TITLE.findall(response.content.decode())
        return response


def invite_by_front_desk(client: Client, seen: Recorder) -> Invitation:
    seen.see(
        client.post(
            reverse("review:invitations"),
            {
                "patient_name": NAME_MARKER,
                "appointment_date": appointment_day().isoformat(),
                "email": "patient@example.com",
                "send_email": "on",
            },
        )
    )
    seen.see(client.get(reverse("review:invitations")))
    return Invitation.objects.get(patient_name=NAME_MARKER)


def patient_journey(seen: Recorder, link: str) -> Submission:
    patient = Client()
    token = link.rstrip("/").rsplit("/", 1)[-1]
    start(patient, token)
    posts = step_posts(ANSWER_MARKER)
    # "Save and finish later" on the consent step, then come back through the link.
    for name, data in posts.items():
        if name == "consent":
            seen.see(post_step(patient, name, {**data, "action": "later"}))
            seen.see(patient.get(reverse("intake:later")))
            seen.see(patient.get(link))
        seen.see(post_step(patient, name, data))
    for url in ("intake:home", "intake:review"):
        seen.see(patient.get(reverse(url)))
    for name in posts:
        seen.see(patient.get(reverse("intake:step", kwargs={"name": name})))
    seen.see(sign(patient, SIGNATURE_MARKER))
    seen.see(patient.get(reverse("intake:done")))
    return Submission.objects.get(patient_name=NAME_MARKER)


def staff_journey(seen: Recorder, submission: Submission, login_staff) -> None:
    front_desk, physio = Client(), Client()
    login_staff(front_desk, staff_user("front_desk", "x1-leaks-desk"))
    login_staff(physio, staff_user("physiotherapist", "x1-leaks-physio"))
    pk = submission.pk
    for url in (
        reverse("review:queue"),
        reverse("review:submission", args=[pk]),
        reverse("review:summary_pdf", args=[pk]),
        reverse("review:clearance_letter", args=[pk]),
        reverse("export_submission", args=[pk]),
    ):
        seen.see(front_desk.get(url))
    seen.see(
        front_desk.post(
            reverse("review:add_note", args=[pk]),
            {"note-note": f"{NOTE_MARKER} called the patient", "note-row_version": "0"},
        )
    )
    submission.refresh_from_db()
    seen.see(
        physio.post(
            reverse("review:record_decision", args=[pk]),
            {
                "decision-decision": "defer",
                "decision-reason": f"{NOTE_MARKER} reason",
                "decision-note": f"{NOTE_MARKER} note",
                "decision-row_version": str(submission.row_version),
            },
        )
    )
    seen.see(physio.get(reverse("review:submission", args=[pk])))
    seen.see(physio.get(reverse("review:queue")))


@pytest.fixture
def journey(db, caplog, capsys, login_staff):
    """Run the whole journey with every logger recording at DEBUG; return what came out."""
    caplog.set_level(logging.DEBUG)
    # The front desk's alert goes out too, and is checked with the other emails.
    ClinicProfile.objects.create(pk=1, name="Riverbend", alert_email="desk@clinic.example")
    seen = Recorder()
    desk = Client()
    login_staff(desk, staff_user("front_desk", "x1-inviter"))
    invitation = invite_by_front_desk(desk, seen)
    run_worker()
    assert len(mail.outbox) == 1, "the invitation email was not sent"
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    submission = patient_journey(seen, link)
    staff_journey(seen, submission, login_staff)
    run_worker(later_by=dt.timedelta(hours=1))  # the 'finish later' email and any alert
    printed = capsys.readouterr()
    return {
        "invitation": invitation,
        "submission": submission,
        "seen": seen,
        "logs": caplog.text + "\n".join(r.getMessage() for r in caplog.records),
        "printed": printed.out + printed.err,
    }


def leaked(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker in text]


def test_no_marker_leaks_into_logs_emails_titles_urls_or_the_audit_trail(journey):
    submission = journey["submission"]
    # The markers really went in: into the stored answers, the signature and the notes.
    assert ANSWER_MARKER in json.dumps(submission.intake_document)
    assert submission.signatures["name"] == SIGNATURE_MARKER
    assert submission.events.filter(note__contains=NOTE_MARKER).exists()
    seen = journey["seen"]
    assert len(mail.outbox) >= 2, "the invitation or the 'finish later' email was not sent"
    assert seen.titles and seen.locations
    emails = [
        "\n".join([m.subject, m.body] + [content for content, _type in m.alternatives])
        for m in mail.outbox
    ]
    audit = AuditEvent.objects.values_list("action", "object_type", "object_id", "detail")
    leaks = {
        "logs": leaked(journey["logs"]),
        "printed": leaked(journey["printed"]),
        "emails": [leaked(text) for text in emails if leaked(text)],
        "titles": [title for title in seen.titles if leaked(title)],
        "redirects": [url for url in seen.locations if leaked(url)],
        "download names": [name for name in seen.disposition if leaked(name)],
        "audit trail": leaked(json.dumps(list(audit), default=str)),
    }
    assert leaks == {key: [] for key in leaks}


def test_the_emails_say_only_that_a_form_is_waiting(db, login_staff):
    """Invitation and 'finish later' emails: the link, the clinic, and nothing about the form."""
    from django.conf import settings

    seen = Recorder()
    desk = Client()
    login_staff(desk, staff_user("front_desk", "x1-inviter"))
    invite_by_front_desk(desk, seen)
    run_worker()
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    patient = Client()
    start(patient, link.rstrip("/").rsplit("/", 1)[-1])
    for name, data in list(step_posts(ANSWER_MARKER).items())[:4]:
        post_step(patient, name, data)
    post_step(patient, "bleeding", {**step_posts(ANSWER_MARKER)["bleeding"], "action": "later"})
    run_worker()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}".lower()
        assert settings.CLINIC_NAME.lower() in text
        assert re.search(r"https?://\S+/i/\S+", message.body)
        for word in ("pregnan", "needl", "surgery", "tier", "clear", "finding", "zyxq4d", "marker"):
            assert word not in text, f"{word!r} in email {message.subject!r}"
