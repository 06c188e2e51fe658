"""The page's charts: SVG drawn on the server by pygal, with no script and no inline style.

pygal puts a <script> (its tooltip config) and a <style> in every SVG; the page's CSP allows
neither inline, so both are taken out of the tree and the look comes from
static/css/analytics-charts.css (pygal's own CSS for this style, saved once; see
docs/decisions.md). Tooltips and pygal.js are off: the tables beside the charts carry the
figures. Pure: figures in, SVG text out (no database).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    colors=("#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1"),
    font_family="system-ui, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    legend_font_size=13,
    title_font_size=15,
)

_COMMON = {
    "style": STYLE,
    "js": [],
    "css": [],
    "tooltips": False,
    "disable_xml_declaration": True,
    "no_prefix": True,
    "show_legend": False,
    "width": 640,
    "margin": 8,
    "margin_right": 28,
}


def _svg(chart, title: str) -> SafeString:
    """The chart's SVG without <script>/<style>, labelled for screen readers."""
    tree = chart.render_tree()
    for parent in list(tree.iter()):
        for child in list(parent):
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            # Comments too (pygal's credits), and the empty tooltip box (tooltips are off).
            if tag in ("script", "style") or not tag or child.get("class") == "tooltip":
                parent.remove(child)
        # A style attribute is inline style for the CSP (pygal sets a few opacities).
        parent.attrib.pop("style", None)
    for element in tree.iter("{http://www.w3.org/2000/svg}title"):
        element.text = title
    tree.set("role", "img")
    tree.set("aria-label", title)
    tree.attrib.pop("id", None)
    ElementTree.register_namespace("", "http://www.w3.org/2000/svg")
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    # ElementTree escapes every text and attribute it writes; scripts and styles are gone.
    return mark_safe(ElementTree.tostring(tree, encoding="unicode"))  # noqa: S308  # nosec B308 B703


def percent_bars(title: str, rows: Sequence[tuple[str, float]]) -> SafeString:
    """Horizontal bars, one per (label, percent)."""
    chart = pygal.HorizontalBar(
        **_COMMON,
        height=max(120, 34 * len(rows) + 60),
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        print_values=True,
        value_formatter=lambda v: f"{v:.0f} %",
        show_y_guides=False,
    )
    chart.x_labels = [label for label, _ in rows][::-1]
    chart.add(title, [value for _, value in rows][::-1])
    return _svg(chart, title)


def drop_off(title: str, rows: Sequence[tuple[str, int]]) -> SafeString:
    """The funnel from sent to completed: bars narrowing stage by stage."""
    chart = pygal.HorizontalBar(
        **_COMMON,
        height=max(120, 28 * len(rows) + 60),
        max_scale=5,
        print_values=True,
        show_y_guides=False,
    )
    chart.x_labels = [label for label, _ in rows][::-1]
    chart.add(title, [value for _, value in rows][::-1])
    return _svg(chart, title)


def weekly_line(
    title: str, weeks: Sequence[dt.date], series: Sequence[tuple[str, Sequence[int]]]
) -> SafeString:
    chart = pygal.Line(
        **{**_COMMON, "show_legend": True},
        height=300,
        legend_at_bottom=True,
        x_label_rotation=0,
        show_minor_x_labels=False,
        min_scale=1,
    )
    chart.x_labels = [week.strftime("%d %b") for week in weeks]
    chart.x_labels_major = chart.x_labels[:: max(1, len(weeks) // 8)]
    for label, values in series:
        chart.add(label, list(values))
    return _svg(chart, title)
