"""A decision less cautious than the tier needs a written reason; others do not."""

import itertools

import pytest

from screening.models import Submission, SubmissionEvent
from screening.review.forms import DecisionForm

D = SubmissionEvent.Decision
T = Submission.Tier

# Less cautious than the tier: the only pairs that need a written reason. Every other pair of
# the 5 tiers x 4 decisions does not.
REASON_REQUIRED = {
    (T.HOLD_FOR_CLEARANCE, D.PROCEED),
    (T.HOLD_FOR_CLEARANCE, D.PROCEED_MODIFIED),
    (T.DO_NOT_NEEDLE, D.PROCEED),
    (T.DO_NOT_NEEDLE, D.PROCEED_MODIFIED),
    (T.DO_NOT_NEEDLE, D.DEFER),
}
TABLE = [(t, d, (t, d) in REASON_REQUIRED) for t, d in itertools.product(T, D)]


def _form(tier, decision, reason="", modifications="superficial only, no e-stim"):
    data = {
        "row_version": 0,
        "decision": decision,
        "reason": reason,
        "modifications": modifications,
    }
    return DecisionForm(data, tier=tier)


@pytest.mark.parametrize(("tier", "decision", "required"), TABLE)
def test_it_requires_a_reason_exactly_when_the_decision_is_less_cautious(tier, decision, required):
    without_reason = _form(tier, decision)
    assert without_reason.is_valid() is not required
    assert ("reason" in without_reason.errors) is required
    assert _form(tier, decision, reason="Clearance letter from Dr Lee on file").is_valid()


def test_a_blank_reason_does_not_count_as_a_reason():
    assert not _form(T.HOLD_FOR_CLEARANCE, D.PROCEED, reason="   ").is_valid()


def test_proceed_with_modifications_needs_the_modifications_in_words():
    form = _form(T.PHYSIO_REVIEW, D.PROCEED_MODIFIED, modifications="")
    assert not form.is_valid()
    assert "modifications" in form.errors
