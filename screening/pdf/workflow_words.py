"""Two small parts of page 1: where the screening stands in the clinic's workflow (status,
the latest decision with who and when), and the key to the source ids printed beside each
finding, so a reader of the paper copy knows what "S10" is without the app."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from screening.models import Submission, SubmissionEvent
from screening.rules.sources import SOURCES

TITLE_CHARS = 60


def workflow_line(submission: Submission) -> str:
    """ "Decided: Needle with modifications (physio1, 3 Dec 2026 14:02)", or the status."""
    if submission.pk is None or submission._state.adding:
        # An unsaved submission (a preview, the benchmark): no workflow, no database.
        return _("Not saved")
    status = Submission.Status(submission.status).label if submission.status else ""
    decision = (
        SubmissionEvent.objects.filter(submission=submission, kind=SubmissionEvent.Kind.DECISION)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    if decision is None:
        return str(status)
    when = timezone.localtime(decision.created_at).strftime("%-d %b %Y %H:%M")
    return _("%(status)s: %(decision)s (%(who)s, %(when)s)") % {
        "status": status,
        "decision": decision.get_decision_display(),
        "who": decision.actor.get_username(),
        "when": when,
    }


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


def sources_key(findings: Iterable[Mapping[str, Any]]) -> list[str]:
    """Each source id cited by the findings, once, in order of appearance, with its title."""
    seen: dict[str, None] = {}
    for finding in findings:
        for source_id in finding.get("sources", []):
            seen.setdefault(source_id, None)
    key = []
    for source_id in seen:
        entry = SOURCES.get(source_id)
        if entry is None:
            key.append(source_id)
            continue
        key.append(f"{source_id} {_short(entry['title'])} ({entry['year']})")
    return key
