"""Appointment lists from the clinic's booking system become visits and invitations.

`csv_source` and `ics_source` read a file into `AppointmentRow`s (or refuse the whole file
with `ImportRefused`, creating nothing); `preview` says, per row, which patient it is, what
screening the visit needs and what is wrong; `confirm` books the good rows in one transaction.
"""
