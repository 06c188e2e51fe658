"""Invitations: create one, show its link once, email or re-issue it, follow its progress."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from screening.care.offer import patient_choice
from screening.intake.invitations import create_invitation, invitation_link, invitation_progress
from screening.models import Invitation
from screening.review import access, audit, queries
from screening.review.forms import InvitationForm
from screening.review.invitations import email_link, reissue_link

# The one-time link waits in the session for the next page view, then is gone.
FRESH_LINK_KEY = "review_fresh_invitation_link"


@access.staff_required(*access.CLINICAL_ROLES)
def invitations(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    offer = []
    if request.method == "POST" and form.is_valid():
        # A known name and date of birth is offered, never merged silently (screening/care).
        choice = patient_choice(request.POST, form.cleaned_data)
        if not choice.ask:
            return _create(request, form.cleaned_data, patient=choice.patient)
        offer = choice.matches
    rows = [
        (i, invitation_progress(i), i.email_list[0] if i.email_list else None)
        for i in queries.invitations_for_list()
    ]
    fresh = request.session.pop(FRESH_LINK_KEY, None)
    context = {"form": form, "rows": rows, "fresh": fresh, "offer": offer}
    return render(request, "screening/review/invitations.html", context)


def _create(request: HttpRequest, data: dict, patient=None) -> HttpResponse:
    send = data.pop("send_email")
    # The invitation and its queued email commit together; the worker sends the email
    # afterwards, so a mail server that is down never loses the link (it is shown below).
    with transaction.atomic():
        invitation, token = create_invitation(created_by=request.user, patient=patient, **data)
        audit.record(request, audit.INVITATION_CREATED, invitation)
        if send:
            email_link(invitation, invitation_link(token))
            audit.record(request, audit.INVITATION_EMAILED, invitation)
    _show_once(request, invitation, invitation_link(token), emailed=send)
    return redirect("review:invitations")


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def reissue(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    link = invitation_link(reissue_link(invitation))
    audit.record(request, audit.INVITATION_REISSUED, invitation)
    _show_once(request, invitation, link, emailed=False)
    return redirect("review:invitations")


@access.staff_required(*access.CLINICAL_ROLES)
@require_POST
def email_new_link(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    if not invitation.email:
        messages.error(request, _("This invitation has no email address."))
        return redirect("review:invitations")
    # The new token and its queued email commit together, and the link is shown to staff
    # as well: whatever the mail server does, somebody holds the working link.
    with transaction.atomic():
        link = invitation_link(reissue_link(invitation))
        email_link(invitation, link)
        audit.record(request, audit.INVITATION_REISSUED, invitation)
        audit.record(request, audit.INVITATION_EMAILED, invitation)
    _show_once(request, invitation, link, emailed=True)
    return redirect("review:invitations")


def _show_once(request: HttpRequest, invitation: Invitation, link: str, emailed: bool) -> None:
    request.session[FRESH_LINK_KEY] = {
        "pk": invitation.pk,
        "emailed": emailed,
        "patient_name": invitation.patient_name,
        "link": link,
        "emailed_to": invitation.email if emailed else "",
    }
