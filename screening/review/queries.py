"""The staff pages' database reads, each a fixed number of queries whatever the row count."""

import datetime as dt

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from screening.care.current import only_current
from screening.models import (
    AuditEvent,
    Clearance,
    Invitation,
    OutboxEmail,
    Submission,
    SubmissionEvent,
)
from screening.review import labels, search
from screening.review.forms import FLAGGED, FLAGGED_TIERS

QUEUE_COLUMNS = (
    "pk",
    "kind",
    "patient_name",
    "appointment_date",
    "appointment_time",
    "tier",
    "finding_count",
    "status",
    "submitted_at",
    "action_rank",
)


# The queue's sortable columns: ?sort=<key> (or -<key> for the reverse). Needs-action rows
# still lead in every sort, so "what is still open" is always on top.
_TIER_RANK = Case(
    *[When(tier=tier, then=Value(rank)) for rank, tier in enumerate(labels.TIER_ORDER)],
    output_field=IntegerField(),
)
SORTS = {
    "appointment": ("appointment_date", "appointment_time"),
    "tier": (_TIER_RANK,),
    "status": ("status",),
    "submitted": ("submitted_at",),
}


def _order(sort: str) -> list:
    key = sort.removeprefix("-")
    if key not in SORTS:
        return ["action_rank", "appointment_date", "appointment_time", "pk"]
    descending = sort.startswith("-")
    columns = []
    for column in SORTS[key]:
        expression = column if not isinstance(column, str) else F(column)
        columns.append(expression.desc() if descending else expression.asc())
    return ["action_rank", *columns, "appointment_date", "appointment_time", "pk"]


def queue(filters: dict, sort: str = "") -> QuerySet[Submission]:
    """Upcoming visits, one row each (its current screening), those needing action first."""
    # A visit's earlier form, once a check-in replaces it, must not show as a row of its own.
    since = filters.get("date_from") or timezone.localdate()
    rows = only_current(Submission.objects.only(*QUEUE_COLUMNS), appointments_from=since)
    rows = rows.filter(appointment_date__gte=since)
    if filters.get("date_to"):
        rows = rows.filter(appointment_date__lte=filters["date_to"])
    if filters.get("tier") == FLAGGED:
        rows = rows.filter(tier__in=FLAGGED_TIERS)
    elif filters.get("tier"):
        rows = rows.filter(tier=filters["tier"])
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("q"):
        rows = search.filter_by_patient(rows, filters["q"])
    # action_rank (a generated column) is 0 for flagged submissions without a decision: they
    # lead. The index submission_queue_order serves exactly this order.
    return rows.order_by(*_order(sort))


def next_needing_action(after: Submission) -> Submission | None:
    """The next upcoming visit still needing action (the queue's order), other than `after`."""
    rows = queue({"tier": FLAGGED}).filter(action_rank=0).exclude(pk=after.pk)
    return rows.first()


def reasons(pks: list[int]) -> dict[int, str]:
    """The one-line reason of each of a page's rows: one query, whatever the page holds."""
    rows = Submission.objects.filter(pk__in=pks).values_list("pk", "assessment", "intake_document")
    return {pk: labels.reason_line(assessment, document) for pk, assessment, document in rows}


def clearances(rows: list[Submission]) -> dict[int, Clearance]:
    """The visit's clearance of each of a page's rows that has one: one query, and none when
    no row waits on a clearance (an open one keeps its screening "clearance requested")."""
    pks = [row.pk for row in rows if row.status == Submission.Status.CLEARANCE_REQUESTED]
    if not pks:
        return {}
    found = (
        Clearance.objects.filter(visit__invitations__submissions__pk__in=pks)
        .annotate(row_pk=F("visit__invitations__submissions__pk"))
        .select_related("requested_by", "received_by", "closed_by")
    )
    return {record.row_pk: record for record in found}


def invitations_for_list(days_back: int = 1) -> QuerySet[Invitation]:
    """Invitations for recent and coming appointments, with what progress needs preloaded."""
    since = timezone.localdate() - dt.timedelta(days=days_back)
    return (
        Invitation.objects.filter(appointment_date__gte=since)
        .select_related("draft")
        .prefetch_related(
            "submissions",
            # Newest first: the list shows each invitation's latest email and its state.
            Prefetch(
                "emails",
                queryset=OutboxEmail.objects.only(
                    "invitation_id", "status", "attempts", "created_at", "sent_at"
                ).order_by("-created_at", "-pk"),
                to_attr="email_list",
            ),
        )
        .order_by("appointment_date", "appointment_time", "pk")
    )


def submission_events(submission: Submission) -> list[SubmissionEvent]:
    return list(submission.events.select_related("actor").order_by("created_at", "pk"))


def audit_events(filters: dict) -> QuerySet[AuditEvent]:
    rows = AuditEvent.objects.all()
    if filters.get("user"):
        # A failed login has no actor: it names the username tried in its detail.
        username = filters["user"].username
        rows = rows.filter(Q(actor_username=username) | Q(detail__username=username))
    if filters.get("object_type"):
        rows = rows.filter(object_type=filters["object_type"])
    if filters.get("object_id"):
        rows = rows.filter(object_id=filters["object_id"].strip())
    tz = timezone.get_current_timezone()
    if filters.get("date_from"):
        start = dt.datetime.combine(filters["date_from"], dt.time.min, tz)
        rows = rows.filter(created_at__gte=start)
    if filters.get("date_to"):
        end = dt.datetime.combine(filters["date_to"] + dt.timedelta(days=1), dt.time.min, tz)
        rows = rows.filter(created_at__lt=end)
    return rows.order_by("-created_at", "-pk")
