"""A median computed by the database's own sort: the same SQL on SQLite and PostgreSQL.

Two queries whatever the row count (a count, then the one or two middle rows), so a page
with 100,000 rows does not pull them all into Python.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import DurationField, ExpressionWrapper, QuerySet


def median_duration(rows: QuerySet, expression) -> dt.timedelta | None:
    """The median of `expression` (a duration) over `rows`, None when no row has one."""
    annotated = rows.annotate(
        _value=ExpressionWrapper(expression, output_field=DurationField())
    ).filter(_value__isnull=False)
    count = annotated.count()
    if count == 0:
        return None
    middle = (count - 1) // 2
    values = list(
        annotated.order_by("_value").values_list("_value", flat=True)[
            middle : middle + 2 - count % 2
        ]
    )
    return sum(values, dt.timedelta()) / len(values)
