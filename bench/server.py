"""The load test's own PostgreSQL database and gunicorn server, started and cleaned up.

Everything listens on 127.0.0.1 only. The database is created over the Unix socket (peer
auth as root, see notes/machine-facts.md) and dropped at the end.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def bench_env(database: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every process of the run: developer mode, plain HTTP, our DB."""
    env = dict(os.environ)
    env.update(
        DJANGO_DEV="1",
        HTTPS="0",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres:///{database}",
        DJANGO_SETTINGS_MODULE="bench.bench_settings",
        LOG_LEVEL="WARNING",
    )
    env.update(extra or {})
    return env


def create_database(database: str) -> None:
    drop_database(database)
    subprocess.run(["createdb", database], check=True)
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=bench_env(database),
        check=True,
    )


def drop_database(database: str) -> None:
    subprocess.run(["dropdb", "--if-exists", "--force", database], check=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    base_url: str
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_gunicorn(database: str, workers: int, log_path: Path) -> Server:
    """The production gunicorn.conf.py, with only the bind, workers and settings changed."""
    port = free_port()
    env = bench_env(
        database,
        {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)},
    )
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "clinic.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    try:
        _wait_until_up(server)
    except BaseException:
        server.stop()  # never leave a server behind
        raise
    return server


def _wait_until_up(server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            sys.exit(f"gunicorn exited early; see {server.log_path}")
        try:
            if requests.get(server.base_url + "/what-to-expect/", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.stop()
    sys.exit(f"gunicorn did not answer within {seconds} s; see {server.log_path}")


# gunicorn.conf.py's access_log_format: '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss'
ACCESS_LINE = re.compile(
    r'^\S+ "(?P<method>[A-Z]+) (?P<path>\S+)" (?P<status>\d{3}) \S+ (?P<secs>[\d.]+)s$'
)


def server_times(log_path: Path, offset: int = 0) -> list[tuple[str, str, float]]:
    """(method, path, seconds inside the worker) for each access-log line after `offset`."""
    times = []
    with log_path.open() as log:
        log.seek(offset)
        for line in log:
            match = ACCESS_LINE.match(line.strip())
            if match:
                times.append((match["method"], match["path"], float(match["secs"])))
    return times


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU seconds of the gunicorn workers and the PostgreSQL backends of the bench database.

    Sampled every half second, so a process that ends during the phase (a connection closed
    after CONN_MAX_AGE, a recycled worker) is still counted up to its last sample.
    """

    def __init__(self, server: Server, database: str, interval: float = 0.5):
        self.server = server
        self.database = database
        self.interval = interval
        self.connection = psycopg.connect(dbname=database, autocommit=True)
        self.before = self._snapshot()
        self.latest = {kind: dict(pids) for kind, pids in self.before.items()}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _backends(self) -> list[int]:
        rows = self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.database],
        ).fetchall()
        return [row[0] for row in rows]

    def _snapshot(self) -> dict[str, dict[int, float]]:
        return {
            "workers": {pid: _cpu_seconds(pid) for pid in _children(self.server.process.pid)},
            "postgres": {pid: _cpu_seconds(pid) for pid in self._backends()},
        }

    def _sample(self) -> None:
        for kind, pids in self._snapshot().items():
            for pid, seconds in pids.items():
                if seconds:  # 0.0: the process ended since it was listed
                    self.latest[kind][pid] = seconds

    def _run(self) -> None:
        while not self.done.wait(self.interval):
            self._sample()

    def stop(self) -> dict[str, float]:
        """CPU seconds used since the start, per kind (processes new since count fully)."""
        self.done.set()
        self.thread.join()
        self._sample()
        self.connection.close()
        return {
            kind: sum(t - self.before[kind].get(pid, 0.0) for pid, t in self.latest[kind].items())
            for kind in self.latest
        }
