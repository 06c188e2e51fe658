"""Lymphoedema and lymph node rules (clinical-rules.md, section 6.4, last part).

Split from infection.py to keep modules small; the registry imports it with its family.
"""

from __future__ import annotations

from screening.rules.context import Context
from screening.rules.registry import rule
from screening.rules.text import enum_text, regions_text
from screening.rules.types import Hit

# limb(s) of lymph_node_removal_at_risk_limb. PELVIS follows infection.pelvic_node_side
# (1.1.0); an unknown or absent side means both legs, as in 1.0.
LYMPH_NODE_SITE_LIMBS = {
    "AXILLA_L": ("UPPER_LIMB_L",),
    "AXILLA_R": ("UPPER_LIMB_R",),
    "GROIN_L": ("LOWER_LIMB_L",),
    "GROIN_R": ("LOWER_LIMB_R",),
    "PELVIS": ("LOWER_LIMB_L", "LOWER_LIMB_R"),
}
PELVIC_SIDE_LIMBS = {"left": ("LOWER_LIMB_L",), "right": ("LOWER_LIMB_R",)}


def lymphedema_regions(ctx: Context) -> frozenset[str]:
    """The regions of the lymphedema_limb finding (empty when it does not fire)."""
    if not ctx.eq("infection.lymphedema", "yes"):
        return frozenset()
    return ctx.expand(ctx.get("infection.lymphedema_areas"))


@rule("lymphedema_limb", category="AC", scope="site", triggers=("infection.lymphedema",))
def check_lymphedema_limb(ctx: Context) -> Hit | None:
    """Exclude the regions with lymphedema, whatever the targets.

    Sources: S10, S10a, S13a, S33
    """
    if not ctx.eq("infection.lymphedema", "yes"):
        return None
    regions = lymphedema_regions(ctx)
    return Hit(
        staff_message=(
            f"Lymphoedema in {regions_text(regions)}. No needling in the affected limb or area."
        ),
        patient_message=(
            "To protect the area with lymphedema from infection and more swelling, we will not "
            "put needles there. Your physiotherapist can still treat other areas if that helps."
        ),
        action=(
            "No needling in the affected regions. Needling elsewhere at the physiotherapist's "
            "discretion."
        ),
        sources=("S10", "S10a", "S13a", "S33"),
        regions=tuple(regions),
        excludes=tuple(regions),
    )


@rule(
    "lymph_node_removal_at_risk_limb",
    category="RP",
    scope="site",
    triggers=("infection.lymph_nodes_treated",),
)
def check_lymph_node_removal_at_risk_limb(ctx: Context) -> Hit | None:
    """Flag the limb(s) drained by treated lymph nodes, minus those with lymphedema.

    The 3.5 supersession by lymphedema_limb is applied here: its regions are exactly
    expand(infection.lymphedema_areas) when lymphedema = yes, and it is never suppressed.

    1.1.0: a pelvic treatment puts only the leg of its side at risk; still no time limit.

    Sources: S33, S13a
    """
    if not ctx.eq("infection.lymph_nodes_treated", "yes"):
        return None
    sites = ctx.get("infection.lymph_node_sites") or ()
    side = ctx.get("infection.pelvic_node_side")
    limbs = [
        limb
        for site in sites
        for limb in (
            PELVIC_SIDE_LIMBS.get(side, LYMPH_NODE_SITE_LIMBS[site])
            if site == "PELVIS"
            else LYMPH_NODE_SITE_LIMBS[site]
        )
    ]
    at_risk = ctx.expand(limbs) - lymphedema_regions(ctx)
    if not at_risk:
        return None
    pelvis = f" (pelvis: {side})" if side else ""
    avoid = ctx.policy.avoid_at_risk_limb
    policy_text = (
        " Clinic policy: avoid them." if avoid else " Clinic policy allows them with care."
    )
    return Hit(
        staff_message=(
            f"Lymph nodes removed or irradiated: {enum_text(sites)}{pelvis}. At-risk regions, "
            f"for life: {regions_text(at_risk)}.{policy_text}"
        ),
        patient_message=(
            "Because lymph nodes were treated, the arm or leg on that side can swell more easily, "
            "for life. Your physiotherapist will usually not put needles in it, and will explain "
            "the options."
        ),
        action=(
            "Avoid the at-risk limb (or, if policy allows, needle it sparingly with strict "
            "asepsis and watch for swelling or redness)."
        ),
        sources=("S33", "S13a"),
        regions=tuple(at_risk),
        excludes=tuple(at_risk) if avoid else (),
    )
