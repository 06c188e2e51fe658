"""'Save and finish later': email the link again (the email never holds an answer)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from screening.intake.access import remembered_token
from screening.intake.invitations import invitation_link
from screening.mail.outbox import queue_email
from screening.models import Invitation, OutboxEmail
from screening.profile.current import clinic_profile

SESSION_LAST_EMAIL = "intake_link_emailed"


def send_link_email(request, invitation: Invitation) -> bool:
    """Queue the link's email once per session when the invitation has an address.

    The worker sends it after this request's transaction commits: a mail server that is
    down delays the email, never the page (issue 9, point 3).
    """
    token = remembered_token(request, invitation)
    if not invitation.email or not token or request.session.get(SESSION_LAST_EMAIL):
        return False
    clinic = clinic_profile()
    context = {
        "link": invitation_link(token),
        "clinic": clinic,
        "expires_at": invitation.expires_at,
    }
    queue_email(
        kind=OutboxEmail.Kind.FINISH_LATER,
        recipient=invitation.email,
        subject=_("Your form for %(clinic)s") % {"clinic": clinic.name},
        body=render_to_string("screening/intake/email_link.txt", context),
        invitation=invitation,
    )
    request.session[SESSION_LAST_EMAIL] = True
    return True
