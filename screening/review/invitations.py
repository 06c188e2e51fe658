"""Staff-side invitation helpers: re-issuing a link and emailing it.

Only the token's hash is stored, so a link is shown once, right after it is made. Lost?
Re-issue: a new token replaces the old one (the old link stops working). The email is
queued in the same transaction (screening.mail.outbox) and sent by the worker.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from screening.i18n.languages import patient_language
from screening.intake.invitations import new_token
from screening.mail.outbox import queue_email
from screening.models import Invitation, OutboxEmail
from screening.models.intake import hash_token
from screening.profile.current import clinic_profile


def reissue_link(invitation: Invitation) -> str:
    """Give the invitation a new token and return it (the previous link stops working)."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.save(update_fields=["token_hash"])
    return token


def email_link(invitation: Invitation, link: str) -> OutboxEmail:
    """Queue the link. The email says only that a form is waiting: no health information."""
    clinic = clinic_profile()
    # In the patient's language, whatever the staff member's own is.
    with translation.override(patient_language(invitation)):
        return queue_email(
            kind=OutboxEmail.Kind.INVITATION,
            recipient=invitation.email,
            subject=_("%(clinic)s: a form to fill in before your visit") % {"clinic": clinic.name},
            body=render_to_string(
                "screening/review/email/invitation.txt", {"clinic": clinic, "link": link}
            ),
            invitation=invitation,
        )
