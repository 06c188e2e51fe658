"""'Save and finish later': email the link again (the email never holds an answer)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from screening.intake.access import remembered_token
from screening.intake.invitations import invitation_link
from screening.models import Invitation

SESSION_LAST_EMAIL = "intake_link_emailed"


def send_link_email(request, invitation: Invitation) -> bool:
    """Email the link once per session when the invitation has an address."""
    token = remembered_token(request, invitation)
    if not invitation.email or not token or request.session.get(SESSION_LAST_EMAIL):
        return False
    context = {
        "link": invitation_link(token),
        "clinic_name": settings.CLINIC_NAME,
        "expires_at": invitation.expires_at,
    }
    send_mail(
        subject=_("Your form for %(clinic)s") % {"clinic": settings.CLINIC_NAME},
        message=render_to_string("screening/intake/email_link.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
    request.session[SESSION_LAST_EMAIL] = True
    return True
