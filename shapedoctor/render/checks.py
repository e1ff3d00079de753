"""The summary table of ``shapedoctor check`` over many files (rich): one row per file.

Takes the per-file JSON reports; only draws.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

STYLES = {"ok": "green", "warning": "yellow", "mismatch": "bold red", "stopped": "yellow", "skipped": "dim",
          "invalid": "red", "timeout": "red", "failed": "red"}


def summary_table(reports: list[dict]) -> Table:
    table = Table(title="shapedoctor check", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("file", overflow="fold")
    table.add_column("status")
    table.add_column("findings", overflow="fold")
    table.add_column("not checked", overflow="fold")
    table.add_column("time", justify="right")
    for r in reports:
        status = r.get("status", "ok") if r.get("outcome") in ("checked", "stopped") else r.get("outcome", "")
        findings = ", ".join(f"{f['id']} line {_line(f)}" for f in r.get("findings", []))
        missed = [u["what"] for u in r.get("unchecked", [])]
        if r.get("outcome") == "stopped" and r.get("stopped"):
            missed.insert(0, f"after line {r['stopped'].get('line')} ({r['stopped'].get('type')})")
        if r.get("outcome") in ("skipped", "invalid", "timeout", "failed") and r.get("detail"):
            missed.insert(0, r["detail"])
        table.add_row(r.get("script", ""), Text(status, style=STYLES.get(status, "")), findings or "-",
                      "; ".join(missed) or "-", f"{r.get('seconds', 0):.1f} s")
    return table


def totals(reports: list[dict]) -> str:
    counts: dict[str, int] = {}
    for r in reports:
        status = r.get("status", "ok") if r.get("outcome") in ("checked", "stopped") else r.get("outcome", "")
        counts[status] = counts.get(status, 0) + 1
    order = ["mismatch", "warning", "ok", "stopped", "timeout", "failed", "invalid", "skipped"]
    parts = [f"{counts[k]} {k}" for k in order if counts.get(k)]
    return f"{len(reports)} file{'s' if len(reports) != 1 else ''}: " + ", ".join(parts)


def _line(finding: dict) -> str:
    place = finding.get("culprit") or finding.get("consumer") or {}
    return f"{place.get('cell')}:{place.get('line')}" if place.get("cell") else str(place.get("line"))
