"""Hypothesis over every question step: whatever is posted, the answer is never a 500.

For each step form, 200+ generated POSTs mix the form's real field names (and the day /
month / year parts of its dates) with random strings, huge strings, any Unicode, wrong
types (numbers, lists for single answers), missing fields and extra fields, posted to the
real step view by a patient who has the link.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.intake.fields import DatePartsField
from screening.intake.forms import STEP_FORMS
from tests.security.builders import appointment_day, make_invitation
from tests.security.patient_flow import start

EXAMPLES = 200
ALLOWED_STATUSES = {200, 302, 400, 409}

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
huge_text = st.builds(
    lambda char, n: char * n, st.sampled_from("a7é😀\u202e<\x00 "), st.integers(1_000, 120_000)
)
numbers = st.one_of(st.integers(-(10**12), 10**12), st.floats(allow_nan=True)).map(str)


def field_names(form) -> list[str]:
    names = []
    for name, field in form.fields.items():
        if isinstance(field, DatePartsField):
            names += [f"{name}_day", f"{name}_month", f"{name}_year"]
        else:
            names.append(name)
    return names


def choice_values(form) -> list[str]:
    values = {"True", "False", "on", ""}
    for field in form.fields.values():
        values |= {str(key) for key, _label in getattr(field, "choices", ())}
    return sorted(values)


def form_posts(form) -> st.SearchStrategy[dict]:
    """POST data for `form`: its own field names with any values, plus extra fields."""
    real_value = st.sampled_from(choice_values(form))
    one_value = st.one_of(real_value, any_text, numbers, huge_text)
    value = st.one_of(one_value, st.lists(one_value, max_size=4))
    names = field_names(form)
    real_fields = st.dictionaries(st.sampled_from(names), value, max_size=len(names))
    extra_fields = st.dictionaries(any_text.filter(bool), value, max_size=4)
    meta = st.fixed_dictionaries(
        {},
        optional={
            "action": st.one_of(st.sampled_from(["next", "back", "later"]), any_text),
            "version": st.one_of(st.integers(-5, 10**6).map(str), any_text),
            "from": st.sampled_from(["review", ""]),
        },
    )
    return st.tuples(real_fields, extra_fields, meta).map(
        lambda parts: {**parts[1], **parts[0], **parts[2]}
    )


def step_posts(step: str) -> st.SearchStrategy[dict]:
    return form_posts(STEP_FORMS[step](appointment_date=appointment_day()))


def post_many(client: Client, url: str, strategy: st.SearchStrategy[dict]) -> list[int]:
    """POST `EXAMPLES` generated bodies to `url`; fail on any status outside the allowed set."""
    seen: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=strategy)
    def post_anything(data: dict) -> None:
        response = client.post(url, data)
        seen.append(response.status_code)
        assert response.status_code in ALLOWED_STATUSES, data

    post_anything()
    return seen


@pytest.fixture
def patient(db) -> Client:
    _invitation, token = make_invitation("Fuzz Patient", email="fuzz@example.com")
    client = Client(raise_request_exception=False)
    start(client, token)
    return client


@pytest.mark.parametrize("step", list(STEP_FORMS))
def test_no_generated_post_to_a_step_gets_a_server_error(step, patient):
    url = reverse("intake:step", kwargs={"name": step})
    seen = post_many(patient, url, step_posts(step))
    assert len(seen) >= EXAMPLES
    # The page still works afterwards.
    assert patient.get(url).status_code == 200
