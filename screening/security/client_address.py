"""The client's address, the same for the link rate limit, the date-of-birth check, the
login lockout (django-axes) and the audit trail.

Behind the documented nginx proxy every request reaches gunicorn from 127.0.0.1, and gunicorn
does not rewrite REMOTE_ADDR from any header. nginx sets `X-Real-IP $remote_addr`, replacing
whatever the client sent. So: X-Real-IP is believed only when the request came from an
address in TRUSTED_PROXY_IPS; from anywhere else it could be forged, and REMOTE_ADDR is used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The patient's or staff member's address, or None when unknown."""
    peer = _valid(request.META.get("REMOTE_ADDR") or "")
    if peer is not None and peer in settings.TRUSTED_PROXY_IPS:
        forwarded = _valid(request.META.get("HTTP_X_REAL_IP") or "")
        if forwarded is not None:
            return forwarded
    return peer
