"""One submission: tier and findings first, then the body map, answers, consent, history."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from screening.care.display import superseded_notice
from screening.models import Submission
from screening.pdf.answers import answer_sections
from screening.review import access, audit, clearance, queries, submission_page, workflow
from screening.review.forms import ClearanceLetterForm, DecisionForm, NoteForm, StatusForm
from screening.review.unreadable import UNREADABLE_ERRORS, unreadable_page


@access.staff_required(*access.CLINICAL_ROLES)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_staff(request, pk, "view")
    audit.record(request, audit.SUBMISSION_VIEWED, submission)
    try:
        return render_page(request, submission)
    except UNREADABLE_ERRORS as error:
        return unreadable_page(request, submission, error)


def render_page(
    request: HttpRequest,
    submission: Submission,
    bound_form=None,
    conflict: bool = False,
    status: int | None = None,
) -> HttpResponse:
    """Render the page; `bound_form` replaces the blank form of its kind (errors or conflict)."""
    initial = {"row_version": submission.row_version}
    forms = {
        "status_form": StatusForm(initial=initial, prefix="status"),
        "note_form": NoteForm(initial=initial, prefix="note"),
        "clearance_form": ClearanceLetterForm(prefix="clearance"),
        "decision_form": DecisionForm(
            initial=initial,
            prefix="decision",
            tier=submission.tier,
            minor=submission_page.is_minor(submission),
        ),
    }
    if bound_form is not None:
        forms[f"{bound_form.prefix}_form"] = bound_form
    events = queries.submission_events(submission)
    assessment = submission.assessment
    # A replaced screening opens with what replaced it, its tier greyed (screening/care).
    superseded = superseded_notice(submission)
    visit_clearance = clearance.for_visit(submission.invitation.visit_id)
    context = {
        "submission": submission,
        "superseded": superseded,
        "assessment": assessment,
        "tier_style": "secondary" if superseded else submission_page.TIER_STYLE[submission.tier],
        "findings": submission_page.findings(assessment),
        "excluded_words": submission_page.region_words(assessment["excluded_regions"]),
        "target_words": submission_page.region_words(assessment["target_regions"]),
        "answers": answer_sections(submission.intake_document),
        "consent": submission_page.consent_record(submission),
        "comparisons": _comparisons(submission),
        "events": events,
        "latest_decision": workflow.latest_decision(events),
        "mature_minor_events": [e for e in events if e.mature_minor_assessed],
        "has_clearance_findings": bool(submission_page.clearance_findings(assessment)),
        # The visit's clearance loop (requested, received, closed), if one was started.
        "clearance": visit_clearance,
        "clearance_urgent": bool(
            visit_clearance
            and visit_clearance.is_open
            and clearance.is_urgent(submission.appointment_date)
        ),
        "can_decide": access.can(request.user, "decide"),
        "can_change_status": access.can(request.user, "status"),
        "conflict": conflict,
        # After a save: one click on to the next visit still open (issue 11).
        "next_open": queries.next_needing_action(submission),
        **forms,
    }
    # 409 tells scripts the save did not happen; a form with errors is an ordinary 200 page.
    if status is None:
        status = 409 if conflict else 200
    return render(request, "screening/review/submission.html", context, status=status)


def _comparisons(submission: Submission) -> list[submission_page.Comparison]:
    """The earlier form vs this check-in, and this form vs any later check-in."""
    pairs = []
    if submission.previous_id:
        pairs.append((submission.previous, submission))
    pairs += [(submission, later) for later in submission.rescreens.order_by("submitted_at")]
    return [submission_page.compare(earlier, later) for earlier, later in pairs]
