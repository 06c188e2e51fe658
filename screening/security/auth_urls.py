"""The account views the product offers, and nothing else from django.contrib.auth (issue 9).

Sign in, sign out, and a password change that needs the second factor: a stolen password
alone must not be enough to change it. There is no e-mailed password reset: a member of staff
who forgot their password asks the clinic admin, who sets a new one (audited); signing in with
it still asks for the two-step code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse_lazy

from screening.security import accounts


def verified_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A signed-in user who has also passed the second factor (else the matching sign-in step)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_verified():
            return redirect_to_login(request.get_full_path(), login_url="two_factor_verify")
        return view(request, *args, **kwargs)

    return wrapped


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "screening/security/password_change.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        accounts.record_password_set(self.request, self.request.user)
        return response


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password_change/",
        verified_required(PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "password_change/done/",
        verified_required(
            auth_views.PasswordChangeDoneView.as_view(
                template_name="screening/security/password_change_done.html"
            )
        ),
        name="password_change_done",
    ),
]
