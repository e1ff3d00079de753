"""GitHub Actions workflow commands (``::error file=...,line=...::message``) for ``check`` reports.

Each finding becomes one annotation on its root-cause line (``error`` or ``warning`` after its
severity), titled with the family id and slug; the message names the layer or call that
refused the shapes (in a notebook, the cell and line are in the message: an annotation's line
would be a line of the notebook's JSON). Files that could not be checked get a ``warning`` (stopped early) or an
``error`` (invalid, timed out, failed). Takes the per-file JSON reports; only draws.
"""

from __future__ import annotations


def render(reports: list[dict]) -> str:
    lines = []
    for report in reports:
        script = report.get("script")
        for finding in report.get("findings", []):
            place = finding.get("culprit") or finding.get("consumer") or {}
            level = "error" if finding.get("severity") == "error" else "warning"
            message = finding.get("message", "")
            consumer = finding.get("consumer") or {}
            if consumer.get("line") and (consumer.get("file"), consumer.get("line")) != (place.get("file"),
                                                                                        place.get("line")):
                message += f" (noticed at {_where(consumer)})"
            fixes = finding.get("fixes") or []
            if fixes:
                message += f"\nfix: {fixes[0].get('title')}"
            line = place.get("line")
            if place.get("cell"):  # a notebook: annotation lines would be lines of its JSON
                message, line = f"cell {place['cell']}, line {line}: {message}", None
            lines.append(_command(level, place.get("file") or script, line,
                                  f"{finding.get('id')} {finding.get('family')}", message))
        outcome = report.get("outcome")
        if outcome == "stopped" and report.get("stopped"):
            s = report["stopped"]
            lines.append(_command("warning", s.get("file") or script, s.get("line"), "shapedoctor: not fully checked",
                                  f"{s.get('type')}: {s.get('message')}; the lines after it were not checked"))
        elif outcome in ("invalid", "timeout", "failed"):
            lines.append(_command("error", script, None, f"shapedoctor: {outcome}", report.get("detail") or outcome))
    return "\n".join(lines) + ("\n" if lines else "")


def _where(place: dict) -> str:
    cell = place.get("cell")
    return f"{place.get('file')}:cell {cell}:{place.get('line')}" if cell else f"{place.get('file')}:{place.get('line')}"


def _command(level: str, file: str | None, line: int | None, title: str, message: str) -> str:
    props = []
    if file:
        props.append(f"file={_property(file)}")
    if line:
        props.append(f"line={int(line)}")
    props.append(f"title={_property(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    """Escape a command's message as the runner expects (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value (also ``:`` and ``,``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
