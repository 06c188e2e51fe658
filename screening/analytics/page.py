"""Everything the analytics page shows for one period: figures, chart SVG and table rows.

A fixed number of queries whatever the number of submissions (tests/analytics).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from screening.analytics import charts, clearances, funnel, rules, timing
from screening.analytics.period import Period
from screening.analytics.rule_names import rule_name
from screening.models import Submission, SubmissionEvent

TIER_LABELS = dict(Submission.Tier.choices)
DECISION_LABELS = dict(SubmissionEvent.Decision.choices)


def duration_words(value: dt.timedelta | None) -> str:
    """ "2 days 3 h", "4 h 10 min", "12 min"; a dash when there is nothing to measure."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        text = ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
        return text + (" " + _("%(n)d h") % {"n": hours} if hours else "")
    if hours:
        return _("%(h)d h %(m)d min") % {"h": hours, "m": mins}
    return _("%(n)d min") % {"n": mins}


@dataclass(frozen=True)
class RuleRow:
    rule: str
    name: str
    count: int
    total: int
    percent: float


def _rule_rows(rates: list[rules.Rate]) -> list[RuleRow]:
    return [RuleRow(r.key, rule_name(r.key), r.count, r.total, r.percent) for r in rates]


def build(period: Period) -> dict:
    """The template context of the figures (the view adds the form)."""
    flow = funnel.funnel(period)
    stages = [
        (_("Forms sent"), flow.sent),
        (_("Opened"), flow.opened),
        (_("Started"), flow.started),
        *[(str(step.title), count) for step, count in flow.steps],
        (_("Completed"), flow.completed),
    ]
    tiers = [(str(TIER_LABELS[r.key]), r) for r in rules.tier_rates(period)]
    flags = _rule_rows(rules.flag_rates(period))
    overrides = _rule_rows(rules.override_rates(period))
    reasons = [
        {
            "decided_at": reason.decided_at,
            "tier": str(TIER_LABELS.get(reason.tier, reason.tier)),
            "decision": str(DECISION_LABELS.get(reason.decision, reason.decision)),
            "reason": reason.reason,
            "rules": [(rule, rule_name(rule)) for rule in reason.rules],
        }
        for reason in rules.override_reasons(period)
    ]
    weeks = timing.weekly_counts(period)
    screened = sum(rate.count for _label, rate in tiers)
    return {
        "funnel": flow,
        "stages": stages,
        "funnel_chart": charts.drop_off(_("Forms from sent to completed"), stages),
        "median_complete": duration_words(funnel.median_time_to_complete(period)),
        "screened": screened,
        "tiers": tiers,
        "tier_chart": charts.percent_bars(
            _("Share of screenings per tier"), [(label, r.percent) for label, r in tiers]
        ),
        "flags": flags,
        "flag_chart": charts.percent_bars(
            _("Share of screenings each rule flagged"), [(r.name, r.percent) for r in flags[:12]]
        ),
        "override_total": rules.override_total(period),
        "overrides": overrides,
        "override_chart": charts.percent_bars(
            _("Decisions less cautious than the tier, per rule"),
            [(r.name, r.percent) for r in overrides[:12]],
        )
        if overrides
        else "",
        "reasons": reasons,
        "median_review": duration_words(timing.median_time_to_review(period)),
        "median_decision": duration_words(timing.median_time_to_decision(period)),
        "weeks": weeks,
        "weekly_chart": charts.weekly_line(
            _("Screenings per week"),
            [week for week, _t, _f in weeks],
            [
                (_("Screenings"), [total for _w, total, _f in weeks]),
                (_("Flagged"), [flagged for _w, _t, flagged in weeks]),
            ],
        ),
        "clearances": clearances.clearances(period),
    }
