"""Immunity rules (clinical-rules.md, section 6.4, immunity part).

Split from infection.py to keep modules small; the registry imports it with its family.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screening.rules.context import Context
from screening.rules.labels import label_for
from screening.rules.registry import rule
from screening.rules.text import enum_text
from screening.rules.types import Hit

# The tri-state immunity answers whose "unsure" immunosuppressed_moderate accounts for (3.4).
UNSURE_IMMUNITY_FIELDS = (
    "immune_medicines",
    "low_white_cells",
    "transplant_antirejection",
    "no_spleen",
    "told_severely_immunocompromised",
)
# The lifelong states of immunosuppressed_standing (1.1.0), with their staff wording.
STANDING_IMMUNITY_FIELDS = (
    ("no_spleen", "no working spleen"),
    ("transplant_antirejection", "organ or stem-cell transplant on anti-rejection medicine"),
)
_NO_ANSWERS: Mapping[str, Any] = {}


def _infection(ctx: Context) -> Mapping[str, Any]:
    """The infection section, for rules that read several of its answers in a loop."""
    return ctx.doc.get("infection") or _NO_ANSWERS


def chemotherapy_is_recent(ctx: Context) -> bool | None:
    """True/False for chemotherapy inside/outside the severe window; None without chemotherapy."""
    if ctx.get("infection.chemotherapy") is not True:
        return None
    return ctx.recent(
        ctx.get("infection.chemotherapy_last_date"), ctx.policy.chemotherapy_window_days
    )


@rule(
    "immunosuppressed_severe",
    category="PC",
    scope="global",
    triggers=(
        "infection.chemotherapy",
        "infection.low_white_cells",
        "infection.no_spleen",
        "infection.told_severely_immunocompromised",
    ),
)
def check_immunosuppressed_severe(ctx: Context) -> Hit | None:
    """Hold for clearance when the immune system is severely weakened.

    Its unsure fields come from the suppressed immunosuppressed_moderate (engine, 3.5).
    1.1.0: a transplant no longer holds, and no spleen holds only under the age of majority
    (S39); both are the standing precaution for everyone else (immunosuppressed_standing).

    Sources: S39, S10, S10a, S46
    """
    reasons = []
    if chemotherapy_is_recent(ctx):
        chemo_date = ctx.get("infection.chemotherapy_last_date")
        reasons.append(
            f"chemotherapy on {chemo_date}" if chemo_date else "chemotherapy, date not given"
        )
    infection = _infection(ctx)
    if infection.get("low_white_cells") == "yes":
        reasons.append("low white cells")
    if infection.get("no_spleen") == "yes" and ctx.age < ctx.policy.minor_age_years:
        reasons.append(f"no working spleen, age {ctx.age}")
    if infection.get("told_severely_immunocompromised") == "yes":
        reasons.append("told severely immunocompromised")
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Severely weakened immune system: {'; '.join(reasons)}. Needs clearance from the "
            "treating team; recent blood counts may be needed."
        ),
        patient_message=(
            "Because your immune system may be weaker right now, we will check with your care "
            "team before using needles, to keep the risk of infection low. Other physiotherapy "
            "can go ahead."
        ),
        action=(
            "Send the clearance request to the treating team (oncology, transplant or family "
            "physician). Ask for recent blood counts if relevant; a neutrophil count under 500 "
            "per mm³ rules needling out."
        ),
        sources=("S39", "S10", "S10a", "S46"),
    )


@rule(
    "immunosuppressed_moderate",
    category="RP",
    scope="global",
    triggers=(
        "infection.immune_medicines",
        "infection.chemotherapy",
        "infection.bloodborne_virus",
        "infection.low_white_cells",
        "infection.transplant_antirejection",
        "infection.no_spleen",
        "infection.told_severely_immunocompromised",
    ),
)
def check_immunosuppressed_moderate(ctx: Context) -> Hit | None:
    """Review a possibly weakened immune system; account for every unsure immunity answer.

    Sources: S10, S10a, S46
    """
    reasons = []
    unsure_fields = []
    medicines = ctx.get("infection.immune_medicines")
    if medicines == "yes":
        types = enum_text(ctx.get("infection.immune_medicine_types") or ())
        reasons.append(f"immune medicines {types}")
    if chemotherapy_is_recent(ctx) is False:
        reasons.append(f"chemotherapy on {ctx.get('infection.chemotherapy_last_date')}")
    if ctx.eq("infection.bloodborne_virus", "yes"):
        control = ctx.get("infection.bloodborne_virus_control")
        if control == "not_controlled":
            reasons.append("bloodborne virus not controlled")
        elif control == "unsure":
            reasons.append("bloodborne virus control unsure")
            unsure_fields.append("infection.bloodborne_virus_control")
    infection = _infection(ctx)
    unsure_tri_states = [
        f"infection.{field}" for field in UNSURE_IMMUNITY_FIELDS if infection.get(field) == "unsure"
    ]
    if unsure_tri_states:
        reasons.append(f"answered not sure: {', '.join(map(label_for, unsure_tri_states))}")
        unsure_fields += unsure_tri_states
    if not reasons:
        return None
    return Hit(
        staff_message=(
            f"Immune system may be weakened: {'; '.join(reasons)}. Strict asepsis; avoid "
            "needling near joints or prostheses; watch for infection."
        ),
        # 3.7 (1.1.0): this fixed message is already neutral, so unsure answers keep it.
        patient_message=(
            "Some medicines and health problems make infections a little more likely. Your "
            "physiotherapist will take extra care to keep everything clean. They will tell you "
            "what to watch for afterwards."
        ),
        action=(
            "Strict asepsis; avoid needling near joints and prostheses; teach the signs of "
            "infection; ask the physician if in doubt."
        ),
        sources=("S10", "S10a", "S46"),
        unsure_fields=tuple(unsure_fields),
    )


@rule(
    "immunosuppressed_standing",
    category="RP",
    scope="global",
    triggers=("infection.no_spleen", "infection.transplant_antirejection"),
)
def check_immunosuppressed_standing(ctx: Context) -> Hit | None:
    """A standing infection precaution on every visit: no spleen, or a transplant (1.1.0).

    Never suppressed (3.5); unsure answers stay with immunosuppressed_moderate (3.4).

    Sources: S39, S10, S10a
    """
    infection = _infection(ctx)
    states = [word for field, word in STANDING_IMMUNITY_FIELDS if infection.get(field) == "yes"]
    if not states:
        return None
    message = (
        f"Standing infection precaution, every visit: {'; '.join(states)}. Strict asepsis "
        "(skin preparation, no re-insertion of a needle, no needling near joints or "
        "prostheses); ask about fever or new infection today; teach the warning signs."
    )
    if infection.get("no_spleen") == "yes":
        message += " No working spleen: a fever after treatment needs same-day medical care."
    return Hit(
        staff_message=message,
        patient_message=(
            "Because your body fights infection less well, we take extra care every time: clean "
            "skin, fresh sterile needles, and no needles near joints or implants. If you get a "
            "fever, chills, or a red, hot or painful spot where a needle went in, get medical "
            "care the same day."
        ),
        action=(
            "At every visit: ask about fever or new infection before needling; strict asepsis; "
            "avoid needling near joints and prostheses; fewer insertions; teach and document the "
            "warning signs. Physician input if anything has changed (new rejection treatment, "
            "recent infection)."
        ),
        sources=("S39", "S10", "S10a"),
    )


@rule("bloodborne_virus", category="INFO", scope="none", triggers=("infection.bloodborne_virus",))
def check_bloodborne_virus(ctx: Context) -> Hit | None:
    """Record a shared bloodborne virus; standard precautions only.

    Sources: S12, S28
    """
    if not ctx.eq("infection.bloodborne_virus", "yes"):
        return None
    types = enum_text(ctx.get("infection.bloodborne_virus_types") or ())
    control = ctx.get("infection.bloodborne_virus_control")
    return Hit(
        staff_message=(
            f"Bloodborne virus shared: {types}; control: {control}. Standard precautions, as "
            "for every patient."
        ),
        patient_message=(
            "Thank you for telling us. We use the same careful infection-control steps for "
            "everyone, so this does not change your care. Your answer stays private."
        ),
        action=(
            "Standard precautions (as for every patient); sharps disposal as usual. Do not "
            "restrict needling for this alone."
        ),
        sources=("S12", "S28"),
    )
