"""Patient-facing URLs. The token appears only in the first URL, then lives in the session."""

from django.urls import path

from screening.intake import views_checkin, views_entry, views_sign, views_steps

app_name = "intake"
urlpatterns = [
    path("i/<str:token>/", views_entry.open_link, name="open"),
    path("intake/", views_entry.home, name="home"),
    path("intake/check/", views_entry.check_identity, name="gate"),
    path("intake/privacy/", views_entry.privacy_notice, name="privacy"),
    path("intake/step/<slug:name>/", views_steps.step, name="step"),
    path("intake/review/", views_steps.review, name="review"),
    path("intake/later/", views_steps.finish_later, name="later"),
    path("intake/sign/", views_sign.sign, name="sign"),
    path("intake/done/", views_sign.done, name="done"),
    path("intake/check-in/", views_checkin.check_in, name="check_in"),
    path("intake/check-in/finish/", views_checkin.check_in_finish, name="check_in_finish"),
    path("intake/check-in/done/", views_checkin.check_in_done, name="check_in_done"),
    path(
        "intake/check-in/desk/<int:invitation_id>/",
        views_checkin.desk_check_in,
        name="desk_check_in",
    ),
    path("what-to-expect/", views_entry.what_to_expect, name="what_to_expect"),
]
