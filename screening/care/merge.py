"""Merge two patient records that turn out to be one person: audited, nothing lost.

The merged record stays (pointing at the one it went into); its visits move over, and
blank contact details of the kept record are filled from it, never overwritten.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import gettext as _

from screening.care.visits import CareError
from screening.models import Patient, Visit
from screening.review import audit

PATIENT_MERGED = "patient_merged"
CONTACT_FIELDS = ("last_name", "email", "phone")


def _born(patient: Patient) -> str:
    return formats.date_format(patient.date_of_birth, "j M Y")


@transaction.atomic
def merge_patients(keep: Patient, other: Patient, *, request: HttpRequest | None) -> Patient:
    """Move `other`'s visits into `keep`; raise CareError (nothing changed) when refused."""
    locked = {
        p.pk: p for p in Patient.objects.select_for_update().filter(pk__in=[keep.pk, other.pk])
    }
    if keep.pk == other.pk:
        raise CareError(_("These are the same record: there is nothing to merge."))
    keep, other = locked[keep.pk], locked[other.pk]
    if keep.merged_into_id or other.merged_into_id:
        raise CareError(_("One of these records was already merged. Open the record it went into."))
    if keep.date_of_birth and other.date_of_birth and keep.date_of_birth != other.date_of_birth:
        raise CareError(
            _(
                "Not merged: the dates of birth differ (%(one)s and %(two)s), so these may be "
                "two people. If one date is wrong, correct it first."
            )
            % {"one": _born(keep), "two": _born(other)}
        )
    moved = list(Visit.objects.filter(patient=other).order_by("pk").values_list("pk", flat=True))
    Visit.objects.filter(pk__in=moved).update(patient=keep)
    filled = [name for name in CONTACT_FIELDS if not getattr(keep, name) and getattr(other, name)]
    for name in filled:
        setattr(keep, name, getattr(other, name))
    if not keep.date_of_birth and other.date_of_birth:
        keep.date_of_birth = other.date_of_birth
        filled.append("date_of_birth")
    if filled:
        keep.save(update_fields=filled)
    other.merged_into = keep
    other.save(update_fields=["merged_into"])
    # Record numbers and field names only: no names, no health details.
    audit.record(request, PATIENT_MERGED, keep, merged=other.pk, visits=moved, filled=filled)
    return keep
