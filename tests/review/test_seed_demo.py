"""manage.py seed_demo: DEBUG only, idempotent, every role and every tier."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from screening.models import Invitation, Submission
from screening.review import access


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _seed()
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_it_seeds_each_role_and_every_tier_once(settings):
    settings.DEBUG = True
    first = _seed()
    counts = (Submission.objects.count(), Invitation.objects.count())
    tiers = set(Submission.objects.values_list("tier", flat=True))
    assert tiers == set(Submission.Tier.values)
    assert counts[0] >= 24
    assert Submission.objects.filter(kind=Submission.Kind.CHECK_IN).count() == 1
    for username, password, role in (
        ("frontdesk", "needle-safe-desk-42", access.FRONT_DESK),
        ("physio", "needle-safe-physio-42", access.PHYSIOTHERAPIST),
        ("clinicadmin", "needle-safe-admin-42", access.CLINIC_ADMIN),
    ):
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert access.user_roles(user) == {role}
        assert f"{username:<12} {password}" in first
    assert first.count("/i/") == 4  # patient links printed for the open invitations

    second = _seed()
    assert (Submission.objects.count(), Invitation.objects.count()) == counts
    assert "already present" in second
    assert second.count("/i/") == 4
