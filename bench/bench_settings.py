"""The app's own settings plus one bare page, for the intake load test's baseline.

Everything (middleware, sessions, templates, database) is the production configuration;
the URL map gains /bench/bare/, the template search path bench/templates, and an outermost
middleware reports each request's CPU time in a header (bench/cpu_header.py).
"""

from clinic.settings import *  # noqa: F403  (the point is to change nothing else)
from clinic.settings import BASE_DIR, MIDDLEWARE, TEMPLATES

MIDDLEWARE = ["bench.cpu_header.CpuTimeHeader", *MIDDLEWARE]

ROOT_URLCONF = "bench.bare_urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
