"""On PostgreSQL, the database itself refuses to change or remove an audit row.

SQLite has no such guard; there the model and the admin refuse (AuditEvent.save/delete).
TRUNCATE is left alone: only the database owner can run it, and the test runner's flush
between transactional tests uses it.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION screening_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    -- The one change allowed: a removed account's id is set to NULL (ON DELETE SET NULL);
    -- actor_username still says who it was.
    IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
       AND (NEW.id, NEW.created_at, NEW.actor_username, NEW.action, NEW.object_type,
            NEW.object_id, NEW.ip_address, NEW.detail)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.created_at, OLD.actor_username, OLD.action, OLD.object_type,
            OLD.object_id, OLD.ip_address, OLD.detail) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'screening_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER screening_auditevent_append_only
    BEFORE UPDATE OR DELETE ON screening_auditevent
    FOR EACH ROW EXECUTE FUNCTION screening_auditevent_append_only();
-- Staff decisions and notes on a submission: never rewritten either. DELETE stays possible
-- for the retention purge, which removes a submission together with its history.
CREATE OR REPLACE FUNCTION screening_submissionevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'screening_submissionevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER screening_submissionevent_append_only
    BEFORE UPDATE ON screening_submissionevent
    FOR EACH ROW EXECUTE FUNCTION screening_submissionevent_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS screening_submissionevent_append_only ON screening_submissionevent;
DROP FUNCTION IF EXISTS screening_submissionevent_append_only();
DROP TRIGGER IF EXISTS screening_auditevent_append_only ON screening_auditevent;
DROP FUNCTION IF EXISTS screening_auditevent_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("screening", "0003_staff_roles")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
