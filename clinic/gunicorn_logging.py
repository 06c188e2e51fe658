"""gunicorn's access and error logs: link tokens redacted, every line one line.

gunicorn writes through its own loggers, not Django's, so the redacting filter and the
one-line formatter of Django's LOGGING never see those lines. This logger applies the same
redaction and control-character escaping to every value a log format can print (path,
request line, referrer, headers), and gives gunicorn's own handlers the one-line formatter.
"""

from gunicorn.glogging import Logger

from clinic.log_one_line import OneLineFormatter, escape_controls
from screening.intake.log_redaction import redact_links


class RedactingLogger(Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                old = handler.formatter or OneLineFormatter()
                handler.setFormatter(OneLineFormatter(old._fmt, old.datefmt))

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: escape_controls(redact_links(value)) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
