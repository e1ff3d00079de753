"""The result objects every front end produces and every renderer draws."""

from shapedoctor.report.model import Diagnosis, Finding, FixReport, Place, PathStep

__all__ = ["Diagnosis", "Finding", "FixReport", "Place", "PathStep"]
