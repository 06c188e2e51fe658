"""BodyMapWidget without a browser: the checkbox list works alone and matches the picture."""

import re

from django import forms
from django.http import QueryDict

from screening.bodymap.names import AREA_GROUPS, LIMB_NAMES, region_choices
from screening.intake.widgets import BodyMapWidget
from screening.rules.regions import REGION_CODES


class WhereForm(forms.Form):
    pain_regions = forms.MultipleChoiceField(
        label="Where is your pain?", choices=region_choices, widget=BodyMapWidget
    )
    numbness_areas = forms.MultipleChoiceField(
        label="Numb areas",
        choices=lambda: region_choices() + list(LIMB_NAMES.items()),
        widget=BodyMapWidget,
        required=False,
    )


def checkbox(html: str, code: str, name: str = "pain_regions") -> str:
    match = re.search(rf'<input type="checkbox"[^>]*name="{name}" value="{code}"[^>]*>', html)
    assert match, code
    return match.group(0)


def test_it_lists_a_checkbox_for_every_region_grouped_by_body_area():
    html = str(WhereForm()["pain_regions"])
    for code in REGION_CODES:
        assert f'id="id_pain_regions_{code}"' in checkbox(html, code)
        assert f'<label class="form-check-label" for="id_pain_regions_{code}">' in html
    assert html.count('<fieldset class="bodymap-group">') == len(AREA_GROUPS)
    for area in AREA_GROUPS:
        assert f">{area.title}</legend>" in html


def test_the_picture_waits_for_javascript_and_names_regions_like_the_list():
    html = str(WhereForm()["pain_regions"])
    assert re.search(r'class="bodymap-picture" data-bodymap-picture hidden', html)
    button = re.search(r'<path id="id_pain_regions-region-KNEE_LEG_R"[^>]*>', html).group(0)
    assert 'role="button"' in button and 'aria-pressed="false"' in button
    assert 'aria-label="Right knee and lower leg"' in button
    assert ">Right knee and lower leg</label>" in html
    assert "style=" not in html


def test_saved_answers_come_back_ticked_and_pressed():
    form = WhereForm(initial={"pain_regions": ["SCAPULA_L"]})
    html = str(form["pain_regions"])
    assert " checked" in checkbox(html, "SCAPULA_L")
    assert " checked" not in checkbox(html, "SCAPULA_R")
    button = re.search(r'<path id="id_pain_regions-region-SCAPULA_L"[^>]*>', html).group(0)
    assert 'aria-pressed="true"' in button


def test_it_reads_every_ticked_box_and_validates_the_codes():
    data = QueryDict(mutable=True)
    data.setlist("pain_regions", ["ARM_L", "ABDOMEN"])
    form = WhereForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pain_regions"] == ["ARM_L", "ABDOMEN"]
    assert form.cleaned_data["numbness_areas"] == []


def test_a_code_that_does_not_exist_is_a_clear_error_not_a_crash():
    data = QueryDict(mutable=True)
    data.setlist("pain_regions", ["ARM_L", "TAIL"])
    form = WhereForm(data)
    assert not form.is_valid()
    assert "TAIL" in str(form.errors["pain_regions"])
    html = str(form["pain_regions"])
    assert 'aria-invalid="true"' in checkbox(html, "ARM_L")
    assert " checked" in checkbox(html, "ARM_L")


def test_limb_choices_become_whole_limb_checkboxes_and_shortcuts_disappear():
    html = str(WhereForm()["numbness_areas"])
    limb = checkbox(html, "UPPER_LIMB_L", name="numbness_areas")
    assert 'data-regions="SHOULDER_L ARM_L FOREARM_HAND_L"' in limb
    assert "data-shortcut=" not in html
    pain_html = str(WhereForm()["pain_regions"])
    assert pain_html.count("data-shortcut=") == 4


def test_the_widget_brings_its_script_and_stylesheet():
    media = str(WhereForm().media)
    assert "/static/js/bodymap.js" in media
    assert "/static/css/bodymap.css" in media
