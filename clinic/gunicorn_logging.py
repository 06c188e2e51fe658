"""gunicorn's access log, with patient link tokens redacted.

gunicorn writes its access log through its own logger, not Django's, so the redacting
filter in Django's LOGGING never sees those lines. This logger applies the same redaction
to every value a log format can print (path, request line, referrer, headers).
"""

from gunicorn.glogging import Logger

from screening.intake.log_redaction import redact_links


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact_links(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
