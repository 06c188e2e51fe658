"""Real objects for the security tests: staff in each role, invitations and submissions.

Submissions go through the intake's own `create_submission` (contract check, engine,
queue copies), so the staff pages and the PDF show them exactly as they would in use.
"""

from __future__ import annotations

import copy
import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from screening.models import IntakeDraft, Invitation, Submission
from screening.review import access
from screening.review.demo_data import DemoCase, demo_document

ROLES = access.ROLES
FREE_TEXT_FIELDS = (
    "consent.hesitation_reason",
    "consent.previous_reaction_details",
    "pregnancy.complication_details",
    "conditions.mental_health_details",
    "surgery_trauma.surgeries[0].description",
    "about.guardian.name",
)


def staff_user(role: str, username: str | None = None):
    user = get_user_model().objects.create_user(username or f"x1-{role}", password="p" * 16)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def appointment_day() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=2)


def document_with_free_text(text: str, appointment: dt.date | None = None) -> dict:
    """A valid intake document whose every free-text answer holds `text` (a suffix per field)."""
    day = appointment or appointment_day()
    doc = demo_document(DemoCase("ex07-minor-with-guardian"), day)
    doc = copy.deepcopy(doc)
    consent = doc["consent"]
    consent["needling_preference"] = "unsure"
    consent["hesitation_reason"] = f"{text} hesitation"
    consent["previous_needling"] = True
    consent["previous_unusual_reaction"] = "yes"
    consent["previous_reaction_details"] = f"{text} reaction"
    doc["pregnancy"] = {"status": "yes", "complications": "yes"}
    doc["pregnancy"]["complication_details"] = f"{text} complication"
    doc["conditions"]["mental_health"] = "yes"
    doc["conditions"]["mental_health_details"] = f"{text} mental health"
    doc["surgery_trauma"]["recent_surgery"] = True
    doc["surgery_trauma"]["surgeries"] = [
        {"description": f"{text} surgery", "regions": ["KNEE_LEG_L"]}
    ]
    doc["about"]["guardian"]["name"] = f"{text} guardian"
    return doc


def make_invitation(patient_name: str = "Robin Example", **extra) -> tuple[Invitation, str]:
    from screening.intake.invitations import create_invitation

    extra.setdefault("appointment_date", appointment_day())
    return create_invitation(patient_name=patient_name, **extra)


def make_submission(
    patient_name: str = "Robin Example",
    text: str = "plain words",
    signer: str | None = None,
    appointment: dt.date | None = None,
) -> Submission:
    """A submitted screening whose name and free-text answers hold the given strings.

    The returned submission carries `patient_token`, the raw token of its patient link.
    """
    from screening.intake.consent import CONSENT_TEXT_VERSION
    from screening.intake.privacy import PRIVACY_NOTICE_VERSION
    from screening.intake.steps import STEP_NAMES
    from screening.intake.submit import create_submission

    invitation, token = make_invitation(
        patient_name, email="robin@example.com", appointment_date=appointment or appointment_day()
    )
    draft = IntakeDraft.objects.create(invitation=invitation, completed_steps=list(STEP_NAMES))
    document = document_with_free_text(text, invitation.appointment_date)
    signatures = {
        "signed_by": "guardian",
        "name": signer or f"{text} guardian",
        "signed_at": timezone.now().isoformat(),
        "minor_path": "guardian",
        "guardian_relationship": "parent",
    }
    submission = create_submission(
        invitation=invitation,
        draft=draft,
        document=document,
        signatures=signatures,
        consent_text_version=CONSENT_TEXT_VERSION,
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
    )
    # The raw link token, for tests that come back as this patient (never stored).
    submission.patient_token = token
    return submission


def patient_link_path(token: str) -> str:
    """The path of a patient's invitation link (what the email holds, without the host)."""
    from django.urls import reverse

    return reverse("intake:open", kwargs={"token": token})
