"""What running patched scripts tells about the root cause.

The culprit of a build-time failure is chosen on the recorded graph, which ends at the failing
layer. When the fix that changes the culprit's own value is disproved (its patched script fails
further on: the layer's value is needed as it is by something the recording never reached) and
a one-value change on another layer of the same file is proven (or one line inserted before another
statement: an ``UpSampling2D`` before a merge), that other line is where the shape went wrong: the
culprit moves there, and the explanation says why.
"""

from __future__ import annotations

import linecache

from shapedoctor.report.model import Finding, FixReport, Place


def follow_proof(finding: Finding, disproved: list[FixReport], proven: FixReport | None) -> bool:
    """Move ``finding.culprit`` to the line the proven fix changes, when the evidence says so."""
    culprit = finding.culprit
    if culprit is None or culprit.kind != "layer" or proven is None or not proven.proven:
        return False
    if not (_changes_one_line(proven) or _inserts_one_line(proven)) or proven.file != culprit.file \
            or proven.line in (None, culprit.line):
        return False  # only a value changed where another layer is made points at that layer
    refuted = [f for f in disproved if f.file == culprit.file and f.line == culprit.line]
    if not refuted:
        return False
    step = next((s for s in finding.path if s.file == proven.file and s.line == proven.line), None)
    node = next((n for n in (finding.graph.nodes if finding.graph else []) if n.file == proven.file
                 and n.line == proven.line), None)
    named = step or node
    code = linecache.getline(proven.file, proven.line).strip() or None
    finding.culprit = Place("layer", named.layer if step else node.label if node else None,
                            named.cls if named else None, proven.file, proven.line, code, culprit.cell)
    for s in finding.path:
        if s.role == "culprit":
            s.role = ""
        if step is not None and s is step:
            s.role = "culprit"
    if finding.graph is not None:
        for n in finding.graph.nodes:
            if n.role == "culprit":
                n.role = ""
            if n is node:
                n.role = "culprit"
    where = refuted[0].proof.removeprefix("a shape problem is left: ") if refuted[0].proof else "further on"
    finding.explanation = (finding.explanation.rstrip() + "\n\n" if finding.explanation else "") + (
        f"Running the patched script showed that changing line {culprit.line} breaks the program further on "
        f"({where}); the change at line {proven.line} runs clean, so line {proven.line} is where the shape went wrong.")
    return True


def _inserts_one_line(fix: FixReport) -> bool:
    """The fix inserts one whole line before its own line (a layer put in front of the statement there,
    an ``UpSampling2D`` before a merge): that statement is where the shape went wrong."""
    edits = fix.edits
    return len(edits) == 1 and edits[0].start_line == edits[0].end_line == fix.line and edits[0].start_col == \
        edits[0].end_col == 0 and edits[0].text.count("\n") == 1 and edits[0].text.endswith("\n")


def _changes_one_line(fix: FixReport) -> bool:
    """The fix rewrites text inside one existing line (a value), inserting and deleting nothing."""
    edits = fix.edits
    return bool(edits) and all(e.start_line == e.end_line == fix.line and e.start_col < e.end_col
                               and "\n" not in e.text for e in edits)
