"""A patient filling in the whole intake through the real views, as a browser would post it.

`STEP_POSTS(text)` holds one valid POST per question step, with `text` in every free-text
answer (each with its own suffix); `fill_intake(client, token, text, signature)` opens the
link, acknowledges the privacy notice, posts every step and signs.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.security.builders import patient_link_path

NO = "no"


def step_posts(text: str) -> dict[str, dict]:
    return {
        "about": {
            "respondent": "self",
            "date_of_birth_day": "12",
            "date_of_birth_month": "4",
            "date_of_birth_year": "1988",
            "height_cm": "170",
            "weight_kg": "70",
            "interpreter_needed": "True",
            "preferred_language": f"{text} language",
        },
        "visit": {"pain_regions": ["KNEE_LEG_R"]},
        "consent": {
            "needling_preference": "unsure",
            "feels_pressured": NO,
            "hesitation_reason": f"{text} hesitation",
            "needle_feeling": "fine",
            "fainted_with_needles": NO,
            "previous_needling": "True",
            "previous_unusual_reaction": "yes",
            "previous_reaction_details": f"{text} reaction",
            "trouble_understanding": NO,
            "cognitive_impairment_diagnosed": NO,
            "has_substitute_decision_maker": NO,
        },
        "pregnancy": {
            "status": "yes",
            "complications": "yes",
            "complication_details": f"{text} complication",
        },
        "bleeding": {
            "bleeding_disorder": NO,
            "easy_bruising": NO,
            "nsaids_or_supplements": "False",
        },
        "infection": {
            "acute_illness": NO,
            "skin_problem": "False",
            "inflamed_area": NO,
            "lymphedema": NO,
            "lymph_nodes_treated": NO,
            "chemotherapy": "False",
            "low_white_cells": NO,
            "transplant_antirejection": NO,
            "no_spleen": NO,
            "told_severely_immunocompromised": NO,
            "immune_medicines": NO,
            "bloodborne_virus": NO,
        },
        "implants": {
            "cardiac_device": NO,
            "other_electronic_device": NO,
            "cosmetic_implant": NO,
            "joint_hardware": NO,
            "heart_valve_or_endocarditis": NO,
            "dialysis_access": NO,
            "metal_allergy": NO,
            "latex_or_other_allergy": "False",
        },
        "conditions": {
            "heart_condition": "False",
            "cardiac_event": "False",
            "heart_unstable_now": NO,
            "diabetes": NO,
            "circulation_problem": NO,
            "inflammatory_arthritis": NO,
            "epilepsy": NO,
            "neurological_condition": NO,
            "numbness": "False",
            "cancer": NO,
            "red_flags": NO,
            "mental_health": "yes",
            "mental_health_details": f"{text} mental health",
            "mental_health_discuss_first": "False",
        },
        "frailty_bone_chest": {
            "frailty": NO,
            "osteoporosis": NO,
            "lung_condition": NO,
            "chest_wall_deformity": NO,
        },
        "surgery_trauma": {
            "recent_surgery": "True",
            "surgeries__1__description": f"{text} surgery",
            "surgeries__1__regions": ["KNEE_LEG_R"],
            "injury": "False",
            "spine_instability": NO,
            "spine_surgery": "False",
        },
    }


def start(client: Client, token: str) -> None:
    """Open the link and acknowledge the privacy notice."""
    client.get(patient_link_path(token))
    client.post(reverse("intake:privacy"))


def post_step(client: Client, name: str, data: dict, **extra):
    url = reverse("intake:step", kwargs={"name": name})
    version = _current_version(client)
    return client.post(url, {"action": "next", "version": version, **data}, **extra)


def _current_version(client: Client) -> str:
    from screening.intake.access import SESSION_INVITATION
    from screening.models import IntakeDraft

    invitation_id = client.session.get(SESSION_INVITATION)
    draft = IntakeDraft.objects.filter(invitation_id=invitation_id).first()
    return str(draft.version if draft else 0)


def answer_every_step(client: Client, text: str) -> list:
    """Post every question step; return the responses (each should redirect onwards)."""
    return [post_step(client, name, data) for name, data in step_posts(text).items()]


def sign(client: Client, signature: str, **extra):
    data = {"agree": "on", "signature": signature, **extra}
    return client.post(reverse("intake:sign"), data)


def fill_intake(client: Client, token: str, text: str, signature: str) -> list:
    """The whole patient journey; returns every response on the way."""
    start(client, token)
    responses = answer_every_step(client, text)
    responses.append(client.get(reverse("intake:review")))
    responses.append(sign(client, signature))
    return responses
