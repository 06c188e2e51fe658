"""URL map: the patient intake, the staff workspace, and Django's auth and admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from django_otp.admin import OTPAdminSite

from screening.i18n.views import choose_language
from screening.security.export import export_submission
from screening.security.session_limits import session_keepalive, session_status
from screening.security.two_factor import two_factor_setup, two_factor_verify
from screening.views import landing

# The 503 "try again in a minute" page when the error is the database being down.
handler500 = "screening.security.database_down.server_error"

# The admin asks for the second factor too: a password alone must not reach user management.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", landing, name="landing"),
    path("staff/submissions/<int:pk>/export/", export_submission, name="export_submission"),
    path("", include("screening.urls")),
    path("accounts/two-factor/", two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor_setup, name="two_factor_setup"),
    # Only the account views the product offers (sign in, sign out, password change).
    path("accounts/", include("screening.security.auth_urls")),
    path("admin/", admin.site.urls),
    path("language/", choose_language, name="choose_language"),
    # The few words the scripts write themselves, in the page's language (djangojs.po).
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("session/status/", session_status, name="session_status"),
    path("session/keepalive/", session_keepalive, name="session_keepalive"),
]
