"""The "What to expect" page: plain words, the figures of clinical-rules 7.2, the safety net."""

import pytest
from django.urls import reverse

# The page is headed with the clinic profile's name, read from the database.
pytestmark = pytest.mark.django_db


def test_it_explains_side_effects_with_their_frequencies_and_the_lung_warning(client):
    response = client.get(reverse("intake:what_to_expect"))
    assert response.status_code == 200
    text = response.content.decode()
    for words in (
        "1 in 5 to 1 in 3 sessions",
        "1 in 13 sessions",
        "About 1 in 4 people",
        "8 in every million",
        "collapsed lung (pneumothorax)",
        "a few hours up to 2 days after treatment",
        "call 911 if it is severe",
    ):
        assert words in text, words


def test_it_never_shows_source_codes_or_cold_words(client):
    text = client.get(reverse("intake:what_to_expect")).content.decode().lower()
    for word in ("s46", "(s17", "not eligible", "ineligible", "rejected", "denied"):
        assert word not in text, word


def test_it_needs_no_link_and_has_one_heading(client):
    text = client.get(reverse("intake:what_to_expect")).content.decode()
    assert text.count("<h1") == 1
