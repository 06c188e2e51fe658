"""The form of each question step, by step name (the order lives in steps.py)."""

from __future__ import annotations

from screening.intake.forms_about import AboutForm, NeedlesForm, PregnancyForm, VisitForm
from screening.intake.forms_base import StepForm
from screening.intake.forms_conditions import ConditionsForm, FrailtyForm
from screening.intake.forms_implants import ImplantsForm
from screening.intake.forms_medical import BleedingForm, InfectionForm
from screening.intake.forms_surgery import SurgeryForm

STEP_FORMS: dict[str, type[StepForm]] = {
    "about": AboutForm,
    "visit": VisitForm,
    "consent": NeedlesForm,
    "pregnancy": PregnancyForm,
    "bleeding": BleedingForm,
    "infection": InfectionForm,
    "implants": ImplantsForm,
    "conditions": ConditionsForm,
    "frailty_bone_chest": FrailtyForm,
    "surgery_trauma": SurgeryForm,
}
