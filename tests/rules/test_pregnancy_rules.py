"""Pregnancy rules (clinical-rules.md 6.2) and gestation at the appointment (3.2).

Appointment 2026-12-03, form completed 2026-12-01 (two days earlier) in the baseline.
"""

import datetime as dt

import pytest

from screening.rules import assess

TRIMESTER_RULES = {"pregnancy_t1_or_possible", "pregnancy_t2", "pregnancy_t3"}
APPOINTMENT = dt.date(2026, 12, 3)


def due_date_for(weeks: int, days: int = 0) -> str:
    """The due date that puts the appointment at ``weeks``+``days`` of pregnancy."""
    return (APPOINTMENT + dt.timedelta(days=280 - (weeks * 7 + days))).isoformat()


def pregnant(**fields):
    return {"pregnancy": {"status": "yes", "complications": "no", **fields}}


@pytest.mark.parametrize(
    ("pregnancy", "gw", "trimester_rule"),
    [
        (pregnant(due_date=due_date_for(13, 6)), 13, "pregnancy_t1_or_possible"),
        (pregnant(due_date=due_date_for(14, 0)), 14, "pregnancy_t2"),
        (pregnant(due_date=due_date_for(27, 6)), 27, "pregnancy_t2"),
        (pregnant(due_date=due_date_for(28, 0)), 28, "pregnancy_t3"),
        (pregnant(due_date=due_date_for(43, 0)), 43, "pregnancy_t3"),
        (pregnant(due_date=due_date_for(4, 0)), 4, "pregnancy_t1_or_possible"),
        # weeks at completion plus the 2 days until the appointment
        (pregnant(weeks_at_completion=13), 13, "pregnancy_t1_or_possible"),
        (pregnant(weeks_at_completion=14), 14, "pregnancy_t2"),
        (pregnant(weeks_at_completion=27), 27, "pregnancy_t2"),
        (pregnant(weeks_at_completion=28), 28, "pregnancy_t3"),
        # unknown weeks are handled as the first trimester
        (pregnant(), None, "pregnancy_t1_or_possible"),
        ({"pregnancy": {"status": "unsure"}}, None, "pregnancy_t1_or_possible"),
    ],
)
def test_exactly_one_trimester_rule_fires_at_the_gestation_of_the_appointment(
    make_doc, fired, pregnancy, gw, trimester_rule
):
    doc = make_doc(pregnancy)
    assert assess(doc)["gestational_weeks_at_appointment"] == gw
    assert fired(doc).keys() & TRIMESTER_RULES == {trimester_rule}


@pytest.mark.parametrize(
    ("completed_on", "gw", "rule"),
    [
        ("2026-11-27", 13, "pregnancy_t1_or_possible"),  # 13+0 six days before: 13+6
        ("2026-11-26", 14, "pregnancy_t2"),  # 13+0 seven days before: 14+0
    ],
)
def test_weeks_at_completion_are_carried_to_the_appointment(
    make_doc, fired, completed_on, gw, rule
):
    doc = make_doc({"completed_on": completed_on, **pregnant(weeks_at_completion=13)})
    assert assess(doc)["gestational_weeks_at_appointment"] == gw
    assert fired(doc).keys() & TRIMESTER_RULES == {rule}


def test_the_due_date_wins_over_the_week_count(make_doc, fired):
    doc = make_doc(pregnant(weeks_at_completion=12, due_date=due_date_for(20)))
    assert assess(doc)["gestational_weeks_at_appointment"] == 20
    assert fired(doc).keys() & TRIMESTER_RULES == {"pregnancy_t2"}


@pytest.mark.parametrize("status", ["no", "not_applicable"])
def test_no_pregnancy_rule_fires_when_not_pregnant(make_doc, fired, status):
    doc = make_doc({"pregnancy": {"status": status}})
    rules = fired(doc)
    assert not rules.keys() & (TRIMESTER_RULES | {"pregnancy_complicated"})
    assert assess(doc)["gestational_weeks_at_appointment"] is None


def test_possible_pregnancy_has_no_gestational_weeks(make_doc):
    assert (
        assess(make_doc({"pregnancy": {"status": "unsure"}}))["gestational_weeks_at_appointment"]
        is None
    )


@pytest.mark.parametrize(
    "pregnancy",
    [
        pregnant(),
        pregnant(due_date=due_date_for(20)),
        pregnant(due_date=due_date_for(30)),
        {"pregnancy": {"status": "unsure"}},
    ],
)
def test_every_trimester_rule_excludes_abdomen_and_low_back_and_turns_estim_off(
    make_doc, pregnancy
):
    assessment = assess(make_doc(pregnancy))
    finding = next(f for f in assessment["findings"] if f["rule"] in TRIMESTER_RULES)
    assert finding["regions"] == ["ABDOMEN", "LUMBAR_SACRAL"]
    assert assessment["excluded_regions"] == ["ABDOMEN", "LUMBAR_SACRAL"]
    assert assessment["estim_allowed"] is False
    assert assessment["tier"] == "PHYSIO_REVIEW"


@pytest.mark.parametrize(
    ("complications", "hold"),
    [("yes", True), ("no", False), ("unsure", False)],
)
def test_a_complication_holds_for_clearance_and_unsure_stays_at_review(
    make_doc, fired, complications, hold
):
    doc = make_doc(pregnant(due_date=due_date_for(20), complications=complications))
    rules = fired(doc)
    assert ("pregnancy_complicated" in rules) is hold
    assert "pregnancy_t2" in rules
    assert assess(doc)["tier"] == ("HOLD_FOR_CLEARANCE" if hold else "PHYSIO_REVIEW")


@pytest.mark.parametrize(
    ("pregnancy", "rule"),
    [
        (pregnant(complications="unsure"), "pregnancy_t1_or_possible"),
        (pregnant(due_date=due_date_for(20), complications="unsure"), "pregnancy_t2"),
        (pregnant(due_date=due_date_for(30), complications="unsure"), "pregnancy_t3"),
    ],
)
def test_unsure_complications_are_listed_on_the_trimester_rule(make_doc, fired, pregnancy, rule):
    rules = fired(make_doc(pregnancy))
    assert rules[rule]["unsure_fields"] == ["pregnancy.complications"]
    assert "unsure_answers" not in rules


def test_possible_pregnancy_lists_the_status(make_doc, fired):
    rules = fired(make_doc({"pregnancy": {"status": "unsure"}}))
    finding = rules["pregnancy_t1_or_possible"]
    assert finding["unsure_fields"] == ["pregnancy.status"]
    assert finding["staff_message"].startswith(
        "May be pregnant (answered not sure). First-trimester"
    )
    assert "unsure_answers" not in rules


@pytest.mark.parametrize(
    ("pregnancy", "start"),
    [
        (pregnant(), "Pregnant, weeks not known. First-trimester care"),
        (pregnant(weeks_at_completion=8), "Pregnant, 8 weeks at the appointment. First-trimester"),
        (pregnant(due_date=due_date_for(20)), "Pregnant, 20 weeks at the appointment (second"),
        (
            pregnant(due_date=due_date_for(30)),
            "Pregnant, 30 weeks at the appointment (third trimester). Avoid",
        ),
        # 1.1.0: the "over 42 weeks" bracket has its condition gw >= 43 (42+1 is still 42).
        (
            pregnant(due_date=due_date_for(42, 1)),
            "Pregnant, 42 weeks at the appointment (third trimester). Avoid",
        ),
        (
            pregnant(due_date=due_date_for(43)),
            "Pregnant, 43 weeks at the appointment (third trimester); over 42 weeks: check whether",
        ),
    ],
)
def test_trimester_messages_state_the_weeks(make_doc, fired, pregnancy, start):
    messages = [
        f["staff_message"] for r, f in fired(make_doc(pregnancy)).items() if r in TRIMESTER_RULES
    ]
    assert messages[0].startswith(start)


def test_exactly_42_weeks_is_not_over_42_weeks(make_doc, fired):
    message = fired(make_doc(pregnant(due_date=due_date_for(42, 0))))["pregnancy_t3"][
        "staff_message"
    ]
    assert "over 42 weeks" not in message


def test_complication_message_quotes_the_details(make_doc, fired):
    doc = make_doc(
        pregnant(
            due_date=due_date_for(20),
            complications="yes",
            complication_details="Low-lying placenta, Dr Singh",
        )
    )
    finding = fired(doc)["pregnancy_complicated"]
    assert finding["staff_message"] == (
        'Pregnancy complication reported. Details: "Low-lying placenta, Dr Singh". Needs written '
        "clearance from the pregnancy care provider before needling."
    )
    assert finding["sources"] == ["S35", "S10", "S10a"]
    assert "Complications: yes." in fired(doc)["pregnancy_t2"]["staff_message"]


def test_sources_follow_the_catalogue_order(make_doc, fired):
    rules = fired(make_doc({"pregnancy": {"status": "unsure"}}))
    assert rules["pregnancy_t1_or_possible"]["sources"] == [
        "S10",
        "S10a",
        "S13a",
        "S14",
        "S4",
        "S35",
    ]
