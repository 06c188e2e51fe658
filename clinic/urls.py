"""URL map: the patient intake, the staff workspace, and Django's auth and admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("screening.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
