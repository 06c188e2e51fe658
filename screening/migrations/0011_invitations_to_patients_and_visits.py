"""Give every existing invitation a patient and a visit (issue 10).

Same name and date of birth -> one patient; an invitation without a date of birth gets a
patient of its own (a name alone is not enough to say two people are one). Nothing stored
is rewritten: only the new invitation.visit foreign key is filled in. The reverse empties
that key and removes the rows this created.
"""

from django.db import migrations


def _key(invitation) -> tuple[str, object] | None:
    if invitation.date_of_birth is None:
        return None
    return (" ".join(invitation.patient_name.split()).casefold(), invitation.date_of_birth)


def forward(apps, schema_editor):
    Invitation = apps.get_model("screening", "Invitation")
    Patient = apps.get_model("screening", "Patient")
    Visit = apps.get_model("screening", "Visit")
    patients: dict = {}
    for invitation in Invitation.objects.filter(visit__isnull=True).order_by("pk").iterator():
        key = _key(invitation)
        patient = patients.get(key) if key else None
        if patient is None:
            patient = Patient.objects.create(
                name=invitation.patient_name,
                last_name=invitation.last_name,
                date_of_birth=invitation.date_of_birth,
                email=invitation.email,
            )
            if key:
                patients[key] = patient
        elif invitation.email and not patient.email:
            patient.email = invitation.email
            patient.save(update_fields=["email"])
        visit = Visit.objects.create(
            patient=patient,
            appointment_date=invitation.appointment_date,
            appointment_time=invitation.appointment_time,
            planned_regions=list(invitation.planned_regions or []),
            planned_estim=invitation.planned_estim,
            created_by_id=invitation.created_by_id,
        )
        # update() touches the one new column and nothing else of the row.
        Invitation.objects.filter(pk=invitation.pk).update(visit=visit)


def backward(apps, schema_editor):
    Invitation = apps.get_model("screening", "Invitation")
    Patient = apps.get_model("screening", "Patient")
    Visit = apps.get_model("screening", "Visit")
    Invitation.objects.update(visit=None)
    Visit.objects.all().delete()
    Patient.objects.filter(merged_into__isnull=False).update(merged_into=None)
    Patient.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0010_patient_visit"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
