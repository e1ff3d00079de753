"""Diagnosis: classify a failure into a family, find its root cause, explain it, repair it."""
