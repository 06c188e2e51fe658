"""Each analytics query on generated data whose answers are known in advance."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from screening.analytics import clearances, funnel, rules, timing
from screening.analytics.period import Period, PeriodForm, default_period
from screening.intake.steps import QUESTION_STEPS
from screening.models import Clearance, Submission
from tests.analytics.conftest import CLEAR, DO_NOT_NEEDLE, HOLD, NOON

PERIOD = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 29))
BEFORE = NOON - dt.timedelta(days=40)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)

pytestmark = pytest.mark.django_db


def test_the_funnel_counts_sent_opened_started_and_completed(seed):
    seed.invitation()  # sent, never opened
    seed.invitation(opened=NOON)  # opened, stopped at the gate
    started = seed.invitation(opened=NOON)
    seed.draft(started, steps=["about", "visit"])
    seed.submission(opened=NOON - 10 * M, submitted=NOON)
    seed.submission(opened=NOON - 30 * M, submitted=NOON)
    seed.submission(opened=BEFORE, submitted=BEFORE + M)  # another period

    flow = funnel.funnel(PERIOD)

    assert (flow.sent, flow.opened, flow.started, flow.completed) == (5, 4, 3, 2)
    saved = {step.name: count for step, count in flow.steps}
    assert [step.name for step, _ in flow.steps] == [s.name for s in QUESTION_STEPS]
    assert saved["about"] == saved["visit"] == 3
    assert saved["consent"] == saved["surgery_trauma"] == 2


def test_median_time_to_complete_is_from_opening_to_the_first_submission(seed):
    for minutes in (10, 30, 50, 70):
        seed.submission(opened=NOON - minutes * M, submitted=NOON)
    assert funnel.median_time_to_complete(PERIOD) == 40 * M
    seed.submission(opened=NOON - 90 * M, submitted=NOON)
    assert funnel.median_time_to_complete(PERIOD) == 50 * M
    assert funnel.median_time_to_complete(Period(dt.date(2026, 1, 1), dt.date(2026, 1, 2))) is None


@pytest.fixture
def screened(seed):
    """Five current screenings (3 clear, 1 hold, 1 do-not-needle) and one replaced one."""
    clear_a = seed.submission(CLEAR)
    seed.submission(CLEAR, submitted=NOON + H)
    rescreened = seed.submission(HOLD, submitted=NOON - 2 * H)
    # The check-in replaces the hold: only its CLEAR counts for this visit.
    seed.submission(CLEAR, invitation=rescreened.invitation, kind=Submission.Kind.CHECK_IN)
    hold = seed.submission(HOLD)
    never = seed.submission(DO_NOT_NEEDLE)
    seed.submission(HOLD, submitted=BEFORE)  # another period
    return {"clear": clear_a, "hold": hold, "never": never, "replaced": rescreened}


def test_tier_rates_count_each_visit_once_with_its_current_screening(screened):
    rates = {rate.key: (rate.count, rate.total) for rate in rules.tier_rates(PERIOD)}
    assert rates == {
        "CLEAR": (3, 5),
        "HOLD_FOR_CLEARANCE": (1, 5),
        "DO_NOT_NEEDLE": (1, 5),
        "PHYSIO_REVIEW": (0, 5),
        "INFO_ONLY": (0, 5),
    }


def test_flag_rates_per_rule_leave_out_replaced_screenings_and_always_on_findings(screened):
    rates = {rate.key: (rate.count, rate.total) for rate in rules.flag_rates(PERIOD)}
    assert rates == {
        "anticoagulant_vka_out_of_range": (1, 5),
        "cardiovascular_stable": (1, 5),
        "needle_phobia_severe": (1, 5),
    }


def test_an_override_is_a_latest_decision_less_cautious_than_the_tier(seed, screened):
    # The hold: deferred first, then proceeded (the latest counts: an override).
    seed.event(screened["hold"], NOON + H, decision="defer")
    seed.event(screened["hold"], NOON + 2 * H, decision="proceed", reason="INR 2.4 checked today")
    seed.event(screened["never"], NOON + H, decision="do_not_needle")  # as cautious: not one
    seed.event(screened["clear"], NOON + H, decision="proceed")  # clear: never an override
    seed.event(screened["replaced"], NOON + H, decision="proceed")  # replaced: not counted

    total = rules.override_total(PERIOD)
    assert (total.count, total.total) == (1, 3)
    rates = {rate.key: (rate.count, rate.total) for rate in rules.override_rates(PERIOD)}
    assert rates == {"anticoagulant_vka_out_of_range": (1, 1), "needle_phobia_severe": (0, 1)}
    [reason] = rules.override_reasons(PERIOD)
    assert reason.reason == "INR 2.4 checked today"
    assert (reason.tier, reason.decision) == ("HOLD_FOR_CLEARANCE", "proceed")
    assert reason.rules == ("anticoagulant_vka_out_of_range",)
    assert reason.decided_at == NOON + 2 * H


def test_median_times_to_review_and_to_decision(seed):
    subs = [seed.submission(CLEAR) for _ in range(4)]
    seed.event(subs[0], NOON + 1 * H)
    seed.event(subs[0], NOON + 5 * H, decision="proceed")
    seed.event(subs[1], NOON + 3 * H, decision="proceed")
    seed.event(subs[2], NOON + 2 * H)
    # subs[3]: nothing yet, left out of both medians.
    assert timing.median_time_to_review(PERIOD) == 2 * H
    assert timing.median_time_to_decision(PERIOD) == 4 * H


def test_weekly_counts_cover_every_week_of_the_period(seed):
    seed.submission(CLEAR)
    seed.submission(HOLD)
    seed.submission(CLEAR, submitted=NOON + 7 * 24 * H)
    weeks = timing.weekly_counts(PERIOD)
    assert [week for week, _, _ in weeks] == [dt.date(2026, 11, d) for d in (2, 9, 16, 23)]
    assert [(total, flagged) for _, total, flagged in weeks] == [(0, 0), (0, 0), (2, 1), (1, 0)]


def test_clearances_requested_received_and_outstanding(seed):
    user = User.objects.create_user("desk-seed")

    def clearance(status, received=None, requested=NOON):
        submission = seed.submission(HOLD)
        return Clearance.objects.create(
            visit=submission.invitation.visit,
            submission=submission,
            status=status,
            requested_at=requested,
            requested_by=user,
            request_method=Clearance.Method.PRINTED,
            received_at=received,
        )

    clearance(Clearance.Status.REQUESTED)
    clearance(Clearance.Status.REQUESTED)
    clearance(Clearance.Status.RECEIVED, received=NOON + H)
    clearance(Clearance.Status.CLOSED)
    clearance(Clearance.Status.REQUESTED, requested=BEFORE)
    assert clearances.clearances(PERIOD) == clearances.Clearances(4, 1, 2)


def test_the_period_form_defaults_to_eight_weeks_and_refuses_bad_dates():
    today = timezone.localdate()
    assert PeriodForm().period() == default_period()
    assert (default_period().end - default_period().start).days == 55
    assert default_period().end == today
    form = PeriodForm({"date_from": "2026-13-40", "date_to": ""})
    assert not form.is_valid() and "date_from" in form.errors
    assert form.period() == default_period()
    backwards = PeriodForm({"date_from": "2026-11-20", "date_to": "2026-11-01"})
    assert not backwards.is_valid() and backwards.non_field_errors()
    chosen = PeriodForm({"date_from": "2026-11-02", "date_to": "2026-11-29"})
    assert chosen.period() == PERIOD
