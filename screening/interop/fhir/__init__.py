"""FHIR R4 export of a screening: Questionnaire, QuestionnaireResponse, RiskAssessment.

Plain dicts in FHIR JSON shape; tests validate them with fhir.resources' R4B models. The
builders read stored submissions only (never request data), like the PDF.
"""
