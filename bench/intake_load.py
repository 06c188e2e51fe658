"""Load test of the patient intake: 50 patients at once against gunicorn and PostgreSQL.

    DJANGO_DEV=1 .venv/bin/python bench/intake_load.py [--patients 50] [--workers 5]

Creates its own database (screening_bench), migrates it, creates the invitations with
create_invitation, starts gunicorn with the production gunicorn.conf.py on a free port of
127.0.0.1, then:
1. every patient completes the WHOLE intake at the same time (link, date-of-birth check,
   privacy notice, GET + POST of every step, review, signature, confirmation);
2. the same number of requests, at the same concurrency, go to a bare view that renders a
   template of the intake pages' mean size through the same stack (bench/bare_urls.py).
Prints p50/p95/p99 per page (client side, and inside the worker from gunicorn's access
log), errors, both throughputs and their ratio; checks that the database holds exactly one
submission per patient; stops gunicorn and drops the database. Exit status 1 on any error.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import server as bench_server  # noqa: E402
from bench.patient_flow import (  # noqa: E402
    Patient,
    Sample,
    bare_requests,
    complete_intake,
)
from bench.report import latency_table, server_by_label  # noqa: E402

DATE_OF_BIRTH = datetime.date(1988, 4, 12)  # the same as tests/intake/posts.py HEALTHY
P95_GOAL_MS = 100.0
RATIO_GOAL = 0.5


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=5, help="gunicorn sync workers")
    parser.add_argument("--think", type=float, default=0.0, help="seconds before each action")
    parser.add_argument("--database", default="screening_bench")
    parser.add_argument("--time-limit", type=float, default=150.0, help="seconds per phase")
    parser.add_argument("--keep", action="store_true", help="keep the database and the log")
    return parser.parse_args()


def setup_django(database: str) -> None:
    os.environ.update(bench_server.bench_env(database))
    import django

    django.setup()


def make_invitations(count: int) -> list[tuple[str, str]]:
    """(raw token, patient name) for each patient, through the real create_invitation."""
    from django.utils import timezone

    from screening.intake.invitations import create_invitation

    appointment = timezone.localdate() + datetime.timedelta(days=3)
    made = []
    for number in range(1, count + 1):
        name = f"Bench Patient{number:03d}"
        _invitation, token = create_invitation(
            patient_name=name,
            last_name=f"Patient{number:03d}",
            appointment_date=appointment,
            date_of_birth=DATE_OF_BIRTH,
        )
        made.append((token, name))
    return made


def intake_steps() -> list[tuple[str, dict]]:
    from screening.intake.steps import QUESTION_STEPS
    from tests.intake.posts import HEALTHY

    return [(step.name, HEALTHY[step.name]) for step in QUESTION_STEPS]


def run_at_once(count: int, job: Callable[[int, list[Sample]], None]) -> tuple:
    """Run job(i) in `count` threads released together: (samples, failures, wall seconds)."""
    samples: list[Sample] = []
    failures: list[str] = []
    start = threading.Barrier(count + 1)

    def worker(index: int) -> None:
        start.wait()
        try:
            job(index, samples)
        except Exception as error:  # noqa: BLE001  (any failure is a counted error)
            failures.append(f"patient {index + 1}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return samples, failures, time.perf_counter() - began


def check_database(patients: int) -> list[str]:
    from django.db import connections
    from django.db.models import Count

    from screening.models import Invitation, Submission

    problems = []
    total = Submission.objects.count()
    if total != patients:
        problems.append(f"database holds {total} submissions, expected {patients}")
    doubles = Invitation.objects.annotate(n=Count("submissions")).exclude(n=1).count()
    if doubles:
        problems.append(f"{doubles} invitations do not have exactly one submission")
    connections.close_all()
    return problems


def print_phase(title, samples, failures, wall, log, offset) -> tuple[list[str], float]:
    served = server_by_label(bench_server.server_times(log, offset))
    lines, slow = latency_table(samples, served, P95_GOAL_MS)
    bad_status = [s for s in samples if s.status >= 400]
    rate = len(samples) / wall
    print(f"\n== {title}")
    print("latency in ms; client side (queueing included) | srv = inside the worker")
    print("\n".join(lines))
    print(
        f"requests: {len(samples)} in {wall:.2f} s = {rate:.1f} req/s; "
        f"error statuses: {len(bad_status)}; failed clients: {len(failures)}"
    )
    for failure in failures[:10]:
        print(f"  ! {failure}")
    return slow, rate


def main() -> int:
    args = parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="intake-load-"))
    log = log_dir / "gunicorn.log"
    print(f"Creating and migrating database {args.database} ...", flush=True)
    bench_server.create_database(args.database)
    server = None
    try:
        setup_django(args.database)
        patients = make_invitations(args.patients)
        steps = intake_steps()
        server = bench_server.start_gunicorn(args.database, args.workers, log)
        print(f"gunicorn: {args.workers} sync workers at {server.base_url}; log {log}", flush=True)
        warm = Patient(server.base_url, lambda sample: None)
        bare_requests(warm, "/what-to-expect/", args.workers * 4)
        bare_requests(warm, "/bench/bare/", args.workers * 4)
        deadline = time.perf_counter() + args.time_limit

        def patient_job(index: int, samples: list[Sample]) -> None:
            token, name = patients[index]
            patient = Patient(server.base_url, samples.append, args.think, deadline)
            gate = {
                "date_of_birth_day": str(DATE_OF_BIRTH.day),
                "date_of_birth_month": str(DATE_OF_BIRTH.month),
                "date_of_birth_year": str(DATE_OF_BIRTH.year),
                "last_name": name.split()[-1],
            }
            complete_intake(patient, token, gate, steps, signature=name)

        offset = log.stat().st_size
        print(f"Phase 1: {args.patients} patients complete the intake at once ...", flush=True)
        samples, failures, wall = run_at_once(args.patients, patient_job)
        slow, intake_rate = print_phase(
            f"Intake: {args.patients} concurrent patients", samples, failures, wall, log, offset
        )
        errors = len(failures) + sum(1 for s in samples if s.status >= 400)
        pages = [s.size for s in samples if s.status == 200]
        page_bytes = sum(pages) // max(len(pages), 1)
        per_client = [len(samples) // args.patients] * args.patients
        for index in range(len(samples) % args.patients):
            per_client[index] += 1
        bare_path = f"/bench/bare/?bytes={page_bytes}"
        deadline = time.perf_counter() + args.time_limit

        def bare_job(index: int, bare_samples: list[Sample]) -> None:
            client = Patient(server.base_url, bare_samples.append, 0.0, deadline)
            bare_requests(client, bare_path, per_client[index])

        time.sleep(1)
        offset = log.stat().st_size
        print(f"\nPhase 2: {len(samples)} requests to {bare_path} ...", flush=True)
        bare, bare_failures, bare_wall = run_at_once(args.patients, bare_job)
        _slow, bare_rate = print_phase(
            f"Bare view, {args.patients} concurrent clients (intake pages average "
            f"{page_bytes} bytes; bare page {bare[0].size if bare else 0} bytes)",
            bare,
            bare_failures,
            bare_wall,
            log,
            offset,
        )
        server.stop()
        problems = check_database(args.patients)
        ratio = intake_rate / bare_rate if bare_rate else 0.0
        print("\n== Goals")
        print(f"errors (statuses >= 400, patients not confirmed): {errors}  (goal 0)")
        print(
            f"pages with client p95 >= {P95_GOAL_MS:.0f} ms: {len(slow)} of "
            f"{len({s.label for s in samples})}" + (f" ({', '.join(slow)})" if slow else "")
        )
        print(
            f"throughput: intake {intake_rate:.1f} req/s, bare {bare_rate:.1f} req/s, "
            f"ratio {ratio:.2f}  (goal >= {RATIO_GOAL})"
        )
        print(f"patients per minute through the whole intake: {args.patients / wall * 60:.0f}")
        held = "; ".join(problems) or f"{args.patients} submissions, one per invitation"
        print(f"database: {held}")
        return 1 if errors or problems or bare_failures else 0
    finally:
        if server is not None:
            server.stop()
        if not args.keep:
            bench_server.drop_database(args.database)
            log.unlink(missing_ok=True)
            log_dir.rmdir()


if __name__ == "__main__":
    sys.exit(main())
