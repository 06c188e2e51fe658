"""Staff views, one module per page. Every view is wrapped in access.staff_required."""
