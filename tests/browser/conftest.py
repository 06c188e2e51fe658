"""Browser-test helpers: a phone-sized page, axe, screenshots and console-error capture."""

import pytest
from playwright.sync_api import Page

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": PHONE}


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Console errors and CSP refusals seen by the page; tests assert it stays empty."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors
