"""The app works offline: no page, template or stylesheet points at another host.

Every script, stylesheet, image and icon comes from /static/; links stay on our own site.
(The browser tests also record every request the pages make: see tests/browser.)
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from screening.intake.invitations import create_invitation
from screening.intake.steps import QUESTION_STEPS
from tests.intake.conftest import open_link, post_step, sign
from tests.intake.posts import HEALTHY

ROOT = Path(settings.BASE_DIR)
JAVASCRIPT_CATALOGUE = "/jsi18n/"
URL_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data", "formaction", "xlink:href"}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
EXTERNAL_IN_TEMPLATE = re.compile(
    r"""(?:src|href|action|srcset|poster|formaction)\s*=\s*["']\s*(?:[a-z][a-z0-9+.-]*:)?//""",
    re.I,
)
EXTERNAL_IN_CSS = re.compile(r"""url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//|@import""", re.I)


class UrlCollector(HTMLParser):
    """Collect (tag, attribute, value) for every attribute that holds a URL."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))


def urls_in(html: str) -> list[tuple[str, str, str]]:
    collector = UrlCollector()
    collector.feed(html)
    return collector.urls


def problems_in(html: str) -> list[str]:
    found = []
    for tag, name, value in urls_in(html):
        if EXTERNAL.match(value):
            found.append(f"<{tag} {name}={value!r}> points at another host")
        is_asset = tag in {"script", "img"} or (tag == "link" and name == "href")
        # The JavaScript translation catalogue is built by the app itself (same origin, no
        # network beyond it), from locale/*/djangojs.po.
        if value == JAVASCRIPT_CATALOGUE:
            continue
        if is_asset and not value.startswith(settings.STATIC_URL):
            found.append(f"<{tag} {name}={value!r}> is not served from {settings.STATIC_URL}")
    return found


def test_the_checker_catches_external_and_protocol_relative_urls():
    bad = (
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<img src="/media/logo.png"><a href="http://example.org">x</a>'
    )
    # script and link: external AND not from /static/; img: not from /static/; a: external.
    assert len(problems_in(bad)) == 6
    assert problems_in('<link rel="stylesheet" href="/static/css/app.css"><a href="#main">') == []


def test_no_template_points_at_another_host():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if EXTERNAL_IN_TEMPLATE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_stylesheet_fetches_from_another_host():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "static").rglob("*.css")
        if EXTERNAL_IN_CSS.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_no_script_of_ours_calls_another_host():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "static" / "js").rglob("*.js")
        if re.search(r"""["'`](?:https?:)?//""", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.fixture
def token(db) -> str:
    appointment = timezone.localdate() + datetime.timedelta(days=3)
    return create_invitation(patient_name="Ana Silva", appointment_date=appointment)[1]


def test_every_patient_page_uses_only_our_own_assets(client, token):
    pages: dict[str, str] = {}

    def visit(url: str) -> None:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()

    open_link(client, token)
    visit(reverse("intake:privacy"))
    client.post(reverse("intake:privacy"))
    for step in QUESTION_STEPS:
        visit(reverse("intake:step", args=[step.name]))
        assert post_step(client, step.name, HEALTHY[step.name]).status_code == 302
    visit(reverse("intake:review"))
    visit(reverse("intake:later"))
    visit(reverse("intake:sign"))
    sign(client)
    visit(reverse("intake:done"))
    visit(reverse("intake:what_to_expect"))
    visit(reverse("login"))

    found = {url: problems_in(html) for url, html in pages.items()}
    assert {url: p for url, p in found.items() if p} == {}
    # The pages do load their assets (a checker that sees nothing would pass too).
    assets = [value for html in pages.values() for _, _, value in urls_in(html)]
    assert any(value.endswith("bootstrap.min.css") for value in assets)
    assert any(value.endswith("js/bodymap.js") for value in assets)
