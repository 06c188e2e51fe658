from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **kwargs) -> None:
    """The database cache's table, after every `migrate` (a no-op when it exists), so no
    deployment, restore or test run can forget `createcachetable`."""
    call_command("createcachetable", database=using, verbosity=0)


class ScreeningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "screening"
    verbose_name = "Dry needling screening"

    def ready(self) -> None:
        from screening.clinic_policy import current_policy

        # Staff read the app in their own language from sign-in.
        from screening.i18n import signals  # noqa: F401

        # Connects the login / failed-login audit receivers.
        from screening.review import audit  # noqa: F401

        # Starts the staff session clock at login.
        from screening.security import session_limits  # noqa: F401

        # Check settings.SCREENING_POLICY now: a bad key or value stops the start-up
        # (ImproperlyConfigured) instead of the first submission.
        current_policy()

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="screening-cache")
