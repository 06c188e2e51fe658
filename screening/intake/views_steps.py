"""The question steps, the review page and "save and finish later"."""

from __future__ import annotations

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from screening.intake.access import patient_required, remembered_token
from screening.intake.answers_view import answer_rows, as_post_data
from screening.intake.drafts import get_draft, save_step
from screening.intake.forms import STEP_FORMS
from screening.intake.invitations import invitation_link
from screening.intake.later import send_link_email
from screening.intake.partial import as_query_dict, partial_for, save_partial
from screening.intake.privacy import acknowledged_current_notice
from screening.intake.state import (
    check_in_open,
    check_in_reopened,
    follow_up_reopened,
    initial_submission,
)
from screening.intake.steps import (
    QUESTION_STEPS,
    TOTAL_STEPS,
    all_questions_done,
    get_step,
    next_step,
    previous_step,
    step_number,
)
from screening.models import Invitation


def _step_url_after(name: str, draft, direction: str, from_review: bool) -> HttpResponse:
    reopened = check_in_reopened(draft)
    finish = "intake:check_in_finish"
    if not reopened and follow_up_reopened(draft):
        # A follow-up re-screen's reopened steps lead back to its send page (screening/care).
        reopened, finish = follow_up_reopened(draft), "follow_up:finish"
    if reopened and direction == "next":
        later = [step for step in reopened if step in STEP_FORMS and _index(step) > _index(name)]
        return redirect("intake:step", name=later[0]) if later else redirect(finish)
    if from_review and direction == "next":
        return redirect("intake:review")
    target = next_step(name) if direction == "next" else previous_step(name)
    if target is None:
        return redirect("intake:privacy")
    if target.name in STEP_FORMS:
        return redirect("intake:step", name=target.name)
    return redirect("intake:review")


def _index(name: str) -> int:
    return [step.name for step in QUESTION_STEPS].index(name)


def _editable(invitation: Invitation, draft, name: str) -> bool:
    """Before submitting every step is open; after it, only check-in's reopened steps."""
    if initial_submission(invitation) is None:
        return True
    return check_in_open(invitation) and name in check_in_reopened(draft)


@patient_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, invitation: Invitation, name: str) -> HttpResponse:
    step_def = get_step(name)
    if step_def is None or name not in STEP_FORMS:
        return render(request, "screening/intake/no_step.html", status=404)
    draft = get_draft(invitation)
    if not acknowledged_current_notice(draft):
        return redirect("intake:privacy")
    if not _editable(invitation, draft, name):
        return redirect("intake:home")
    form_class = STEP_FORMS[name]
    saved = draft.answers.get(name, {})
    from_review = request.GET.get("from") == "review" or request.POST.get("from") == "review"
    kwargs = {
        "appointment_date": invitation.appointment_date,
        "known_date_of_birth": invitation.date_of_birth,
    }
    status = 200
    if request.method == "GET":
        kept = partial_for(draft, name)
        if kept:
            form = _kept_form(request, form_class, kept, kwargs)
        elif request.GET.get("check") and saved:
            form = form_class(as_post_data(form_class(**kwargs), saved), **kwargs)
            form.is_valid()
        else:
            form = form_class(initial=saved, **kwargs)
        return _render_step(request, form, draft, step_def, from_review)
    action = request.POST.get("action", "next")
    if action == "autosave":
        # The page's script keeps what is typed on each change, so a refresh loses nothing.
        # Refused silently when the page was saved since (a late autosave): nothing to do.
        save_partial(draft, name, request.POST, check=False, seen_version=_posted_version(request))
        return HttpResponse(status=204)
    form = form_class(request.POST, **kwargs)
    seen_version = _posted_version(request)
    if form.is_valid():
        if save_step(draft, name, form.saved_answers(), seen_version):
            if action == "later":
                send_link_email(request, invitation)
                return redirect("intake:later")
            return _step_url_after(name, draft, "back" if action == "back" else "next", from_review)
        messages.error(
            request,
            _(
                "This page was changed in another window or on another device. We are showing "
                "the answers saved there. Please check them and save again."
            ),
        )
        draft.refresh_from_db()
        form = form_class(initial=draft.answers.get(name, {}), **kwargs)
        status = 409
    else:
        status = 400
        if action in ("back", "later"):
            # Not valid yet, but never lost: kept as typed, checked when the page reopens.
            save_partial(draft, name, request.POST, check=True, seen_version=seen_version)
            if action == "later":
                send_link_email(request, invitation)
                return redirect("intake:later")
            return _step_url_after(name, draft, "back", from_review)
    return _render_step(request, form, draft, step_def, from_review, status=status)


def _kept_form(request: HttpRequest, form_class, kept: dict, kwargs: dict):
    """The page as the patient left it; checked if they left it with "later" or "back"."""
    form = form_class(as_query_dict(kept), **kwargs)
    if kept.get("check"):
        if not form.is_valid():
            messages.info(
                request,
                _(
                    "Welcome back. We kept what you typed on this page. Please check the "
                    "answers marked below, then press Next."
                ),
            )
    else:
        form._errors = ErrorDict()  # typed, not submitted: no "please answer" yet
    return form


def _posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", "0"))
    except ValueError:
        return 0


def _rechecked(draft) -> tuple[str, list[str]]:
    """("check_in" or "follow_up", the steps reopened to check again) or ("", [])."""
    for kind, steps in (
        ("check_in", check_in_reopened(draft)),
        ("follow_up", follow_up_reopened(draft)),
    ):
        steps = [step for step in steps if step in STEP_FORMS]
        if steps:
            return kind, steps
    return "", []


def _render_step(request, form, draft, step_def, from_review, status=200) -> HttpResponse:
    previous = previous_step(step_def.name)
    recheck, rechecked = _rechecked(draft)
    if step_def.name not in rechecked:
        recheck, rechecked = "", []
    context = {
        "form": form,
        "step": step_def,
        # A page reopened on the day counts among the pages to check, not "step 5 of 12".
        "number": rechecked.index(step_def.name) + 1 if recheck else step_number(step_def.name),
        "total": len(rechecked) if recheck else TOTAL_STEPS,
        "recheck": recheck,
        "version": draft.version,
        "from_review": from_review,
        "previous": previous if previous and previous.name in STEP_FORMS else None,
        "rows": list(_field_rows(form)),
    }
    return render(request, "screening/intake/step.html", context, status=status)


def _field_rows(form):
    """Each field with its follow-up rule and sub-heading, for the template."""
    for name in form.fields:
        yield {
            "field": form[name],
            "followup": form.followup_attrs(name),
            "heading": form.heading_for(name),
        }


@patient_required
def review(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    draft = get_draft(invitation)
    if draft is None or initial_submission(invitation) is not None:
        return redirect("intake:home")
    sections = []
    for step_def in QUESTION_STEPS:
        saved = draft.answers.get(step_def.name)
        form = STEP_FORMS[step_def.name](
            appointment_date=invitation.appointment_date,
            known_date_of_birth=invitation.date_of_birth,
        )
        sections.append(
            {"step": step_def, "done": saved is not None, "rows": answer_rows(form, saved or {})}
        )
    context = {
        "sections": sections,
        "ready": all_questions_done(draft.completed_steps),
        "number": step_number("review"),
        "total": TOTAL_STEPS,
    }
    return render(request, "screening/intake/review.html", context)


@patient_required
def finish_later(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    token = remembered_token(request, invitation)
    context = {
        "link": invitation_link(token) if token else "",
        "emailed": bool(invitation.email),
        "expires_at": invitation.expires_at,
    }
    return render(request, "screening/intake/later.html", context)
