from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "screening"
    verbose_name = "Dry needling screening"

    def ready(self) -> None:
        # Connects the login / failed-login audit receivers.
        from screening.review import audit  # noqa: F401
