"""The course of care: patients, visits, and each visit's one current screening."""
