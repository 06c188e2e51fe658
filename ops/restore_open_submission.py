"""Restore drill, second half: the app, booted on the restored database, opens the newest
submission's staff page and its PDF as a physiotherapist would (issue 9).

Run by ops/backup_restore_check.sh with DATABASE_URL pointing at the restored copy. It adds a
throw-away physiotherapist account to that copy only (the copy is dropped afterwards).
Exit status 0 when both open and show the patient's name; 1 otherwise.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from screening.models import Submission  # noqa: E402


def main() -> int:
    submission = Submission.objects.order_by("-pk").first()
    if submission is None:
        print("restore drill: no submission in the restored database")
        return 1
    user = get_user_model().objects.create_user("restore-drill-physio", password=None)
    user.groups.add(Group.objects.get(name="physiotherapist"))
    device = TOTPDevice.objects.create(user=user, name="restore drill", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    name = submission.patient_name
    page = client.get(reverse("review:submission", kwargs={"pk": submission.pk}))
    pdf = client.get(reverse("review:summary_pdf", kwargs={"pk": submission.pk}))
    page_ok = page.status_code == 200 and name in page.content.decode()
    pdf_text = ""
    if pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf":
        reader = PdfReader(
            io.BytesIO(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
        )
        pdf_text = " ".join(p.extract_text() or "" for p in reader.pages)
    pdf_ok = name in " ".join(pdf_text.split())
    print(
        f"restore drill: submission {submission.pk} page {page.status_code}"
        f" ({'shows' if page_ok else 'MISSING'} the patient), PDF {pdf.status_code}"
        f" ({'shows' if pdf_ok else 'MISSING'} the patient)"
    )
    return 0 if page_ok and pdf_ok else 1


if __name__ == "__main__":
    sys.exit(main())
