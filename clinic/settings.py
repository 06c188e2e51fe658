"""Settings for the screening service, read from the environment.

Safe defaults: DEBUG is off, there is no secret key unless DJANGO_DEV=1 (set by the
Makefile's run and test targets) or SECRET_KEY is given, and SQLite is used when
DATABASE_URL is unset. `.env.example` lists every variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_noop

from clinic.env import env_bool, env_int, env_list, env_str, load_dot_env

BASE_DIR = Path(__file__).resolve().parent.parent
# A developer checkout's `.env` (written by `make run`); absent in production.
load_dot_env(BASE_DIR)

# DJANGO_DEV=1 marks a developer's machine or the test run: it allows the built-in
# development secret key and the demo seed. Production never sets it.
DEV_MODE = env_bool("DJANGO_DEV", False)
DEBUG = env_bool("DEBUG", False)

# Only usable with DJANGO_DEV=1; production must set SECRET_KEY.
_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: S105  # nosec B105
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEV_MODE else None)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEV_MODE else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "screening",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # High up, so that even the 400 for a forged Host (raised by CommonMiddleware) is framed.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Static files are served before anything else touches the request.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "screening.middleware.NoStoreMiddleware",
    # A database that is down answers 503 "try again in a minute", not 500.
    "screening.security.database_down.DatabaseDownMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this staff member passed the second factor?
    "django_otp.middleware.OTPMiddleware",
    # After the session and the user: a chosen language beats the browser's guess.
    "screening.i18n.middleware.ChosenLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: it tells the signed-out user why.
    "screening.security.session_limits.StaffSessionLimitMiddleware",
    # Last, as django-axes requires: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "screening.context_processors.clinic",
            ],
        },
    },
]

# SQLite when DATABASE_URL is unset. Persistent connections: with the default of 0,
# writes per second fall about 4x on this hardware (notes/machine-facts.md).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a patient's step is being written.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
# Behind PgBouncer in transaction pooling mode (docs/deployment.md).
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DISABLE_SERVER_SIDE_CURSORS", False)
_test_db_name = env_str("DATABASE_TEST_NAME", "")
if _test_db_name:
    DATABASES["default"]["TEST"] = {"NAME": _test_db_name}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The clinic's default language: patients whose browser asks for none of LANGUAGES, and staff
# who never chose, read this one. A third language is a line here and a catalogue in locale/.
LANGUAGE_CODE = env_str("CLINIC_LANGUAGE", "en")
LANGUAGES = [("en", gettext_noop("English")), ("fr-ca", gettext_noop("French"))]
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
# Corrections to Django's own locale formats (clinic/formats/fr_CA: "14 h 30").
FORMAT_MODULE_PATH = ["clinic.formats"]
TIME_ZONE = env_str("TIME_ZONE", "America/Edmonton")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# A friendly page, not Django's technical one, when a form's CSRF token has gone stale.
CSRF_FAILURE_VIEW = "screening.views.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "review:today"  # staff land on the day's visits (issue 11)
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEV_MODE
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "screening@clinic.invalid")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A mail server that hangs holds the worker, never a request; still, give up a try quickly.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)

# Email is sent by the task worker (`manage.py db_worker`, started by `make run`; see
# docs/deployment.md), never inside a request. The queue lives in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Flagged forms arriving within this many minutes of the first share one alert email.
ALERT_BATCH_MINUTES = env_int("ALERT_BATCH_MINUTES", 5)

# The clinic's identity on pages, emails and the PDF.
CLINIC_NAME = env_str("CLINIC_NAME", "Riverbend Physiotherapy")
# Links in invitations and emails are built from this, never from the Host header.
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
# A patient link stays usable this many days after the appointment.
INVITATION_VALID_DAYS_AFTER_APPOINTMENT = env_int("INVITATION_VALID_DAYS_AFTER_APPOINTMENT", 7)

# Clinic overrides of the rules engine's [POLICY] thresholds (clinical-rules.md section 5);
# unknown keys or out-of-range values stop the start-up.
SCREENING_POLICY: dict = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Patient link tokens never reach a log line (request lines, "Not Found: /i/...").
    "filters": {"redact_links": {"()": "screening.intake.log_redaction.RedactPatientLinks"}},
    # One line per record: CR, LF and other control characters escaped (clinic/log_one_line.py),
    # whoever logs (Django, django-axes, our code) and whatever the message quotes.
    "formatters": {
        "one_line": {
            "()": "clinic.log_one_line.OneLineFormatter",
            "format": "%(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_links"],
            "formatter": "one_line",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint and fontTools narrate every render at INFO: noise, and slower.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # runserver's request log: Django's own handler replaced, so it reaches the root
        # logger's redacting handler (and pytest's caplog) like every other record.
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # Replaces Django's default "django" handlers, which would print unredacted in DEBUG.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# --- Security (OWASP ASVS level 2 is the yardstick; docs/deployment.md) -------------------
# Behind a TLS reverse proxy in production. Developer mode runs plain HTTP on 127.0.0.1.
HTTPS = env_bool("HTTPS", not DEV_MODE)
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The header alone preloads nothing; the clinic submits its domain if it wants to.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Over HTTPS the cookies carry the __Host- prefix: the browser then accepts them only when
# Secure, for path / and without a Domain, so a sibling subdomain cannot plant or shadow them.
# Plain-HTTP developer mode keeps the usual names (a browser drops __Host- without Secure).
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
# The proxies whose X-Real-IP header names the client (docs/deployment.md): 127.0.0.1 behind
# the documented nginx. Empty: REMOTE_ADDR is the client, and X-Real-IP is ignored.
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", [])
# The cache (the link rate limit's counters) is a database table, so every worker and app
# server shares it; `migrate` creates the table (screening/apps.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "screening_cache",
    }
}
# Sessions live in the database, so app servers stay stateless (docs/deployment.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Staff: signed out after 15 idle minutes (warned 2 minutes before) and 12 hours after
# signing in (screening/security/session_limits.py). The cookie itself lasts no longer.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 15 * 60)
STAFF_SESSION_ABSOLUTE_SECONDS = env_int("STAFF_SESSION_ABSOLUTE_SECONDS", 12 * 3600)
SESSION_COOKIE_AGE = STAFF_SESSION_ABSOLUTE_SECONDS

# A strict Content-Security-Policy: no inline script or style anywhere (django-csp 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap's CSS draws form controls with data: SVG images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEV_MODE
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In developer mode WhiteNoise serves straight from static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEV_MODE
WHITENOISE_AUTOREFRESH = DEV_MODE

# Returned clearance letters (health records): a directory no URL maps to; read only through
# the audited staff view. Back it up with the database (docs/deployment.md).
PRIVATE_FILES_ROOT = Path(env_str("PRIVATE_FILES_ROOT", str(BASE_DIR / "private")))

# --- Retention (Alberta HIA duties; docs/privacy.md) ---------------------------------------
# Unfinished drafts are purged this many days after their last change.
DRAFT_RETENTION_DAYS = env_int("DRAFT_RETENTION_DAYS", 30)
# Submissions are kept this many years after the appointment, or, for a patient who was a
# minor then, after their 18th birthday, whichever is later; then purged.
SUBMISSION_RETENTION_YEARS = env_int("SUBMISSION_RETENTION_YEARS", 10)
# Age of majority in Alberta, from which a minor's retention period is counted.
RETENTION_MAJORITY_AGE = 18

# --- Staff sign-in: lockout and two-factor authentication ------------------------------------
# Five failures lock that username from that address for 15 minutes. The pair, not the
# address alone: a clinic's colleagues share one address and must not lock each other out.
AXES_FAILURE_LIMIT = 5
# Quiet start-up: `manage.py screen` must print exactly one line on stderr for bad input.
AXES_VERBOSE = False
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# Failed usernames are not written to axes' access log table beyond what lockout needs.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password"]
# The same client address as the link rate limit and the audit trail: X-Real-IP only from a
# trusted proxy (screening/security/client_address.py, docs/deployment.md).
AXES_CLIENT_IP_CALLABLE = "screening.security.client_address.client_address"

# TOTP (django-otp): the issuer shown in the authenticator app.
OTP_TOTP_ISSUER = CLINIC_NAME
