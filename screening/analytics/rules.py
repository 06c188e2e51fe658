"""Which rules flag, which tiers come out, and where the physiotherapist decided otherwise.

Counted over each visit's current screening submitted in the period (analytics.current).
An override is a visit whose latest decision is less cautious than its tier
(review.workflow.is_less_cautious_than_tier: the same test that asks the physio for a
reason); it is counted against the rules that set that tier.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from screening.analytics.current import current_screenings
from screening.analytics.period import Period
from screening.models import Submission, SubmissionEvent, SubmissionFinding
from screening.review.workflow import is_less_cautious_than_tier

Decision = SubmissionEvent.Decision
REASONS_SHOWN = 20


@dataclass(frozen=True)
class Rate:
    key: str  # a rule id or a tier name
    count: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.count / self.total if self.total else 0.0


def tier_rates(period: Period) -> list[Rate]:
    """Each tier's share of the period's current screenings (one query), every tier listed."""
    counts = dict(current_screenings(period).order_by().values_list("tier").annotate(n=Count("pk")))
    total = sum(counts.values())
    return [Rate(tier, counts.get(tier, 0), total) for tier in Submission.Tier.values]


def flag_rates(period: Period) -> list[Rate]:
    """Per rule, the share of current screenings it fired on, most frequent first (2 queries)."""
    screenings = current_screenings(period)
    total = screenings.count()
    counts = (
        SubmissionFinding.objects.filter(submission__in=screenings.values("pk"))
        .values_list("rule")
        .annotate(n=Count("submission_id"))
        .order_by("-n", "rule")
    )
    return [Rate(rule, n, total) for rule, n in counts]


def latest_decisions(period: Period) -> QuerySet[SubmissionEvent]:
    """The decision on display of each current screening of the period (one per decided one).

    An anti-join ("no later decision on the same submission"), not a sorted subquery per
    screening: the database runs it once for all rows.
    """
    later = SubmissionEvent.objects.filter(
        submission_id=OuterRef("submission_id"), kind=SubmissionEvent.Kind.DECISION
    ).filter(
        Q(created_at__gt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
    )
    return SubmissionEvent.objects.filter(
        kind=SubmissionEvent.Kind.DECISION,
        submission__in=current_screenings(period).values("pk"),
    ).exclude(Exists(later))


def _less_cautious() -> Q:
    """Q on a decision event: less cautious than its screening's tier (the workflow's table)."""
    test = Q(pk__in=[])
    for tier in Submission.Tier.values:
        weaker = [d for d in Decision.values if is_less_cautious_than_tier(d, tier)]
        if weaker:
            test |= Q(submission__tier=tier, decision__in=weaker)
    return test


def overriding_decisions(period: Period) -> QuerySet[SubmissionEvent]:
    return latest_decisions(period).filter(_less_cautious())


def _tier_setting_counts(decisions: QuerySet[SubmissionEvent]) -> dict[str, int]:
    """Per rule, how many decided screenings it set the tier of (its tier effect = the tier)."""
    rows = (
        SubmissionFinding.objects.filter(submission_id__in=decisions.values("submission_id"))
        .filter(tier_effect=F("submission__tier"))
        .values_list("rule")
        .annotate(n=Count("submission_id"))
    )
    return dict(rows)


def override_rates(period: Period) -> list[Rate]:
    """Per rule that set a decided screening's tier: the share decided less cautiously."""
    decided_by_rule = _tier_setting_counts(latest_decisions(period))
    overridden_by_rule = _tier_setting_counts(overriding_decisions(period))
    rates = [Rate(rule, overridden_by_rule.get(rule, 0), n) for rule, n in decided_by_rule.items()]
    return sorted(rates, key=lambda r: (-r.percent, -r.total, r.key))


def override_total(period: Period) -> Rate:
    """All overrides over all decided screenings (one query)."""
    totals = latest_decisions(period).aggregate(
        decided=Count("pk"), overridden=Count("pk", filter=_less_cautious())
    )
    return Rate("all", totals["overridden"], totals["decided"])


@dataclass(frozen=True)
class OverrideReason:
    decided_at: dt.datetime
    tier: str
    decision: str
    reason: str
    rules: tuple[str, ...]


def override_reasons(period: Period, limit: int = REASONS_SHOWN) -> list[OverrideReason]:
    """The newest overrides with the physio's reason and the rules that set the tier.

    No patient name or link: the page is for the clinic admin too, who does not read
    screenings.
    """
    rows = list(
        overriding_decisions(period)
        .order_by("-created_at", "-pk")
        .values_list("submission_id", "created_at", "submission__tier", "decision", "reason")[
            :limit
        ]
    )
    rules: dict[int, list[str]] = {}
    findings = SubmissionFinding.objects.filter(
        submission_id__in=[row[0] for row in rows], tier_effect=F("submission__tier")
    ).order_by("rule")
    for submission_id, rule in findings.values_list("submission_id", "rule"):
        rules.setdefault(submission_id, []).append(rule)
    return [
        OverrideReason(at, tier, decision, reason, tuple(rules.get(pk, ())))
        for pk, at, tier, decision, reason in rows
    ]
