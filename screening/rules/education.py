"""Patient education text the catalogue prescribes (clinical-rules.md section 7).

Kept with the rules because it is clinical content: the PDF and the patient pages print it,
they do not write it.
"""

from screening.rules.patient_catalogue import gettext_noop

# The rule whose finding means the patient takes the safety-netting sheet home (7.3).
SAFETY_NETTING_RULE = "thorax_lung_field_region"

# Section 7.3, the safety-netting sheet (source S30).
SAFETY_NETTING_TITLE = gettext_noop("After needling over your chest, upper back or shoulders")
SAFETY_NETTING_WARNING = gettext_noop(
    "Symptoms of a collapsed lung can start from a few hours up to 2 days after treatment. "
    "If you get chest pain, shortness of breath, or a dry cough that won't stop, get urgent "
    "medical care (call 911 if it is severe) and tell them you had needling over your chest "
    "or back."
)
# Section 7.2, the common and expected effects, so the sheet also says what is normal.
SAFETY_NETTING_NORMAL = (
    gettext_noop("Muscle soreness for a day or two is normal after many sessions."),
    gettext_noop("A small bruise or a drop of blood can happen."),
    gettext_noop(
        "About 1 in 4 people feel tired or drowsy afterwards. Do not drive if you feel drowsy."
    ),
)


def needs_safety_netting(assessment: dict) -> bool:
    """Whether the patient should be given the 7.3 sheet (a lung-field region is targeted)."""
    return any(f["rule"] == SAFETY_NETTING_RULE for f in assessment.get("findings", ()))
