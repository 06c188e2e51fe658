"""Issue 9, point 6: a CR/LF in a login username (django-axes' message) or in a URL path
(Django's "Not Found") cannot forge a log line: every record the app's handler writes is
one line, its control characters escaped."""

from __future__ import annotations

import io
import logging

import pytest
from django.test import Client

from clinic.log_one_line import OneLineFormatter, escape_controls

FORGED = "AXES: Successful login by {username: 'admin'} FORGED"


@pytest.fixture
def app_log():
    """What the configured console handler (settings.LOGGING) writes, as text."""
    handlers = [
        h for h in logging.getLogger().handlers if isinstance(h.formatter, OneLineFormatter)
    ]
    assert handlers, "the root logger's handler must use the one-line formatter"
    buffer = io.StringIO()
    old_streams = [handler.setStream(buffer) for handler in handlers]
    yield buffer
    for handler, stream in zip(handlers, old_streams, strict=True):
        handler.setStream(stream)


@pytest.mark.django_db
def test_a_cr_lf_in_a_login_username_stays_on_one_line(app_log):
    username = f"nobody\r\n{FORGED}"
    response = Client().post(
        "/accounts/login/", {"username": username, "password": "wrong-password"}
    )
    assert response.status_code in (200, 429)
    written = app_log.getvalue()
    assert "nobody\\r\\n" in written, written  # axes' message is there, escaped
    assert not [line for line in written.splitlines() if line.startswith(FORGED)], written


@pytest.mark.django_db
def test_a_cr_lf_in_a_path_stays_on_one_line(app_log):
    response = Client().get("/nowhere%0D%0A" + "FORGED-PATH-LINE/")
    assert response.status_code == 404
    lines = app_log.getvalue().splitlines()
    assert not [line for line in lines if line.startswith("FORGED-PATH-LINE")], lines
    assert [line for line in lines if "/nowhere\\r\\nFORGED-PATH-LINE/" in line], lines


def test_a_traceback_is_one_line_too():
    formatter = OneLineFormatter("%(message)s")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    text = formatter.format(record)
    assert "\n" not in text and "Traceback" in text and "ValueError: boom" in text
    assert escape_controls("a\x1b[31mb\tc") == "a\\x1b[31mb\\tc"
