"""The clinic admin edits the clinic profile (one page, audited with what changed)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from screening.profile.current import clinic_profile
from screening.profile.forms import ClinicProfileForm
from screening.review import access, audit


@access.staff_required(access.CLINIC_ADMIN)
def edit_profile(request: HttpRequest) -> HttpResponse:
    profile = clinic_profile()
    form = ClinicProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            # Field names only: the values are the clinic's public details, but the audit
            # log says what changed, and the page shows the current values.
            audit.record(request, audit.CLINIC_PROFILE_CHANGED, saved, fields=form.changed_data)
        messages.success(request, _("The clinic profile is saved."))
        return redirect("clinic_profile:edit")
    return render(request, "screening/profile/edit.html", {"form": form})
