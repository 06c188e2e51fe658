"""Staff URLs: every view here requires login and a role (screening/review/access.py)."""

from django.urls import path

from screening.review.views import (
    actions,
    analytics,
    appointments,
    audit_log,
    clearance,
    documents,
    invitations,
    queue,
    submission,
    today,
)

app_name = "review"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("today/", today.today_view, name="today"),
    path("today/summaries.pdf", documents.day_summaries_pdf, name="day_summaries"),
    path("appointments/import/", appointments.upload, name="appointments_import"),
    path(
        "appointments/import/<int:pk>/",
        appointments.preview_page,
        name="appointments_preview",
    ),
    path("submissions/<int:pk>/", submission.detail, name="submission"),
    path("submissions/<int:pk>/status/", actions.change_status, name="change_status"),
    path("submissions/<int:pk>/note/", actions.add_note, name="add_note"),
    path("submissions/<int:pk>/decision/", actions.record_decision, name="record_decision"),
    path("submissions/<int:pk>/summary.pdf", documents.summary_pdf, name="summary_pdf"),
    path("submissions/<int:pk>/fhir.json", documents.fhir_bundle, name="fhir_bundle"),
    path(
        "submissions/<int:pk>/clearance-letter/",
        documents.clearance_letter,
        name="clearance_letter",
    ),
    path(
        "submissions/<int:pk>/clearance/requested/",
        clearance.mark_requested,
        name="clearance_requested",
    ),
    path(
        "submissions/<int:pk>/clearance/upload/", clearance.upload_letter, name="clearance_upload"
    ),
    path("submissions/<int:pk>/clearance/letter/", clearance.letter_file, name="clearance_file"),
    path("invitations/", invitations.invitations, name="invitations"),
    path("invitations/<int:pk>/reissue/", invitations.reissue, name="reissue_invitation"),
    path("invitations/<int:pk>/email/", invitations.email_new_link, name="email_invitation"),
    path("audit/", audit_log.audit_log, name="audit_log"),
    path("analytics/", analytics.analytics, name="analytics"),
    path("analytics/figures.csv", analytics.analytics_csv, name="analytics_csv"),
]
