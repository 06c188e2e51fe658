"""The audit trail: one call per staff action, plus logins and failed logins.

Only non-clinical context goes into `detail` (a status name, a decision code, a username
tried): never answers, findings, notes or reasons.
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from screening.models import AuditEvent
from screening.security.client_address import client_address

# Action names stored in AuditEvent.action (public: the audit log filters on them).
LOGIN = "login"
LOGIN_FAILED = "login_failed"
SUBMISSION_VIEWED = "submission_viewed"
PDF_DOWNLOADED = "pdf_downloaded"
FHIR_EXPORTED = "fhir_exported"
LETTER_PRINTED = "clearance_letter_printed"
# A stored record that could not be read in full (its page or PDF fell back).
RECORD_UNREADABLE = "record_unreadable"
# An appointment list booked as visits and invitations (detail: counts only).
APPOINTMENTS_IMPORTED = "appointments_imported"
# One event per screening in a day's merged print (so each patient's trail shows it).
DAY_PRINTED = "day_summaries_printed"
STATUS_CHANGED = "status_changed"
NOTE_ADDED = "note_added"
DECISION_RECORDED = "decision_recorded"
INVITATION_CREATED = "invitation_created"
INVITATION_REISSUED = "invitation_reissued"
INVITATION_EMAILED = "invitation_emailed"
AUDIT_LOG_VIEWED = "audit_log_viewed"
ANALYTICS_VIEWED = "analytics_viewed"
ANALYTICS_EXPORTED = "analytics_exported"
CLINIC_PROFILE_CHANGED = "clinic_profile_changed"
# The clearance loop (issue 11): the letter sent, the returned letter kept, read, refused,
# and the clearance closed by a decision.
CLEARANCE_REQUESTED = "clearance_requested"
CLEARANCE_RECEIVED = "clearance_received"
CLEARANCE_UPLOAD_REFUSED = "clearance_upload_refused"
CLEARANCE_LETTER_VIEWED = "clearance_letter_viewed"
CLEARANCE_CLOSED = "clearance_closed"

ACTIONS = (
    LOGIN,
    LOGIN_FAILED,
    SUBMISSION_VIEWED,
    PDF_DOWNLOADED,
    FHIR_EXPORTED,
    LETTER_PRINTED,
    APPOINTMENTS_IMPORTED,
    RECORD_UNREADABLE,
    DAY_PRINTED,
    STATUS_CHANGED,
    NOTE_ADDED,
    DECISION_RECORDED,
    INVITATION_CREATED,
    INVITATION_REISSUED,
    INVITATION_EMAILED,
    AUDIT_LOG_VIEWED,
    ANALYTICS_VIEWED,
    ANALYTICS_EXPORTED,
    CLEARANCE_REQUESTED,
    CLEARANCE_RECEIVED,
    CLEARANCE_UPLOAD_REFUSED,
    CLEARANCE_LETTER_VIEWED,
    CLEARANCE_CLOSED,
    CLINIC_PROFILE_CHANGED,
)


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address (X-Real-IP only from a trusted proxy; see client_address)."""
    if request is None:
        return None
    return client_address(request)


def record(request: HttpRequest | None, action: str, obj=None, **detail) -> AuditEvent:
    """Write one audit event: who (from the request), what, which object, from where."""
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        actor=actor,
        actor_username=actor.get_username() if actor else "",
        action=action,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=client_ip(request),
        detail=detail,
    )


@receiver(user_logged_in, dispatch_uid="audit_login")
def _audit_login(sender, request, user, **kwargs) -> None:
    AuditEvent.objects.create(
        actor=user,
        actor_username=user.get_username(),
        action=LOGIN,
        object_type="user",
        object_id=str(user.pk),
        ip_address=client_ip(request),
    )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def _audit_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already masked the password in `credentials`; keep only the username.
    username = str(credentials.get("username", ""))[:150]
    AuditEvent.objects.create(
        actor=None,
        actor_username="",
        action=LOGIN_FAILED,
        ip_address=client_ip(request),
        detail={"username": username},
    )
