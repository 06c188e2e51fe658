"""Every patient page: one <h1>, every control labelled, no inline script or style (CSP)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from screening.intake.steps import QUESTION_STEPS
from tests.intake.conftest import fill_all_steps, post_step, sign
from tests.intake.posts import HEALTHY

pytestmark = pytest.mark.django_db


class PageAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.inline: list[str] = []
        self.open_fieldsets = 0
        self.fieldsets_without_legend = 0
        self._fieldset_has_legend: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag in ("input", "select", "textarea") and attributes.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append(attributes)
        if tag == "label" and attributes.get("for"):
            self.label_for.add(attributes["for"])
        if "style" in attributes or any(name.startswith("on") for name in attributes):
            self.inline.append(tag)
        if tag == "script" and "src" not in attributes:
            self.inline.append("script")
        if tag == "style":
            self.inline.append("style")
        if tag == "fieldset":
            self._fieldset_has_legend.append(False)
        if tag == "legend" and self._fieldset_has_legend:
            self._fieldset_has_legend[-1] = True

    def handle_endtag(self, tag):
        if tag == "fieldset" and self._fieldset_has_legend and not self._fieldset_has_legend.pop():
            self.fieldsets_without_legend += 1


def audit(response) -> PageAudit:
    parser = PageAudit()
    parser.feed(response.content.decode())
    assert parser.h1 == 1, "exactly one <h1>"
    unlabelled = [c.get("name") for c in parser.controls if c.get("id") not in parser.label_for]
    assert unlabelled == [], "controls without a <label for>"
    assert parser.inline == [], "inline script/style/handlers are blocked by the CSP"
    assert parser.fieldsets_without_legend == 0
    return parser


@pytest.mark.parametrize("step", [s.name for s in QUESTION_STEPS])
def test_every_step_page_is_well_formed_for_assistive_technology(patient, step):
    audit(patient.get(reverse("intake:step", args=[step])))
    invalid = patient.post(reverse("intake:step", args=[step]), {"version": "0"})
    audit(invalid)


def test_the_pages_around_the_steps_are_well_formed(patient):
    from django.test import Client

    stranger = Client()
    audit(patient.get(reverse("intake:privacy")))
    post_step(patient, "about", HEALTHY["about"])
    audit(patient.get(reverse("intake:review")))
    audit(patient.get(reverse("intake:later")))
    fill_all_steps(patient)
    audit(patient.get(reverse("intake:sign")))
    sign(patient)
    audit(patient.get(reverse("intake:done")))
    audit(stranger.get(reverse("intake:home")))
    audit(stranger.get(reverse("intake:open", args=["nope"])))
    audit(stranger.get(reverse("intake:what_to_expect")))


def test_the_gate_and_check_in_pages_are_well_formed(client, appointment):
    import datetime

    from screening.intake.invitations import create_invitation
    from tests.intake.conftest import open_link

    _invitation, token = create_invitation(
        patient_name="A",
        appointment_date=timezone.localdate(),
        date_of_birth=datetime.date(1988, 4, 12),
        last_name="Silva",
    )
    open_link(client, token)
    audit(client.get(reverse("intake:gate")))
    audit(client.post(reverse("intake:gate"), {}))
    client.post(
        reverse("intake:gate"),
        {
            "date_of_birth_day": "12",
            "date_of_birth_month": "4",
            "date_of_birth_year": "1988",
            "last_name": "Silva",
        },
    )
    client.post(reverse("intake:privacy"))
    fill_all_steps(client)
    sign(client)
    audit(client.get(reverse("intake:check_in")))
    audit(client.post(reverse("intake:check_in"), {}))
