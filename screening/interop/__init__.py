"""Fitting into the clinic's systems: FHIR R4 export and appointment import."""
