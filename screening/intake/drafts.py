"""Saving a step to the draft: one transaction, a row lock, and a refusal on a stale page.

Each saved step remembers the draft version it was saved at (`_version`). A page carries
the version it was rendered from; if its step was saved since (another tab or device), the
save is refused instead of silently overwriting what is there, unless the stale page sends
exactly what is already saved: a phone on a flaky connection resending the same POST is not
a conflict, and nothing is written (issue 9, point 10).
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from screening.intake.partial import drop_partial
from screening.intake.privacy import privacy_notice_language, privacy_notice_version
from screening.models import IntakeDraft, Invitation


def get_draft(invitation: Invitation) -> IntakeDraft | None:
    return IntakeDraft.objects.filter(invitation=invitation).first()


def acknowledge_privacy(invitation: Invitation, language: str | None = None) -> IntakeDraft:
    """Create the draft (if needed) and record which privacy notice was acknowledged.

    `language` is the one the notice was shown in; its version is that language's.
    """
    with transaction.atomic():
        draft, _created = IntakeDraft.objects.select_for_update().get_or_create(
            invitation=invitation
        )
        draft.privacy_notice_language = privacy_notice_language(language)
        draft.privacy_notice_version = privacy_notice_version(language)
        draft.privacy_acknowledged_at = timezone.now()
        draft.save(
            update_fields=[
                "privacy_notice_language",
                "privacy_notice_version",
                "privacy_acknowledged_at",
                "updated_at",
            ]
        )
    return draft


def step_saved_version(draft: IntakeDraft, step: str) -> int:
    return int(draft.answers.get(step, {}).get("_version", 0))


def _same_answers(saved: dict, answers: dict) -> bool:
    """Whether `answers` are what is saved, as stored (JSON), bookkeeping keys aside."""
    stored = {key: value for key, value in saved.items() if not key.startswith("_")}
    return stored == json.loads(json.dumps(answers, cls=DjangoJSONEncoder))


def save_step(draft: IntakeDraft, step: str, answers: dict, seen_version: int) -> bool:
    """Save one step's cleaned answers. False (nothing written) when the page was stale."""
    with transaction.atomic():
        locked = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
        if step_saved_version(locked, step) > seen_version:
            # Stale page: refused, unless it is an identical resend of what is saved.
            return _same_answers(locked.answers.get(step, {}), answers)
        locked.version += 1
        locked.answers[step] = {
            **answers,
            "_saved_on": timezone.localdate().isoformat(),
            "_version": locked.version,
        }
        drop_partial(locked.answers, step)  # the valid page replaces what was kept of it
        if step not in locked.completed_steps:
            locked.completed_steps = [*locked.completed_steps, step]
        locked.save(update_fields=["answers", "completed_steps", "version", "updated_at"])
    draft.refresh_from_db()
    return True


def save_meta(draft: IntakeDraft, key: str, value) -> None:
    """Store non-answer state (the check-in) under a `_` key, in one transaction."""
    with transaction.atomic():
        locked = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
        locked.answers[key] = value
        locked.version += 1
        locked.save(update_fields=["answers", "version", "updated_at"])
    draft.refresh_from_db()
