"""Staff URLs of the course of care (under /staff/, like the review workspace)."""

from django.urls import path

from screening.care.views import actions, documents, patients

app_name = "care"
urlpatterns = [
    path("patients/", patients.patient_list, name="patients"),
    path("patients/<int:pk>/", patients.patient_detail, name="patient"),
    path("patients/<int:pk>/book/", actions.book, name="book"),
    path("patients/<int:pk>/merge/", actions.merge, name="merge"),
    path("visits/<int:pk>/invite/", actions.invite_visit, name="invite_visit"),
    path("visits/<int:pk>/summary.pdf", documents.visit_summary_pdf, name="visit_pdf"),
]
