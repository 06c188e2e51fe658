"""Error pages are friendly, never technical, and keep the patient's saved work in mind."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.django_db
def test_a_stale_form_gets_a_kind_403_that_hides_the_technical_reason():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Please try that again" in page
    assert "CSRF" not in page
