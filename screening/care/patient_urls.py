"""Patient-facing URLs of the follow-up re-screen (the token lives in the session)."""

from django.urls import path

from screening.care import follow_up_views

app_name = "follow_up"
urlpatterns = [
    path("intake/follow-up/", follow_up_views.changes, name="changes"),
    path("intake/follow-up/whole-form/", follow_up_views.start_full_form, name="full_form"),
    path("intake/follow-up/send/", follow_up_views.finish, name="finish"),
    path("intake/follow-up/done/", follow_up_views.done, name="done"),
]
