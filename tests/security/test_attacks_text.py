"""Hostile text in every free-text field and in names: escaped, literal, isolated, or refused.

The patient types the payloads through the real step views; staff then open the pages and
the PDF. Markup must come out escaped in HTML and as literal characters in the PDF; template
syntax must stay text; control characters must be refused with a message or shown safely.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from screening.models import Invitation, Submission
from screening.pdf.render import render_summary, summary_html
from tests.security.builders import appointment_day, make_invitation, staff_user
from tests.security.patient_flow import answer_every_step, post_step, sign, start, step_posts
from tests.security.text_checks import pdf_text, unisolated_places
from tests.security.url_walk import inline_code

SCRIPT = '<script>alert("x1")</script>'
IMG = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"{SCRIPT} {IMG}"
TEMPLATE_NAME = "{{ settings.SECRET_KEY }} {% debug %}"
RLO_NAME = "Ann \u202eevil.pdf\u202c Lee"


def submit_as_patient(patient_name: str, text: str, signature: str) -> Submission:
    invitation, token = make_invitation(patient_name)
    patient = Client()
    start(patient, token)
    responses = answer_every_step(patient, text)
    assert [r.status_code for r in responses] == [302] * len(responses)
    assert sign(patient, signature).status_code == 302
    return Submission.objects.get(invitation=invitation)


def staff_pages(login_staff, submission: Submission) -> dict[str, str]:
    desk = Client()
    login_staff(desk, staff_user("front_desk", "x1-text-desk"))
    pages = {
        "queue": desk.get(reverse("review:queue")),
        "submission": desk.get(reverse("review:submission", args=[submission.pk])),
        "invitations": desk.get(reverse("review:invitations")),
        "letter": desk.get(reverse("review:clearance_letter", args=[submission.pk])),
    }
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    return {name: response.content.decode() for name, response in pages.items()}


@pytest.mark.django_db
def test_markup_in_every_free_text_field_is_escaped_on_staff_pages_and_literal_in_the_pdf(
    login_staff,
):
    submission = submit_as_patient(f"Pat {PAYLOAD}", PAYLOAD, f"Pat {PAYLOAD}")
    pages = staff_pages(login_staff, submission)
    page = pages["submission"]
    assert SCRIPT not in page and "<img src=x" not in page
    # Shown, escaped: once per free-text answer, plus the name and the signature.
    assert page.count("&lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt;") >= 6
    for name, html in pages.items():
        assert SCRIPT not in html, name
        assert [o for o in inline_code(html) if "alert" in o] == [], name
    text = pdf_text(render_summary(submission)[2])
    for suffix in ("hesitation", "reaction", "complication", "mental health", "surgery"):
        assert f"{SCRIPT} {IMG} {suffix}" in text, suffix


@pytest.mark.django_db
def test_template_syntax_in_a_name_and_answers_shows_literally(login_staff):
    submission = submit_as_patient(TEMPLATE_NAME, TEMPLATE_NAME, TEMPLATE_NAME)
    pages = staff_pages(login_staff, submission)
    for name, html in pages.items():
        assert settings.SECRET_KEY not in html, name
    assert "{{ settings.SECRET_KEY }}" in pages["submission"]
    pdf = render_summary(submission)[2]
    assert settings.SECRET_KEY not in pdf_text(pdf)
    assert "{{ settings.SECRET_KEY }}" in pdf_text(pdf)


@pytest.mark.django_db
def test_a_nul_byte_in_a_name_or_an_answer_is_refused_with_a_message(login_staff):
    desk = Client()
    login_staff(desk, staff_user("front_desk", "x1-nul-desk"))
    response = desk.post(
        reverse("review:invitations"),
        {"patient_name": "Ann\x00Lee", "appointment_date": appointment_day().isoformat()},
    )
    assert response.status_code in (200, 400)
    assert "Null characters are not allowed" in response.content.decode()
    assert not Invitation.objects.filter(patient_name__contains="Ann").exists()

    _invitation, token = make_invitation("Nul Patient")
    patient = Client()
    start(patient, token)
    consent = {**step_posts("x")["consent"], "hesitation_reason": "scared\x00of needles"}
    response = post_step(patient, "consent", consent)
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()


@pytest.mark.django_db
def test_a_lone_surrogate_is_never_stored_and_never_crashes(login_staff):
    """Browsers cannot send one; a crafted body can. It must come out as U+FFFD or a refusal."""
    _invitation, token = make_invitation("Surrogate Patient")
    patient = Client(raise_request_exception=False)
    start(patient, token)
    data = {**step_posts("x")["consent"], "action": "next", "version": "0"}
    data["hesitation_reason"] = "SURROGATE"
    body = urlencode(data).replace("SURROGATE", "%ED%A0%80name")
    response = patient.post(
        reverse("intake:step", kwargs={"name": "consent"}),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (302, 400)
    for invitation in Invitation.objects.all():
        draft = getattr(invitation, "draft", None)
        saved = str(draft.answers if draft else "")
        saved.encode("utf-8")  # raises on a lone surrogate
        assert "\ud800" not in saved

    desk = Client(raise_request_exception=False)
    login_staff(desk, staff_user("front_desk", "x1-surrogate-desk"))
    body = urlencode(
        {"patient_name": "NAME", "appointment_date": appointment_day().isoformat()}
    ).replace("NAME", "Ann%ED%A0%80Lee")
    response = desk.post(
        reverse("review:invitations"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (302, 400)
    for name in Invitation.objects.values_list("patient_name", flat=True):
        name.encode("utf-8")
    assert desk.get(reverse("review:invitations")).status_code == 200


@pytest.mark.django_db
def test_a_right_to_left_override_in_names_is_refused_or_shown_isolated(login_staff):
    submission = submit_as_patient(RLO_NAME, "plain", RLO_NAME)
    pages = staff_pages(login_staff, submission)
    problems = {}
    for name, html in pages.items():
        count, bare = unisolated_places(html, "evil.pdf")
        if bare:
            problems[name] = bare
    pdf_html = summary_html(submission)
    count, bare = unisolated_places(pdf_html, "evil.pdf")
    if bare:
        problems["pdf"] = bare
    assert problems == {}
    # And the PDF renders (the override itself is shown as a replacement character).
    assert "evil.pdf" in pdf_text(render_summary(submission)[2])


@pytest.mark.django_db
def test_hostile_text_on_the_patients_own_review_page_is_escaped():
    _invitation, token = make_invitation("Review Patient")
    patient = Client()
    start(patient, token)
    answer_every_step(patient, PAYLOAD)
    page = patient.get(reverse("intake:review")).content.decode()
    assert SCRIPT not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
