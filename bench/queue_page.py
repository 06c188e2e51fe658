"""Benchmark of the staff review queue with 100,000 submissions.

    DJANGO_DEV=1 .venv/bin/python bench/queue_page.py [--rows 100000] [--requests 200] [--keep]

(Not bench/queue.py: running any bench/ script puts bench/ first on the import path, and a
file named queue.py there would shadow the standard library's `queue` for all of them.)

Uses a fresh SQLite file in a temporary directory, or, when DATABASE_URL points at
PostgreSQL, a fresh database `screening_bench_queue` (created and dropped here). Fills it with
`--rows` submissions (bulk_create; one invitation and one draft each, documents and
assessments from the contract examples, appointments spread over a year, mixed statuses),
then requests the queue page through Django's test client as a signed-in front-desk user and
prints p50/p95 and the query count for the default view, a tier filter, a name search and a
deep page. Goal: p95 under 50 ms for the default view, the same query count for every view.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, bench/ comes first on the import path: swap it for the project root.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
os.environ.setdefault("DJANGO_DEV", "1")


def _configure_database(workdir: str, keep: bool) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        os.environ["DATABASE_TEST_NAME"] = os.environ.get("BENCH_DB_NAME", "screening_bench_queue")
        return "PostgreSQL"
    # --keep: a fixed file outside the temporary folder, reused by the next --keep run.
    folder = tempfile.gettempdir() if keep else workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/dn-bench-queue-main.sqlite3"
    os.environ["DATABASE_TEST_NAME"] = f"{folder}/dn-bench-queue.sqlite3"
    return "SQLite"


def _fill(rows: int) -> None:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from screening.contracts import assess_document
    from screening.models import IntakeDraft, Invitation, Submission
    from screening.review.demo_data import CASES, PATIENT_NAMES, demo_document

    today = timezone.localdate()
    base = [demo_document(case, today) for case in CASES]
    assessed = [(doc, assess_document(doc)) for doc in base]
    statuses = list(Submission.Status.values)
    creator = User.objects.get(username="bench-desk")
    expires = timezone.now() + dt.timedelta(days=400)
    batch = 5_000
    for start in range(0, rows, batch):
        numbers = range(start, min(start + batch, rows))
        invitations = Invitation.objects.bulk_create(
            Invitation(
                token_hash=f"{n:064x}",
                patient_name=f"{PATIENT_NAMES[n % len(PATIENT_NAMES)]} {n}",
                appointment_date=today + dt.timedelta(days=(n % 395) - 30),
                appointment_time=dt.time(8 + n % 10, 15 * (n % 4)),
                expires_at=expires,
                created_by=creator,
            )
            for n in numbers
        )
        drafts = IntakeDraft.objects.bulk_create(
            IntakeDraft(invitation=invitation) for invitation in invitations
        )
        submissions = []
        for n, invitation, draft in zip(numbers, invitations, drafts, strict=True):
            document, assessment = assessed[n % len(assessed)]
            submissions.append(
                Submission(
                    invitation=invitation,
                    draft=draft,
                    intake_document=document,
                    assessment=assessment,
                    ruleset_version=assessment["ruleset_version"],
                    policy=assessment["policy"],
                    consent_text_version="bench",
                    signatures={"signed_by": "patient", "name": invitation.patient_name},
                    patient_name=invitation.patient_name,
                    appointment_date=invitation.appointment_date,
                    appointment_time=invitation.appointment_time,
                    tier=assessment["tier"],
                    finding_count=len(assessment["findings"]),
                    status=statuses[(n // 7) % len(statuses)],
                )
            )
        Submission.objects.bulk_create(submissions)
        print(f"  {min(start + batch, rows):>7,} rows", end="\r", flush=True)
    print()


def _client():
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.create_user("bench-desk")
    user.groups.add(Group.objects.get(name="front_desk"))
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _measure(client, params: dict, repeats: int, url: str = "") -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = url or reverse("review:queue")
    page = {"page": params.pop("page")} if "page" in params else {}
    if not url.startswith("/accounts/"):
        client.post(url, params)  # the queue keeps its filters in the session
    for _ in range(5):  # warm caches and templates
        client.get(url, page)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, page)
    assert response.status_code == 200, response.status_code
    queries = len(captured.captured_queries)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        client.get(url, page)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18]
    return statistics.median(timings), p95, queries


def _profile(client) -> None:
    """Print where one request of the default view spends its time (BENCH_PROFILE=1)."""
    import cProfile
    import pstats

    from django.urls import reverse

    client.get(reverse("review:queue"))  # imports and URL resolver, once
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get(reverse("review:queue"))
    profiler.disable()
    pstats.Stats(profiler).sort_stats(
        os.environ.get("BENCH_PROFILE_SORT", "cumulative")
    ).print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled database and reuse it next time"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        engine = _configure_database(workdir, args.keep)
        # The test client's host; no setup_test_environment(): its template instrumentation
        # would slow every render down and skew the figures.
        os.environ["ALLOWED_HOSTS"] = "testserver"
        import django

        django.setup()
        from django.db import connection

        test_name = connection.creation.create_test_db(
            verbosity=0, keepdb=args.keep, serialize=False
        )
        try:
            from django.contrib.auth.models import User
            from django.test import Client

            from screening.models import Submission

            if args.keep and Submission.objects.count() >= args.rows:
                print(f"Reusing {engine} with {Submission.objects.count():,} submissions")
                User.objects.filter(username="bench-desk").delete()
                client = _client()
            else:
                client = _client()
                started = time.perf_counter()
                print(f"Filling {engine} with {args.rows:,} submissions ...")
                _fill(args.rows)
                print(f"  filled in {time.perf_counter() - started:.0f} s")
            # Fresh statistics, as autovacuum keeps them in production; on PostgreSQL VACUUM
            # also sets the visibility map that index-only scans (the counts) rely on.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
            views = {
                "default (upcoming, page 1)": {},
                "tier = flagged": {"tier": "flagged"},
                "status = new, next 7 days": {
                    "status": "new",
                    "date_to": (dt.date.today() + dt.timedelta(days=7)).isoformat(),
                },
                "name search": {"q": "Priya"},
                "page 200": {"page": 200},
            }
            print(f"{'view':<28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
            # Baseline on the same stack and machine: the small login page (no queue).
            p50, p95, queries = _measure(Client(), {}, args.requests, url="/accounts/login/")
            print(f"{'baseline: login page':<28} {p50:8.1f} {p95:8.1f} {queries:8d}")
            if os.environ.get("BENCH_PROFILE"):
                _profile(client)
            for label, params in views.items():
                p50, p95, queries = _measure(client, params, args.requests)
                print(f"{label:<28} {p50:8.1f} {p95:8.1f} {queries:8d}")
        finally:
            if not args.keep:
                connection.creation.destroy_test_db(test_name, verbosity=0)


if __name__ == "__main__":
    main()
