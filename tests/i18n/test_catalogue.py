"""The French catalogue is complete: nothing untranslated, nothing fuzzy, nothing missed.

`msgfmt --check --statistics` reads the committed catalogues; a fresh `makemessages` run
into a scratch copy finds any string added to the code or templates since the catalogue was
last extracted (it would otherwise reach a French reader in English without a word).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from screening.rules.patient_catalogue import PATIENT_MESSAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
IGNORED = [".venv", "tests", "bench", "staticfiles", "node_modules", "test-output"]

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext not installed")


def statistics(po: Path) -> str:
    result = subprocess.run(  # noqa: S603 - a fixed command on a file of the repository
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip().splitlines()[-1]


def untranslated_entries(po: Path) -> list[str]:
    """The msgids whose translation is empty or marked fuzzy (header excluded)."""
    problems = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"', block, flags=re.M)
        if msgid is None or (msgid.group(1) == "" and 'msgstr ""\n"' in block):
            continue  # the header entry
        if re.search(r"^#,.*\bfuzzy\b", block, flags=re.M):
            problems.append("fuzzy: " + msgid.group(1))
        empty = re.search(r'^msgstr(\[\d\])? ""$(?!\n")', block, flags=re.M)
        if empty:
            problems.append("untranslated: " + msgid.group(1))
    return problems


def test_there_is_a_french_catalogue_for_the_pages_and_for_the_scripts():
    names = {po.relative_to(LOCALE).as_posix() for po in CATALOGUES}
    assert {"fr/LC_MESSAGES/django.po", "fr/LC_MESSAGES/djangojs.po"} <= names


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.relative_to(LOCALE).as_posix())
def test_msgfmt_reports_no_untranslated_or_fuzzy_message(po):
    line = statistics(po)
    assert re.fullmatch(r"\d+ translated messages?\.", line), line
    assert untranslated_entries(po) == []


def test_a_fresh_extraction_finds_no_string_missing_from_the_catalogue(tmp_path):
    scratch = tmp_path / "locale"
    shutil.copytree(LOCALE, scratch)
    with override_settings(LOCALE_PATHS=[scratch]):
        for domain in ("django", "djangojs"):
            call_command(
                "makemessages",
                locale=["fr"],
                domain=domain,
                ignore_patterns=IGNORED,
                no_obsolete=True,
                verbosity=0,
            )
    problems = {
        po.name: untranslated_entries(po) for po in sorted(scratch.glob("fr/LC_MESSAGES/*.po"))
    }
    assert problems == {"django.po": [], "djangojs.po": []}, (
        "new strings: run `make makemessages` and translate them"
    )


def test_every_rule_patient_message_reads_in_french():
    with translation.override("fr-ca"):
        english = [m for m in PATIENT_MESSAGES if translation.gettext(m) == m]
    assert english == []
