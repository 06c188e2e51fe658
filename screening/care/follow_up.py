"""The follow-up re-screen: "has anything changed?", answers carried forward (issue 10).

A returning patient's next visit starts from the answers of their last screening (copied
into the new visit's draft, each step keeping the day it was answered, so a pregnancy's
weeks count on and date windows are re-evaluated at the new appointment). Each change
question answered "yes" reopens the full step for that topic. The engine runs on the merged
document; the result is a new `follow_up` Submission whose `previous` is the last screening.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from screening.care.basis import Basis, basis_for
from screening.care.visits import CareError
from screening.intake.consent import consent_language, consent_text_version
from screening.intake.final import document_for
from screening.intake.steps import QUESTION_STEPS
from screening.intake.submit import create_submission
from screening.models import IntakeDraft, Invitation, Submission

META = "_followup"  # the draft key holding the follow-up's state (never an answer)


@dataclass(frozen=True)
class Topic:
    code: str  # public: stored in the draft's follow-up state
    question: Promise
    steps: tuple[str, ...]  # the full steps a "yes" reopens


TOPICS: tuple[Topic, ...] = (
    Topic(
        "medicines",
        _("Have you started a new medicine, or changed one (including blood thinners)?"),
        ("bleeding", "infection"),
    ),
    Topic("pregnancy", _("Are you pregnant now, or could you be?"), ("pregnancy",)),
    Topic("illness", _("Have you had a new illness, a fever or an infection?"), ("infection",)),
    Topic(
        "skin",
        _("Do you have a new skin problem (a wound, sore or rash) near where you are treated?"),
        ("infection",),
    ),
    Topic("surgery", _("Have you had an operation or a procedure?"), ("surgery_trauma",)),
    Topic(
        "implant",
        _("Do you have a new implant or device (for example a pacemaker or a new joint)?"),
        ("implants",),
    ),
    Topic(
        "injury", _("Have you had a fall or an injury?"), ("surgery_trauma", "frailty_bone_chest")
    ),
    Topic(
        "conditions",
        _("Have you been told you have a new health condition, or has one got worse?"),
        ("conditions",),
    ),
    # Asked at every visit: the catalogue re-checks the treatment area and needle comfort.
    Topic(
        "treatment_area",
        _("Has where it hurts, or what you would like treated, changed?"),
        ("visit",),
    ),
    Topic(
        "needles",
        _(
            "Has anything changed in how you feel about needles, or did you feel unwell after "
            "your last treatment?"
        ),
        ("consent",),
    ),
)
TOPIC_CODES = tuple(t.code for t in TOPICS)
_BY_CODE = {t.code: t for t in TOPICS}


def reopened_steps(changed: list[str]) -> list[str]:
    """The full steps to show again, in the form's own order."""
    wanted = {step for code in changed for step in _BY_CODE[code].steps}
    return [step.name for step in QUESTION_STEPS if step.name in wanted]


def state(draft: IntakeDraft | None) -> dict | None:
    return draft.answers.get(META) if draft is not None else None


def follow_up_basis(invitation: Invitation) -> Basis | None:
    """The basis when this invitation's visit is a returning patient's, else None."""
    if invitation.visit_id is None:
        return None
    basis = basis_for(invitation.visit)
    return basis if basis.previous is not None else None


@transaction.atomic
def start(draft: IntakeDraft, invitation: Invitation, changed: list[str]) -> list[str]:
    """Carry the last screening's answers into `draft`; return the steps to reopen.

    Raises CareError (nothing changed) when the last screening is stale or already
    submitted for this visit.
    """
    basis = follow_up_basis(invitation)
    if basis is None:
        raise CareError(_("There is no earlier screening to carry forward."))
    if basis.stale is not None:
        raise CareError(basis.stale.patient_words)
    if invitation.submissions.exists():
        raise CareError(_("This visit's screening was already sent."))
    unknown = set(changed) - set(TOPIC_CODES)
    if unknown:
        raise CareError(_("Please answer the questions on this page."))
    locked = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
    carried = {
        name: dict(value)
        for name, value in basis.previous.draft.answers.items()
        if not name.startswith("_") and isinstance(value, dict)
    }
    reopen = reopened_steps(changed)
    answers = {key: value for key, value in locked.answers.items() if key.startswith("_")}
    answers.update(carried)
    answers[META] = {"previous": basis.previous.pk, "changed": list(changed), "reopen": reopen}
    locked.answers = answers
    locked.completed_steps = [step.name for step in QUESTION_STEPS]
    # Each carried step keeps the version it was saved at in the old draft; this draft's
    # version must be past them all, or the reopened step's page would look stale (409).
    carried_versions = [int(v.get("_version", 0)) for v in carried.values()]
    locked.version = max([locked.version, *carried_versions]) + 1
    locked.save(update_fields=["answers", "completed_steps", "version", "updated_at"])
    draft.refresh_from_db()
    return reopen


def submit(draft: IntakeDraft, invitation: Invitation, signature_name: str) -> Submission:
    """Freeze the merged document as a follow-up linked to the previous screening."""
    follow = state(draft)
    if not follow:
        raise CareError(_("Please answer the questions about what has changed first."))
    previous = Submission.objects.get(pk=follow["previous"])
    signed = previous.signatures or {}
    signatures = {
        "signed_by": signed.get("signed_by", "patient"),
        "name": signature_name,
        "signed_at": timezone.localtime().isoformat(timespec="minutes"),
        "minor_path": signed.get("minor_path", ""),
        "guardian_relationship": signed.get("guardian_relationship", ""),
        "follow_up_of": previous.pk,
    }
    return create_submission(
        invitation=invitation,
        draft=draft,
        document=document_for(draft, invitation),
        signatures=signatures,
        consent_text_version=consent_text_version(translation.get_language()),
        consent_language=consent_language(translation.get_language()),
        privacy_notice_version=draft.privacy_notice_version,
        kind=Submission.Kind.FOLLOW_UP,
        previous=previous,
    )
