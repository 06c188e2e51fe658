"""``manage.py screen``: one assessment per line, or exit 2 with one line naming the problem."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.contract_examples import (
    DELETE,
    EXAMPLES,
    ROOT,
    bad_examples,
    expected_for,
    good_examples,
    healthy_adult,
    with_changes,
)

GOOD = good_examples()


def screen(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run the command in-process; return (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    options = {"stdout": out, "stderr": err}
    if stdin is not None:
        options["stdin"] = io.StringIO(stdin)
    try:
        call_command("screen", *args, **options)
        status = 0
    except SystemExit as stop:
        status = stop.code
    return status, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, content: object) -> str:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    return str(path)


@pytest.mark.parametrize("example", GOOD, ids=lambda path: path.stem)
def test_it_prints_the_expected_assessment_of_each_example(example):
    expected = expected_for(example)
    status, out, err = screen(str(example))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1
    assessment = json.loads(lines[0])
    fired = {finding["rule"] for finding in assessment["findings"]}
    assert assessment["schema"] == "dn-assessment/1"
    assert assessment["tier"] == expected["tier"]
    assert set(expected["must_fire"]) <= fired
    assert not set(expected["must_not_fire"]) & fired


def test_it_prints_one_line_per_file_in_order():
    status, out, _ = screen(*map(str, GOOD))
    assert status == 0
    tiers = [json.loads(line)["tier"] for line in out.splitlines()]
    assert tiers == [expected_for(example)["tier"] for example in GOOD]


def test_it_reads_standard_input_for_a_dash():
    status, out, _ = screen("-", stdin=(EXAMPLES / "ex06-severe-needle-phobia.json").read_text())
    assert status == 0
    assert json.loads(out)["tier"] == "DO_NOT_NEEDLE"


@pytest.mark.parametrize("example", bad_examples(), ids=lambda path: path.stem)
def test_a_bad_example_exits_2_with_its_field_path(example):
    status, out, err = screen(str(example))
    assert status == 2 and out == ""
    assert err.count("\n") == 1
    path = {"bad01": "bleeding: ", "bad02": "about.date_of_birth: "}[example.name[:5]]
    assert err.startswith(path)


BAD_INPUT = {
    "not JSON": ('{"schema": "dn-intake/1",', "document: not valid JSON"),
    "NaN is not JSON": ('{"schema": NaN}', "document: not valid JSON"),
    "not an object": ("[1, 2]", "document: must be an object"),
    "nested too deeply": ("[" * 100_000 + "]" * 100_000, "document: not valid JSON"),
    "not UTF-8": ("\udcff", "document: not UTF-8 text"),
    "missing section": ({"pregnancy": DELETE}, "pregnancy: required field missing"),
    "unknown region": (
        {"visit.pain_regions": ["KNEE_LEG_R", "ELBOW"]},
        "visit.pain_regions[1]: unknown region code 'ELBOW'",
    ),
    "impossible date": (
        {"appointment_date": "2026-02-30"},
        "appointment_date: not a real calendar date ('2026-02-30')",
    ),
    "birth after the appointment": (
        {"about.date_of_birth": "2027-03-10", "appointment_date": "2027-03-09"},
        "about.date_of_birth: after appointment_date 2027-03-09",
    ),
}


@pytest.mark.parametrize("content, message", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_exits_2_with_one_line_and_no_output(tmp_path, content, message):
    if isinstance(content, dict):
        content = with_changes(healthy_adult(), content)
    status, out, err = screen(write(tmp_path, "intake.json", content))
    assert (status, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_an_unreadable_file_exits_2(tmp_path):
    missing = str(tmp_path / "nowhere.json")
    status, out, err = screen(missing)
    assert (status, out) == (2, "")
    assert err == f"cannot read {missing} (No such file or directory)\n"


def test_one_bad_file_among_several_prints_nothing_and_names_the_file(tmp_path):
    bad = write(tmp_path, "second.json", with_changes(healthy_adult(), {"infection": DELETE}))
    status, out, err = screen(str(GOOD[0]), bad, str(GOOD[1]))
    assert (status, out) == (2, "")
    assert err == f"{bad}: infection: required field missing\n"


def test_a_policy_file_overrides_the_defaults(tmp_path):
    minor = str(EXAMPLES / "ex07-minor-with-guardian.json")
    policy = write(tmp_path, "policy.json", {"minor_age_years": 16, "bmi_low_threshold": 17})
    status, out, _ = screen("--policy", policy, minor)
    assessment = json.loads(out)
    assert status == 0
    assert assessment["policy"]["minor_age_years"] == 16
    assert assessment["policy"]["bmi_low_threshold"] == 17.0


@pytest.mark.parametrize(
    "content, message",
    [
        ({"minor_age_years": 30}, "minor_age_years: 30 is outside the allowed range"),
        ({"no_such_threshold": 1}, "no_such_threshold: unknown policy parameter"),
        ("[1]", "must be a JSON object of policy overrides"),
        ("{", "document: not valid JSON"),
    ],
)
def test_a_bad_policy_exits_2_with_one_line(tmp_path, content, message):
    policy = write(tmp_path, "policy.json", content)
    status, out, err = screen("--policy", policy, str(GOOD[0]))
    assert (status, out) == (2, "")
    assert err == f"--policy {policy}: " + err.split(": ", 1)[1]
    assert message in err and err.count("\n") == 1


def test_the_text_format_shows_the_tier_then_each_finding_with_its_action():
    example = EXAMPLES / "ex05-pacemaker-left.json"
    status, out, _ = screen("--format", "text", str(example))
    json_status, json_out, _ = screen(str(example))
    assessment = json.loads(json_out)
    lines = out.splitlines()
    assert status == json_status == 0
    assert lines[0] == "PHYSIO_REVIEW"
    findings = assessment["findings"]
    for finding, line in zip(findings, lines[1 : 1 + len(findings)], strict=True):
        assert line.startswith(f"- {finding['rule']} ({finding['tier_effect']})")
        assert line.endswith(finding["action"])
    assert "Excluded regions: CHEST_WALL_L" in lines
    assert "Electrical stimulation: not allowed" in lines


def test_the_text_format_names_each_file_when_there_are_several():
    files = [
        str(EXAMPLES / "ex01-healthy-adult.json"),
        str(EXAMPLES / "ex06-severe-needle-phobia.json"),
    ]
    _, out, _ = screen("--format", "text", *files)
    assert f"{files[0]}: CLEAR" in out.splitlines()
    assert f"{files[1]}: DO_NOT_NEEDLE" in out.splitlines()


def test_an_engine_failure_is_one_line_and_exit_1(monkeypatch):
    import screening.contracts

    def broken(doc, policy):
        raise KeyError("boom")

    monkeypatch.setattr(screening.contracts, "assess", broken)
    status, out, err = screen(str(GOOD[0]))
    assert (status, out) == (1, "")
    assert err == "internal error in the rules engine: KeyError('boom')\n"


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_DEV": "1"}
    python = ROOT / ".venv" / "bin" / "python"
    return subprocess.run(
        [str(python if python.exists() else sys.executable), "manage.py", "screen", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_as_a_real_process_it_exits_0_with_json_lines_and_2_with_one_stderr_line(tmp_path):
    good = _run(str(EXAMPLES / "ex02-warfarin-inr-above-cap.json"), str(GOOD[0]))
    assert good.returncode == 0, good.stderr
    assert good.stderr == ""
    assert [json.loads(line)["tier"] for line in good.stdout.splitlines()] == [
        "HOLD_FOR_CLEARANCE",
        "CLEAR",
    ]
    not_json = write(tmp_path, "broken.json", "{not json")
    bad = _run(not_json)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("document: not valid JSON")
