"""The queue's patient search: last name, "Last, First", first name or date of birth,
ignoring accents and case ("Cote" finds "Côté").

On SQLite the folding is a Python function registered on the connection; on PostgreSQL it
is screening_fold() (unaccent + lower), created with its trigram index by migration 0015.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.db.models import CharField, Func, Q, QuerySet
from django.db.models.functions import Lower

from screening.models import Submission


def fold(text: str) -> str:
    """Lower case without accents: "Côté" -> "cote"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Folded(Func):
    """fold(expression) in SQL."""

    output_field = CharField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        connection.ensure_connection()
        connection.connection.create_function(
            "screening_fold", 1, _fold_or_none, deterministic=True
        )
        return self.as_sql(compiler, connection, function="screening_fold", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        # screening_fold: migration 0015 (unaccent + lower, immutable, trigram-indexed).
        return self.as_sql(compiler, connection, function="screening_fold", **extra)

    def as_sql(self, compiler, connection, function=None, **extra):
        if function is None:
            return Lower(self.source_expressions[0]).as_sql(compiler, connection, **extra)
        return super().as_sql(compiler, connection, function=function, **extra)


def _fold_or_none(value):
    return fold(value) if isinstance(value, str) else value


def _date(text: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def filter_by_patient(rows: QuerySet[Submission], query: str) -> QuerySet[Submission]:
    query = query.strip()
    born = _date(query)
    if born:
        return rows.filter(invitation__visit__patient__date_of_birth=born)
    rows = rows.annotate(search_name=Folded("patient_name"))
    if "," in query:
        last, _comma, first = query.partition(",")
        condition = Q(search_name__contains=fold(last.strip()))
        if first.strip():
            condition &= Q(search_name__contains=fold(first.strip()))
        return rows.filter(condition)
    return rows.filter(search_name__contains=fold(query))
