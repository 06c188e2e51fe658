"""Staff URLs: every view here requires login and a role (screening/review/access.py)."""

app_name = "review"
urlpatterns: list = []
