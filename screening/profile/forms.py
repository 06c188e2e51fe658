"""The clinic admin's form for the clinic profile."""

from django import forms

from screening.models import ClinicProfile

FIELDS = ("name", "address", "phone", "fax", "email", "alert_email", "register_url")


class ClinicProfileForm(forms.ModelForm):
    register_url = forms.URLField(
        label=ClinicProfile._meta.get_field("register_url").verbose_name.capitalize(),
        help_text=ClinicProfile._meta.get_field("register_url").help_text,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = ClinicProfile
        fields = FIELDS
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
