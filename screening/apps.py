from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "screening"
    verbose_name = "Dry needling screening"

    def ready(self) -> None:
        from screening.clinic_policy import current_policy

        # Connects the login / failed-login audit receivers.
        from screening.review import audit  # noqa: F401

        # Starts the staff session clock at login.
        from screening.security import session_limits  # noqa: F401

        # Check settings.SCREENING_POLICY now: a bad key or value stops the start-up
        # (ImproperlyConfigured) instead of the first submission.
        current_policy()
