"""What every browser test checks on a page: axe-core (offline) and a saved screenshot."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()


def axe_violations(page: Page) -> list[str]:
    """Run axe-core (bundled, offline) on the page; return one line per violation node."""
    results = AXE.run(page)
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {node['target']} {node.get('failureSummary', '')}")
    return lines


def snap(page: Page, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
