"""Run the real task worker in a test, the way `make run` and production run it.

Under `django_db` a test is one transaction that never commits, so the `on_commit` hooks
that enqueue the send task are run here as a commit would run them; then the worker
(`manage.py db_worker --batch`) works the queue until nothing is ready, and returns.
"""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.db import connection
from django.utils import timezone


def commit_hooks() -> None:
    """Run the on-commit callbacks waiting in the test's transaction (as a commit would)."""
    while connection.run_on_commit:
        callbacks, connection.run_on_commit = connection.run_on_commit, []
        for _savepoints, callback, _robust in callbacks:
            callback()


def run_worker(*, later_by: dt.timedelta | None = None) -> None:
    """Commit the hooks and run the worker once; `later_by` makes delayed tasks ready now
    (a retry or an alert window), as if that much time had passed."""
    from django_tasks_db.models import DBTaskResult

    commit_hooks()
    if later_by is not None:
        DBTaskResult.objects.filter(run_after__lte=timezone.now() + later_by).update(
            run_after=timezone.now() - dt.timedelta(seconds=1)
        )
    # The worker closes its database connection when it ends; inside a test's transaction
    # (PostgreSQL) that would end the test's own connection, so closing is a no-op here.
    from unittest import mock

    with (
        mock.patch.object(connection, "close", lambda: None),
        mock.patch.object(connection, "close_if_unusable_or_obsolete", lambda: None),
    ):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    commit_hooks()  # the retries a failed send enqueued
