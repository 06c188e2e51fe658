"""gunicorn's access log never holds a patient link token."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_access_log_redacts_patient_link_tokens(tmp_path):
    port = free_port()
    token = "SECRET-TOKEN-4f9a2c7e1b"
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
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/i/{token}/", timeout=5)  # noqa: S310
                break
            except urllib.error.HTTPError:
                break  # an answer (404 for an unknown link) is all this test needs
            except OSError:
                time.sleep(0.3)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "/i/[redacted]" in output, output[-2000:]
    assert token not in output
