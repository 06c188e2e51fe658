"""The catalogue of patient messages matches what the rules can say (issue 14).

Patient messages are translated at the edge from the English the engine writes; the
catalogue (screening/rules/patient_catalogue.py) is how those messages reach the translation
files. A rule whose message is missing from it would reach a French patient in English.
"""

from __future__ import annotations

from screening.rules.patient_catalogue import PATIENT_MESSAGES
from tests.rules.patient_message_scan import scan


def test_every_patient_message_in_the_rules_can_be_read_off_their_source():
    messages, unreadable = scan()
    assert unreadable == [], "patient messages must be fixed text (clinical-rules.md 3.7)"
    assert len(messages) > 50


def test_the_catalogue_lists_exactly_the_messages_the_rules_can_produce():
    messages, _unreadable = scan()
    produced = {m for m in messages if m.strip()}
    missing = sorted(produced - PATIENT_MESSAGES)
    stale = sorted(PATIENT_MESSAGES - produced)
    assert missing == [], "add these to screening/rules/patient_catalogue.py, then makemessages"
    assert stale == [], "no rule says these any more: remove them from the catalogue"
