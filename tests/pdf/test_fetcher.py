"""The PDF's URL fetcher serves our static files and refuses everything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from screening.pdf.fetcher import RefusedURL, StaticOnlyURLFetcher, static_url

PDF_CSS = Path(settings.BASE_DIR) / "static" / "css" / "pdf.css"


def fetch(url: str) -> bytes:
    response = StaticOnlyURLFetcher()(url)
    try:
        return response.read()
    finally:
        response.close()


def test_it_serves_the_pdf_stylesheet_as_css():
    response = StaticOnlyURLFetcher()(static_url("css/pdf.css"))
    assert static_url("css/pdf.css") == "dn-static:/static/css/pdf.css"
    assert response.content_type == "text/css"
    assert response.read() == PDF_CSS.read_bytes()
    response.close()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/hostname",
        f"file://{PDF_CSS}",
        "http://127.0.0.1:1/",
        "https://example.com/static/css/pdf.css",
        "ftp://example.com/x.css",
        "data:text/css,body{color:red}",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "dn-static:/static/../manage.py",
        "dn-static:/static/css/../../manage.py",
        "dn-static:/static/%2e%2e/manage.py",
        "dn-static:/static/css/%2e%2e/%2e%2e/clinic/settings.py",
        "dn-static:/static/..%2fmanage.py",
        "dn-static:/static/css\\..\\..\\manage.py",
        "dn-static:/static//etc/passwd",
        "dn-static:/static/%2fetc/passwd",
        "dn-static:/etc/passwd",
        "dn-static:/static/css/pdf.css?x=1",
        "dn-static:/static/css/pdf.css#top",
        "dn-static:/static/css/pdf.css%00.png",
        "dn-static:/static/css/missing.css",
        "dn-static:/static/js/staff.js",
        "/static/css/pdf.css",
    ],
)
def test_it_refuses_everything_else(url):
    with pytest.raises(RefusedURL):
        fetch(url)


def test_a_symlink_out_of_the_static_folder_is_refused(tmp_path, settings):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    (static / "css" / "leak.css").symlink_to(secret)
    (static / "css" / "ok.css").write_text("p { margin: 0 }")
    settings.STATICFILES_DIRS = [static]

    assert fetch("dn-static:/static/css/ok.css") == b"p { margin: 0 }"
    with pytest.raises(RefusedURL):
        fetch("dn-static:/static/css/leak.css")


def test_it_never_uses_the_network_code_of_its_parent():
    fetcher = StaticOnlyURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.open("http://127.0.0.1:1/")


def test_the_summary_stylesheet_is_loaded_through_the_fetcher_and_applied(monkeypatch):
    import io

    from pypdf import PdfReader

    from screening.pdf import render as render_module

    requested = []

    class Spy(StaticOnlyURLFetcher):
        def fetch(self, url, headers=None):
            requested.append(url)
            return super().fetch(url, headers)

    monkeypatch.setattr(render_module, "StaticOnlyURLFetcher", Spy)
    render_module._parsed_stylesheet.cache_clear()
    try:
        data = render_module.html_to_pdf("<!doctype html><html><body><p>x</p></body></html>")
    finally:
        render_module._parsed_stylesheet.cache_clear()
    assert requested == ["dn-static:/static/css/pdf.css"]
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
