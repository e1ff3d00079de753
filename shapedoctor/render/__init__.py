"""Renderers: take a Diagnosis and draw it; they never compute anything."""
