"""How a superseded submission says so: the words the staff page and the PDF print.

"Replaced by the check-in of 3 Dec, 07:52: Do not needle", built from care.current.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from screening.care.current import superseded_by
from screening.models import Submission

# "Replaced by <kind> of <when>": the kind as a person says it.
KIND_WORDS = {
    Submission.Kind.INITIAL: gettext_lazy("the form before the visit"),
    Submission.Kind.CHECK_IN: gettext_lazy("the check-in"),
    Submission.Kind.FOLLOW_UP: gettext_lazy("the follow-up re-screen"),
}


@dataclass(frozen=True)
class SupersededNotice:
    current: Submission
    headline: str  # "Replaced by the check-in of 3 Dec, 07:52"
    when: str  # "3 Dec, 07:52"
    tier: str
    tier_label: str


def submitted_words(submission: Submission) -> str:
    local = timezone.localtime(submission.submitted_at)
    return formats.date_format(local, "j M, H:i")


def notice_for(current: Submission) -> SupersededNotice:
    when = submitted_words(current)
    kind = KIND_WORDS.get(current.kind, current.get_kind_display())
    headline = _("Replaced by %(kind)s of %(when)s") % {"kind": kind, "when": when}
    return SupersededNotice(current, headline, when, current.tier, current.get_tier_display())


def superseded_notice(submission: Submission) -> SupersededNotice | None:
    """The notice for a submission that is no longer its visit's current one, else None."""
    if submission.pk is None or submission._state.adding:
        return None  # an unsaved submission (a preview, a test render) has no visit yet
    current = superseded_by(submission)
    return notice_for(current) if current is not None else None
