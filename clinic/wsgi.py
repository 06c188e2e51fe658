"""WSGI entry point for gunicorn."""

import os
import sys

from django.core.wsgi import get_wsgi_application

from clinic.env import MissingSetting

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
try:
    application = get_wsgi_application()
except MissingSetting as exc:
    # One line in the server log that says what to set, not a traceback. Exit status 3 is
    # gunicorn's "worker failed to boot": the master stops instead of restarting workers.
    sys.stderr.write(f"screening: {exc}\n")
    sys.exit(3)
