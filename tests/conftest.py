"""Shared test set-up: Playwright on Debian's Chromium, and the browser-test skip policy.

Browser tests (marked `browser`, or using the Playwright `page` fixture) skip with a visible
reason only when Chromium is missing. With CI=true a missing Chromium fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_PRESENT = Path(CHROMIUM).exists()
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
TEST_OUTPUT = Path(__file__).resolve().parent.parent / "test-output"

# Property tests keep their example counts everywhere (100 unless a test says more); CI only
# drops the per-example deadline, because two xdist workers share two busy cores and a
# slow example there is noise, not a failure. HYPOTHESIS_PROFILE picks one by hand.
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))

# Playwright's sync API runs an event loop in the test thread; Django must allow
# database access from it in browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _is_browser_test(item: pytest.Item) -> bool:
    return item.get_closest_marker("browser") is not None or "page" in getattr(
        item, "fixturenames", ()
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Every test that drives the browser carries the `browser` mark, so `-m "not browser"`
    # (the SQLite stage of .ci/run: browser tests run once, on PostgreSQL) leaves them all out.
    # tryfirst: the marks must be there before pytest's own -m selection runs.
    for item in items:
        if _is_browser_test(item) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
    if CHROMIUM_PRESENT:
        return
    browser_items = [item for item in items if _is_browser_test(item)]
    if browser_items and IN_CI:
        raise pytest.UsageError(
            f"CI=true but Chromium is missing at {CHROMIUM}: {len(browser_items)} browser "
            "tests would be skipped. Install Debian's 'chromium' package first."
        )
    skip = pytest.mark.skip(
        reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium)"
    )
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium: Playwright cannot download its own browser here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where browser tests save screenshots for a person to look at."""
    folder = TEST_OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def login_staff():
    """Sign a user in on a test client the way staff sign in: password and second factor.

    Usage: `login_staff(client, user)`. Staff pages refuse a session that has not passed
    the TOTP step, so tests of staff pages use this instead of `client.force_login`.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(client, user) -> None:
        client.force_login(user)
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": "test device"}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    return login
