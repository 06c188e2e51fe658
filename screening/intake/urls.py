"""Patient-facing URLs. The token appears only in the first URL, then lives in the session."""

app_name = "intake"
urlpatterns: list = []
