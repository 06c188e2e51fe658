"""In-app staff accounts for the clinic admin (issue 11): list, create, deactivate, reset the
two-step sign-in. What may be granted is decided in screening.security.accounts (issue 9)."""
