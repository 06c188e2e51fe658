"""Plain words for staff: the one-line reason of a screening, and findings without codes.

Staff read region names, not region codes; "Frequent high sugars", not a field path; dates
as "20 Nov", not ISO. The rule id stays beside the wording (small), never as the wording.
Pure functions over the stored assessment and intake document (no database).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from screening.bodymap.names import REGION_NAMES
from screening.rules.labels import label_for
from screening.rules.regions import LIMB_REGIONS

# The always-on findings: on every assessment, never the reason for a flag.
ALWAYS_ON = frozenset({"consent_special_risks", "practitioner_authorization"})
TIER_ORDER = ("DO_NOT_NEEDLE", "HOLD_FOR_CLEARANCE", "PHYSIO_REVIEW", "INFO_ONLY", "CLEAR", "NONE")

CATEGORY_LABELS = {
    "AC": gettext_lazy("Absolute contraindication"),
    "PC": gettext_lazy("Needs clearance"),
    "RP": gettext_lazy("Precaution"),
    "INFO": gettext_lazy("For information"),
}
SCOPE_LABELS = {
    "global": gettext_lazy("whole treatment"),
    "site": gettext_lazy("at the named regions"),
    "modality": gettext_lazy("electrical stimulation"),
    "none": gettext_lazy("no restriction"),
}
LIMB_NAMES = {
    "UPPER_LIMB_L": gettext_lazy("Left arm"),
    "UPPER_LIMB_R": gettext_lazy("Right arm"),
    "LOWER_LIMB_L": gettext_lazy("Left leg"),
    "LOWER_LIMB_R": gettext_lazy("Right leg"),
}
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def region_name(code: str) -> str:
    name = REGION_NAMES.get(code) or LIMB_NAMES.get(code)
    return str(name) if name is not None else code.replace("_", " ").lower()


def region_names(codes: Iterable[str]) -> list[str]:
    return [region_name(code) for code in codes]


def short_date(value: str | dt.date) -> str:
    """ "2026-11-20" -> "20 Nov" (the year only when it is not this year)."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    fmt = "j M" if day.year == dt.date.today().year else "j M Y"
    return formats.date_format(day, fmt)


def plain_text(message: str) -> str:
    """Replace region codes, ISO dates and snake_case answer codes in an engine message."""

    def region(match: re.Match) -> str:
        code = match.group(0)
        if code in REGION_NAMES or code in LIMB_REGIONS:
            return region_name(code).lower()
        return code

    def date(match: re.Match) -> str:
        try:
            return short_date(match.group(0))
        except ValueError:
            return match.group(0)

    text = _CODE.sub(region, message)
    text = _ISO_DATE.sub(date, text)
    return _SNAKE.sub(lambda m: m.group(0).replace("_", " "), text)


def unsure_labels(paths: Iterable[str]) -> list[str]:
    return [label_for(path) for path in paths]


def top_findings(assessment: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The findings that set the tier (the highest tier effect), always-on ones left out."""
    findings = [f for f in assessment.get("findings", []) if f["rule"] not in ALWAYS_ON]
    flagged = [f for f in findings if f["tier_effect"] in TIER_ORDER[:3]]
    if not flagged:
        return []
    top = min(TIER_ORDER.index(f["tier_effect"]) for f in flagged)
    return [f for f in flagged if TIER_ORDER.index(f["tier_effect"]) == top]


def _first_sentence(message: str) -> str:
    text = plain_text(message).strip()
    cut = re.search(r"[.;:](\s|$)", text)
    return (text[: cut.start()] if cut else text).strip()


def _vka(finding: Mapping, document: Mapping) -> str:
    inr = (document.get("bleeding") or {}).get("inr") or {}
    if inr.get("value") is None:
        return _("Warfarin, no recent INR")
    when = short_date(inr["date"]) if inr.get("date") else _("date unknown")
    return _("Warfarin, INR %(value)s on %(date)s") % {"value": inr["value"], "date": when}


def _skin(finding: Mapping, document: Mapping) -> str:
    names = ", ".join(name.lower() for name in region_names(finding.get("regions", [])))
    return _("Skin problem at or next to the %(regions)s") % {"regions": names}


# Rules whose first sentence does not make a good one-line reason.
_SHORT = {
    "anticoagulant_vka_out_of_range": _vka,
    "skin_lesion_at_site": _skin,
}


def finding_reason(finding: Mapping[str, Any], document: Mapping[str, Any]) -> str:
    short = _SHORT.get(finding["rule"])
    return short(finding, document) if short else _first_sentence(finding["staff_message"])


def reason_line(assessment: Mapping[str, Any], document: Mapping[str, Any]) -> str:
    """One line, plain words: why this screening is flagged ("" when it is not)."""
    top = top_findings(assessment)
    reasons = list(dict.fromkeys(finding_reason(f, document) for f in top[:2]))
    line = "; ".join(reasons)
    if len(top) > 2:
        line += " " + _("(+%(count)d more)") % {"count": len(top) - 2}
    return line
