"""Bad input: a clear message next to the field, nothing lost, never a 500."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.models import IntakeDraft
from tests.intake.conftest import fill_all_steps, post_step, sign
from tests.intake.posts import HEALTHY, date_parts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["O'Brien", "Nguyễn Thị Minh Khai", "José-María", "Madonna", "Ødegård"]
)
def test_real_names_pass(patient, name):
    about = {
        **HEALTHY["about"],
        "respondent": "guardian",
        "guardian__name": name,
        "guardian__relationship": "parent",
    }
    assert post_step(patient, "about", about).status_code == 302
    assert IntakeDraft.objects.get().answers["about"]["guardian__name"] == name
    fill_all_steps(patient, {**HEALTHY, "about": about})
    assert sign(patient, name=name).status_code == 302


def _about_error(patient, **changes):
    response = post_step(patient, "about", {**HEALTHY["about"], **changes})
    assert response.status_code == 400
    return response.content.decode()


def test_a_date_of_birth_in_the_future_is_refused_clearly(patient):
    future = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    page = _about_error(patient, **date_parts("date_of_birth", future))
    assert "Please enter a year from 1900 to" in page or "in the future" in page


def test_a_date_of_birth_before_1900_is_refused_clearly(patient):
    page = _about_error(patient, **date_parts("date_of_birth", "1899-12-31"))
    assert "Please enter a year from 1900 to" in page


def test_a_date_that_does_not_exist_is_refused_clearly(patient):
    page = _about_error(patient, **date_parts("date_of_birth", "1990-02-30"))
    assert "This date does not exist. Please check the day." in page


def test_letters_in_a_date_are_refused_clearly(patient):
    page = _about_error(patient, date_of_birth_year="nineteen")
    assert "Please use numbers for the day and the year." in page


@pytest.mark.parametrize("weeks", ["-1", "45", "abc"])
def test_weeks_of_pregnancy_outside_0_to_44_are_refused(patient, weeks):
    data = {"status": "yes", "weeks_at_completion": weeks, "complications": "no"}
    response = post_step(patient, "pregnancy", data)
    assert response.status_code == 400
    assert "Please enter a number from 0 to 44." in response.content.decode()


def test_a_body_map_code_that_does_not_exist_is_refused(patient):
    response = post_step(patient, "visit", {"pain_regions": ["KNEE_LEG_R", "TAIL"]})
    assert response.status_code == 400
    assert "Please choose areas from the list shown." in response.content.decode()


def test_a_choice_that_is_not_offered_is_refused(patient):
    page = _about_error(patient, respondent="robot")
    assert "Please choose one of the answers shown." in page


def test_an_overlong_answer_is_refused_next_to_its_field(patient):
    data = {**HEALTHY["conditions"], "mental_health": "yes", "mental_health_details": "a" * 1001}
    response = post_step(patient, "conditions", data)
    assert response.status_code == 400
    assert "Please keep this to 1000 characters or fewer." in response.content.decode()


def test_ten_megabytes_of_text_get_a_friendly_page_and_keep_what_was_saved(patient):
    post_step(patient, "about", HEALTHY["about"])
    before = IntakeDraft.objects.get().answers
    data = {**HEALTHY["consent"], "hesitation_reason": "x" * (10 * 1024 * 1024)}
    response = post_step(patient, "consent", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "too long" in page
    assert page.count("<h1") == 1
    assert IntakeDraft.objects.get().answers == before


def test_thousands_of_fields_get_a_friendly_page(patient):
    data = {f"field{i}": "x" for i in range(1500)}
    response = post_step(patient, "about", data)
    assert response.status_code == 400
    assert "too long" in response.content.decode()


def test_a_broken_version_number_is_not_a_500(patient):
    response = patient.post(
        reverse("intake:step", args=["about"]),
        {**HEALTHY["about"], "version": "lots", "action": "next"},
    )
    assert response.status_code == 302


def test_every_error_is_tied_to_its_field_for_screen_readers(patient):
    page = _about_error(patient, height_cm="999", respondent="")
    height = re.search(r'<input[^>]*name="height_cm"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in height
    described = re.search(r'aria-describedby="([^"]+)"', height).group(1).split()
    for element_id in described:
        assert f'id="{element_id}"' in page
    assert any("error" in element_id for element_id in described)
    legend_group = re.search(
        r'<fieldset aria-describedby="([^"]+)"[^>]*>\s*<legend[^>]*>\s*Who is filling', page
    )
    assert legend_group and "id_respondent_error" in legend_group.group(1)
