"""Staff read the app in their own language from the moment they sign in."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from screening.i18n.languages import SESSION_LANGUAGE, supported
from screening.models import StaffPreference


@receiver(user_logged_in)
def use_staff_language(sender, request, user, **kwargs) -> None:
    if request is None:
        return
    preference = StaffPreference.objects.filter(user=user).values_list("language", flat=True)
    language = supported(next(iter(preference), ""))
    if language:
        request.session[SESSION_LANGUAGE] = language
    else:
        # A patient's choice left in this browser is not the staff member's.
        request.session.pop(SESSION_LANGUAGE, None)
