"""The only way WeasyPrint may load anything: our own static files, by one internal URL form.

WeasyPrint's default fetcher reads ``file://``, ``http(s)://`` and ``data:`` URLs and
follows redirects, so HTML that reached a template could make the server read its own files
or call the network and embed the result in the PDF. This fetcher maps ``dn-static:/static/
<path>`` to a file under ``STATICFILES_DIRS`` and refuses every other URL. It never opens a
socket, so there is nothing to redirect.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A scheme of our own: WeasyPrint passes absolute URLs of any scheme to the fetcher, and no
# real resource ever has this one.
STATIC_SCHEME = "dn-static"
# The only file types the PDF needs (its stylesheet and images).
SERVED_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class RefusedURL(ValueError):
    """A URL the PDF may not load; WeasyPrint logs it and leaves the resource out."""


def static_url(relative_path: str) -> str:
    """Return the URL by which a template asks for one of our static files."""
    return f"{STATIC_SCHEME}:{settings.STATIC_URL.rstrip('/')}/{relative_path.lstrip('/')}"


def static_roots() -> list[Path]:
    """The folders the fetcher may serve from (STATICFILES_DIRS, prefixes ignored)."""
    roots = []
    for entry in settings.STATICFILES_DIRS:
        folder = entry[1] if isinstance(entry, list | tuple) else entry
        roots.append(Path(folder).resolve())
    return roots


def resolve_static_path(url_path: str) -> Path:
    """Return the file a static URL path names, refusing anything outside the static dirs."""
    prefix = settings.STATIC_URL.rstrip("/") + "/"
    if not url_path.startswith(prefix):
        raise RefusedURL("not under STATIC_URL")
    relative = unquote(url_path[len(prefix) :])
    parts = PurePosixPath(relative).parts
    if (
        not relative
        or "\\" in relative
        or "\x00" in relative
        or relative.startswith("/")
        or any(part in {"..", "."} or part.startswith("~") for part in parts)
    ):
        raise RefusedURL("unsafe static path")
    if PurePosixPath(relative).suffix.lower() not in SERVED_TYPES:
        raise RefusedURL("file type not served")
    for root in static_roots():
        candidate = (root / relative).resolve()
        # resolve() follows symlinks: the real file must still lie inside the root.
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    raise RefusedURL("no such static file")


class StaticOnlyURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves our static files and refuses everything else."""

    def __init__(self) -> None:
        # No protocol is allowed for the parent's network code, which is never called.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme, _, rest = url.partition(":")
        if scheme.lower() != STATIC_SCHEME or "?" in rest or "#" in rest:
            raise RefusedURL(f"refused URL scheme {scheme[:20]!r}")
        path = resolve_static_path(rest)
        content_type = SERVED_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path)[0]
        headers = {"Content-Type": content_type}
        if content_type == "text/css":
            headers["Content-Type"] = "text/css; charset=utf-8"
        return URLFetcherResponse(url, path.read_bytes(), headers)

    def open(self, url, data=None, timeout=None):  # noqa: ARG002 - parent's signature
        """Refuse the parent's urllib entry point too: everything goes through fetch()."""
        return self.fetch(url if isinstance(url, str) else url.full_url)
