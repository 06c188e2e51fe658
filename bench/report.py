"""Percentiles and the printed table of the intake load test."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from bench.patient_flow import Sample, label_for

P95_GOAL_MS = 100.0
RATIO_GOAL = 0.5


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


def latency_table(
    samples: list[Sample], server: dict[str, list[float]], goal_ms: float = P95_GOAL_MS
) -> Table:
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


@dataclass
class Phase:
    samples: list[Sample]
    failures: list[str]
    wall: float
    table: Table = field(default_factory=Table)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds: workers, postgres, client

    @property
    def rate(self) -> float:
        return len(self.samples) / self.wall

    def cpu_ms_per_request(self, *kinds: str) -> float:
        return sum(self.cpu.get(kind, 0.0) for kind in kinds) * 1000 / max(len(self.samples), 1)

    @property
    def errors(self) -> int:
        return len(self.failures) + sum(1 for s in self.samples if s.status >= 400)


def _names(labels: list[str], most: int = 6) -> str:
    if not labels:
        return "none"
    more = f" and {len(labels) - most} more" if len(labels) > most else ""
    return ", ".join(labels[:most]) + more


def verdict(ok: bool) -> str:
    return "MET " if ok else "MISSED"


def print_goals(
    intake: Phase, bare: Phase, patients: int, problems: list[str], think: float
) -> None:
    pages = len({s.label for s in intake.samples})
    ratio = intake.rate / bare.rate if bare.rate else 0.0
    print("\n== Goals")
    print(
        f"[{verdict(not intake.errors)}] errors: {intake.errors} "
        "(statuses >= 400 and patients who did not reach the confirmation; goal 0)"
    )
    table = intake.table
    print(
        f"[{verdict(not table.slow_client)}] p95 < {P95_GOAL_MS:.0f} ms per page, client side: "
        f"{pages - len(table.slow_client)} of {pages} pages meet it"
    )
    for where, slow in (("wall time in the worker", table.slow_worker), ("CPU", table.slow_cpu)):
        print(f"         by {where}: {pages - len(slow)} of {pages} meet it; over: {_names(slow)}")
    print(
        f"[{verdict(ratio >= RATIO_GOAL)}] throughput: intake {intake.rate:.1f} req/s, "
        f"bare view {bare.rate:.1f} req/s, ratio {ratio:.2f} (goal >= {RATIO_GOAL})"
    )
    server_cpu = ("workers", "postgres")
    cpu_ratio = bare.cpu_ms_per_request(*server_cpu) / max(
        intake.cpu_ms_per_request(*server_cpu), 1e-9
    )
    print(
        f"         server CPU per request: intake {intake.cpu_ms_per_request(*server_cpu):.1f} "
        f"ms, bare {bare.cpu_ms_per_request(*server_cpu):.1f} ms: CPU-bound ratio "
        f"{cpu_ratio:.2f} (the throughput ratio with the cores to ourselves)"
    )
    print(f"         whole intakes per minute: {patients / intake.wall * 60:.0f}")
    if think:
        print("         (with --think the intake's rate is set by the pauses: compare CPU)")
    held = "; ".join(problems) or f"{patients} submissions, one per invitation"
    print(f"[{verdict(not problems)}] database: {held}")
