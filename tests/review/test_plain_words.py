"""Staff read plain words: a one-line reason per screening, no region codes or field paths."""

import re

import pytest
from django.urls import reverse

from screening.contracts import assess_document
from screening.review import access, labels
from screening.review.demo_data import load_example

CODE = re.compile(r"\b[A-Z]+(?:_[A-Z]+)+\b|\b[a-z_]+\.[a-z_.]+\b")


@pytest.mark.parametrize(
    "example, expected",
    [
        ("ex01-healthy-adult", ""),
        ("ex02-warfarin-inr-above-cap", "Warfarin, INR 3.4 on 20 Nov"),
        ("ex03-pregnancy-due-date-wins", "Pregnant, 20 weeks"),
        ("ex04-skin-lesion-adjacent-vs-not", "Skin problem at or next to the right ankle"),
        ("ex06-severe-needle-phobia", "Severe needle fear"),
    ],
)
def test_the_reason_names_the_top_finding_in_plain_words(example, expected):
    document = load_example(example)
    line = labels.reason_line(assess_document(document), document)
    assert line.startswith(expected) if expected else line == ""
    assert not CODE.search(line)


def test_engine_messages_lose_their_region_codes_and_iso_dates():
    text = labels.plain_text(
        "Target region(s) over the lung: SCAPULA_R, THORACIC_SPINE on 2026-11-20."
    )
    assert "SCAPULA_R" not in text and "right shoulder blade" in text and "mid back" in text
    assert "2026-11-20" not in text
    assert labels.unsure_labels(["conditions.diabetes_details.high_sugar_symptoms"]) == [
        "frequent high sugars"
    ]


@pytest.mark.django_db
def test_the_queue_shows_each_rows_reason_without_opening_it(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission("ex02-warfarin-inr-above-cap", "Avery Thompson")
    make_submission("ex04-skin-lesion-adjacent-vs-not", "Sam Skin")
    html = client.get(reverse("review:queue")).content.decode()
    assert re.search(r"Warfarin, INR 3.4 on \d{1,2} [A-Z][a-z]{2}\b", html)
    assert "Skin problem at or next to the right ankle and foot" in html
    assert "ANKLE_FOOT_R" not in html


@pytest.mark.django_db
def test_the_submission_page_shows_no_codes_or_field_paths(staff_client, make_submission):
    client = staff_client(access.PHYSIOTHERAPIST)
    submission = make_submission("ex08-older-adult-multi-rule", "Olive Older")
    html = client.get(reverse("review:submission", args=[submission.pk])).content.decode()
    # What a person reads: the text between tags (the body map's ids may carry codes).
    html = re.sub(r"<[^>]+>", " ", html)
    for code in ("SCAPULA_R", "THORACIC_SPINE", "conditions.diabetes_details", "PC, global"):
        assert code not in html
    assert "right shoulder blade" in html
    assert "Needs clearance, whole treatment" in html


@pytest.mark.django_db
def test_the_queue_sorts_by_a_column_and_back(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    soon = make_submission("ex05-pacemaker-left", "Soon", days_ahead=1)
    later = make_submission("ex02-warfarin-inr-above-cap", "Later", days_ahead=4)
    default = [r.pk for r in client.get(reverse("review:queue")).context["page"].object_list]
    by_tier = client.get(reverse("review:queue"), {"sort": "tier"})
    assert [r.pk for r in by_tier.context["page"].object_list] == [later.pk, soon.pk]
    assert default == [soon.pk, later.pk]
    reverse_tier = client.get(reverse("review:queue"), {"sort": "-tier"})
    assert [r.pk for r in reverse_tier.context["page"].object_list] == [soon.pk, later.pk]
    assert 'aria-sort="descending"' in reverse_tier.content.decode()
    # An unknown sort falls back to the default order, never an error.
    assert client.get(reverse("review:queue"), {"sort": "x;drop"}).status_code == 200


@pytest.mark.django_db
def test_a_sort_keeps_the_filters(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    make_submission("ex01-healthy-adult", "Clear Person")
    flagged = make_submission("ex02-warfarin-inr-above-cap", "Flagged Person")
    client.post(reverse("review:queue"), {"tier": "flagged"})
    rows = client.get(reverse("review:queue"), {"sort": "-submitted"}).context["page"].object_list
    assert [r.pk for r in rows] == [flagged.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Cote", "côté", "COTE, zoe", "Zoe", "cote,"])
def test_the_search_ignores_accents_and_case_and_takes_last_first(
    staff_client, make_submission, query
):
    client = staff_client(access.FRONT_DESK)
    found = make_submission("ex02-warfarin-inr-above-cap", "Zoé Côté")
    make_submission("ex01-healthy-adult", "Sam Other")
    client.post(reverse("review:queue"), {"q": query})
    rows = client.get(reverse("review:queue")).context["page"].object_list
    assert [r.pk for r in rows] == [found.pk]


@pytest.mark.django_db
def test_the_search_finds_a_date_of_birth(staff_client, make_submission):
    client = staff_client(access.FRONT_DESK)
    found = make_submission("ex02-warfarin-inr-above-cap", "Zoé Côté")
    make_submission("ex01-healthy-adult", "Sam Other")
    patient = found.invitation.visit.patient
    patient.date_of_birth = "1980-04-02"
    patient.save()
    client.post(reverse("review:queue"), {"q": "1980-04-02"})
    rows = client.get(reverse("review:queue")).context["page"].object_list
    assert [r.pk for r in rows] == [found.pk]
