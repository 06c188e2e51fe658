"""Models of the screening app, one module per part of the data flow (DESIGN.md)."""

from screening.models.analytics import SubmissionFinding
from screening.models.audit import AuditEvent
from screening.models.care import Patient, Visit
from screening.models.clearance import Clearance
from screening.models.imports import AppointmentColumnMapping, AppointmentImport
from screening.models.intake import GateFailure, IntakeDraft, Invitation, Submission, hash_token
from screening.models.outbox import ClinicProfile, OutboxEmail
from screening.models.preferences import StaffPreference
from screening.models.reassessment import Reassessment
from screening.models.review import SubmissionEvent

__all__ = [
    "AppointmentColumnMapping",
    "AppointmentImport",
    "AuditEvent",
    "Clearance",
    "ClinicProfile",
    "GateFailure",
    "IntakeDraft",
    "Invitation",
    "OutboxEmail",
    "Patient",
    "Reassessment",
    "Submission",
    "StaffPreference",
    "SubmissionEvent",
    "SubmissionFinding",
    "Visit",
    "hash_token",
]
