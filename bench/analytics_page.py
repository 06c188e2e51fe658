"""Benchmark of the screening analytics page with 100,000 submissions.

    DJANGO_DEV=1 .venv/bin/python bench/analytics_page.py [--rows 100000] [--requests 30] [--keep]

Like bench/queue_page.py: a fresh SQLite file, or with DATABASE_URL on PostgreSQL the database
BENCH_DB_NAME (default screening_bench_analytics), filled with `--rows` submissions by
bulk_create (one invitation, draft and finding rows each; the contract examples' documents
and assessments; all submitted and opened within the default eight weeks, so the default
view counts every row), one decision on every third and a status step on every second.
Then it requests the page as a signed-in physiotherapist and prints p50/p95 for the
default period and for a four-week one. Goal: p50 <= 200 ms on PostgreSQL.
"""

from __future__ import annotations

import sys
from pathlib import Path

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
        os.environ["DATABASE_TEST_NAME"] = os.environ.get(
            "BENCH_DB_NAME", "screening_bench_analytics"
        )
        return "PostgreSQL"
    folder = tempfile.gettempdir() if keep else workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/dn-bench-analytics-main.sqlite3"
    os.environ["DATABASE_TEST_NAME"] = f"{folder}/dn-bench-analytics.sqlite3"
    return "SQLite"


def _fill(rows: int, physio) -> None:
    from django.utils import timezone

    from screening.contracts import assess_document
    from screening.intake.steps import STEP_NAMES
    from screening.models import (
        IntakeDraft,
        Invitation,
        Submission,
        SubmissionEvent,
        SubmissionFinding,
    )
    from screening.models.analytics import finding_rows
    from screening.review.demo_data import CASES, PATIENT_NAMES, demo_document

    today = timezone.localdate()
    now = timezone.now()
    assessed = [assess_document(demo_document(case, today)) for case in CASES]
    documents = [demo_document(case, today) for case in CASES]
    expires = now + dt.timedelta(days=400)
    batch = 5_000
    for start in range(0, rows, batch):
        numbers = range(start, min(start + batch, rows))
        # Spread over the last eight weeks (minutes apart), opened 5-95 minutes before.
        submitted = {n: now - dt.timedelta(minutes=(n * 7) % (55 * 24 * 60)) for n in numbers}
        invitations = Invitation.objects.bulk_create(
            Invitation(
                token_hash=f"{n:064x}",
                patient_name=f"{PATIENT_NAMES[n % len(PATIENT_NAMES)]} {n}",
                appointment_date=today + dt.timedelta(days=(n % 30)),
                expires_at=expires,
                first_opened_at=submitted[n] - dt.timedelta(minutes=5 + n % 90),
            )
            for n in numbers
        )
        # Sent an hour before it was opened (created_at is auto_now_add: set afterwards).
        for invitation in invitations:
            invitation.created_at = invitation.first_opened_at - dt.timedelta(hours=1)
        Invitation.objects.bulk_update(invitations, ["created_at"], batch_size=1000)
        drafts = IntakeDraft.objects.bulk_create(
            IntakeDraft(invitation=invitation, completed_steps=list(STEP_NAMES))
            for invitation in invitations
        )
        submissions = Submission.objects.bulk_create(
            Submission(
                invitation=invitation,
                draft=draft,
                intake_document=documents[n % len(CASES)],
                assessment=assessed[n % len(CASES)],
                ruleset_version=assessed[n % len(CASES)]["ruleset_version"],
                policy=assessed[n % len(CASES)]["policy"],
                consent_text_version="bench",
                patient_name=invitation.patient_name,
                appointment_date=invitation.appointment_date,
                tier=assessed[n % len(CASES)]["tier"],
                finding_count=len(assessed[n % len(CASES)]["findings"]),
            )
            for n, invitation, draft in zip(numbers, invitations, drafts, strict=True)
        )
        # bulk_create sends no post_save: the finding rows are added here, as on submit.
        findings = []
        events = []
        for n, submission in zip(numbers, submissions, strict=True):
            findings += finding_rows(submission.pk, assessed[n % len(CASES)])
            if n % 2:
                events.append(
                    SubmissionEvent(
                        submission=submission,
                        kind=SubmissionEvent.Kind.STATUS,
                        actor=physio,
                        status=Submission.Status.REVIEWED,
                    )
                )
            if n % 3 == 0:
                events.append(
                    SubmissionEvent(
                        submission=submission,
                        kind=SubmissionEvent.Kind.DECISION,
                        actor=physio,
                        decision=SubmissionEvent.Decision.PROCEED,
                        reason="bench",
                    )
                )
        SubmissionFinding.objects.bulk_create(findings)
        SubmissionEvent.objects.bulk_create(events)
        for n, submission in zip(numbers, submissions, strict=True):
            submission.submitted_at = submitted[n]
        Submission.objects.bulk_update(submissions, ["submitted_at"], batch_size=1000)
        print(f"  {min(start + batch, rows):>7,} rows", end="\r", flush=True)
    print()


def _client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _measure(client, params: dict, repeats: int) -> tuple[float, float, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("review:analytics")
    for _ in range(3):
        client.get(url, params)
    # Each request starts by emptying the query log (django.db.reset_queries): start at 0
    # too, or the captured slice is empty.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18] if len(timings) >= 2 else timings[0]
    return statistics.median(timings), p95, len(captured.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep and reuse the filled database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        engine = _configure_database(workdir, args.keep)
        os.environ["ALLOWED_HOSTS"] = "testserver"
        import django

        django.setup()
        from django.contrib.auth.models import Group, User
        from django.db import connection
        from django.utils import timezone

        test_name = connection.creation.create_test_db(
            verbosity=0, keepdb=args.keep, serialize=False
        )
        try:
            from screening.models import Submission

            # Kept on a reused database: its decisions protect it from deletion.
            physio, _ = User.objects.get_or_create(username="bench-physio")
            physio.groups.add(Group.objects.get(name="physiotherapist"))
            if args.keep and Submission.objects.count() >= args.rows:
                print(f"Reusing {engine} with {Submission.objects.count():,} submissions")
            else:
                started = time.perf_counter()
                print(f"Filling {engine} with {args.rows:,} submissions ...")
                _fill(args.rows, physio)
                print(f"  filled in {time.perf_counter() - started:.0f} s")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
            client = _client(physio)
            today = timezone.localdate()
            views = {
                "default (last 8 weeks)": {},
                "last 4 weeks": {"date_from": (today - dt.timedelta(weeks=4)).isoformat()},
            }
            # The query count is not printed: under the test client the capture came back
            # empty here; tests/analytics/test_page.py checks that it stays constant.
            print(f"{'view':<26} {'p50 ms':>8} {'p95 ms':>8}")
            for label, params in views.items():
                p50, p95, _queries = _measure(client, params, args.requests)
                print(f"{label:<26} {p50:8.1f} {p95:8.1f}")
        finally:
            if not args.keep:
                connection.creation.destroy_test_db(test_name, verbosity=0)


if __name__ == "__main__":
    main()
