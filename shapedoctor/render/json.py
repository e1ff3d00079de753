"""JSON output (schema version 1, documented in the README)."""

from __future__ import annotations

import json

from shapedoctor.report.model import Diagnosis


def dumps(diagnosis: Diagnosis) -> str:
    return json.dumps(diagnosis.to_json(), indent=2, ensure_ascii=False)
