"""The date-of-birth check before saved answers are shown, with its rate limits.

Wrong answers are counted in the database (GateFailure), so every worker process sees the
same count: at most LINK_LIMIT per link and ADDRESS_LIMIT per IP address in WINDOW.
"""

from __future__ import annotations

import datetime
import math
import unicodedata

from django.utils import timezone

from screening.models import GateFailure, Invitation
from screening.security.client_address import client_address as shared_client_address

WINDOW = datetime.timedelta(minutes=15)
LINK_LIMIT = 5
ADDRESS_LIMIT = 20


def client_address(request) -> str | None:
    # One definition of the client's address for every limit (X-Real-IP from a trusted proxy).
    return shared_client_address(request)


def wait_minutes(invitation: Invitation, address: str | None) -> int:
    """Whole minutes until another try is allowed; 0 when one is allowed now."""
    now = timezone.now()
    since = now - WINDOW
    waits = []
    for failures, limit in (
        (GateFailure.objects.filter(invitation=invitation, created_at__gt=since), LINK_LIMIT),
        (GateFailure.objects.filter(ip_address=address, created_at__gt=since), ADDRESS_LIMIT),
    ):
        if address is None and limit == ADDRESS_LIMIT:
            continue
        times = list(failures.order_by("-created_at").values_list("created_at", flat=True)[:limit])
        if len(times) >= limit:
            # Allowed again when the oldest of the last `limit` failures leaves the window.
            waits.append(times[-1] + WINDOW - now)
    if not waits:
        return 0
    return max(1, math.ceil(max(waits).total_seconds() / 60))


def record_failure(invitation: Invitation, address: str | None) -> None:
    GateFailure.objects.create(invitation=invitation, ip_address=address, created_at=timezone.now())


def clear_failures(invitation: Invitation) -> None:
    GateFailure.objects.filter(invitation=invitation).delete()


def normalise_name(name: str) -> str:
    """Compare names the way people type them: case, accents as typed, apostrophes, spaces."""
    name = unicodedata.normalize("NFC", name).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(name.casefold().split())


def answers_match(invitation: Invitation, expected_dob: str, dob: str, last_name: str) -> bool:
    if dob != expected_dob:
        return False
    if invitation.last_name:
        return normalise_name(last_name) == normalise_name(invitation.last_name)
    return True
