"""The submission page: tier and findings first, sources, body map, answers, consent, check-in."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from screening.intake.submit import create_submission
from screening.models import AuditEvent, Submission
from screening.review import access, audit, labels
from screening.review.demo_data import DANA, DemoCase, check_in_document
from screening.rules.sources import SOURCES


def _page(client, submission):
    response = client.get(reverse("review:submission", kwargs={"pk": submission.pk}))
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_it_leads_with_the_tier_and_the_findings_highest_first(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex08-older-adult-multi-rule")
    response = _page(client, submission)
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert html.index("Tier:") < html.index("Findings, highest first") < html.index("Answers")
    shown = [f.rule for f in response.context["findings"]]
    assert shown == [f["rule"] for f in submission.assessment["findings"]]
    for finding in submission.assessment["findings"]:
        assert escape(finding["action"]) in html
    assert "Hold for clearance</span>" in html


@pytest.mark.django_db
def test_sources_are_short_ids_that_expand_to_their_titles(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex02-warfarin-inr-above-cap")
    html = _page(client, submission).content.decode()
    source_id = submission.assessment["findings"][0]["sources"][0]
    assert f"<summary>{source_id}</summary>" in html
    assert escape(SOURCES[source_id]["title"]) in html


@pytest.mark.django_db
def test_it_draws_targets_and_exclusions_on_the_body_map(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex05-pacemaker-left")
    html = _page(client, submission).content.decode()
    assert "CHEST_WALL_L" in submission.assessment["excluded_regions"]
    assert 'data-region="CHEST_WALL_L"' in html
    assert "<svg" in html
    assert "E-stim: <strong>not allowed</strong>" in html


@pytest.mark.django_db
def test_it_shows_every_answer_by_step_in_plain_words(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex02-warfarin-inr-above-cap")
    response = _page(client, submission)
    titles = [section.title for section in response.context["answers"]]
    assert "Bleeding and medicines" in titles
    assert len(titles) >= 10
    answers = (
        response.content.decode().split('id="answers-heading"', 1)[1].split("Consent record")[0]
    )
    assert '<dt class="level-0">Do you take any of these blood thinners?</dt>' in answers
    assert '<dd class="level-0"><bdi>Warfarin</bdi></dd>' in answers
    assert '<dd class="level-1"><bdi>3.4</bdi></dd>' in answers
    assert "anticoagulants" not in answers  # field names never shown, only the questions


@pytest.mark.django_db
def test_the_consent_record_shows_the_guardian_path_for_a_minor(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission(case=DemoCase("ex07-minor-with-guardian", guardian=DANA))
    Submission.objects.filter(pk=submission.pk).update(
        signatures={
            "signed_by": "guardian",
            "name": "Dana Example",
            "signed_at": "2026-11-27T19:00",
            "minor_path": "guardian",
            "guardian_relationship": "parent",
        }
    )
    html = _page(client, submission).content.decode()
    section = html.split("Consent record", 1)[1]
    assert 'Minor at appointment</dt><dd class="col-sm-8">Yes' in section
    assert "Guardian&#x27;s written consent" in section
    assert "<bdi>Dana Example</bdi> (parent)" in section
    assert submission.consent_text_version in section


@pytest.mark.django_db
def test_a_check_in_shows_what_changed_since_the_form(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    first = make_submission("ex01-healthy-adult", days_ahead=0)
    check_in = create_submission(
        invitation=first.invitation,
        draft=first.draft,
        document=check_in_document(first.intake_document),
        signatures=first.signatures,
        consent_text_version=first.consent_text_version,
        kind=Submission.Kind.CHECK_IN,
        previous=first,
    )
    assert (first.tier, check_in.tier) == ("CLEAR", "DO_NOT_NEEDLE")
    response = _page(client, check_in)
    comparison = response.context["comparisons"][0]
    assert [f.rule for f in comparison.added] == ["impaired_today"]
    assert comparison.tier_changed
    assert any(after == "Yes" for _, _, after in comparison.changed_answers)
    assert b"What changed at check-in" in response.content
    # The first form's page links to the later check-in too.
    assert _page(client, first).context["comparisons"][0].later == check_in


@pytest.mark.django_db
def test_the_clearance_letter_lists_the_conditions_needing_clearance(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission("ex02-warfarin-inr-above-cap", name="Omar Haddad")
    response = client.get(reverse("review:clearance_letter", kwargs={"pk": submission.pk}))
    html = response.content.decode()
    holds = [
        f for f in submission.assessment["findings"] if f["tier_effect"] == "HOLD_FOR_CLEARANCE"
    ]
    assert holds
    for finding in holds:
        # In plain words (dates as "23 Nov", no codes): labels.plain_text.
        assert escape(labels.plain_text(finding["staff_message"])) in html
    others = [
        f for f in submission.assessment["findings"] if f["tier_effect"] != "HOLD_FOR_CLEARANCE"
    ]
    for finding in others:
        assert escape(finding["staff_message"]) not in html
    assert "Omar Haddad" in html
    assert AuditEvent.objects.filter(action=audit.LETTER_PRINTED).count() == 1


@pytest.mark.django_db
def test_a_clear_submission_has_no_clearance_letter(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission("ex01-healthy-adult")
    response = client.get(reverse("review:clearance_letter", kwargs={"pk": submission.pk}))
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_pdf_download_is_a_pdf_and_is_audited(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    submission = make_submission("ex02-warfarin-inr-above-cap", name="Omar Haddad")
    response = client.get(reverse("review:summary_pdf", kwargs={"pk": submission.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "Haddad" not in disposition and "Omar" not in disposition
    event = AuditEvent.objects.get(action=audit.PDF_DOWNLOADED)
    assert (event.object_id, event.actor) == (str(submission.pk), client.user)
