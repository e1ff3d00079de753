"""HTML output for Jupyter (``Diagnosis._repr_html_``): the terminal report, drawn in HTML.

Same content and order as :mod:`shapedoctor.render.terminal`: per finding the headline,
where it failed, the root cause, the shape path table (root-cause and failing rows
highlighted), the explanation, the verified fixes as code blocks and Keras's own words;
then, when present, the shape paths of models that ran fine, the shapes seen at
training/inference calls, and the notes.

The HTML is self-contained: inline ``style`` attributes only (no ``<style>`` block, which
some notebook viewers strip; no scripts, fonts or images; nothing fetched). Colours are
translucent or JupyterLab theme variables with light-theme fallbacks, so the report reads
in light and dark themes alike. Renderers only draw: everything shown is already in the
:class:`~shapedoctor.report.model.Diagnosis`.
"""

from __future__ import annotations

import re
from html import escape

from shapedoctor.render import cell_text, where
from shapedoctor.report.model import Diagnosis, Finding, FixReport, PathStep

# The JSON report (schema version 1) in a notebook output, beside the HTML and the text.
MIMETYPE = "application/vnd.shapedoctor.v1+json"

_FG = "var(--jp-content-font-color1, #1f2328)"
_MUTED = "var(--jp-content-font-color2, #57606a)"
_MONO = "var(--jp-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace)"
_RED = "#cf222e"
_YELLOW = "#9a6700"
_GREEN = "#1a7f37"
_MAGENTA = "#8250df"

_STYLE = {
    "box": (f"font-family: var(--jp-content-font-family, system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, "
            f"sans-serif); font-size: 13px; line-height: 1.45; color: {_FG}; "
            "border: 1px solid rgba(127,127,127,0.35); border-radius: 6px; padding: 10px 14px; margin: 6px 0; "
            "max-width: 980px;"),
    "brand": f"font-size: 11px; color: {_MUTED}; letter-spacing: 0.04em; margin-bottom: 4px;",
    "head": "font-size: 14px; margin: 0 0 4px 0;",
    "badge": "display: inline-block; font-family: {mono}; font-weight: 700; color: #fff; background: {color}; "
             "border-radius: 4px; padding: 0 6px; margin-right: 6px;",
    "slug": "font-weight: 700; margin-right: 4px;",
    "where": f"font-family: {_MONO}; font-size: 12px; color: {_MUTED}; margin: 2px 0;",
    "cause": "margin: 6px 0;",
    "cause_label": "font-weight: 700;",
    "cause_what": f"color: {_MAGENTA}; font-weight: 700;",
    "code_inline": f"font-family: {_MONO}; font-size: 12px; background: rgba(127,127,127,0.14); border-radius: 3px; "
                   "padding: 1px 4px;",
    "table": f"border-collapse: collapse; margin: 8px 0; font-size: 12.5px; color: {_FG};",
    "th": f"text-align: left; font-weight: 600; color: {_MUTED}; padding: 3px 14px 3px 6px; "
          "border-bottom: 1px solid rgba(127,127,127,0.35);",
    "td": "text-align: left; padding: 3px 14px 3px 6px; vertical-align: top; border: none;",
    "td_mono": f"text-align: left; padding: 3px 14px 3px 6px; vertical-align: top; font-family: {_MONO}; "
               "border: none;",
    "row_culprit": f"background: rgba(130,80,223,0.16); color: {_MAGENTA}; font-weight: 700;",
    "row_consumer": f"background: rgba(207,34,46,0.14); color: {_RED}; font-weight: 700;",
    "marker": "font-family: inherit; font-weight: 700; white-space: nowrap;",
    "explanation": "margin: 8px 0; max-width: 860px;",
    "fixes_head": f"color: {_GREEN}; font-weight: 700; margin: 10px 0 4px 0;",
    "fix_list": "margin: 0; padding-left: 22px;",
    "fix_item": "margin: 0 0 8px 0;",
    "fix_meta": f"color: {_MUTED}; font-size: 12px;",
    "verified": f"color: {_GREEN}; font-weight: 700; font-size: 12px;",
    "unverified": f"color: {_YELLOW}; font-weight: 700; font-size: 12px;",
    "pre": f"font-family: {_MONO}; font-size: 12.5px; background: rgba(127,127,127,0.12); "
           "border-left: 3px solid rgba(26,127,55,0.7); border-radius: 4px; padding: 6px 10px; margin: 4px 0; "
           "white-space: pre; overflow-x: auto;",
    "note": f"color: {_MUTED}; font-style: italic; font-size: 12px; margin: 2px 0 0 0;",
    "nofix": f"color: {_YELLOW}; margin: 8px 0;",
    "keras": f"color: {_MUTED}; font-size: 12px; margin: 8px 0 0 0; word-break: break-word;",
    "ok": f"color: {_GREEN}; font-weight: 700;",
    "dnote": f"color: {_MUTED}; font-size: 12px; margin: 6px 0 0 0;",
    "sep": "border: none; border-top: 1px dashed rgba(127,127,127,0.4); margin: 10px 0;",
}

def render(diagnosis: Diagnosis, pictures: bool = True) -> str:
    """The diagnosis as one self-contained HTML fragment; with *pictures*, each finding's model
    graph (the mismatch marked) follows its text, collapsed: one click opens it."""
    parts = [f'<div class="shapedoctor" style="{_STYLE["box"]}">',
             f'<div style="{_STYLE["brand"]}">shapedoctor</div>']
    for i, finding in enumerate(diagnosis.findings):
        if i:
            parts.append(f'<hr style="{_STYLE["sep"]}">')
        parts.append(_finding(finding))
        if pictures and finding.graph is not None:
            parts.append(_picture(finding))
    if diagnosis.ok:
        parts.append(f'<div style="{_STYLE["ok"]}">&#10003; no shape problem found</div>')
        for path in diagnosis.ok_paths:
            parts.append(_path_table(path, caption="shape path"))
    calls = getattr(diagnosis, "training_calls", None)
    if calls:
        parts.append(_training_table(calls))
    for note in diagnosis.notes:
        parts.append(f'<div style="{_STYLE["dnote"]}">note: {escape(note)}</div>')
    parts.append("</div>")
    return "\n".join(parts)


def _picture(f: Finding) -> str:
    """The model graph of *f*, collapsed under the text (Jupyter shows it on one click)."""
    from shapedoctor.render.report_page import drawing

    short, _, hidden = drawing(f.graph, f"{f.graph.title}: {f.id}")
    folded = f" ({hidden} repeated layers folded)" if hidden else ""
    return (f'<details class="sd-picture" style="margin: 8px 0;"><summary style="cursor: pointer; color: {_MUTED};">'
            f"model graph: the failing layer and the root cause marked{folded}</summary>"
            f'<div style="overflow: auto; max-height: 640px;">{short}</div></details>')


def _finding(f: Finding) -> str:
    color = _RED if f.severity == "error" else _YELLOW
    badge = _STYLE["badge"].format(mono=_MONO, color=color)
    out = [
        f'<div class="sd-headline" style="{_STYLE["head"]}">'
        f'<span style="{badge}">{escape(f.severity)}[{escape(f.id)}]</span>'
        f'<span style="{_STYLE["slug"]}">{escape(f.family)}:</span>{_ticks(f.message)}</div>'
    ]
    if f.consumer and f.consumer.file:
        out.append(f'<div class="sd-where" style="{_STYLE["where"]}">--&gt; '
                   f'{escape(where(f.consumer.file, f.consumer.line))}</div>')
    if f.culprit and f.culprit.file:
        what = f.culprit.layer if f.culprit.kind == "layer" else f.culprit.kind
        line = (f'<div class="sd-cause" style="{_STYLE["cause"]}"><span style="{_STYLE["cause_label"]}">root cause:'
                f'</span> <span style="{_STYLE["cause_what"]}">{escape(what or "?")} at '
                f'{escape(where(f.culprit.file, f.culprit.line))}</span>')
        if f.culprit.code:
            line += f' &nbsp;<code style="{_STYLE["code_inline"]}">{escape(f.culprit.code)}</code>'
        out.append(line + "</div>")
    if f.path:
        out.append(_path_table(f.path))
    if f.explanation:
        out.append(f'<div class="sd-explanation" style="{_STYLE["explanation"]}">{_ticks(f.explanation)}</div>')
    if f.fixes:
        verified = any(x.verified for x in f.fixes)
        out.append(f'<div style="{_STYLE["fixes_head"]}">'
                   f'{"fixes (verified with Keras)" if verified else "suggested fixes"}</div>')
        out.append(f'<ol class="sd-fixes" style="{_STYLE["fix_list"]}">')
        out.extend(_fix(fx) for fx in f.fixes)
        out.append("</ol>")
    elif f.severity == "error":
        out.append(f'<div style="{_STYLE["nofix"]}">no fix could be verified automatically</div>')
    if f.keras_message:
        out.append(f'<div class="sd-keras" style="{_STYLE["keras"]}">keras said: {escape(f.keras_message)}</div>')
    return "\n".join(out)


def _fix(fx: FixReport) -> str:
    at = where(fx.file, fx.line)
    meta = []
    if at:
        meta.append(f"at {escape(at)}")
    if fx.result_shape:
        meta.append(f"output {escape(fx.result_shape)}")
    status = (f'<span style="{_STYLE["verified"]}">&#10003; verified</span>' if fx.verified
              else f'<span style="{_STYLE["unverified"]}">not verified</span>')
    state, why = fx.writing
    if fx.verified:
        status += f' &middot; <span style="{_STYLE["fix_meta"]}">{escape(state)}</span>'
        if why:
            status += f'<div style="{_STYLE["note"]}">{escape(state)}: {escape(why)}</div>'

    parts = [f'<li class="sd-fix" style="{_STYLE["fix_item"]}">{_ticks(fx.title)} '
             f'<span style="{_STYLE["fix_meta"]}">{" &middot; ".join(meta)}</span>'
             f'{" &middot; " if meta else ""}{status}']
    if fx.code:
        parts.append(f'<pre class="sd-code" style="{_STYLE["pre"]}"><code>{escape(fx.code)}</code></pre>')
    if fx.note:
        parts.append(f'<div style="{_STYLE["note"]}">{escape(fx.note)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _path_table(path: list[PathStep], caption: str | None = None) -> str:
    rows = [f'<table class="sd-path" style="{_STYLE["table"]}">']
    if caption:
        rows.append(f'<caption style="text-align: left; color: {_MUTED}; font-size: 12px;">{escape(caption)}</caption>')
    rows.append("<thead><tr>" + "".join(f'<th style="{_STYLE["th"]}">{h}</th>'
                                          for h in ("layer", "class", "output shape", "source")) + "</tr></thead>")
    rows.append("<tbody>")
    for step in path:
        style = {"culprit": _STYLE["row_culprit"], "consumer": _STYLE["row_consumer"]}.get(step.role, "")
        marker = {"culprit": "&larr; root cause", "consumer": "&larr; failed here"}.get(step.role, "")
        role = f' data-role="{escape(step.role)}"' if step.role else ""
        shape = escape(step.output_shape)
        if marker:
            shape += f' <span style="{_STYLE["marker"]}">{marker}</span>'
        rows.append(
            f'<tr{role} style="{style}">'
            f'<td style="{_STYLE["td_mono"]}">{escape(step.layer)}</td>'
            f'<td style="{_STYLE["td"]}">{escape(step.cls)}</td>'
            f'<td style="{_STYLE["td_mono"]}">{shape}</td>'
            f'<td style="{_STYLE["td_mono"]}">{escape(where(step.file, step.line))}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _training_table(calls: list[dict]) -> str:
    rows = [f'<table class="sd-calls" style="{_STYLE["table"]}">',
            f'<caption style="text-align: left; color: {_MUTED}; font-size: 12px;">'
            "shapes seen at training/inference calls</caption>",
            "<thead><tr>" + "".join(f'<th style="{_STYLE["th"]}">{h}</th>'
                                    for h in ("call", "x", "y", "loss", "output", "source")) + "</tr></thead><tbody>"]
    for c in calls:
        method = str(c.get("method", "")) + (f" (--quick: {c['quick']})" if c.get("quick") else "")
        cells = [method, cell_text(c.get("x")), cell_text(c.get("y")), cell_text(c.get("loss")), cell_text(c.get("output")),
                 where(c.get("file"), c.get("line"))]
        rows.append("<tr>" + "".join(f'<td style="{_STYLE["td_mono"] if i else _STYLE["td"]}">{escape(v)}</td>'
                                     for i, v in enumerate(cells)) + "</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


_TICKS = re.compile(r"`([^`\n]{1,200})`")


def _ticks(text: str) -> str:
    """Escape *text*; its `backticked` parts become inline code, as in the terminal's Markdown-ish prose."""
    out, last = [], 0
    for m in _TICKS.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(f'<code style="{_STYLE["code_inline"]}">{escape(m.group(1))}</code>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)
