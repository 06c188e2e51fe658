"""``manage.py screen FILE [FILE ...]``: assess intake documents from the command line.

Prints one dn-assessment/1 JSON document per line, in the order of the files (``-`` reads
standard input). Every file is read and validated before anything is assessed or printed:
one bad file means no output at all, exit status 2 and one line on stderr saying which
file, which field and what is wrong. No traceback, ever: it is a tool for staff scripts.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


class BadInput(Exception):
    """A file, or the policy, cannot be used: ``label`` names it, ``detail`` says why."""

    def __init__(self, label: str, detail: str) -> None:
        super().__init__(f"{label}: {detail}")
        self.label, self.detail = label, detail


class Command(BaseCommand):
    help = "Assess dn-intake/1 documents and print their dn-assessment/1 JSON, one per line."
    stealth_options = ("stdin",)
    # Pure computation: no database, so no migration or system checks on every call.
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="intake JSON, or - for stdin")
        parser.add_argument("--policy", metavar="FILE", help="JSON object of policy overrides")
        parser.add_argument(
            "--format",
            choices=("json", "text"),
            default="json",
            help="json (default): one assessment per line; text: a short summary",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from screening.contracts import AssessmentInvalid

        files: list[str] = options["files"]
        try:
            policy = _load_policy(options["policy"])
            documents = [_load_intake(name, options.get("stdin")) for name in files]
        except BadInput as error:
            # One intake file: the line is "field.path: what is wrong"; several: name the file.
            named = len(files) > 1 or error.label.startswith("--policy")
            self._fail(EXIT_BAD_INPUT, str(error) if named else error.detail)
        try:
            assessments = [_assess(doc, policy) for doc in documents]
        except AssessmentInvalid as error:
            self._fail(EXIT_INTERNAL, f"internal error, the assessment breaks its schema: {error}")
        except Exception as error:
            # A bug in the engine: one line for the script (--traceback shows the details).
            if options.get("traceback"):
                raise
            self._fail(EXIT_INTERNAL, f"internal error in the rules engine: {error!r}")
        if options["format"] == "text":
            for name, assessment in zip(files, assessments, strict=True):
                self.stdout.write(_summary(name if len(files) > 1 else None, assessment))
        else:
            for assessment in assessments:
                self.stdout.write(json.dumps(assessment, separators=(",", ":")))

    def _fail(self, status: int, message: str) -> None:
        # One line, whatever the message holds.
        self.stderr.write(" ".join(message.split()), ending="\n")
        raise SystemExit(status)


def _assess(doc: dict[str, Any], policy: Any) -> dict[str, Any]:
    from screening.contracts import assess_document

    return assess_document(doc, policy)


def _load_policy(name: str | None) -> Any:
    from screening.rules import Policy, PolicyError

    if name is None:
        return None
    overrides = _read_json(name, None, label=f"--policy {name}")
    if not isinstance(overrides, dict):
        raise BadInput(f"--policy {name}", "must be a JSON object of policy overrides")
    try:
        return Policy.from_overrides(overrides)
    except PolicyError as error:
        raise BadInput(f"--policy {name}", str(error)) from error


def _load_intake(name: str, stdin: Any) -> dict[str, Any]:
    from screening.contracts import validate_intake

    label = "stdin" if name == "-" else name
    doc = _read_json(name, stdin, label=label)
    errors = validate_intake(doc)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise BadInput(label, f"{errors[0]}{more}")
    return doc


def _read_json(name: str, stdin: Any, *, label: str) -> Any:
    try:
        if name == "-":
            stream = stdin or sys.stdin
            text = stream.read()
            if isinstance(text, bytes):
                text = text.decode("utf-8")
        else:
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
    except UnicodeDecodeError:
        raise BadInput(label, "document: not UTF-8 text") from None
    except OSError as error:
        raise BadInput(label, f"cannot read {name} ({error.strerror or error})") from None
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        raise BadInput(
            label,
            f"document: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})",
        ) from None
    except ValueError as error:
        raise BadInput(label, f"document: not valid JSON ({error})") from None
    except RecursionError:
        raise BadInput(label, "document: not valid JSON (nested too deeply)") from None


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text[:20]} is too large")
    return value


def _summary(name: str | None, assessment: dict[str, Any]) -> str:
    from screening.rules import targets_all_excluded

    lines = [f"{name}: {assessment['tier']}" if name else assessment["tier"]]
    for finding in assessment["findings"]:
        regions = f" [{', '.join(finding['regions'])}]" if finding["regions"] else ""
        lines.append(
            f"- {finding['rule']} ({finding['tier_effect']}){regions}: {finding['action']}"
        )
    if assessment["excluded_regions"]:
        lines.append(f"Excluded regions: {', '.join(assessment['excluded_regions'])}")
        if targets_all_excluded(assessment):
            lines.append("No needling at the requested sites.")
    if not assessment["estim_allowed"]:
        lines.append("Electrical stimulation: not allowed")
    return "\n".join(lines)
