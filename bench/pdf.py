"""Time the PDF summary against a bare WeasyPrint render, in the same run.

Usage: .venv/bin/python bench/pdf.py [runs]
Renders the summary of a realistic multi-finding submission (contract example ex08, through
the real engine; an unsaved Submission, so no database is needed) `runs` times, then a plain
one-page HTML with WeasyPrint's defaults `runs` times, and prints both medians and their
ratio. Goal: summary median under 300 ms.
Then the day's print (issue 11): one merged PDF of 30 visits' summaries (the demo documents
in turn) and its cover, a few times; goal: 30 visits in at most 10 s.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# `python bench/pdf.py` puts bench/ first on sys.path, where bench/queue.py would shadow the
# standard library's queue module (which Django imports): use the project root instead.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
os.environ.setdefault("DJANGO_DEV", "1")  # the development secret key; nothing is served

import django  # noqa: E402

django.setup()

from weasyprint import HTML  # noqa: E402

from screening.contracts import assess_document  # noqa: E402
from screening.models import Patient, Submission, Visit  # noqa: E402
from screening.pdf import render_summary  # noqa: E402
from screening.pdf.day_print import merged_day_pdf  # noqa: E402

EXAMPLE = ROOT / "screening" / "review" / "demo_documents" / "ex08-older-adult-multi-rule.json"
PLAIN_PAGE = (
    "<!doctype html><html><head><title>Plain</title></head><body><h1>A plain page</h1>"
    + "<p>Some ordinary text in a paragraph, nothing else on the page.</p>" * 12
    + "</body></html>"
)


def multi_finding_submission(example: Path = EXAMPLE) -> Submission:
    document = json.loads(example.read_text(encoding="utf-8"))
    assessment = assess_document(document)
    return Submission(
        pk=1,
        intake_document=document,
        assessment=assessment,
        ruleset_version=assessment["ruleset_version"],
        policy=assessment["policy"],
        consent_text_version="2026-11-01",
        signatures={"signed_by": "patient", "name": "Margaret O'Brien", "signed_at": ""},
        patient_name="Margaret O'Brien",
        appointment_date=document["appointment_date"],
        tier=assessment["tier"],
        finding_count=len(assessment["findings"]),
    )


DAY_VISITS = 30
DAY_RUNS = 3


def day_of_visits() -> list[Visit]:
    """30 unsaved visits of one day, each with a current screening from a demo document."""
    examples = sorted(EXAMPLE.parent.glob("ex0*.json"))
    visits = []
    for index in range(DAY_VISITS):
        submission = multi_finding_submission(examples[index % len(examples)])
        submission.pk = index + 1
        visit = Visit(
            patient=Patient(name=f"Patient {index + 1}"),
            appointment_date=submission.appointment_date,
        )
        visit.current = submission
        visits.append(visit)
    return visits


def timed(render, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time shows the cost on a busy box)."""
    render()  # warm-up: fonts, caches, template loading
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def line(label: str, wall: list[float], cpu: list[float]) -> str:
    return (
        f"{label}: median {statistics.median(wall):.0f} ms wall "
        f"(min {min(wall):.0f}, max {max(wall):.0f}), median {statistics.median(cpu):.0f} ms CPU"
    )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    submission = multi_finding_submission()
    findings = len(submission.assessment["findings"])
    summary_wall, summary_cpu = timed(lambda: render_summary(submission), runs)
    bare_wall, bare_cpu = timed(lambda: HTML(string=PLAIN_PAGE).write_pdf(), runs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; {runs} runs each")
    print(line(f"summary of ex08 ({findings} findings)", summary_wall, summary_cpu))
    print(line("bare one-page WeasyPrint render", bare_wall, bare_cpu))
    wall_ratio = statistics.median(summary_wall) / statistics.median(bare_wall)
    cpu_ratio = statistics.median(summary_cpu) / statistics.median(bare_cpu)
    print(f"ratio summary / bare: {wall_ratio:.1f}x wall, {cpu_ratio:.1f}x CPU")
    verdict = "meets" if statistics.median(summary_wall) < 300 else "misses"
    print(f"goal: summary median under 300 ms (wall): {verdict}")
    visits = day_of_visits()
    day = visits[0].current.appointment_date
    day_wall, day_cpu = timed(lambda: merged_day_pdf(day, visits), DAY_RUNS)
    print(line(f"the day's print: {DAY_VISITS} summaries and a cover", day_wall, day_cpu))
    per_summary = statistics.median(day_wall) / DAY_VISITS
    print(
        f"per summary in the day's print: {per_summary:.0f} ms "
        f"({per_summary / statistics.median(summary_wall):.2f}x the single summary)"
    )
    day_verdict = "meets" if statistics.median(day_wall) <= 10_000 else "misses"
    print(f"goal: {DAY_VISITS} visits in at most 10 s (wall): {day_verdict}")


if __name__ == "__main__":
    main()
