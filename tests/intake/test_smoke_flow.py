"""The whole intake through the Django test client, end to end."""

from django.urls import reverse

from screening.models import Submission
from tests.intake.conftest import sign


def test_a_patient_completes_the_form_and_sees_a_kind_result(filled, invitation):
    review = filled.get(reverse("intake:review"))
    assert review.status_code == 200
    response = sign(filled)
    assert response.status_code == 302, response.content[:2000]
    assert response["Location"] == reverse("intake:done")
    submission = Submission.objects.get(invitation=invitation)
    assert submission.intake_document["schema"] == "dn-intake/1"
    page = filled.get(reverse("intake:done")).content.decode()
    assert "not eligible" not in page.lower()
    assert submission.tier not in page
