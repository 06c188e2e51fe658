"""{% body_map %}: every contract region drawn, colours as attributes, a legend in words."""

import re

import pytest
from django.template import Context, Template

from screening.bodymap import shapes
from screening.bodymap.render import STATIC_COLOURS, render_body_map
from screening.rules.regions import REGION_CODES


def render(template: str, **context) -> str:
    return Template("{% load bodymap %}" + template).render(Context(context))


def path_tag(html: str, dom_id: str) -> str:
    match = re.search(rf'<path id="{re.escape(dom_id)}"[^>]*>', html)
    assert match, f"no path with id {dom_id}"
    return match.group(0)


def test_it_draws_every_contract_region_once_with_the_agreed_id():
    html = render('{% body_map mode="static" %}')
    for code in REGION_CODES:
        tag = path_tag(html, f"region-{code}")
        assert f'data-region="{code}"' in tag
    drawn = set(re.findall(r'data-region="([A-Z_]+)"', html))
    assert drawn == set(REGION_CODES)


def test_element_ids_are_unique_even_for_regions_seen_front_and_back():
    html = render('{% body_map mode="static" %}')
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="region-HEAD_FACE-back"' in html


def test_static_mode_colours_with_presentation_attributes_never_inline_style():
    html = render(
        '{% body_map selected=sel excluded=exc mode="static" %}', sel=["ARM_L"], exc=["ABDOMEN"]
    )
    assert "style=" not in html
    assert "<style" not in html
    selected_fill, selected_stroke = STATIC_COLOURS["selected"]
    assert f'fill="{selected_fill}"' in path_tag(html, "region-ARM_L")
    assert f'stroke="{selected_stroke}"' in path_tag(html, "region-ARM_L")
    assert 'fill="url(#hatch)"' in path_tag(html, "region-ABDOMEN")
    plain_fill, _ = STATIC_COLOURS[""]
    assert f'fill="{plain_fill}"' in path_tag(html, "region-ARM_R")


def test_excluded_wins_over_selected_and_limb_codes_expand_to_their_regions():
    html = render_body_map(["UPPER_LIMB_R"], ["ARM_R"], mode="static")
    assert STATIC_COLOURS["selected"][0] in path_tag(html, "region-SHOULDER_R")
    assert STATIC_COLOURS["selected"][0] in path_tag(html, "region-FOREARM_HAND_R")
    assert 'fill="url(#hatch)"' in path_tag(html, "region-ARM_R")


def test_the_legend_names_the_regions_in_words():
    html = render_body_map(
        ["THORACIC_SPINE", "SCAPULA_L"],
        ["CHEST_WALL_R"],
        selected_label="Areas to treat",
        excluded_label="Do not needle",
    )
    legend = html[html.index("<figcaption") :]
    assert "Areas to treat" in legend and "Do not needle" in legend
    assert "Left shoulder blade" in legend and "Mid back" in legend
    assert "Right chest" in legend
    # Canonical (schema) order: SCAPULA_L comes before THORACIC_SPINE.
    assert legend.index("Left shoulder blade") < legend.index("Mid back")


def test_an_empty_map_says_none_in_words():
    html = render_body_map([], [], mode="static")
    legend = html[html.index("<figcaption") :]
    assert "none" in legend


def test_unknown_codes_are_ignored_rather_than_breaking_the_page():
    html = render_body_map(["NOT_A_REGION", "ARM_L"], ["<script>"], mode="static")
    assert STATIC_COLOURS["selected"][0] in path_tag(html, "region-ARM_L")
    assert "<script" not in html


def test_an_id_prefix_keeps_two_maps_on_one_page_apart():
    html = render(
        '{% body_map mode="static" id_prefix="a" %}{% body_map mode="static" id_prefix="b" %}'
    )
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="a-region-ARM_L"' in html and 'id="b-region-ARM_L"' in html
    assert 'fill="url(#b-hatch)"' not in html or 'id="b-hatch"' in html


def test_an_unknown_mode_is_a_programming_error():
    with pytest.raises(ValueError, match="mode"):
        render_body_map([], mode="colourful")


def test_each_view_draws_each_region_at_most_once_and_the_sides_mirror():
    for view in shapes.VIEWS:
        codes = [piece.code for piece in view.pieces]
        assert len(codes) == len(set(codes))
    front, back = shapes.VIEWS
    pieces = {p.code: p.path for p in front.pieces}
    assert pieces["ARM_L"] == shapes.mirror(pieces["ARM_R"])
    # On the front the patient's right is on the viewer's left (smaller x).
    assert pieces["ARM_R"].startswith("M32,")
    back_pieces = {p.code: p.path for p in back.pieces}
    assert back_pieces["ARM_L"].startswith("M32,")


def test_mirror_reflects_x_about_the_centre_line():
    assert shapes.mirror("M30,10 L80,20 C0,1 160,2 49.75,3 Z") == (
        "M130,10 L80,20 C160,1 0,2 110.25,3 Z"
    )
