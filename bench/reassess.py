"""Time ``manage.py reassess --dry-run`` over many stored submissions (issue 8).

    .venv/bin/python bench/reassess.py [--count 100000]

A fresh SQLite file in a temporary directory (or DATABASE_URL when set, for PostgreSQL),
filled with ``--count`` submissions: the contract examples and forms from the property
tests' strategy, each stored with its 1.0-style assessment stand-in, so that most of them
change. Prints the CPU and wall time of the dry run and its rate per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-reassess-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("DJANGO_DEV", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from bench.rules import example_documents, generated_documents
    from screening.models import IntakeDraft, Invitation, Submission

    call_command("migrate", verbosity=0)
    docs = example_documents() + generated_documents(400, calm=(5, 20, 60, 200))
    old = {"tier": "CLEAR", "excluded_regions": [], "findings": []}
    start = time.perf_counter()
    expires = datetime(2027, 1, 1, tzinfo=UTC)
    batch = 5000
    for first in range(0, args.count, batch):
        size = min(batch, args.count - first)
        invitations = Invitation.objects.bulk_create(
            Invitation(
                token_hash=f"{first + i:064d}",
                patient_name="Bench Patient",
                appointment_date=date(2026, 12, 3),
                expires_at=expires,
            )
            for i in range(size)
        )
        drafts = IntakeDraft.objects.bulk_create(IntakeDraft(invitation=inv) for inv in invitations)
        Submission.objects.bulk_create(
            Submission(
                invitation=inv,
                draft=draft,
                intake_document=docs[(first + i) % len(docs)],
                assessment=old,
                ruleset_version="1.0.0",
                policy={},
                consent_text_version="1",
                patient_name="Bench Patient",
                appointment_date=date(2026, 12, 3) + timedelta(days=(first + i) % 30),
                tier="CLEAR",
            )
            for i, (inv, draft) in enumerate(zip(invitations, drafts, strict=True))
        )
    print(f"stored {args.count:,} submissions in {time.perf_counter() - start:.1f} s")
    out = StringIO()
    cpu, wall = time.process_time(), time.perf_counter()
    call_command("reassess", "--dry-run", stdout=out)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(out.getvalue().splitlines()[-1])
    print(
        f"reassess --dry-run over {args.count:,}: {wall:.1f} s wall, {cpu:.1f} s CPU "
        f"({args.count / cpu:,.0f} submissions per CPU-second)"
    )


if __name__ == "__main__":
    main()
