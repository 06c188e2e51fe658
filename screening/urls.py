"""URLs of the screening app: the patient intake and the staff workspace."""

from django.urls import include, path

urlpatterns = [
    path("", include("screening.intake.urls")),
    path("", include("screening.care.patient_urls")),
    path("staff/", include("screening.review.urls")),
    path("staff/", include("screening.care.urls")),
    path("staff/", include("screening.security.staff_accounts.urls")),
    path("staff/", include("screening.profile.urls")),
]
