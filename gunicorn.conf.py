"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py clinic.wsgi`.

Values come from the environment so one file serves every clinic; see docs/deployment.md.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: on 2 cores, threads gave no gain (notes/machine-facts.md).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The access log must not record query strings or referrers: no health data, no tokens.
accesslog = "-"
# Redacts /i/<token> from every access-log line (clinic/gunicorn_logging.py).
logger_class = "clinic.gunicorn_logging.RedactingLogger"
# clinic.gunicorn_logging also escapes CR, LF and other control characters in every atom
# (a %0D%0A in a path cannot forge a line) and gives the error log the one-line formatter.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips
