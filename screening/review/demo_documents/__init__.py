"""Demo intake documents for `manage.py seed_demo` (copies of the contract examples)."""
