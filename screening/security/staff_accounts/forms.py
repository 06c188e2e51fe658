"""The new-account form: a name, an e-mail, a first password, and one of the two roles."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from screening.review import access
from screening.security.accounts import ASSIGNABLE_ROLES

ROLE_CHOICES = [
    (access.FRONT_DESK, _("Front desk")),
    (access.PHYSIOTHERAPIST, _("Physiotherapist")),
]
assert {code for code, _label in ROLE_CHOICES} == set(ASSIGNABLE_ROLES)  # noqa: S101


class NewStaffForm(UserCreationForm):
    """Only these fields are read: a posted is_superuser, is_staff or groups is ignored."""

    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES, widget=forms.RadioSelect)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "email": _("Work e-mail"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = _(
            "A first password to give the person in person. At their first sign-in they set up "
            "the two-step sign-in with their phone."
        )

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        if role not in ASSIGNABLE_ROLES:  # the choices already refuse it; say why anyway
            raise forms.ValidationError(_("Only the front-desk or physiotherapist role."))
        return role
