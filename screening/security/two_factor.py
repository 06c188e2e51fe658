"""Two-factor sign-in for staff (TOTP, django-otp): enrol by QR code, then a code each time.

No health information is shown before this step: the staff guard
(screening.review.access.staff_required) sends a signed-in but unverified user here.
"""

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.review import audit

DEVICE_NAME = "Authenticator app"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("6-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the 6 digits shown in your app."))
        return token


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def safe_next(request: HttpRequest) -> str:
    """Where to go after the code: the asked-for page on this site, else the queue."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


def _accept(request: HttpRequest, device: TOTPDevice, form: TokenForm) -> bool:
    """Check the code (django-otp throttles repeated failures) and mark the session verified."""
    if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
        otp_login(request, device)
        # A new session key with the raised privilege, as Django does after the password: a
        # key learnt before this step (fixation, a shoulder) must not become a verified one.
        request.session.cycle_key()
        audit.record(request, "two_factor_verified")
        return True
    audit.record(request, "two_factor_failed")
    form.add_error(
        "token" if form.is_valid() else None,
        _("That code did not work. Codes change every 30 seconds: try the newest one."),
    )
    return False


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': safe_next(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and _accept(request, device, form):
        return redirect(safe_next(request))
    return render(
        request,
        "screening/security/two_factor_verify.html",
        {"form": form, "next": safe_next(request)},
    )


def qr_code_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG (no image request, no inline style)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def readable_secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if confirmed_device(request.user) is not None:
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and _accept(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record(request, "two_factor_enrolled")
        return redirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request),
        # The SVG is made by qrcode from our own data, never from user input.
        "qr_svg": mark_safe(qr_code_svg(device)),  # noqa: S308  # nosec B308 B703
        "secret": readable_secret(device),
    }
    return render(request, "screening/security/two_factor_setup.html", context)
