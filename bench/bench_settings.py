"""The app's own settings plus one bare page, for the intake load test's baseline.

Everything (middleware, sessions, templates, database) is the production configuration;
only the URL map gains /bench/bare/ and the template search path gains bench/templates.
"""

from clinic.settings import *  # noqa: F403  (the point is to change nothing else)
from clinic.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.bare_urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
