"""A test-only page holding two body map widgets, for the widget's own browser tests."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from clinic.urls import urlpatterns as project_urlpatterns
from screening.bodymap.names import LIMB_NAMES, region_choices
from screening.intake.widgets import BodyMapWidget

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% load crispy_forms_tags static %}
{% block title %}Body map{% endblock %}
{% block extra_head %}{{ form.media.css }}{% endblock %}
{% block content %}<h1>Where does it hurt?</h1>
<form method="post" novalidate>{% csrf_token %}{{ form|crispy }}
<button type="submit" class="btn btn-primary">Save</button></form>
{% if saved %}<p id="saved">Saved: {{ saved|join:" " }}</p>{% endif %}
{% endblock %}
{% block scripts %}{{ form.media.js }}{% endblock %}"""
)


def location_choices() -> list:
    return region_choices() + list(LIMB_NAMES.items())


class WhereForm(forms.Form):
    pain_regions = forms.MultipleChoiceField(
        label="Where is your pain?", choices=region_choices, widget=BodyMapWidget
    )
    numbness_areas = forms.MultipleChoiceField(
        label="Where is the numbness?",
        choices=location_choices,
        widget=BodyMapWidget,
        required=False,
    )


def body_map_page(request: HttpRequest) -> HttpResponse:
    form = WhereForm(request.POST or None)
    saved = None
    if request.method == "POST" and form.is_valid():
        saved = form.cleaned_data["pain_regions"] + form.cleaned_data["numbness_areas"]
    return HttpResponse(PAGE.render({"form": form, "saved": saved}, request))


# The project's own routes too: every page's header links the language switch and the
# JavaScript catalogue by name.
urlpatterns = [path("body-map/", body_map_page), *project_urlpatterns]
