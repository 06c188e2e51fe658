"""Text for a CSS string, as the PDF's page headers and footers print it (WeasyPrint only)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def css_string(value: object) -> str:
    """Escape for the inside of a double-quoted CSS string: a quote or a backslash in a
    translation cannot end the string; a line break cannot either."""
    text = str(value)
    for plain, escaped in (("\\", "\\5c "), ('"', "\\22 "), ("\n", "\\a "), ("<", "\\3c ")):
        text = text.replace(plain, escaped)
    return text
