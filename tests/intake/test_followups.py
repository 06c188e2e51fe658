"""Every follow-up question: shown only when its gate opens it, validated on the server.

The rules come from the forms' `followups` (the schema's if/then conditions); these tests
walk all of them, so a new follow-up is covered without a new test.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.intake.forms import STEP_FORMS
from screening.intake.forms_about import AboutForm
from screening.intake.forms_surgery import SurgeryForm
from tests.intake.posts import HEALTHY, date_parts, everything_yes

APPOINTMENT = timezone.localdate() + datetime.timedelta(days=3)
ALL_YES = everything_yes(timezone.localdate().isoformat())


def _followups():
    for step, form_class in STEP_FORMS.items():
        form = form_class(appointment_date=APPOINTMENT)
        for name, rule in form.followups.items():
            yield pytest.param(step, name, rule, id=f"{step}.{name}")


def _posted_keys(data: dict, name: str) -> list[str]:
    return [key for key in data if key == name or re.fullmatch(rf"{name}_(day|month|year)", key)]


def _closing_value(form, gate: str, opening: tuple[str, ...]):
    field = form.fields[gate]
    if hasattr(field, "choices") and field.widget.allow_multiple_selected:
        return []
    return next(
        str(value) for value, _label in field.choices if value and str(value) not in opening
    )


def _bind(step: str, data: dict):
    form = STEP_FORMS[step](data, appointment_date=APPOINTMENT)
    form.is_valid()
    return form


@pytest.mark.parametrize(("step", "name", "rule"), list(_followups()))
def test_a_follow_up_is_kept_when_its_gate_opens_it(step, name, rule):
    form = _bind(step, ALL_YES[step])
    assert form.is_valid(), form.errors
    assert form.is_shown(name, form.cleaned_data)
    if any(_posted_keys(ALL_YES[step], name)):
        assert form.cleaned_data[name] not in (None, "", [])


@pytest.mark.parametrize(("step", "name", "rule"), list(_followups()))
def test_a_follow_up_is_dropped_when_its_gate_is_closed(step, name, rule):
    data = dict(ALL_YES[step])
    form = STEP_FORMS[step](appointment_date=APPOINTMENT)
    data[rule.gate] = _closing_value(form, rule.gate, rule.values)
    for key in _posted_keys(data, name):
        # A value the patient typed before closing the gate, even a broken one, is ignored.
        data[key] = data[key] if data[key] else "x"
    bound = _bind(step, data)
    assert name not in bound.errors
    assert not bound.is_shown(name, bound.cleaned_data)
    assert bound.cleaned_data[name] is None


@pytest.mark.parametrize(
    ("step", "name", "rule"), [p for p in _followups() if p.values[2].required]
)
def test_a_required_follow_up_must_be_answered_when_it_applies(step, name, rule):
    data = {k: v for k, v in ALL_YES[step].items() if k not in _posted_keys(ALL_YES[step], name)}
    bound = _bind(step, data)
    assert name in bound.errors, f"{name} accepted empty"


@pytest.mark.django_db
@pytest.mark.parametrize("step", list(STEP_FORMS))
def test_every_follow_up_is_on_the_page_inside_its_rule_without_javascript(patient, step):
    page = patient.get(reverse("intake:step", args=[step])).content.decode()
    form = STEP_FORMS[step](appointment_date=APPOINTMENT)
    for name in form.followups:
        attrs = form.followup_attrs(name)
        wrapper = re.compile(
            rf'<div class="followup" data-followup-gate="{attrs["gate"]}" '
            rf'data-followup-values="{attrs["values"]}"'
            rf'(?:(?!<div class="followup").)*?name="{name}',
            re.DOTALL,
        )
        assert wrapper.search(page), name


@pytest.mark.django_db
def test_the_page_marks_follow_ups_for_the_script_and_shows_them_all(patient):
    page = patient.get(reverse("intake:step", args=["bleeding"])).content.decode()
    assert 'data-followup-gate="anticoagulants" data-followup-values="warfarin other_vka"' in page
    assert 'name="vka_recent_problem"' in page
    assert 'name="inr__value"' in page
    assert "/static/js/intake-followups.js" in page
    assert "<script>" not in page and "onclick" not in page and "style=" not in page


# Guardian details: a schema condition across two answers (respondent, age at the appointment).


def _about(**changes):
    data = {**HEALTHY["about"], **changes}
    return _bind("about", {k: v for k, v in data.items() if v is not None})


def test_an_adult_filling_in_for_themselves_is_not_asked_about_a_guardian():
    form = _about(**{"guardian__name": "Someone"})
    assert form.is_valid()
    assert form.cleaned_data["guardian__name"] is None


def test_a_guardian_must_give_their_name_and_relationship():
    form = _about(respondent="guardian")
    assert set(form.errors) == {"guardian__name", "guardian__relationship"}
    form = _about(
        respondent="guardian", guardian__name="Mai Nguyễn", guardian__relationship="parent"
    )
    assert form.is_valid(), form.errors


def test_a_patient_under_18_at_the_appointment_is_asked_about_a_guardian():
    born = APPOINTMENT.replace(year=APPOINTMENT.year - 18) + datetime.timedelta(days=1)
    minor = {**date_parts("date_of_birth", born.isoformat()), "guardian__phone": "555 0100"}
    form = _about(**minor)
    assert form.is_shown("guardian__name", form.cleaned_data)
    # A phone without a name is half an answer.
    assert set(form.errors) == {"guardian__name", "guardian__relationship"}
    adult = date_parts("date_of_birth", APPOINTMENT.replace(year=APPOINTMENT.year - 18).isoformat())
    form = _about(**adult)
    assert form.is_valid()
    assert not form.is_shown("guardian__name", form.cleaned_data)


def test_the_guardian_rule_reaches_the_script():
    attrs = AboutForm(appointment_date=datetime.date(2026, 12, 3)).followup_attrs("guardian__name")
    assert attrs["gate"] == "respondent" and attrs["values"] == "guardian"
    assert attrs["minor_dob"] == "date_of_birth" and attrs["born_after"] == "2008-12-03"


@pytest.mark.parametrize(
    ("instability", "surgery", "asked"),
    [
        ("yes", "False", True),
        ("no", "True", True),
        ("unsure", "False", False),
        ("no", "False", False),
    ],
)
def test_spine_levels_are_asked_after_instability_or_spine_surgery(instability, surgery, asked):
    data = {
        **HEALTHY["surgery_trauma"],
        "spine_instability": instability,
        "spine_surgery": surgery,
        **date_parts("spine_surgery_date", "2015"),
    }
    form = _bind("surgery_trauma", data)
    assert ("spine_levels" in form.errors) is asked
    form = _bind("surgery_trauma", {**data, "spine_levels": ["thoracic"]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["spine_levels"] == (["thoracic"] if asked else None)
    assert SurgeryForm().followup_attrs("spine_levels")["gate2"] == "spine_surgery"


def test_circulation_needs_at_least_one_area_of_the_three():
    data = {**HEALTHY["conditions"], "circulation_problem": "yes"}
    assert "poor_circulation_areas" in _bind("conditions", data).errors
    assert _bind("conditions", {**data, "varicose_vein_areas": ["KNEE_LEG_L"]}).is_valid()


def test_a_marked_clot_asks_when_it_was_found():
    data = {**HEALTHY["conditions"], "circulation_problem": "yes"}
    clot = {**data, "past_clot_areas": ["KNEE_LEG_L"]}
    assert "past_clot_date" in _bind("conditions", clot).errors
    form = _bind("conditions", {**clot, **date_parts("past_clot_date", "2025-03")})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["past_clot_date"] == "2025-03"
    # Veins only: no clot, no date question (and none stored).
    veins = {**data, "varicose_vein_areas": ["KNEE_LEG_L"], **date_parts("past_clot_date", "2025")}
    assert _bind("conditions", veins).cleaned_data["past_clot_date"] is None


def test_the_1_1_follow_ups_open_only_after_their_gate():
    consent = {**HEALTHY["consent"], "fainted_with_needles": "yes"}
    errors = _bind("consent", consent).errors
    assert {"faint_kind", "faint_last_date"} <= set(errors)
    unsure = _bind("consent", {**consent, "fainted_with_needles": "unsure"})
    assert unsure.is_valid(), unsure.errors
    implants = {**HEALTHY["implants"], "dialysis_access": "yes"}
    assert "dialysis_access_limbs" in _bind("implants", implants).errors
    assert (
        "dialysis_access"
        in _bind(
            "implants", {k: v for k, v in HEALTHY["implants"].items() if k != "dialysis_access"}
        ).errors
    )
    nodes = {**HEALTHY["infection"], "lymph_nodes_treated": "yes", "lymph_node_sites": ["PELVIS"]}
    assert "pelvic_node_side" in _bind("infection", nodes).errors
    armpit = {**nodes, "lymph_node_sites": ["AXILLA_L"], "pelvic_node_side": "left"}
    assert _bind("infection", armpit).cleaned_data["pelvic_node_side"] is None
    mind = {**HEALTHY["conditions"], "mental_health": "yes"}
    assert "mental_health_discuss_first" in _bind("conditions", mind).errors


def test_a_started_hardware_item_must_be_complete():
    data = dict(ALL_YES["implants"])
    data["joint_hardware_items__3__kind"] = "joint_replacement"
    form = _bind("implants", data)
    assert {"joint_hardware_items__3__region", "joint_hardware_items__3__date"} <= set(form.errors)


def test_the_inr_needs_a_value_and_a_date_together_and_a_sane_range():
    data = {k: v for k, v in ALL_YES["bleeding"].items() if not k.startswith("inr__date")}
    assert "inr__date" in _bind("bleeding", data).errors
    data = {**ALL_YES["bleeding"], "inr__target_low": "3.5", "inr__target_high": "2"}
    assert "inr__target_high" in _bind("bleeding", data).errors


def test_blood_pressure_numbers_come_in_a_sane_pair():
    data = {**HEALTHY["conditions"], "blood_pressure__systolic": "120"}
    assert "blood_pressure__diastolic" in _bind("conditions", data).errors
    data["blood_pressure__diastolic"] = "130"
    assert "blood_pressure__diastolic" in _bind("conditions", data).errors


def test_what_they_told_you_follows_the_complication_answer_not_the_pregnancy():
    """Issue 12, point 10: after "No" to complications, the details question is not asked."""
    data = {**ALL_YES["pregnancy"], "complications": "no"}
    form = _bind("pregnancy", data)
    assert form.is_valid(), form.errors
    assert not form.is_shown("complication_details", form.cleaned_data)
    assert form.cleaned_data["complication_details"] is None
    unsure = _bind("pregnancy", {**ALL_YES["pregnancy"], "complications": "unsure"})
    assert unsure.is_shown("complication_details", unsure.cleaned_data)
