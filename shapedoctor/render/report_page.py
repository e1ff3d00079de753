"""The standalone HTML report (``shapedoctor run --html report.html``): the picture and the text.

One self-contained file: inline SVG, CSS and a few lines of script; no CDN, no fonts, no
images, nothing fetched, so it opens offline and can be attached to a bug report. Per
finding it shows the model graph with the mismatch marked (drawn by
:mod:`shapedoctor.render.svg`), the fixes beside it — each with its code, its diff and the
shapes it leads to — and a button per fix that redraws the graph as it will be after that
fix (the shapes of the verified replay). Long models are folded; a button shows them
whole. Below comes the full text report (:mod:`shapedoctor.render.html`). A clean run draws
every model that was called. Light and dark themes follow the reader's system setting.
"""

from __future__ import annotations

from html import escape

from shapedoctor.render import where
from shapedoctor.render.html import render as render_text
from shapedoctor.render.layout import fold, place
from shapedoctor.render.svg import svg
from shapedoctor.report.graphview import GraphView
from shapedoctor.report.model import Diagnosis, Finding, FixReport

_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa;
        --border: rgba(127,127,127,0.35); --accent: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --accent: #4493f8; }
}
body { margin: 0; background: var(--bg); color: var(--fg);
       font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; }
header { padding: 14px 22px; border-bottom: 1px solid var(--border); }
header h1 { font-size: 18px; margin: 0; }
header .sub { color: var(--muted); font-size: 13px; }
.status { display: inline-block; font-weight: 700; border-radius: 4px; padding: 0 7px; color: #fff; }
.status.mismatch { background: #cf222e; } .status.warning { background: #9a6700; } .status.ok { background: #1a7f37; }
main { padding: 10px 22px 40px; }
section.sd-finding { margin: 16px 0 28px; }
section.sd-finding > h2 { font-size: 15px; margin: 6px 0; }
.cols { display: flex; gap: 18px; align-items: flex-start; flex-wrap: wrap; }
.graph-panel { flex: 1 1 560px; min-width: 320px; border: 1px solid var(--border); border-radius: 8px;
               background: var(--panel); }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px; border-bottom: 1px solid var(--border); }
.toolbar button { font: inherit; font-size: 12.5px; color: var(--fg); background: var(--bg);
                  border: 1px solid var(--border); border-radius: 6px; padding: 3px 9px; cursor: pointer; }
.toolbar button[aria-pressed="true"] { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent);
                                       font-weight: 700; }
.sd-state { overflow: auto; max-height: 78vh; padding: 4px; }
.legend { color: var(--muted); font-size: 12px; padding: 6px 10px; border-top: 1px solid var(--border); }
.legend b { font-weight: 700; }
aside.fixes { flex: 0 1 440px; min-width: 300px; }
aside.fixes h3 { font-size: 14px; margin: 2px 0 8px; }
.fix { border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; margin: 0 0 10px; }
.fix .title { font-weight: 600; }
.fix .meta { color: var(--muted); font-size: 12px; }
.fix .ok { color: #1a7f37; font-weight: 700; } .fix .no { color: #9a6700; font-weight: 700; }
pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
      background: rgba(127,127,127,0.12); border-radius: 5px; padding: 6px 9px; overflow-x: auto; margin: 6px 0; }
.diff .add { color: #1a7f37; } .diff .del { color: #cf222e; } .diff .hunk { color: var(--muted); }
details.nested { padding: 4px 10px; border-top: 1px solid var(--border); }
details.nested > summary { cursor: pointer; }
.sd-inner { overflow: auto; max-height: 60vh; }
details.text-report { margin-top: 14px; }
details.text-report > summary { cursor: pointer; color: var(--muted); }
"""

_JS = """
document.querySelectorAll('[data-sd-show]').forEach(function (button) {
  button.addEventListener('click', function () {
    var box = button.closest('.sd-finding');
    var state = button.getAttribute('data-sd-show');
    box.querySelectorAll('.sd-state').forEach(function (d) { d.hidden = d.getAttribute('data-state') !== state; });
    box.querySelectorAll('.toolbar [data-sd-show]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-sd-show') === state));
    });
    box.querySelector('.graph-panel').scrollIntoView({block: 'nearest'});
    focus(box.querySelector('.sd-state:not([hidden])'));
  });
});
// Show the failure first: scroll each drawing to its failing layer (else its root cause).
function focus(state) {
  if (!state) return;
  var node = state.querySelector('[data-role="consumer"]') || state.querySelector('[data-role="culprit"]');
  if (!node) return;
  var box = node.getBBox();
  state.scrollTop = Math.max(0, box.y - state.clientHeight / 2);
  state.scrollLeft = Math.max(0, box.x - state.clientWidth / 3);
}
document.querySelectorAll('.sd-state:not([hidden])').forEach(focus);
"""

_LEGEND = ("<b style=\"color:#cf222e\">✗ failed here</b> the layer Keras named · "
           "<b style=\"color:#bf8700\">root cause</b> the line to change, thick arrows the path between them · "
           "<b style=\"color:#8c959f\">not reached</b> layers after the failure · "
           "<b style=\"color:#1a7f37\">new / changed</b> a fix's edit · arrows carry the tensor shapes "
           "(<code>None</code> is the batch axis)")


def render(diagnosis: Diagnosis) -> str:
    """The whole report page as one HTML document."""
    script = diagnosis.script or "shapedoctor report"
    head = (f'<header><h1>shapedoctor · {escape(script)}</h1><div class="sub">'
            f'<span class="status {escape(diagnosis.status)}">{escape(diagnosis.status)}</span> '
            f"{_summary(diagnosis)}</div></header>")
    body = []
    for i, finding in enumerate(diagnosis.findings, 1):
        body.append(_finding(finding, i))
    if diagnosis.ok:
        for i, graph in enumerate(diagnosis.ok_graphs, 1):
            body.append(_model(graph, i))
    body.append('<details class="text-report" open><summary>full text report</summary>'
                f"{render_text(diagnosis, pictures=False)}</details>")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>shapedoctor · {escape(script)}</title><style>{_CSS}</style></head>"
            f"<body>{head}<main>{''.join(body)}</main><script>{_JS}</script></body></html>\n")


def _summary(d: Diagnosis) -> str:
    if d.ok:
        return "no shape problem found" + (f" · {len(d.ok_graphs)} model(s) drawn" if d.ok_graphs else "")
    n = len(d.findings)
    return f"{n} finding{'s' if n != 1 else ''} · {sum(1 for f in d.fixes if f.verified)} verified fix(es)"


def drawing(view: GraphView, label: str) -> tuple[str, str | None, int]:
    """(folded SVG, full SVG or None when nothing was folded, number of layers folded)."""
    folded, hidden = fold(view)
    short = svg(place(folded), label)
    if not hidden:
        return short, None, 0
    return short, svg(place(view), label + " (all layers)"), hidden


def _states(graph: GraphView, fixes: list[FixReport], label: str) -> tuple[list[str], list[str]]:
    """Toolbar buttons and graph states: the model as written (folded and whole) and after each fix."""
    buttons, states = [], []

    def add(state: str, caption: str, view: GraphView, what: str) -> None:
        short, full, hidden = drawing(view, what)
        first = not states
        buttons.append(f'<button type="button" data-sd-show="{state}" aria-pressed="{str(first).lower()}">'
                       f"{escape(caption)}</button>")
        states.append(f'<div class="sd-state" data-state="{state}"{"" if first else " hidden"}>{short}</div>')
        if full is not None:
            buttons.append(f'<button type="button" data-sd-show="{state}-all" aria-pressed="false">'
                           f"{escape(caption)}: all layers ({hidden} folded)</button>")
            states.append(f'<div class="sd-state" data-state="{state}-all" hidden>{full}</div>')

    add("current", "as written", graph, label)
    for i, fx in enumerate(fixes, 1):
        if fx.graph is not None:
            add(f"fix-{i}", f"after fix {i}", fx.graph, f"{label}, after fix {i}")
    return buttons, states


def _graph_panel(graph: GraphView, fixes: list[FixReport], label: str) -> str:
    buttons, states = _states(graph, fixes, label)
    return (f'<div class="graph-panel"><div class="toolbar">{"".join(buttons)}</div>{"".join(states)}'
            f'{_nested(graph)}<div class="legend">{_LEGEND}</div></div>')


def _nested(graph: GraphView) -> str:
    """Nested models, collapsed: one click draws a nested model's own layers."""
    parts = []
    for node_id, inner in graph.inner.items():
        short, _, _ = drawing(inner, f"nested model {inner.title}")
        parts.append(f'<details class="nested" data-nested="{escape(node_id)}"><summary>nested model '
                     f"<b>{escape(inner.title)}</b> ({len(inner.nodes)} layers): open to draw it</summary>"
                     f'<div class="sd-inner">{short}</div>{_nested(inner)}</details>')
    return "".join(parts)


def _finding(f: Finding, index: int) -> str:
    title = f"{f.severity}[{f.id}] {f.family}: {f.message}"
    parts = [f'<section class="sd-finding" id="finding-{index}" data-finding="{escape(f.id)}">',
             f"<h2>{escape(title)}</h2>"]
    if f.graph is not None:
        parts.append('<div class="cols">')
        parts.append(_graph_panel(f.graph, f.fixes, f"{f.graph.title}: {f.id}"))
        parts.append(_fixes(f))
        parts.append("</div>")
    else:
        parts.append(_fixes(f))
    parts.append("</section>")
    return "".join(parts)


def _model(graph: GraphView, index: int) -> str:
    return (f'<section class="sd-finding" id="model-{index}"><h2>model {escape(graph.title)}: shapes as it ran</h2>'
            f"{_graph_panel(graph, [], graph.title)}</section>")


def _fixes(f: Finding) -> str:
    if not f.fixes:
        return '<aside class="fixes"><h3>fixes</h3><p class="meta">no fix could be verified automatically</p></aside>'
    items = ['<aside class="fixes"><h3>fixes</h3>']
    for i, fx in enumerate(f.fixes, 1):
        status = '<span class="ok">✓ verified</span>' if fx.verified else '<span class="no">not verified</span>'
        if fx.proof is not None:
            status += (' · <span class="ok">✓ proven</span>' if fx.proven
                       else f' · <span class="no">not proven: {escape(fx.proof)}</span>')
        meta = [m for m in (f"at {where(fx.file, fx.line, fx.cell)}" if fx.file else "",
                            f"output {fx.result_shape}" if fx.result_shape else "") if m]
        items.append(f'<div class="fix" data-fix="{i}"><div class="title">{i}. {escape(fx.title)}</div>'
                     f'<div class="meta">{escape(" · ".join(meta))}{" · " if meta else ""}{status}</div>')
        if fx.code:
            items.append(f"<pre><code>{escape(fx.code)}</code></pre>")
        if fx.note:
            items.append(f'<div class="meta">{escape(fx.note)}</div>')
        if fx.patch:
            items.append(f'<details><summary class="meta">diff</summary><pre class="diff">{_diff(fx.patch)}</pre>'
                         "</details>")
        if fx.graph is not None:
            items.append(f'<button type="button" class="show" data-sd-show="fix-{i}">show the graph after this fix'
                         "</button>")
        items.append("</div>")
    items.append("</aside>")
    return "".join(items)


def _diff(patch: str) -> str:
    lines = []
    for line in patch.splitlines():
        cls = ("hunk" if line.startswith("@@") else "add" if line.startswith("+") and not line.startswith("+++")
               else "del" if line.startswith("-") and not line.startswith("---") else "")
        lines.append(f'<span class="{cls}">{escape(line)}</span>' if cls else escape(line))
    return "\n".join(lines)
