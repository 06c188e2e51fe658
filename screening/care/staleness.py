"""When a patient's last screening can no longer be carried forward to a new visit.

Three reasons, each said in plain words to the patient and to staff:
- it is older than the clinic's policy age (CARE_POLICY["rescreen_max_age_days"], 90 days);
- the patient has turned 18 since (consent and the minor rules change at the age of majority);
- the ruleset changed in a way that affects their answers: the stored document, assessed
  again under today's rules, gives other findings or another tier than were stored.
The last *full* screening counts (a form or check-in), so follow-ups cannot extend it forever.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from screening.clinic_policy import current_policy
from screening.contracts import assess_document
from screening.contracts.errors import AssessmentInvalid, IntakeInvalid
from screening.models import Submission
from screening.rules.engine import RULESET_VERSION

DEFAULTS = {"rescreen_max_age_days": 90}


@dataclass(frozen=True)
class CarePolicy:
    """The course-of-care thresholds; settings.CARE_POLICY overrides the defaults."""

    rescreen_max_age_days: int = DEFAULTS["rescreen_max_age_days"]

    @classmethod
    def from_settings(cls) -> CarePolicy:
        overrides = dict(getattr(settings, "CARE_POLICY", None) or {})
        unknown = set(overrides) - set(DEFAULTS)
        if unknown:
            raise ImproperlyConfigured(f"CARE_POLICY: unknown keys {sorted(unknown)}")
        days = overrides.get("rescreen_max_age_days", DEFAULTS["rescreen_max_age_days"])
        if not isinstance(days, int) or not 1 <= days <= 730:
            raise ImproperlyConfigured("CARE_POLICY: rescreen_max_age_days must be 1 to 730")
        return cls(rescreen_max_age_days=days)


@dataclass(frozen=True)
class Stale:
    code: str  # "too_old" | "turned_adult" | "rules_changed" (public: stored in audit detail)
    staff_words: str
    patient_words: str


def completed_on(submission: Submission) -> dt.date:
    raw = submission.intake_document.get("completed_on")
    return dt.date.fromisoformat(raw) if raw else timezone.localdate(submission.submitted_at)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _date_words(day: dt.date) -> str:
    return formats.date_format(day, "j M Y")


def staleness(
    last_full: Submission,
    appointment_date: dt.date,
    policy: CarePolicy | None = None,
    carried: Submission | None = None,
) -> Stale | None:
    """Why the answers cannot be carried forward to a visit on `appointment_date`, or None.

    `last_full` is the last full form (its age counts); `carried` the screening whose
    document would be carried forward (its rules are checked), `last_full` when not given.
    """
    policy = policy or CarePolicy.from_settings()
    done = completed_on(last_full)
    age_days = (appointment_date - done).days
    if age_days > policy.rescreen_max_age_days:
        days = policy.rescreen_max_age_days
        return Stale(
            "too_old",
            _("The last full screening (%(date)s) is more than %(days)s days before this visit.")
            % {"date": _date_words(done), "days": days},
            _(
                "Your last full health form was on %(date)s, more than %(days)s days ago, "
                "so we ask the whole form again."
            )
            % {"date": _date_words(done), "days": days},
        )
    born_raw = last_full.intake_document.get("about", {}).get("date_of_birth")
    if born_raw:
        born = dt.date.fromisoformat(born_raw)
        majority = last_full.policy.get("minor_age_years", 18)
        if age_on(born, last_full.appointment_date) < majority <= age_on(born, appointment_date):
            return Stale(
                "turned_adult",
                _("The patient has turned %(age)s since the last full screening.")
                % {"age": majority},
                _(
                    "You have turned %(age)s since your last form, so we ask the whole form "
                    "again, this time for you to sign yourself."
                )
                % {"age": majority},
            )
    if rules_changed_for(carried or last_full):
        return Stale(
            "rules_changed",
            _(
                "The screening rules changed since the last full screening (ruleset "
                "%(old)s, now %(new)s) in a way that affects this patient's answers."
            )
            % {"old": last_full.ruleset_version, "new": RULESET_VERSION},
            _("Our screening questions have changed since your last form, so we ask it again."),
        )
    return None


def rules_changed_for(submission: Submission) -> bool:
    """True when today's rules read the stored answers differently from the stored result."""
    if submission.ruleset_version == RULESET_VERSION:
        return False
    try:
        again = assess_document(submission.intake_document, current_policy())
    except (IntakeInvalid, AssessmentInvalid):
        return True  # the old document no longer passes today's contract: ask it all again
    stored = submission.assessment
    return again["tier"] != stored.get("tier") or _rules(again) != _rules(stored)


def _rules(assessment: dict) -> set[str]:
    return {f["rule"] for f in assessment.get("findings", [])}
