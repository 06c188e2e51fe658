"""Percentiles and the printed table of the intake load test."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from bench.patient_flow import Sample, label_for


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(math.ceil(q / 100 * len(ordered)) - 1, 0)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def by_label(samples: list[Sample]) -> dict[str, list[float]]:
    """Latencies per page, in the order the pages were first met."""
    grouped: dict[str, list[float]] = defaultdict(list)
    for sample in sorted(samples, key=lambda s: s.started):
        grouped[sample.label].append(sample.seconds)
    return grouped


STEP_PATH = re.compile(r"^/intake/step/[a-z_]+/")


def server_by_label(times: list[tuple[str, str, float]]) -> dict[str, list[float]]:
    grouped: dict[str, list[float]] = defaultdict(list)
    for method, path, seconds in times:
        grouped[label_for(method, path)].append(seconds)
    return grouped


def latency_table(
    samples: list[Sample], server: dict[str, list[float]], goal_ms: float
) -> tuple[list[str], list[str], list[str]]:
    """The table lines, and the pages whose p95 misses the goal: client side, in the worker."""
    head = (
        f"{'page':<34}{'n':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}"
        f"   {'srv p50':>7} {'srv p95':>7}"
    )
    lines = [head, "-" * len(head)]
    slow, slow_inside = [], []
    for label, values in by_label(samples).items():
        p95 = percentile(values, 95)
        served = server.get(label) or [math.nan]
        lines.append(
            f"{label:<34}{len(values):>5} {_ms(percentile(values, 50))} {_ms(p95)} "
            f"{_ms(percentile(values, 99))} {_ms(max(values))}   "
            f"{_ms(percentile(served, 50))} {_ms(percentile(served, 95))}"
        )
        if p95 * 1000 >= goal_ms:
            slow.append(label)
        if percentile(served, 95) * 1000 >= goal_ms:
            slow_inside.append(label)
    return lines, slow, slow_inside
