"""The printable risk-first summary of a submission (WeasyPrint).

``render_summary(submission) -> (file name, "application/pdf", bytes)`` is the entry point
the staff download view calls; it reads only the stored Submission.
"""

from screening.pdf.render import render_summary

__all__ = ["render_summary"]
