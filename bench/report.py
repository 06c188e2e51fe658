"""Percentiles and the printed table of the intake load test."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from bench.patient_flow import Sample, label_for


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for an empty list."""
    ordered = sorted(v for v in values if not math.isnan(v))
    if not ordered:
        return math.nan
    return ordered[max(math.ceil(q / 100 * len(ordered)) - 1, 0)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def by_label(samples: list[Sample]) -> dict[str, list[Sample]]:
    """Samples per page, in the order the pages were first met."""
    grouped: dict[str, list[Sample]] = defaultdict(list)
    for sample in sorted(samples, key=lambda s: s.started):
        grouped[sample.label].append(sample)
    return grouped


def server_by_label(times: list[tuple[str, str, float]]) -> dict[str, list[float]]:
    grouped: dict[str, list[float]] = defaultdict(list)
    for method, path, seconds in times:
        grouped[label_for(method, path)].append(seconds)
    return grouped


@dataclass
class Table:
    lines: list[str] = field(default_factory=list)
    # Pages whose p95 misses the goal, by where it is measured.
    slow_client: list[str] = field(default_factory=list)
    slow_worker: list[str] = field(default_factory=list)
    slow_cpu: list[str] = field(default_factory=list)


def latency_table(samples: list[Sample], server: dict[str, list[float]], goal_ms: float) -> Table:
    head = (
        f"{'page':<30}{'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}"
        f" | {'srv p50':>7} {'srv p95':>7} | {'cpu p50':>7} {'cpu p95':>7}"
    )
    table = Table(lines=[head, "-" * len(head)])
    goal = goal_ms / 1000
    for label, group in by_label(samples).items():
        seconds = [s.seconds for s in group]
        served = server.get(label, [])
        cpu = [s.cpu_ms / 1000 for s in group]
        table.lines.append(
            f"{label:<30}{len(group):>5} {_ms(percentile(seconds, 50))} "
            f"{_ms(percentile(seconds, 95))} {_ms(percentile(seconds, 99))} {_ms(max(seconds))}"
            f" | {_ms(percentile(served, 50))} {_ms(percentile(served, 95))}"
            f" | {_ms(percentile(cpu, 50))} {_ms(percentile(cpu, 95))}"
        )
        for values, slow in (
            (seconds, table.slow_client),
            (served, table.slow_worker),
            (cpu, table.slow_cpu),
        ):
            if percentile(values, 95) >= goal:
                slow.append(label)
    return table
