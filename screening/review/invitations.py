"""Staff-side invitation helpers: re-issuing a link and emailing it.

Only the token's hash is stored, so a link is shown once, right after it is made. Lost?
Re-issue: a new token replaces the old one (the old link stops working).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from screening.intake.invitations import new_token
from screening.models import Invitation
from screening.models.intake import hash_token


def reissue_link(invitation: Invitation) -> str:
    """Give the invitation a new token and return it (the previous link stops working)."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.save(update_fields=["token_hash"])
    return token


def email_link(invitation: Invitation, link: str) -> None:
    """Send the link. The email says only that a form is waiting: no health information."""
    context = {"clinic_name": settings.CLINIC_NAME, "link": link}
    send_mail(
        subject=f"{settings.CLINIC_NAME}: a form to fill in before your visit",
        message=render_to_string("screening/review/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
