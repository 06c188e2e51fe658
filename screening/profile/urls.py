"""The clinic profile page, under /staff/clinic/."""

from django.urls import path

from screening.profile import views

app_name = "clinic_profile"
urlpatterns = [path("clinic/", views.edit_profile, name="edit")]
