"""The clinic profile: its name and contact details, used on pages, emails, letters and PDFs."""
