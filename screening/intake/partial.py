"""What a patient typed on a page that is not valid yet: kept, never lost (issue 12, point 2).

"Save and finish later" or "Back" on a half-filled page, and the page's own autosave on each
change, store the raw answers of that one page under the draft's `_partial` key. They are not
answers yet: the adapter never reads them, the step is not marked done, and they are shown
again (and checked, when the patient left with "finish later" or "back") when the page opens.
A valid save of the page removes them.
"""

from __future__ import annotations

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from screening.models import IntakeDraft

PARTIAL_KEY = "_partial"
# Form bookkeeping, never an answer.
_NOT_ANSWERS = frozenset({"csrfmiddlewaretoken", "version", "action", "from"})
_MAX_KEYS = 200
_MAX_CHARS = 5000


def raw_answers(post: QueryDict) -> dict[str, list[str]]:
    """The page's posted answers as lists of strings, bounded in size."""
    kept: dict[str, list[str]] = {}
    for key in list(post.keys())[:_MAX_KEYS]:
        if key in _NOT_ANSWERS or key.startswith("_") or "\x00" in key:
            continue
        # PostgreSQL's JSON cannot hold a NUL character: drop it (a browser never sends one).
        kept[key] = [
            str(value).replace("\x00", "")[:_MAX_CHARS] for value in post.getlist(key)[:50]
        ]
    return kept


def save_partial(
    draft: IntakeDraft, step: str, post: QueryDict, *, check: bool, seen_version: int
) -> bool:
    """Keep what the page holds now; `check` marks it to be validated when it reopens.

    Refused (False) when the step was saved after the page was shown: a late autosave must
    never bring back answers the patient has since saved over.
    """
    with transaction.atomic():
        locked = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
        if int(locked.answers.get(step, {}).get("_version", 0)) > seen_version:
            return False
        partials = dict(locked.answers.get(PARTIAL_KEY, {}))
        partials[step] = {
            "data": raw_answers(post),
            "check": check,
            "kept_at": timezone.now().isoformat(),
        }
        locked.answers[PARTIAL_KEY] = partials
        # No version bump: a kept half page must not make another window's page stale.
        locked.save(update_fields=["answers", "updated_at"])
    draft.refresh_from_db()
    return True


def partial_for(draft: IntakeDraft, step: str) -> dict | None:
    return draft.answers.get(PARTIAL_KEY, {}).get(step)


def as_query_dict(partial: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in partial.get("data", {}).items():
        data.setlist(key, list(values))
    return data


def drop_partial(answers: dict, step: str) -> None:
    """Forget the kept half page of `step` (called inside the save of the valid page)."""
    partials = answers.get(PARTIAL_KEY)
    if partials and step in partials:
        answers[PARTIAL_KEY] = {k: v for k, v in partials.items() if k != step}
