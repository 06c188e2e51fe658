"""Invitations: the unguessable patient link, its expiry and its progress for the staff list.

The raw token is returned once by `create_invitation` and never stored on the server: the
database keeps only its SHA-256 hash (models.hash_token), so a leaked database does not leak
links, and the patient's session keeps only the invitation's id. The one copy outside the
e-mail is in the patient's own browser (an HttpOnly cookie for "Save and finish later",
screening/intake/access.py).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from screening.care.visits import visit_for_new_invitation
from screening.i18n.languages import supported
from screening.intake.steps import TOTAL_STEPS, first_incomplete_step, step_number
from screening.models import Invitation, hash_token

# 32 bytes = 256 bits from the OS generator; the brief asks for at least 128.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def expiry_for(appointment_date: datetime.date) -> datetime.datetime:
    """The end of the day, clinic time, N days after the appointment."""
    last_day = appointment_date + datetime.timedelta(
        days=settings.INVITATION_VALID_DAYS_AFTER_APPOINTMENT
    )
    end_of_day = datetime.datetime.combine(last_day, datetime.time(23, 59, 59))
    return timezone.make_aware(end_of_day, timezone.get_default_timezone())


@transaction.atomic
def create_invitation(
    *,
    patient_name: str,
    appointment_date: datetime.date,
    appointment_time: datetime.time | None = None,
    last_name: str = "",
    date_of_birth: datetime.date | None = None,
    email: str = "",
    created_by=None,
    planned_regions: list[str] | None = None,
    planned_estim: bool = False,
    visit=None,
    patient=None,
    language: str = "",
) -> tuple[Invitation, str]:
    """Create an invitation and return it with its raw token (shown once, never stored).

    It belongs to `visit` when given (refused with CareError when that visit already has
    one); otherwise to a new visit of `patient`, or of a new patient (never merged silently).
    """
    visit = visit_for_new_invitation(
        visit=visit,
        patient=patient,
        patient_name=patient_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        email=email,
        appointment_date=appointment_date,
        appointment_time=appointment_time,
        planned_regions=planned_regions,
        planned_estim=planned_estim,
        created_by=created_by,
    )
    token = new_token()
    invitation = Invitation.objects.create(
        visit=visit,
        token_hash=hash_token(token),
        patient_name=patient_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        email=email,
        appointment_date=appointment_date,
        appointment_time=appointment_time,
        expires_at=expiry_for(appointment_date),
        created_by=created_by,
        planned_regions=list(planned_regions or []),
        planned_estim=planned_estim,
        # The form's and the emails' language; blank: the browser's, then the clinic's.
        language=supported(language),
    )
    return invitation, token


def invitation_link(token: str) -> str:
    """The full patient link, built from SITE_BASE_URL (never from the Host header)."""
    base = settings.SITE_BASE_URL.rstrip("/")
    return base + reverse("intake:open", kwargs={"token": token})


def find_invitation(token: str) -> Invitation | None:
    """The invitation for a raw token, or None. Expired ones are returned too."""
    if not token or len(token) > 200:
        return None
    return Invitation.objects.filter(token_hash=hash_token(token)).first()


def is_expired(invitation: Invitation, now: datetime.datetime | None = None) -> bool:
    return (now or timezone.now()) > invitation.expires_at


@dataclass(frozen=True)
class Progress:
    state: str  # "not_opened" | "in_progress" | "submitted" | "expired"
    step: int
    total: int
    label: str


def invitation_progress(invitation: Invitation) -> Progress:
    """Where the patient is. Reads only relations the caller already loaded.

    Callers use select_related("draft") and prefetch_related("submissions") on lists.
    """
    submitted = any(s.kind == "initial" for s in invitation.submissions.all())
    if submitted:
        return Progress("submitted", TOTAL_STEPS, TOTAL_STEPS, _("Submitted"))
    if is_expired(invitation):
        return Progress("expired", 0, TOTAL_STEPS, _("Link expired"))
    draft = getattr(invitation, "draft", None) if _draft_loaded(invitation) else None
    if draft is None:
        if invitation.first_opened_at:
            return Progress("in_progress", 1, TOTAL_STEPS, _("Opened, not started"))
        return Progress("not_opened", 0, TOTAL_STEPS, _("Not opened"))
    number = step_number(first_incomplete_step(draft.completed_steps).name)
    label = _("Step %(step)s of %(total)s") % {"step": number, "total": TOTAL_STEPS}
    return Progress("in_progress", number, TOTAL_STEPS, label)


def _draft_loaded(invitation: Invitation) -> bool:
    """True when the reverse one-to-one is cached (or known to be missing)."""
    try:
        invitation.draft  # noqa: B018  (cached by select_related; a query otherwise)
    except Invitation.draft.RelatedObjectDoesNotExist:
        return False
    return True
