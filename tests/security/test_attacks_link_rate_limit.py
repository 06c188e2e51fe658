"""Issue 9, point 5: guessing patient links is rate-limited per client address.

300 random tokens used to answer 300 404s. Now, after LIMIT unknown links from one address,
that address gets a kind 429 page with Retry-After, even for a good link, while patients on
other addresses are not held up. Behind the proxy, X-Real-IP names the client only when the
request came from a trusted proxy.
"""

from __future__ import annotations

import secrets

import pytest
from django.test import Client, override_settings

from screening.security.link_rate_limit import LIMIT, WINDOW_SECONDS
from tests.security.builders import make_invitation


def guess(client: Client, **headers):
    return client.get(f"/i/{secrets.token_urlsafe(32)}/", **headers)


@pytest.mark.django_db
def test_random_tokens_from_one_address_are_refused_with_a_kind_429():
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    codes = [guess(attacker).status_code for _ in range(LIMIT + 10)]
    assert codes[:LIMIT] == [404] * LIMIT
    assert set(codes[LIMIT:]) == {429}
    refused = guess(attacker)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= WINDOW_SECONDS
    text = refused.content.decode()
    assert "Please wait a few minutes" in text and "call the clinic" in text
    # Even a good link waits: otherwise a guess that hits would still get through.
    _invitation, token = make_invitation("Limited Patient")
    assert attacker.get(f"/i/{token}/").status_code == 429
    # Another address is not held up, and a good link from it opens.
    patient = Client(REMOTE_ADDR="198.51.100.8")
    assert patient.get(f"/i/{token}/").status_code == 302


@pytest.mark.django_db
def test_good_links_from_one_shared_address_are_never_limited():
    """A clinic's waiting room shares one address; only unknown links count."""
    waiting_room = Client(REMOTE_ADDR="203.0.113.50")
    tokens = [make_invitation(f"Room Patient {n}")[1] for n in range(LIMIT + 5)]
    assert {waiting_room.get(f"/i/{token}/").status_code for token in tokens} == {302}


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_IPS=["127.0.0.1"])
def test_behind_the_trusted_proxy_each_client_address_is_limited_on_its_own():
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for _ in range(LIMIT):
        assert guess(proxy, HTTP_X_REAL_IP="192.0.2.1").status_code == 404
    assert guess(proxy, HTTP_X_REAL_IP="192.0.2.1").status_code == 429
    # Another patient behind the same proxy is unaffected.
    assert guess(proxy, HTTP_X_REAL_IP="192.0.2.2").status_code == 404


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_IPS=["127.0.0.1"])
def test_a_forged_x_real_ip_from_an_untrusted_peer_does_not_escape_the_limit():
    attacker = Client(REMOTE_ADDR="198.51.100.9")
    for n in range(LIMIT):
        assert guess(attacker, HTTP_X_REAL_IP=f"10.0.0.{n + 1}").status_code == 404
    assert guess(attacker, HTTP_X_REAL_IP="10.0.1.1").status_code == 429
