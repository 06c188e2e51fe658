"""Load test of the patient intake: 50 patients at once against gunicorn and PostgreSQL.

    DJANGO_DEV=1 .venv/bin/python bench/intake_load.py [--patients 50] [--workers 5]
        [--think SECONDS] [--time-limit SECONDS] [--keep]

Creates its own database (screening_bench), migrates it, creates the invitations with
create_invitation, starts gunicorn with the production gunicorn.conf.py on a free port of
127.0.0.1 (settings bench.bench_settings), then:
1. every patient completes the WHOLE intake at the same time (link, date-of-birth check,
   privacy notice, GET + POST of every step, review, signature, confirmation), with no
   pause between pages unless --think is given;
2. the same number of requests, at the same concurrency, go to a bare view that renders a
   template of the intake pages' mean size through the same stack (bench/bare_urls.py).
Prints per page p50/p95/p99/max as the client saw it (queueing included), the wall time
inside the worker (gunicorn's access log) and the worker's CPU time (bench/cpu_header.py);
errors; both throughputs, their ratio, and the ratio of server CPU per request (which does
not depend on how busy the shared machine is). Then checks that the database holds exactly
one submission per patient, stops gunicorn and drops the database. Exit status 1 on any
error. About a minute on an idle 2-core machine; each phase gives up after --time-limit.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, sys.path[0] is bench/: a module there could shadow a stdlib one.
sys.path[0] = str(ROOT)

from bench import server as bench_server  # noqa: E402
from bench.patient_flow import (  # noqa: E402
    Patient,
    Sample,
    bare_requests,
    complete_intake,
)
from bench.report import Phase, latency_table, print_goals, server_by_label  # noqa: E402

DATE_OF_BIRTH = datetime.date(1988, 4, 12)  # the same as tests/intake/posts.py HEALTHY


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=5, help="gunicorn sync workers")
    parser.add_argument("--think", type=float, default=0.0, help="seconds before each action")
    parser.add_argument("--database", default="screening_bench")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=240.0,
        help="seconds per phase; a patient still going then counts as an error",
    )
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


def client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_phase(title: str, count: int, job, server: bench_server.Server, database: str) -> Phase:
    log = server.log_path
    offset = log.stat().st_size
    meter = bench_server.CpuMeter(server, database)
    client_before = client_cpu_seconds()
    phase = Phase(*run_at_once(count, job))
    phase.cpu = meter.stop()
    phase.cpu["client"] = client_cpu_seconds() - client_before
    time.sleep(0.5)  # let gunicorn write its last access-log lines
    served = server_by_label(bench_server.server_times(log, offset))
    phase.table = latency_table(phase.samples, served)
    print(f"\n== {title}")
    print(
        "ms; p50..max: client side, queueing included | srv: wall time inside the gunicorn "
        "worker | cpu: CPU time of the worker for the request"
    )
    print("\n".join(phase.table.lines))
    print(
        f"requests: {len(phase.samples)} in {phase.wall:.2f} s = {phase.rate:.1f} req/s; "
        f"error statuses: {sum(1 for s in phase.samples if s.status >= 400)}; "
        f"failed clients: {len(phase.failures)}"
    )
    print(
        "CPU per request: gunicorn workers {:.1f} ms, PostgreSQL {:.1f} ms; "
        "this load client {:.1f} ms".format(
            *(phase.cpu_ms_per_request(kind) for kind in ("workers", "postgres", "client"))
        )
    )
    for failure in phase.failures[:10]:
        print(f"  ! {failure}")
    return phase


def gate_answers(name: str) -> dict[str, str]:
    return {
        "date_of_birth_day": str(DATE_OF_BIRTH.day),
        "date_of_birth_month": str(DATE_OF_BIRTH.month),
        "date_of_birth_year": str(DATE_OF_BIRTH.year),
        "last_name": name.split()[-1],
    }


def shares(total: int, parts: int) -> list[int]:
    """`total` requests split as evenly as possible over `parts` clients."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def benchmark(args: argparse.Namespace, log: Path) -> int:
    setup_django(args.database)
    patients = make_invitations(args.patients)
    steps = intake_steps()
    server = bench_server.start_gunicorn(args.database, args.workers, log)
    try:
        url = server.base_url
        print(f"gunicorn: {args.workers} sync workers at {url}", flush=True)
        warm = Patient(url, lambda sample: None)
        bare_requests(warm, "/what-to-expect/", args.workers * 4)
        bare_requests(warm, "/bench/bare/", args.workers * 4)

        deadline = time.perf_counter() + args.time_limit

        def patient_job(index: int, samples: list[Sample]) -> None:
            token, name = patients[index]
            patient = Patient(url, samples.append, args.think, deadline)
            complete_intake(patient, token, gate_answers(name), steps, signature=name)

        print(f"Phase 1: {args.patients} patients complete the intake at once ...", flush=True)
        intake = run_phase(
            f"Intake: {args.patients} patients at once",
            args.patients,
            patient_job,
            server,
            args.database,
        )
        pages = [s.size for s in intake.samples if s.status == 200]
        page_bytes = sum(pages) // max(len(pages), 1)
        per_client = shares(len(intake.samples), args.patients)
        bare_path = f"/bench/bare/?bytes={page_bytes}"
        deadline = time.perf_counter() + args.time_limit

        def bare_job(index: int, samples: list[Sample]) -> None:
            client = Patient(url, samples.append, 0.0, deadline)
            bare_requests(client, bare_path, per_client[index])

        print(f"\nPhase 2: {len(intake.samples)} requests to {bare_path} ...", flush=True)
        bare = run_phase(
            f"Bare view: {args.patients} clients at once, {len(intake.samples)} requests "
            f"(intake pages average {page_bytes} bytes)",
            args.patients,
            bare_job,
            server,
            args.database,
        )
        if bare.samples:
            print(f"bare page: {bare.samples[0].size} bytes")
    finally:
        server.stop()
    problems = check_database(args.patients)
    print_goals(intake, bare, args.patients, problems, args.think)
    return 1 if intake.errors or bare.errors or problems else 0


def main() -> int:
    args = parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="intake-load-"))
    log = log_dir / "gunicorn.log"
    started = time.perf_counter()
    try:
        print(f"Creating and migrating database {args.database} ...", flush=True)
        bench_server.create_database(args.database)
        return benchmark(args, log)
    finally:
        if args.keep:
            print(f"kept database {args.database} and {log}")
        else:
            bench_server.drop_database(args.database)
            log.unlink(missing_ok=True)
            log_dir.rmdir()
        print(f"whole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
