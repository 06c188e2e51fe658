#!/usr/bin/env bash
# Backup and restore drill: dump a PostgreSQL database, restore it into an empty one, and
# prove the copy is whole (row counts of every table, checksum of the submissions table).
#
#   bash ops/backup_restore_check.sh [DATABASE]      (default: screening)
#
# Uses the libpq environment (PGHOST, PGUSER, ...) or the local socket. Exits non-zero when
# anything differs. The dump file is deleted at the end: this is a drill, not the backup.
set -euo pipefail

source_db="${1:-screening}"
restore_db="${source_db}_restore_check"
work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"; dropdb --if-exists "$restore_db" >/dev/null 2>&1 || true' EXIT

psql_value() { psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

echo "dump:    pg_dump --format=custom $source_db"
pg_dump --format=custom --no-owner --file="$work_dir/backup.dump" "$source_db"

echo "restore: pg_restore into an empty $restore_db"
dropdb --if-exists "$restore_db"
createdb "$restore_db"
pg_restore --no-owner --exit-on-error --dbname="$restore_db" "$work_dir/backup.dump"

tables=$(psql_value "$source_db" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
[ -n "$tables" ] || { echo "no tables in $source_db: nothing to check"; exit 1; }

failures=0
for table in $tables; do
  before=$(psql_value "$source_db" "SELECT count(*) FROM \"$table\"")
  after=$(psql_value "$restore_db" "SELECT count(*) FROM \"$table\"")
  if [ "$before" != "$after" ]; then
    echo "MISMATCH $table: $before rows, restored $after"; failures=$((failures + 1))
  fi
done

checksum_sql="SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM screening_submission s"
before=$(psql_value "$source_db" "$checksum_sql")
after=$(psql_value "$restore_db" "$checksum_sql")
rows=$(psql_value "$source_db" "SELECT count(*) FROM screening_submission")
if [ "$before" != "$after" ]; then
  echo "MISMATCH screening_submission checksum: $before vs $after"; failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "backup/restore check FAILED ($failures differences)"; exit 1
fi
# Boot the app on the restored copy: it must open a submission's page and its PDF.
echo "open:    the newest submission and its PDF, the app running on $restore_db"
python_bin="${PYTHON:-$(dirname "$0")/../.venv/bin/python}"
DATABASE_URL="postgres:///$restore_db" DJANGO_DEV=1 HTTPS=0 DJANGO_ENV_FILE= \
  "$python_bin" "$(dirname "$0")/restore_open_submission.py" || { echo "backup/restore check FAILED (the app on the restored copy)"; exit 1; }

echo "backup/restore check passed: $(echo "$tables" | wc -w) tables, $rows submissions, checksum $before"
