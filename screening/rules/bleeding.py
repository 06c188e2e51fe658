"""Bleeding and medication rules (clinical-rules.md 6.3)."""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import enum_text
from screening.rules.types import Hit

VKA = frozenset({"warfarin", "other_vka"})
DOAC_HEP = frozenset({"apixaban", "rivaroxaban", "dabigatran", "edoxaban", "heparin_lmwh"})
CONCERN = frozenset({"yes", "unsure"})

VKA_PATIENT_CARE = (
    "You take a blood thinner, so your physiotherapist will take extra care. They will needle "
    "gently, not too deep, and press firmly after each needle."
)


def _anticoagulants(ctx: Context) -> list[str]:
    return ctx.doc["bleeding"].get("anticoagulants") or []


def _antiplatelets(ctx: Context) -> list[str]:
    return ctx.doc["bleeding"].get("antiplatelets") or []


def _vka_drugs(ctx: Context) -> list[str]:
    return [drug for drug in _anticoagulants(ctx) if drug in VKA]


def _number(value: float) -> str:
    """An INR or target as the patient gave it (3 stays 3, 2.5 stays 2.5)."""
    return f"{value:g}"


def _inr_current(ctx: Context) -> dict | None:
    """The INR if it is known and not stale (3.1: older than the policy limit = unknown)."""
    inr = ctx.get("bleeding.inr")
    if inr is None or ctx.days_since(inr["date"]) > ctx.policy.inr_stale_after_days:
        return None
    return inr


def _inr_limit(ctx: Context, inr: dict) -> float:
    high = inr.get("target_high")
    return high if high is not None else ctx.policy.inr_cap_when_target_unknown


@rule("bleeding_disorder", category="PC", scope="global", triggers=("bleeding.bleeding_disorder",))
def check_bleeding_disorder(ctx: Context) -> Hit | None:
    """Hold for clearance with a diagnosed bleeding or clotting disorder.

    Sources: S10, S10a, S11, S34, S39
    """
    if not ctx.eq("bleeding.bleeding_disorder", "yes"):
        return None
    bruising = ctx.get("bleeding.easy_bruising")
    also = f" Also bruises easily: {bruising}." if bruising in CONCERN else ""
    return Hit(
        staff_message=(
            f"Diagnosed bleeding or clotting disorder.{also} Needs haematology or physician "
            "clearance; if cleared, superficial and compressible sites only."
        ),
        patient_message=(
            "Because you have a condition that affects blood clotting, we will ask your doctor to "
            "confirm that needling is safe for you before we use it. Other physiotherapy can go "
            "ahead."
        ),
        action=(
            "Send the clearance request to the haematologist or family physician. If cleared, "
            "needle only superficial, compressible sites and press firmly after each needle."
        ),
        sources=("S10", "S10a", "S11", "S34", "S39"),
        unsure_fields=("bleeding.easy_bruising",) if bruising == "unsure" else (),
    )


@rule(
    "easy_bruising_unexplained", category="RP", scope="global", triggers=("bleeding.easy_bruising",)
)
def check_easy_bruising_unexplained(ctx: Context) -> Hit | None:
    """Ask about easy bruising or long bleeding without a diagnosed disorder.

    Sources: S26, S46
    """
    answer = ctx.get("bleeding.easy_bruising")
    if answer not in CONCERN:
        return None
    thinners = _anticoagulants(ctx) + _antiplatelets(ctx)
    message = (
        f"Bruises very easily or bleeds a long time after small cuts (answer: {answer}); no "
        "diagnosed bleeding disorder."
    )
    if thinners:
        message += f" Blood thinners: {enum_text(thinners)}."
    # 3.7 (1.1.0): this fixed message is already neutral, so an unsure answer keeps it.
    patient = (
        "Before any needling, your physiotherapist will ask a few questions about bruising and "
        "bleeding. They may suggest a check with your doctor first."
    )
    return Hit(
        staff_message=message,
        patient_message=patient,
        action=(
            "Ask about bleeding after blood tests and dental work. If unexplained, consider a "
            "medical check before needling; if needling, start superficial and compressible."
        ),
        sources=("S26", "S46"),
        unsure_fields=("bleeding.easy_bruising",) if answer == "unsure" else (),
    )


def _vka_unsure(ctx: Context) -> tuple[str, ...]:
    if ctx.eq("bleeding.vka_recent_problem", "unsure"):
        return ("bleeding.vka_recent_problem",)
    return ()


def _inr_text(ctx: Context) -> str:
    inr = ctx.get("bleeding.inr")
    if inr is None:
        return "not known"
    reading = f"{_number(inr['value'])} on {inr['date']}"
    if ctx.days_since(inr["date"]) > ctx.policy.inr_stale_after_days:
        return f"{reading}, older than {ctx.policy.inr_stale_after_days} days: treated as unknown"
    low, high = inr.get("target_low"), inr.get("target_high")
    if low is not None and high is not None:
        reading += f", target {_number(low)}–{_number(high)}"
    return reading


@rule("anticoagulant_vka", category="RP", scope="global", triggers=("bleeding.anticoagulants",))
def check_anticoagulant_vka(ctx: Context) -> Hit | None:
    """Take extra care with warfarin or another VKA; INR unknown or old is treated as unknown.

    Sources: S11, S25, S26, S44
    """
    drugs = _vka_drugs(ctx)
    if not drugs:
        return None
    problem = ctx.get("bleeding.vka_recent_problem", "not answered")
    return Hit(
        staff_message=(
            f"Takes {enum_text(drugs)}. INR: {_inr_text(ctx)}. Bleeding problem or dose change in "
            f"the last {ctx.policy.vka_recent_problem_window_days} days: {problem}."
        ),
        patient_message=VKA_PATIENT_CARE + " Please bring your latest INR result if you have it.",
        action=(
            "Start superficial and at compressible sites; avoid deep muscles that cannot be "
            "compressed (deep gluteal or hip-flexor region, deep neck) until the bleeding response "
            "is known; press firmly after each needle. If the INR is unknown or old, ask about "
            "bleeding after blood tests and consider asking for a recent INR; suggest more "
            "frequent INR checks during a course."
        ),
        sources=("S11", "S25", "S26", "S44"),
        unsure_fields=_vka_unsure(ctx),
    )


@rule(
    "anticoagulant_vka_out_of_range",
    category="PC",
    scope="global",
    triggers=("bleeding.anticoagulants",),
)
def check_anticoagulant_vka_out_of_range(ctx: Context) -> Hit | None:
    """Hold needling on a VKA with a recent INR above range, or a recent bleed or dose change.

    Sources: S25, S26, S46
    """
    drugs = _vka_drugs(ctx)
    if not drugs:
        return None
    problem = ctx.eq("bleeding.vka_recent_problem", "yes")
    inr = _inr_current(ctx)
    high = inr is not None and inr["value"] > _inr_limit(ctx, inr)
    if not (problem or high):
        return None
    reasons = []
    if high:
        top = inr.get("target_high")
        if top is not None:
            limit = f"the target top {_number(top)}"
        else:
            limit = f"the policy limit {_number(ctx.policy.inr_cap_when_target_unknown)}"
        reasons.append(f"INR {_number(inr['value'])} on {inr['date']} is above {limit}")
    if problem:
        days = ctx.policy.vka_recent_problem_window_days
        reasons.append(f"Bleeding problem or dose change in the last {days} days")
    return Hit(
        staff_message=(
            f"Takes {enum_text(drugs)}. {'; '.join(reasons)}. Hold needling until the INR is back "
            "in range or the prescriber confirms in writing."
        ),
        patient_message=(
            "Your latest INR result, or a recent bleeding problem or dose change, means we need to "
            "check with the person who manages your blood thinner before using needles. Other "
            "physiotherapy can go ahead. A new INR result in your target range may be all we need."
        ),
        action=(
            "Ask for a new INR or the prescriber's written OK. No needling until it is on file; "
            "then follow the anticoagulant_vka care."
        ),
        sources=("S25", "S26", "S46"),
        unsure_fields=_vka_unsure(ctx),
    )


@rule(
    "anticoagulant_doac_or_heparin",
    category="RP",
    scope="global",
    triggers=("bleeding.anticoagulants",),
)
def check_anticoagulant_doac_or_heparin(ctx: Context) -> Hit | None:
    """Take extra care with a DOAC or heparin (no INR applies).

    Sources: S25, S26
    """
    drugs = [drug for drug in _anticoagulants(ctx) if drug in DOAC_HEP]
    if not drugs:
        return None
    return Hit(
        staff_message=f"Takes {enum_text(drugs)}. No INR applies: rely on the bleeding history.",
        patient_message=VKA_PATIENT_CARE,
        action=(
            "Same technique as for warfarin: superficial and compressible first, avoid deep "
            "non-compressible muscles until the bleeding response is known, firm pressure. Ask why "
            "and when the medicine was started (a recent clot or operation)."
        ),
        sources=("S25", "S26"),
    )


@rule(
    "antithrombotic_combination",
    category="PC",
    scope="global",
    triggers=(
        "bleeding.anticoagulants",
        "bleeding.antiplatelets",
    ),
)
def check_antithrombotic_combination(ctx: Context) -> Hit | None:
    """Hold for prescriber clearance on more than one blood-thinning medicine.

    Sources: S26, S46
    """
    anticoagulants, antiplatelets = _anticoagulants(ctx), _antiplatelets(ctx)
    if not (
        (anticoagulants and antiplatelets) or len(antiplatelets) >= 2 or len(anticoagulants) >= 2
    ):
        return None
    return Hit(
        staff_message=(
            "Takes more than one blood-thinning medicine: "
            f"{enum_text(anticoagulants + antiplatelets)}. Needs prescriber clearance before "
            "needling."
        ),
        patient_message=(
            "Because you take more than one medicine that thins the blood, we will check with your "
            "prescriber before using needles. Other physiotherapy can go ahead."
        ),
        action="Send the clearance request to the prescriber. No needling until it is on file.",
        sources=("S26", "S46"),
    )


@rule("antiplatelet_single", category="INFO", scope="none", triggers=("bleeding.antiplatelets",))
def check_antiplatelet_single(ctx: Context) -> Hit | None:
    """Note one antiplatelet medicine alone: expect more minor bleeding; press firmly.

    Sources: S26, S11
    """
    antiplatelets = _antiplatelets(ctx)
    if not (len(antiplatelets) == 1 and not _anticoagulants(ctx)):
        return None
    return Hit(
        staff_message=(
            f"Takes one antiplatelet medicine: {enum_text(antiplatelets)}. Expect more minor "
            "bleeding or bruising; press firmly."
        ),
        patient_message=(
            "Your medicine can make small bruises or spots of bleeding a little more likely. We "
            "press firmly after each needle to help."
        ),
        action=(
            "Record it; press firmly after each needle; tell the patient bruising is more likely."
        ),
        sources=("S26", "S11"),
    )


@rule(
    "nsaid_or_supplement",
    category="INFO",
    scope="none",
    triggers=("bleeding.nsaids_or_supplements",),
)
def check_nsaid_or_supplement(ctx: Context) -> Hit | None:
    """Note regular anti-inflammatories or bleeding-affecting supplements.

    Sources: S10, S10a, S26
    """
    if not ctx.eq("bleeding.nsaids_or_supplements", True):
        return None
    return Hit(
        staff_message=(
            "Takes anti-inflammatory pain medicine or supplements that can affect bleeding (such "
            "as fish oil, ginkgo, garlic or vitamin E) regularly."
        ),
        patient_message=(
            "Some pain medicines and supplements can make bruising a little more likely. Keep "
            "taking your medicines as usual unless your doctor tells you otherwise."
        ),
        action="Record on the PDF; tell the patient about bruising; press firmly.",
        sources=("S10", "S10a", "S26"),
    )
