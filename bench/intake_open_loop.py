"""Open-loop load test of the patient intake: requests arrive at a fixed rate, Poisson.

    DJANGO_DEV=1 .venv/bin/python bench/intake_open_loop.py [--rates 20,40] [--duration 60]
        [--workers 5] [--seed 1] [--saturation-clients 20] [--saturation-duration 20]
        [--saturation-settle 10] [--threads 200] [--database NAME] [--keep]

Unlike bench/intake_load.py (50 clients, no pause: a closed loop, where a slow answer
delays the next request), page requests here ARRIVE at a mean rate with exponential gaps
(seeded), whatever the server does: a slow response never delays the next arrival.
Each arrival is the next page of some patient's walk through the WHOLE intake (link,
date-of-birth check, privacy notice, GET + POST of every step, review, signature,
confirmation; every redirect is its own request), each patient with their own session;
a new patient starts whenever no patient is waiting to send a page. Requests go out from a
pool of up to --threads threads; each one records when it was due and when it was sent,
so client lag shows. Latency is counted from when the request was DUE (no coordinated
omission).

Same stack as intake_load.py: its own PostgreSQL database (created, migrated, dropped),
invitations made with create_invitation, gunicorn with the production gunicorn.conf.py and
settings bench.bench_settings, server CPU per request from the X-Bench-CPU-Ms header
(bench/cpu_header.py; the gunicorn worker's CPU only, not PostgreSQL's). For each rate:
the intake, then the SAME arrival times against the bare view (bench/bare_urls.py, a page
of the intake's mean size). Then a saturation measurement: --saturation-clients clients in
a closed loop with no pause, for each target (started one after the other over
--saturation-settle seconds so that they are spread over the walk; only the next
--saturation-duration seconds count), and the throughput ratio intake/bare.
Exit status 1 on any error (status >= 400, exception, unexpected page, database check).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import math
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, sys.path[0] is bench/: a module there could shadow a stdlib one.
sys.path[0] = str(ROOT)

from bench import server as bench_server  # noqa: E402
from bench.cpu_header import HEADER as CPU_HEADER  # noqa: E402
from bench.intake_load import (  # noqa: E402
    DATE_OF_BIRTH,
    client_cpu_seconds,
    gate_answers,
    intake_steps,
    setup_django,
)
from bench.patient_flow import (  # noqa: E402
    VERSION_INPUT,
    FlowError,
    Patient,
    Sample,
    bare_requests,
    complete_intake,
    label_for,
)
from bench.report import percentile  # noqa: E402

P95_GOAL_MS = 100.0
GOAL_RATE = 20.0
STEP_CPU_GOAL_MS = 50.0
REQUEST_TIMEOUT = 60.0

Request = tuple[str, str, dict | None]  # method, path, form data
Walk = Generator[Request, requests.Response, None]


# --- one patient's walk, as a generator: yields a request, receives its response -------


def _go(method: str, path: str, data: dict | None = None) -> Generator:
    """One action and each of its redirects, every hop a request of its own."""
    response = yield (method, path, data)
    for _hop in range(10):
        if not response.is_redirect:
            return path, response.text
        location = urlsplit(response.headers["Location"])
        path = location.path + (f"?{location.query}" if location.query else "")
        response = yield ("GET", path, None)
    raise FlowError(f"too many redirects after {label_for(method, path)}")


def _bare(path: str) -> str:
    return path.split("?")[0]


def intake_walk(token: str, name: str, steps: list[tuple[str, dict]]) -> Walk:
    """The same walk as patient_flow.complete_intake, one request per yield."""
    path, page = yield from _go("GET", f"/i/{token}/")
    if _bare(path) == "/intake/check/":  # the date-of-birth check, when the link asks it
        path, page = yield from _go(
            "POST",
            "/intake/check/",
            {"csrfmiddlewaretoken": Patient.csrf(page), **gate_answers(name)},
        )
    Patient.expect(path, "/intake/privacy/")
    path, page = yield from _go(
        "POST", "/intake/privacy/", {"csrfmiddlewaretoken": Patient.csrf(page)}
    )
    for step, answers in steps:
        Patient.expect(path, f"/intake/step/{step}/")
        version = VERSION_INPUT.search(page)
        payload = {
            "csrfmiddlewaretoken": Patient.csrf(page),
            "version": version.group(1) if version else "0",
            "action": "next",
            **answers,
        }
        path, page = yield from _go("POST", f"/intake/step/{step}/", payload)
    Patient.expect(path, "/intake/review/")
    if 'href="/intake/sign/"' not in page:
        raise FlowError("the review page offers no way to the signature")
    path, page = yield from _go("GET", "/intake/sign/")
    Patient.expect(path, "/intake/sign/")
    path, page = yield from _go(
        "POST",
        "/intake/sign/",
        {"csrfmiddlewaretoken": Patient.csrf(page), "agree": "on", "signature": name},
    )
    Patient.expect(path, "/intake/done/")


def bare_walk(path: str) -> Walk:
    """The baseline 'patient': the bare page, again and again."""
    while True:
        yield ("GET", path, None)


class Walker:
    """A walk plus its own session (cookies, CSRF) and the request it will send next."""

    def __init__(self, base_url: str, walk: Walk):
        self.base_url = base_url
        self.walk = walk
        self.session = requests.Session()
        self.pending: Request = next(walk)


# --- invitations ------------------------------------------------------------------------


class Invitations:
    """Raw tokens made ahead with create_invitation; more are made if the pool runs dry."""

    def __init__(self) -> None:
        self.tokens: deque[tuple[str, str]] = deque()
        self.made = 0
        self.made_during = 0  # made while a run was measuring: the pool was too small
        self.lock = threading.Lock()

    def make(self, count: int) -> float:
        """Add `count` invitations; returns the seconds it took."""
        from django.db import connections
        from django.utils import timezone

        from screening.intake.invitations import create_invitation

        began = time.perf_counter()
        appointment = timezone.localdate() + datetime.timedelta(days=3)
        for _n in range(count):
            self.made += 1
            last = f"Open{self.made:05d}"
            _invitation, token = create_invitation(
                patient_name=f"Bench {last}",
                last_name=last,
                appointment_date=appointment,
                date_of_birth=DATE_OF_BIRTH,
            )
            self.tokens.append((token, f"Bench {last}"))
        connections.close_all()
        return time.perf_counter() - began

    def take(self) -> tuple[str, str]:
        """(raw token, patient name)."""
        with self.lock:
            if not self.tokens:
                self.made_during += 1
                self.make(1)
            return self.tokens.popleft()


# --- one measured run -------------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    label: str
    due: float  # time.perf_counter() when the request was scheduled
    sent: float
    done: float
    status: int  # 0: no response (exception)
    cpu_ms: float
    size: int

    @property
    def latency(self) -> float:
        """Seconds from when the request was due to the end of its answer."""
        return self.done - self.due

    @property
    def lag(self) -> float:
        return self.sent - self.due

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400


@dataclass
class Run:
    target: str  # "intake" or "bare"
    title: str
    shots: list[Shot] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    started_walks: int = 0
    finished_walks: int = 0
    made_during: int = 0
    began: float = 0.0
    ended: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def completed(self) -> list[Shot]:
        return [s for s in self.shots if s.ok]

    @property
    def errors(self) -> int:
        """Error statuses, exceptions, and patients stopped by an unexpected page."""
        return len(self.failures)

    @property
    def wall(self) -> float:
        return max(self.ended - self.began, 1e-9)

    @property
    def throughput(self) -> float:
        return len(self.completed) / self.wall

    def cpu_header(self) -> list[float]:
        return [s.cpu_ms for s in self.shots if not math.isnan(s.cpu_ms)]

    def cpu_ms_per_request(self, *kinds: str) -> float:
        return sum(self.cpu.get(kind, 0.0) for kind in kinds) * 1000 / max(len(self.shots), 1)

    def fail(self, text: str) -> None:
        with self.lock:
            self.failures.append(text)


def send(run: Run, walker: Walker, due: float) -> bool:
    """Send the walker's next request; True when the walker has another one to send."""
    method, path, data = walker.pending
    label = label_for(method, path)
    sent = time.perf_counter()
    try:
        response = walker.session.request(
            method,
            walker.base_url + path,
            data=data,
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )
    except requests.RequestException as error:
        run.shots.append(Shot(label, due, sent, time.perf_counter(), 0, math.nan, 0))
        run.fail(f"{label}: {type(error).__name__}: {error}")
        return False
    done = time.perf_counter()
    cpu_ms = float(response.headers.get(CPU_HEADER, "nan"))
    run.shots.append(
        Shot(label, due, sent, done, response.status_code, cpu_ms, len(response.content))
    )
    if not 200 <= response.status_code < 400:
        run.fail(f"{label} -> {response.status_code}")
        return False
    try:
        walker.pending = walker.walk.send(response)
    except StopIteration:
        with run.lock:
            run.finished_walks += 1
        return False
    except Exception as error:  # noqa: BLE001  (an unexpected page is a counted error)
        run.fail(f"after {label}: {type(error).__name__}: {error}")
        return False
    return True


def arrivals(rate: float, duration: float, seed: str) -> list[float]:
    """Offsets in seconds of a Poisson process: exponential gaps of mean 1/rate."""
    rng = random.Random(seed)
    times, now = [], 0.0
    while True:
        now += rng.expovariate(rate)
        if now >= duration:
            return times
        times.append(now)


def open_loop(
    run: Run,
    base_url: str,
    offsets: list[float],
    new_walk: Callable[[], Walk],
    threads: int,
    start_meters: Callable[[], None],
) -> Run:
    """Send one request at each offset: the next page of a waiting walker, or a new one's."""
    ready: deque[Walker] = deque()  # walkers whose next request is not in flight

    def fire(walker: Walker, due: float) -> None:
        try:
            going_on = send(run, walker, due)
        except Exception as error:  # noqa: BLE001  (never lose a failure in a future)
            run.fail(f"client: {type(error).__name__}: {error}")
            going_on = False
        if going_on:
            ready.append(walker)
        else:
            walker.session.close()

    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="arrival") as pool:
        start_meters()
        run.began = time.perf_counter() + 0.1
        for offset in offsets:
            due = run.began + offset
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            try:
                walker = ready.popleft()
            except IndexError:
                walker = new_walker(run, base_url, new_walk)
            pool.submit(fire, walker, due)
    run.ended = max((s.done for s in run.shots), default=time.perf_counter())
    return run


def closed_loop(
    run: Run,
    base_url: str,
    clients: int,
    settle: float,
    seconds: float,
    new_walk: Callable[[], Walk],
    start_meters: Callable[[], None],
) -> Run:
    """`clients` clients, each sending its next page as soon as the last one is answered.

    The clients start one after the other over `settle` seconds, so that they are spread
    over the walk (not all on its cheap first pages at once), and only the requests sent
    in the `seconds` after that are counted.
    """
    began = time.perf_counter()
    window = began + settle
    stop_at = window + seconds

    def client(index: int) -> None:
        time.sleep(settle * index / clients)
        walker = None
        while time.perf_counter() < stop_at:
            try:
                if walker is None:
                    walker = new_walker(run, base_url, new_walk)
                if not send(run, walker, time.perf_counter()):
                    walker.session.close()
                    walker = None
            except Exception as error:  # noqa: BLE001
                run.fail(f"client: {type(error).__name__}: {error}")
                walker = None

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(max(window - time.perf_counter(), 0.0))
    start_meters()
    for thread in threads:
        thread.join()
    run.shots = [shot for shot in run.shots if shot.due >= window]
    run.began = window
    run.ended = max((s.done for s in run.shots), default=time.perf_counter())
    return run


def new_walker(run: Run, base_url: str, new_walk: Callable[[], Walk]) -> Walker:
    walker = Walker(base_url, new_walk())
    with run.lock:
        run.started_walks += 1
    return walker


# --- printing -----------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def print_run(run: Run, offered: float | None) -> None:
    lat = [s.latency for s in run.shots if s.ok]
    lag = [s.lag for s in run.shots]
    cpu = run.cpu_header()
    print(f"\n== {run.title}")
    print(
        f"sent {len(run.shots)}, completed {len(run.completed)} (2xx/3xx), errors {run.errors}"
        + (
            f"; patients: {run.started_walks} started, {run.finished_walks} reached the "
            f"confirmation"
            if run.target == "intake"
            else f"; clients used: {run.started_walks}"
        )
        + (f"; {run.made_during} invitations made mid-run" if run.made_during else "")
    )
    print(
        f"latency ms (due -> answered): p50 {ms(percentile(lat, 50))}, "
        f"p95 {ms(percentile(lat, 95))}, p99 {ms(percentile(lat, 99))}, "
        f"max {ms(max(lat, default=math.nan))}"
    )
    print(
        f"client lag ms (due -> sent): p50 {ms(percentile(lag, 50))}, "
        f"p99 {ms(percentile(lag, 99))}, max {ms(max(lag, default=math.nan))}"
    )
    print(
        f"throughput: {run.throughput:.1f} req/s completed"
        + (f" (offered {offered:g}/s)" if offered else "")
        + f" over {run.wall:.1f} s"
    )
    print(
        f"server CPU per request (header): median {percentile(cpu, 50):.1f} ms, "
        f"p95 {percentile(cpu, 95):.1f} ms, mean {statistics.fmean(cpu) if cpu else math.nan:.1f}"
        f" ms | measured: workers {run.cpu_ms_per_request('workers'):.1f}, PostgreSQL "
        f"{run.cpu_ms_per_request('postgres'):.1f}, this client "
        f"{run.cpu_ms_per_request('client'):.1f} ms"
    )
    for failure in run.failures[:8]:
        print(f"  ! {failure}")
    if len(run.failures) > 8:
        print(f"  ! ... and {len(run.failures) - 8} more")


def print_pages(runs: list[tuple[float, Run]]) -> dict[str, float]:
    """Per intake page kind: median server CPU at each rate, p95 latency; pooled medians."""
    labels: dict[str, None] = {}
    for _rate, run in runs:
        for shot in sorted(run.shots, key=lambda s: s.due):
            labels.setdefault(shot.label)
    head = (
        f"{'page':<30}"
        + "".join(f" | {f'@{rate:g}/s n':>9} {'cpu p50':>7} {'lat p95':>7}" for rate, _run in runs)
        + f" | {'cpu p50 all':>11}"
    )
    print(
        f"\n== Intake pages: median server CPU (header) and client p95 latency, ms "
        f"(* = median CPU > {STEP_CPU_GOAL_MS:.0f} ms)"
    )
    print(head)
    print("-" * len(head))
    pooled = {}
    for label in labels:
        line = f"{label:<30}"
        every = []
        for _rate, run in runs:
            group = [s for s in run.shots if s.label == label]
            cpu = [s.cpu_ms for s in group if not math.isnan(s.cpu_ms)]
            every += cpu
            lat = [s.latency for s in group if s.ok]
            line += f" | {len(group):>9} {percentile(cpu, 50):>7.1f} {ms(percentile(lat, 95)):>7}"
        pooled[label] = percentile(every, 50)
        mark = "*" if pooled[label] > STEP_CPU_GOAL_MS else " "
        print(f"{line} | {pooled[label]:>10.1f}{mark}")
    return pooled


def machine_facts(args: argparse.Namespace) -> None:
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(
        f"machine: {os.cpu_count()} CPUs ({model}), load average {load} (1, 5, 15 min); "
        f"Python {platform.python_version()}"
    )
    print(
        f"plan: rates {', '.join(f'{r:g}/s' for r in args.rates)}, {args.duration:g} s each, "
        f"Poisson arrivals (seed {args.seed}), up to {args.threads} client threads; gunicorn "
        f"{args.workers} sync workers; saturation: {args.saturation_clients} closed-loop "
        f"clients for {args.saturation_duration:g} s per target (after "
        f"{args.saturation_settle:g} s of staggered starts)"
    )


# --- the whole benchmark ------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rates",
        type=lambda text: [float(r) for r in text.split(",") if r.strip()],
        default=[20.0, 40.0],
        help="arrivals per second, comma-separated (default 20,40)",
    )
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per rate")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn sync workers")
    parser.add_argument("--threads", type=int, default=200, help="client threads at most")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saturation-clients", type=int, default=20)
    parser.add_argument("--saturation-duration", type=float, default=20.0)
    parser.add_argument(
        "--saturation-settle",
        type=float,
        default=10.0,
        help="seconds over which the saturation clients start, not counted",
    )
    parser.add_argument("--database", default="screening_bench_open")
    parser.add_argument("--keep", action="store_true", help="keep the database and the log")
    args = parser.parse_args()
    if not args.rates or min(args.rates) <= 0 or args.duration <= 0:
        parser.error("--rates must be positive numbers and --duration positive")
    return args


def check_database(finished: int, started: int) -> list[str]:
    from django.db import connections
    from django.db.models import Count

    from screening.models import Invitation, Submission

    problems = []
    total = Submission.objects.count()
    if not finished <= total <= started:
        problems.append(
            f"{total} submissions for {finished} patients who reached the confirmation "
            f"and {started} who started"
        )
    doubles = Invitation.objects.annotate(n=Count("submissions")).filter(n__gt=1).count()
    if doubles:
        problems.append(f"{doubles} invitations have more than one submission")
    connections.close_all()
    return problems


def benchmark(args: argparse.Namespace, log: Path) -> int:
    setup_django(args.database)
    steps = intake_steps()
    invitations = Invitations()
    invitations.make(args.workers)
    server = bench_server.start_gunicorn(args.database, args.workers, log)
    intake_runs: list[tuple[float, Run]] = []
    bare_runs: list[tuple[float, Run]] = []
    saturation: dict[str, Run] = {}
    try:
        url = server.base_url
        print(f"gunicorn: {args.workers} sync workers at {url}", flush=True)

        # Warm-up: every worker serves whole intakes; gives the pages' count and mean size.
        warm: list[Sample] = []
        warm_errors: list[str] = []

        def warm_walk(token: str, name: str) -> None:
            try:
                complete_intake(Patient(url, warm.append), token, gate_answers(name), steps, name)
            except Exception as error:  # noqa: BLE001
                warm_errors.append(f"{type(error).__name__}: {error}")

        threads = [
            threading.Thread(target=warm_walk, args=invitations.take())
            for _n in range(args.workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if warm_errors:
            print(f"warm-up failed: {warm_errors[0]}")
            return 1
        pages_per_walk = len(warm) // args.workers
        pages = [s.size for s in warm if s.status == 200]
        page_bytes = sum(pages) // max(len(pages), 1)
        bare_path = f"/bench/bare/?bytes={page_bytes}"
        bare_requests(Patient(url, lambda sample: None), bare_path, args.workers * 4)
        print(
            f"warm-up: {args.workers} whole intakes, {pages_per_walk} requests each; "
            f"intake pages average {page_bytes} bytes -> bare view {bare_path}"
        )

        # Enough invitations for every walk the runs can start, made before measuring.
        schedule = {
            rate: arrivals(rate, args.duration, f"{args.seed}-{rate:g}") for rate in args.rates
        }
        need = sum(len(times) // pages_per_walk + 60 for times in schedule.values())
        saturation_seconds = args.saturation_settle + args.saturation_duration
        need += int(200 * saturation_seconds) // pages_per_walk + 2 * args.saturation_clients
        seconds = invitations.make(need)
        print(f"made {need} invitations in {seconds:.1f} s", flush=True)

        def new_intake() -> Walk:
            token, name = invitations.take()
            return intake_walk(token, name, steps)

        def new_bare() -> Walk:
            return bare_walk(bare_path)

        def measure(run: Run, body: Callable[[Callable[[], None]], object]) -> Run:
            """body(start_meters): start_meters() when the measured part begins."""
            print(f"running {run.title} ...", flush=True)
            before = invitations.made_during
            meters: dict = {}

            def start_meters() -> None:
                meters["server"] = bench_server.CpuMeter(server, args.database)
                meters["client"] = client_cpu_seconds()

            body(start_meters)
            run.cpu = meters["server"].stop()
            run.cpu["client"] = client_cpu_seconds() - meters["client"]
            run.made_during = invitations.made_during - before
            return run

        for rate in args.rates:
            times = schedule[rate]
            for target, new_walk, runs in (
                ("intake", new_intake, intake_runs),
                ("bare", new_bare, bare_runs),
            ):
                what = "intake (gunicorn + PostgreSQL)" if target == "intake" else "bare view"
                run = Run(
                    target,
                    f"{rate:g}/s open loop, {what}: {len(times)} arrivals in {args.duration:g} s",
                )
                body = functools.partial(open_loop, run, url, times, new_walk, args.threads)
                print_run(measure(run, body), rate)
                runs.append((rate, run))
                time.sleep(1.0)

        for target, new_walk in (("intake", new_intake), ("bare", new_bare)):
            run = Run(
                target,
                f"saturation, {target}: {args.saturation_clients} clients, closed loop, "
                f"no pause, {args.saturation_duration:g} s counted after "
                f"{args.saturation_settle:g} s of staggered starts",
            )
            body = functools.partial(
                closed_loop,
                run,
                url,
                args.saturation_clients,
                args.saturation_settle,
                args.saturation_duration,
                new_walk,
            )
            print_run(measure(run, body), None)
            saturation[target] = run
    finally:
        server.stop()

    pooled = print_pages(intake_runs)
    all_runs = [run for _rate, run in intake_runs + bare_runs] + list(saturation.values())
    started = args.workers + sum(r.started_walks for r in all_runs if r.target == "intake")
    finished = args.workers + sum(r.finished_walks for r in all_runs if r.target == "intake")
    problems = check_database(finished, started)
    print_summary(args, intake_runs, bare_runs, saturation, pooled, problems)
    return 1 if problems or any(run.errors for run in all_runs) else 0


def print_summary(
    args: argparse.Namespace,
    intake_runs: list[tuple[float, Run]],
    bare_runs: list[tuple[float, Run]],
    saturation: dict[str, Run],
    pooled: dict[str, float],
    problems: list[str],
) -> None:
    print("\n== Intake vs bare view, server CPU per request")
    for (rate, intake), (_rate, bare) in zip(intake_runs, bare_runs, strict=True):
        i_cpu, b_cpu = intake.cpu_header(), bare.cpu_header()
        server = ("workers", "postgres")
        print(
            f"{rate:g}/s: header median {percentile(i_cpu, 50):.1f} vs "
            f"{percentile(b_cpu, 50):.1f} ms = x{percentile(i_cpu, 50) / percentile(b_cpu, 50):.2f}"
            f"; header mean {statistics.fmean(i_cpu):.1f} vs {statistics.fmean(b_cpu):.1f} ms = "
            f"x{statistics.fmean(i_cpu) / statistics.fmean(b_cpu):.2f}; workers + PostgreSQL "
            f"{intake.cpu_ms_per_request(*server):.1f} vs {bare.cpu_ms_per_request(*server):.1f}"
            f" ms = x{intake.cpu_ms_per_request(*server) / bare.cpu_ms_per_request(*server):.2f}"
        )
    intake_sat, bare_sat = saturation["intake"], saturation["bare"]
    lat_i = [s.latency for s in intake_sat.completed]
    lat_b = [s.latency for s in bare_sat.completed]
    done_pages = sum(1 for s in intake_sat.completed if s.label == "GET done")
    print(
        f"\n== Saturation ({args.saturation_clients} closed-loop clients, {args.workers} "
        f"workers, load client on the same {os.cpu_count()} CPUs)"
    )
    print(
        f"intake {intake_sat.throughput:.1f} req/s (p95 {ms(percentile(lat_i, 95))} ms, "
        f"{done_pages / intake_sat.wall * 60:.0f} confirmations/min), "
        f"bare {bare_sat.throughput:.1f} req/s (p95 {ms(percentile(lat_b, 95))} ms): "
        f"ratio intake/bare {intake_sat.throughput / max(bare_sat.throughput, 1e-9):.2f}"
    )

    print("\n== Goals")
    goal_rate, goal_run = next(
        ((r, run) for r, run in intake_runs if r == GOAL_RATE), intake_runs[0]
    )
    lat = [s.latency for s in goal_run.completed]
    p95 = percentile(lat, 95) * 1000
    met = p95 <= P95_GOAL_MS and not goal_run.errors
    print(
        f"goal p95 <= {P95_GOAL_MS:.0f} ms and 0 errors at {goal_rate:g}/s: "
        f"{'met' if met else 'NOT met'} (p95 {p95:.1f} ms, errors {goal_run.errors})"
    )
    worst = sorted(pooled.items(), key=lambda item: -item[1])
    over = [f"{label} {cpu:.1f} ms" for label, cpu in worst if cpu > STEP_CPU_GOAL_MS]
    top = worst[0] if worst else ("none", math.nan)
    print(
        f"goal every step's server CPU <= {STEP_CPU_GOAL_MS:.0f} ms: "
        f"{'met' if not over else 'NOT met'} (worst: "
        + ("; ".join(over) if over else f"{top[0]} {top[1]:.1f} ms")
        + "; median per page kind, all rates)"
    )
    errors = sum(run.errors for _r, run in intake_runs + bare_runs) + sum(
        run.errors for run in saturation.values()
    )
    print(f"errors over every run: {errors}")
    held = "; ".join(problems) or "no invitation with more than one submission"
    print(f"database: {held}")


def main() -> int:
    args = parse_args()
    machine_facts(args)
    log_dir = Path(tempfile.mkdtemp(prefix="intake-open-loop-"))
    log = log_dir / "gunicorn.log"
    started = time.perf_counter()
    try:
        print(f"Creating and migrating database {args.database} ...", flush=True)
        bench_server.create_database(args.database)
        return benchmark(args, log)
    except Exception as error:  # noqa: BLE001  (report, clean up, exit 1)
        print(f"benchmark failed: {type(error).__name__}: {error}")
        return 1
    finally:
        if args.keep:
            print(f"kept database {args.database} and {log}")
        else:
            try:
                from django.db import connections

                connections.close_all()
            except Exception:  # noqa: BLE001, S110  (Django was never set up)
                pass
            bench_server.drop_database(args.database)
            log.unlink(missing_ok=True)
            log_dir.rmdir()
        load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
        print(f"load average at the end {load}; whole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
