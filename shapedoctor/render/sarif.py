"""SARIF 2.1.0 for ``check`` reports (code scanning in GitHub, GitLab, VS Code's SARIF viewer).

* one rule per family of the catalogue (:mod:`shapedoctor.families`), with its title, what it
  is and its help text (what it is, why it breaks, an example and what to use instead);
* one result per finding: its location is the root cause (the line to change), its related
  locations the root cause and the layer or call that refused the shapes (the consumer);
* a fix that can be written into the file becomes a SARIF ``fix`` whose ``artifactChanges``
  hold the exact text replacements (1-based lines and columns);
* files that could not be checked are ``toolExecutionNotifications`` of the invocation.

Notebook places have no line region (SARIF lines would be lines of the JSON file): the cell
and line are in the message. Takes the per-file JSON reports; only draws.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote
from urllib.request import pathname2url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/shapedoctor/shapedoctor"


def render(reports: list[dict], root: str | None = None) -> str:
    return json.dumps(document(reports, root), indent=2) + "\n"


def document(reports: list[dict], root: str | None = None) -> dict:
    from shapedoctor import __version__
    from shapedoctor.families import all_families

    root = os.path.abspath(root or os.getcwd())
    families = all_families()
    index = {f.id: i for i, f in enumerate(families)}
    results, notes = [], []
    for report in reports:
        for finding in report.get("findings", []):
            results.append(_result(finding, index, root, report.get("script")))
        note = _notification(report, root)
        if note is not None:
            notes.append(note)
    base = pathname2url(root.rstrip(os.sep) + os.sep)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "shapedoctor", "version": __version__, "informationUri": INFORMATION_URI,
                                "rules": [_rule(f) for f in families]}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + base}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
            "results": results,
        }],
    }


def _rule(family) -> dict:
    text = f"{family.what}\n\nWhy it breaks: {family.why}\n\nExample:\n{family.example}\n\nUse instead:\n{family.use_instead}"
    markdown = (f"{family.what}\n\n**Why it breaks.** {family.why}\n\n**Example**\n\n```python\n{family.example}\n```\n\n"
                f"**Use instead**\n\n```python\n{family.use_instead}\n```")
    return {
        "id": family.id,
        "name": family.slug,
        "shortDescription": {"text": family.title},
        "fullDescription": {"text": family.what},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": "error" if family.severity == "error" else "warning"},
        "properties": {"tags": ["keras", "shapes", family.slug]},
    }


def _result(finding: dict, index: dict, root: str, script: str | None) -> dict:
    culprit = finding.get("culprit") or finding.get("consumer") or {"file": script}
    consumer = finding.get("consumer")
    message = finding.get("message", "")
    if finding.get("explanation"):
        message += "\n" + finding["explanation"]
    result = {
        "ruleId": finding["id"],
        "level": "error" if finding.get("severity") == "error" else "warning",
        "message": {"text": message},
        "locations": [_location(culprit, root, script)],
        "relatedLocations": [],
    }
    if finding["id"] in index:
        result["ruleIndex"] = index[finding["id"]]
    for n, (role, place) in enumerate((("root cause", culprit), ("refused here", consumer)), start=1):
        if place:
            related = _location(place, root, script)
            related["id"] = n
            related["message"] = {"text": f"{role}: {_describe(place)}"}
            result["relatedLocations"].append(related)
    fixes = [_fix(fx, root) for fx in finding.get("fixes", [])]
    fixes = [f for f in fixes if f is not None]
    if fixes:
        result["fixes"] = fixes
    return result


def _describe(place: dict) -> str:
    name = place.get("layer") or place.get("kind") or ""
    cls = place.get("class")
    where = f" (cell {place['cell']}, line {place.get('line')})" if place.get("cell") else ""
    return (f"{name} ({cls})" if cls and cls != name else name) + where


def _location(place: dict, root: str, script: str | None) -> dict:
    physical: dict = {"artifactLocation": _artifact(place.get("file") or script, root)}
    if place.get("line") and not place.get("cell"):
        physical["region"] = {"startLine": int(place["line"])}
    return {"physicalLocation": physical}


def _artifact(file: str | None, root: str) -> dict:
    path = os.path.abspath(file or "")
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive (Windows)
        rel = None
    if rel is None or rel.startswith(os.pardir):
        return {"uri": "file://" + pathname2url(path)}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _fix(fix: dict, root: str) -> dict | None:
    edits = fix.get("replacements") or []
    if not edits:
        return None
    changes: dict[str, list] = {}
    for e in edits:
        changes.setdefault(e["file"], []).append({
            "deletedRegion": {"startLine": e["start_line"], "startColumn": e["start_col"] + 1,
                              "endLine": e["end_line"], "endColumn": e["end_col"] + 1},
            "insertedContent": {"text": e["text"]},
        })
    return {
        "description": {"text": fix.get("title", "")},
        "artifactChanges": [{"artifactLocation": _artifact(file, root), "replacements": reps}
                            for file, reps in changes.items()],
    }


def _notification(report: dict, root: str) -> dict | None:
    outcome = report.get("outcome")
    if outcome not in ("stopped", "invalid", "timeout", "failed"):
        return None
    stopped = report.get("stopped") or {}
    text = (f"{stopped.get('type')}: {stopped.get('message')}; the lines after it were not checked"
            if outcome == "stopped" else report.get("detail") or outcome)
    location = {"physicalLocation": {"artifactLocation": _artifact(stopped.get("file") or report.get("script"), root)}}
    if stopped.get("line"):
        location["physicalLocation"]["region"] = {"startLine": int(stopped["line"])}
    return {"level": "warning" if outcome == "stopped" else "error", "message": {"text": f"{outcome}: {text}"},
            "locations": [location]}
