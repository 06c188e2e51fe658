"""Short plain labels for every answer that can be "unsure" (unsure_answers' staff message).

Each label is taken from the question on the form. Indexed paths
(``implants.joint_hardware_items[0].problem_now``) use their un-indexed form
(``implants.joint_hardware_items[].problem_now``); see ``label_for``.
"""

from __future__ import annotations

from screening.rules.unsure import unindexed

SHORT_LABELS: dict[str, str] = {
    "consent.needling_preference": "wants dry needling",
    "consent.feels_pressured": "feels pushed by someone else to have needling",
    "consent.fainted_with_needles": "fainted or nearly fainted with needles",
    "consent.previous_unusual_reaction": "strong or unusual reaction after earlier needling",
    "consent.trouble_understanding": "finds health information hard to understand or remember",
    "consent.cognitive_impairment_diagnosed": (
        "diagnosed condition affecting memory or understanding"
    ),
    "consent.has_substitute_decision_maker": "someone else makes health decisions",
    "pregnancy.status": "pregnant or could be",
    "pregnancy.complications": "pregnancy complication",
    "bleeding.bleeding_disorder": "bleeding or clotting disorder",
    "bleeding.easy_bruising": "bruises or bleeds easily",
    "bleeding.blood_thinner_not_sure": "takes a blood thinner (not sure whether or which)",
    "bleeding.vka_recent_problem": "bleeding problem or warfarin dose change recently",
    "infection.acute_illness": "fever, infection or feeling unwell recently",
    "infection.inflamed_area": "red, hot or swollen area not checked",
    "infection.lymphedema": "lymphoedema",
    "infection.lymph_nodes_treated": "lymph nodes removed or irradiated",
    "infection.low_white_cells": "low white cell count",
    "infection.transplant_antirejection": "transplant on anti-rejection medicine",
    "infection.no_spleen": "spleen removed or not working",
    "infection.told_severely_immunocompromised": "told immune system is severely weakened",
    "infection.immune_medicines": "takes medicine that weakens the immune system",
    "infection.bloodborne_virus_control": "bloodborne virus well controlled",
    "implants.cardiac_device": "pacemaker or implanted defibrillator",
    "implants.other_electronic_device": "other implanted electronic device",
    "implants.cosmetic_implant": "breast, chest, buttock or other soft-tissue implant",
    "implants.joint_hardware": "artificial joint or metal plates, screws or rods",
    "implants.joint_hardware_items[].problem_now": (
        "artificial joint or hardware painful, hot or swollen now"
    ),
    "implants.heart_valve_or_endocarditis": (
        "artificial heart valve, repaired defect or endocarditis"
    ),
    "implants.metal_allergy": "metal allergy",
    "implants.dialysis_access": "fistula or graft for kidney dialysis",
    "conditions.heart_unstable_now": "heart or blood pressure unstable now",
    "conditions.diabetes": "diabetes",
    "conditions.diabetes_details.foot_ulcer_or_poor_healing": "foot ulcer or slow healing",
    "conditions.diabetes_details.severe_low_sugar": "severe low-sugar episode",
    "conditions.diabetes_details.high_sugar_symptoms": "frequent high sugars",
    "conditions.circulation_problem": "poor circulation, varicose veins or past clot",
    "conditions.inflammatory_arthritis": "inflammatory arthritis",
    "conditions.arthritis_flaring_now": "arthritis flaring now",
    "conditions.epilepsy": "epilepsy or seizures",
    "conditions.neurological_condition": "brain, spinal cord or nerve condition",
    "conditions.cancer": "cancer now or in the past",
    "conditions.red_flags": "warning symptoms (weight loss, night pain, fevers)",
    "conditions.mental_health": "mental or emotional health",
    "frailty_bone_chest.frailty": "frailty signs (thin skin, falls, weight loss)",
    "frailty_bone_chest.osteoporosis": "osteoporosis or a bone broken in a minor fall",
    "frailty_bone_chest.lung_condition": "lung condition or past collapsed lung",
    "frailty_bone_chest.chest_wall_deformity": "scoliosis or chest shape difference",
    "surgery_trauma.spine_instability": "unstable spine",
    "day_of.substances_recent": "alcohol, cannabis or a drowsy-making medicine today",
}


def label_for(path: str) -> str:
    """The short label of an unsure answer's path (list indexes kept in the label)."""
    label = SHORT_LABELS.get(unindexed(path))
    if label is None:
        return path
    if "[" in path:
        index = path[path.index("[") + 1 : path.index("]")]
        return f"{label} (item {int(index) + 1})"
    return label
