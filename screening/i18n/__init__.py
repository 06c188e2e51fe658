"""The language a person reads the app in: patients per visit, staff per account (issue 14)."""
