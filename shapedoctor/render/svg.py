"""Draw a GraphView as SVG: one box per layer, arrows labelled with tensor shapes.

The failing layer is red and says "✗ failed here", the root cause amber and says "root
cause", the path between them is drawn with thick amber arrows, layers past the failure are
grey, dashed and say "not reached"; a fix's new or edited layer is green and says "new" or
"changed"; a training call's data, labels and loss are blue or purple and say so. Every
marker is a word as well as a colour, and every shape is real ``<text>`` (selectable,
searchable).

The SVG carries its styling in attributes (no ``<style>`` block, no scripts): it reads the
same inside the standalone report, in JupyterLab and in classic notebooks, and its text is
``currentColor`` so light and dark themes both work. Elements carry ``data-*`` attributes
(role, layer, class, shape) that tests and the report's own script read.
"""

from __future__ import annotations

from html import escape

from shapedoctor.render import where
from shapedoctor.render.layout import BOX_H, BOX_W, Placed

_MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"
_SANS = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

# role -> (stroke, fill, dash, badge)
_ROLE = {
    "consumer": ("#cf222e", "rgba(207,34,46,0.14)", "", "✗ failed here"),
    "culprit": ("#bf8700", "rgba(212,167,44,0.22)", "", "root cause"),
    "path": ("#bf8700", "rgba(127,127,127,0.06)", "", "on the path"),
    "unreached": ("#8c959f", "rgba(127,127,127,0.04)", "5 4", "not reached"),
    "inserted": ("#1a7f37", "rgba(26,127,55,0.16)", "", "new"),
    "changed": ("#1a7f37", "rgba(26,127,55,0.10)", "", "changed"),
    "data": ("#0969da", "rgba(9,105,218,0.10)", "", "data"),
    "labels": ("#0969da", "rgba(9,105,218,0.10)", "", "labels"),
    "loss": ("#8250df", "rgba(130,80,223,0.10)", "", "loss"),
    "folded": ("#8c959f", "rgba(127,127,127,0.08)", "2 3", "folded"),
    "": ("rgba(127,127,127,0.75)", "rgba(127,127,127,0.05)", "", ""),
}
_HOT = {"culprit", "path", "consumer"}
_PAD = 24  # margin around the drawing


def svg(placed: Placed, label: str = "model graph") -> str:
    """The drawing of *placed* as an ``<svg>`` element."""
    view = placed.view
    width, height = placed.width + 2 * _PAD, placed.height + 2 * _PAD
    roles = {n.id: n.role for n in view.nodes}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="sd-graph" role="img" aria-label="{escape(label)}" '
           f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'font-family="{_SANS}" font-size="12" style="max-width: none; color: inherit;">',
           "<defs>"
           '<marker id="sd-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="rgba(127,127,127,0.9)"/></marker>'
           '<marker id="sd-arrow-hot" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#bf8700"/></marker>'
           "</defs>"]
    for edge, points in placed.routes:
        hot = roles.get(edge.src) in _HOT and roles.get(edge.dst) in _HOT
        out.append(_edge(edge, points, hot))
    for node in view.nodes:
        if node.id in placed.centres:
            out.append(_node(node, placed.centres[node.id]))
    out.append("</svg>")
    return "".join(out)


def _edge(edge, points, hot: bool) -> str:
    # From the bottom of the source box to the top of the target box.
    (x0, y0), (x1, y1) = points[0], points[-1]
    pts = [(x0, y0 + BOX_H / 2)] + [p for p in points[1:-1]] + [(x1, y1 - BOX_H / 2)]
    pts = [(x + _PAD, y + _PAD) for x, y in pts]
    d = "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in pts)
    stroke, width, marker = ("#bf8700", 2.6, "sd-arrow-hot") if hot else ("rgba(127,127,127,0.9)", 1.3, "sd-arrow")
    mid = len(pts) // 2
    (ax, ay), (bx, by) = pts[mid - 1], pts[mid]
    lx, ly = (ax + bx) / 2 + 6, (ay + by) / 2 + 4
    label = ""
    bold = ' font-weight="700"' if hot else ""
    if edge.shape:
        label = (f'<text class="sd-shape" x="{lx:.1f}" y="{ly:.1f}" font-family="{_MONO}" font-size="11" '
                 f'fill="currentColor"{bold}>{escape(edge.shape)}</text>')
    hot_attr = ' data-hot="1"' if hot else ""
    return (f'<g class="sd-edge" data-from="{escape(edge.src)}" data-to="{escape(edge.dst)}" '
            f'data-shape="{escape(edge.shape)}"{hot_attr}>'
            f'<path d="{d}" fill="none" stroke="{stroke}" stroke-width="{width}" marker-end="url(#{marker})"/>'
            f"{label}</g>")


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _node(node, centre) -> str:
    cx, cy = centre
    x, y = cx - BOX_W / 2 + _PAD, cy - BOX_H / 2 + _PAD
    stroke, fill, dash, badge = _ROLE.get(node.role, _ROLE[""])
    width = 2.6 if node.role in ("consumer", "culprit") else 1.8 if node.role in _ROLE and node.role else 1.1
    opacity = ' opacity="0.55"' if node.role == "unreached" else ""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    source = where(node.file, node.line, node.cell)
    tip = "\n".join(s for s in (f"{node.label} ({node.cls})", node.detail, f"output {node.shape}" if node.shape else "",
                                source, badge) if s)
    head = escape(_clip(node.label, 24))
    cls = escape(_clip(node.cls, max(4, 31 - min(len(node.label), 24))))
    parts = [
        f'<g class="sd-node" data-id="{escape(node.id)}" data-role="{escape(node.role)}" '
        f'data-layer="{escape(node.label)}" data-class="{escape(node.cls)}" data-shape="{escape(node.shape)}"{opacity}>',
        f"<title>{escape(tip)}</title>",
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="7" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}"{dash_attr}/>',
        f'<text x="{x + 10:.1f}" y="{y + 18:.1f}" fill="currentColor"><tspan font-weight="700">{head}</tspan>'
        f'<tspan fill-opacity="0.7"> {cls}</tspan></text>',
    ]
    if node.detail:
        parts.append(f'<text x="{x + 10:.1f}" y="{y + 34:.1f}" font-size="11" fill="currentColor" fill-opacity="0.75">'
                     f"{escape(_clip(node.detail, 38))}</text>")
    if node.shape:
        color = stroke if node.role in ("consumer", "unreached") else "currentColor"
        parts.append(f'<text class="sd-out" x="{x + 10:.1f}" y="{y + 51:.1f}" font-family="{_MONO}" font-size="11.5" '
                     f'font-weight="700" fill="{color}">→ {escape(_clip(node.shape, 32))}</text>')
    room = 40 - (len(badge) + 2 if badge else 0)
    if source:
        parts.append(f'<text class="sd-source" x="{x + 10:.1f}" y="{y + 65:.1f}" font-family="{_MONO}" font-size="10" '
                     f'fill="currentColor" fill-opacity="0.6">{escape(_clip(source, room))}</text>')
    if badge:
        parts.append(f'<text class="sd-badge" x="{x + BOX_W - 8:.1f}" y="{y + 65:.1f}" text-anchor="end" '
                     f'font-size="10.5" font-weight="700" fill="{stroke}">{escape(badge)}</text>')
    parts.append("</g>")
    return "".join(parts)
