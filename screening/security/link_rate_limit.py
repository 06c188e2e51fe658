"""A rate limit on patient link lookups, per client address (issue 9, point 5).

A link token has 256 bits, so guessing is hopeless, but an address trying token after token
is still refused: after LIMIT unknown links in one WINDOW, every lookup from that address
(even of a good link) answers 429 until the window ends. Only misses count, so a waiting
room sharing one address, each patient opening their own link, is never held up.

The counters live in Django's cache, which is the database (settings.CACHES), so every
gunicorn worker and every app server shares them.
"""

from __future__ import annotations

import logging
import math
import time

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest

from screening.security.client_address import client_address

LIMIT = 20
WINDOW_SECONDS = 600

logger = logging.getLogger(__name__)


def _window() -> tuple[int, int]:
    """(the current window's number, seconds until it ends)."""
    now = time.time()
    number = int(now // WINDOW_SECONDS)
    return number, max(1, math.ceil((number + 1) * WINDOW_SECONDS - now))


def _key(address: str, window: int) -> str:
    return f"link-miss:{address}:{window}"


def seconds_refused(request: HttpRequest) -> int:
    """Seconds until this address may look up a link again; 0 when it may now."""
    address = client_address(request)
    if address is None:
        return 0
    window, remaining = _window()
    try:
        misses = cache.get(_key(address, window), 0)
    except DatabaseError:
        # A missing cache table must not lock every patient out; the lookup itself still runs.
        logger.warning("Link rate limit: the cache could not be read.")
        return 0
    return remaining if misses >= LIMIT else 0


def count_miss(request: HttpRequest) -> None:
    """Count one lookup of an unknown link from this address."""
    address = client_address(request)
    if address is None:
        return
    window, _ = _window()
    key = _key(address, window)
    try:
        # add() only when absent; incr() is not atomic in every backend: a race between two
        # workers can let a miss or two more through, never fewer.
        cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
        cache.incr(key)
    except (DatabaseError, ValueError):
        logger.warning("Link rate limit: the cache could not be written.")
