"""The static body map renders in WeasyPrint: real PDF, read back as text and as pixels."""

import subprocess
from pathlib import Path

from PIL import Image
from weasyprint import HTML

from screening.bodymap.render import render_body_map

SELECTED_RGB = (0x8B, 0xB9, 0xFE)


def render_pdf(tmp_path: Path) -> Path:
    html = render_body_map(
        ["LOWER_LIMB_L", "THORACIC_SPINE"],
        ["CHEST_WALL_L"],
        selected_label="Areas to treat",
        excluded_label="Do not needle",
    )
    page = f'<!doctype html><html lang="en"><body><h1>Summary</h1>{html}</body></html>'
    pdf = tmp_path / "map.pdf"
    HTML(string=page).write_pdf(pdf)
    return pdf


def test_weasyprint_renders_the_map_and_its_legend_in_words(tmp_path):
    pdf = render_pdf(tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in (
        "Front",
        "Back",
        "Areas to treat",
        "Do not needle",
        "Left hip and thigh",
        "Mid back",
        "Left chest",
    ):
        assert words in text, words


def test_weasyprint_paints_the_selected_and_excluded_regions(tmp_path):
    pdf = render_pdf(tmp_path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    counts = {rgb: n for n, rgb in colours}

    def near(target: tuple[int, int, int], tolerance: int = 6) -> int:
        return sum(
            n
            for rgb, n in counts.items()
            if all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True))
        )

    assert near(SELECTED_RGB) > 200, "the selected leg and mid back are not painted"
    assert near((0xF8, 0xD7, 0xDA), tolerance=10) > 100, "the excluded hatch is not painted"
    assert near((0xB0, 0x2A, 0x37), tolerance=30) > 40, "the excluded hatch has no stripes"
