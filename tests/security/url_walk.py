"""Every URL of the project, filled with real objects, fetched as each kind of visitor.

`concrete_paths(values)` walks django.urls.get_resolver() and turns each pattern into a path,
taking each parameter's value from `values` (by parameter name, or by "<route word>:<name>"
for a `pk` that means an invitation on one route and a submission on another).
`fetch_all(client, paths)` GETs each one and keeps every response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str


def all_routes() -> list[Route]:
    """Every URL pattern of the project, with its namespaced name ('' if unnamed)."""
    routes: list[Route] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                name = entry.name or ""
                full_name = f"{namespace}:{name}" if namespace and name else name
                routes.append(Route(prefix + str(entry.pattern), full_name))

    walk(get_resolver(), "", "")
    return routes


def _value_for(pattern: str, name: str, values: dict[str, str]) -> str:
    for word, value in values.items():
        if ":" in word:
            route_word, param = word.split(":", 1)
            if param == name and route_word in pattern:
                return value
    if name not in values:
        raise KeyError(f"No test value for <{name}> in {pattern!r}: add one to the walk")
    return values[name]


def concrete_path(route: Route, values: dict[str, str]) -> str:
    pattern = route.pattern
    path = _ROUTE_PARAM.sub(lambda m: _value_for(pattern, m["name"], values), pattern)
    path = _REGEX_GROUP.sub(lambda m: _value_for(pattern, m["name"], values), path)
    return "/" + path.replace("^", "").replace("$", "")


def concrete_paths(values: dict[str, str]) -> list[str]:
    return [concrete_path(route, values) for route in all_routes()]


def fetch_all(client: Client, paths: list[str], **extra) -> list[tuple[str, object]]:
    return [(path, client.get(path, **extra)) for path in paths]


class InlineCodeFinder(HTMLParser):
    """Collect what a strict CSP blocks: inline scripts, <style>, style= and on*= attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.offenders: list[str] = []
        self._in_script = False
        self._script_tag = ""
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        snippet = self.get_starttag_text() or f"<{tag}>"
        for attribute, value in attrs:
            if attribute == "style":
                self.offenders.append(f"style= attribute: {snippet[:160]}")
            elif attribute.startswith("on"):
                self.offenders.append(f"{attribute}= handler: {snippet[:160]}")
            elif attribute in ("href", "src", "action", "formaction") and (
                (value or "").strip().lower().startswith("javascript:")
            ):
                self.offenders.append(f"javascript: URL: {snippet[:160]}")
        if tag == "style":
            self.offenders.append(f"<style> block: {snippet[:160]}")
        if tag == "script" and not attributes.get("src"):
            kind = (attributes.get("type") or "").lower()
            # JSON data blocks are not executed, so the CSP does not block them.
            if kind not in ("application/json", "application/ld+json"):
                self._in_script, self._script_tag, self._script_text = True, snippet, []

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script:
            body = "".join(self._script_text).strip()
            self.offenders.append(f"inline <script>: {self._script_tag[:100]} {body[:80]!r}")
            self._in_script = False


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.offenders
