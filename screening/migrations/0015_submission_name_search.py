"""The queue's name search on PostgreSQL: accents folded (unaccent) and a trigram index.

A no-op on SQLite, which folds with a Python function registered on the connection
(screening/review/search.py). screening_fold is an IMMUTABLE wrapper so it can be indexed.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE OR REPLACE FUNCTION screening_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
    "CREATE INDEX IF NOT EXISTS submission_name_trgm ON screening_submission "
    "USING gin (screening_fold(patient_name) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS submission_name_trgm",
    "DROP FUNCTION IF EXISTS screening_fold(text)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("screening", "0014_reassessment")]
    operations = [migrations.RunPython(forward, backward)]
