"""Page pictures of the summary, saved for a person to look at, with a few pixel checks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from screening.pdf import render_summary
from tests.conftest import TEST_OUTPUT
from tests.pdf.builders import CLEAR, MULTI_FINDING, example, unsaved_submission

PICTURES = TEST_OUTPUT / "pdf"
DO_NOT_NEEDLE_RED = (0xB0, 0x00, 0x00)
HOLD_ORANGE = (0xC4, 0x51, 0x00)

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def page_pictures(name: str, data: bytes) -> list[Path]:
    PICTURES.mkdir(parents=True, exist_ok=True)
    pdf = PICTURES / f"{name}.pdf"
    pdf.write_bytes(data)
    for old in PICTURES.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(PICTURES / name)], check=True)
    return sorted(PICTURES.glob(f"{name}-*.png"))


def pixels_near(path: Path, rgb: tuple[int, int, int], tolerance: int = 8) -> int:
    colours = Image.open(path).convert("RGB").getcolors(maxcolors=1_000_000) or []
    return sum(
        count
        for count, colour in colours
        if all(abs(a - b) <= tolerance for a, b in zip(colour, rgb, strict=True))
    )


@pytest.mark.parametrize(
    ("name", "document", "banner"),
    [
        ("multi-finding", MULTI_FINDING, HOLD_ORANGE),
        ("do-not-needle", "ex06-severe-needle-phobia", DO_NOT_NEEDLE_RED),
        ("clear", CLEAR, None),
    ],
)
def test_it_saves_letter_pages_with_the_tier_colour_on_page_one_only(name, document, banner):
    data = render_summary(unsaved_submission(example(document), pk=900))[2]
    pictures = page_pictures(name, data)
    assert len(pictures) >= 2
    first = Image.open(pictures[0])
    assert first.size == (680, 880)  # 8.5 x 11 in at 80 dpi
    if banner:
        assert pixels_near(pictures[0], banner) > 500
        assert all(pixels_near(page, banner) == 0 for page in pictures[1:])
    else:
        assert pixels_near(pictures[0], DO_NOT_NEEDLE_RED) == 0
