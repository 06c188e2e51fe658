"""The clinic admin's staff-account pages, under /staff/accounts/."""

from django.urls import path

from screening.security.staff_accounts import views

app_name = "staff_accounts"
urlpatterns = [
    path("accounts/", views.account_list, name="list"),
    path("accounts/new/", views.account_new, name="new"),
    path("accounts/<int:pk>/active/", views.account_set_active, name="set_active"),
    path(
        "accounts/<int:pk>/two-factor-reset/",
        views.account_reset_two_factor,
        name="reset_two_factor",
    ),
]
