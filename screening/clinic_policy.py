"""The clinic's rules policy: settings.SCREENING_POLICY over the catalogue's defaults.

The overrides are checked once, at start-up (``ScreeningConfig.ready``): an unknown key or
an out-of-range value stops the service instead of silently assessing under other rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from screening.rules import Policy, PolicyError


def policy_from_settings(overrides: Any) -> Policy:
    """Return the policy for ``overrides``, or raise ImproperlyConfigured saying what is wrong."""
    try:
        return Policy.from_overrides(overrides)
    except PolicyError as error:
        raise ImproperlyConfigured(f"SCREENING_POLICY: {error}") from error


@lru_cache(maxsize=1)
def current_policy() -> Policy:
    """The policy in force for new assessments (settings.SCREENING_POLICY)."""
    return policy_from_settings(getattr(settings, "SCREENING_POLICY", None) or {})


@receiver(setting_changed)
def _forget_policy(*, setting: str, **_: Any) -> None:
    # Tests change SCREENING_POLICY with override_settings; the cache must follow.
    if setting == "SCREENING_POLICY":
        current_policy.cache_clear()
