"""Who may see and do what on the staff side: the one place that decides.

Roles are Django groups (created by migration 0003_staff_roles). A staff view is wrapped in
`staff_required(...)`; a view that touches one submission fetches it through
`get_submission_for_staff`, which checks the permission the action needs.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from screening.models import Submission

FRONT_DESK = "front_desk"
PHYSIOTHERAPIST = "physiotherapist"
CLINIC_ADMIN = "clinic_admin"
ROLES = (FRONT_DESK, PHYSIOTHERAPIST, CLINIC_ADMIN)
# The people who work with patients' screenings (the clinic admin reads the audit log only).
CLINICAL_ROLES = (FRONT_DESK, PHYSIOTHERAPIST)

# Permissions each role's group holds (the roles migration grants exactly these).
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    FRONT_DESK: (
        "screening.view_submission",
        "screening.change_submission",
        "screening.view_submissionevent",
        "screening.add_submissionevent",
        "screening.view_invitation",
        "screening.add_invitation",
        "screening.change_invitation",
    ),
    PHYSIOTHERAPIST: (
        "screening.view_submission",
        "screening.change_submission",
        "screening.view_submissionevent",
        "screening.add_submissionevent",
        "screening.record_decision",
        "screening.view_invitation",
        "screening.add_invitation",
        "screening.change_invitation",
    ),
    CLINIC_ADMIN: (
        "screening.view_auditevent",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
    ),
}

# What each action on one submission needs.
ACTION_PERMISSIONS: dict[str, str] = {
    "view": "screening.view_submission",
    "pdf": "screening.view_submission",
    "letter": "screening.view_submission",
    "status": "screening.change_submission",
    "note": "screening.add_submissionevent",
    "decide": "screening.record_decision",
}


def user_roles(user) -> set[str]:
    """Return the staff roles of a user (empty for anonymous users and patients)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_staff_roles", None)
    if cached is None:
        cached = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._staff_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def staff_required(*roles: str) -> Callable:
    """Require a logged-in user holding one of `roles`: login page if anonymous, else 403."""
    allowed = set(roles or ROLES)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            # No health information before the second factor (TOTP, issue 5).
            if not request.user.is_verified():
                return redirect_to_login(request.get_full_path(), login_url="two_factor_verify")
            if not user_roles(request.user) & allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.staff_roles = frozenset(allowed)  # read by the role x URL test
        return wrapped

    return decorator


def can(user, action: str) -> bool:
    """Whether `user` may do `action` on submissions (see ACTION_PERMISSIONS)."""
    return bool(user_roles(user)) and user.has_perm(ACTION_PERMISSIONS[action])


def get_submission_for_staff(request: HttpRequest, pk: int, action: str = "view") -> Submission:
    """Return the submission if this user may do `action` on it; 403 or 404 otherwise."""
    if not can(request.user, action):
        raise PermissionDenied
    return get_object_or_404(Submission, pk=pk)


def ensure_roles() -> None:
    """Create the role groups with their permissions if missing (the migration makes them;
    this restores them after a test flush, and lets seed_demo run on any database)."""
    from django.contrib.auth.models import Group, Permission

    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
