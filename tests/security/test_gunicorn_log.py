"""gunicorn's access log never holds a patient link token."""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_and_get(tmp_path, paths: list[str]) -> str:
    """Start gunicorn with the production config, GET each path, return everything it logged."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEV": "1",
        "HTTPS": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'log.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "clinic.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        for path in paths:
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)  # noqa: S310
                    break
                except urllib.error.HTTPError:
                    break  # an answer (404 for an unknown link) is all this test needs
                except OSError:
                    time.sleep(0.3)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    return output


def test_the_access_log_redacts_patient_link_tokens(tmp_path):
    token = "SECRET-TOKEN-4f9a2c7e1b"
    output = serve_and_get(tmp_path, [f"/i/{token}/"])
    assert "/i/[redacted]" in output, output[-2000:]
    assert token not in output


def test_a_cr_lf_in_the_path_cannot_forge_a_log_line(tmp_path):
    """Issue 9, point 6: a %0D%0A in the path used to start a forged access-log line."""
    forged = '127.0.0.1 "GET /staff/ HTTP/1.1" 200 FORGED-ENTRY'
    output = serve_and_get(tmp_path, ["/", "/x%0D%0A" + urllib.parse.quote(forged) + "/"])
    lines = [line for line in output.splitlines() if "FORGED-ENTRY" in line]
    assert lines, output[-2000:]
    # Each line quoting the forged text also holds the start of the request, escaped.
    assert all("/x\\r\\n" in line for line in lines), output[-2000:]
