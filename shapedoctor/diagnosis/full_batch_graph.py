"""A whole-graph model trained in mini-batches: the graph's square matrix needs every node in one batch.

keras-gcn's Kipf & Welling convolution (r963) takes the node features X, (N, F), and the normalised
adjacency A_hat, (N, N), as two inputs, and multiplies ``A_hat @ (X W)`` inside its ``call``: the rows of
the batch are nodes, and A_hat's columns are all N nodes. ``fit([X, A_hat], y, batch_size=32)`` gives the
product a (32, 60) slice of A_hat against 32 rows of features: "Matrix size-incompatible: In[0]: [32,60],
In[1]: [32,16]". The model is right; the call must give it the whole graph at once, in its own order
(the maintainer's answer: ``batch_size=A.shape[0], shuffle=False``).

Evidence, read and recorded: the product's text names a left operand (b, N) and a right one (b, k) with
b != N; the training call that raised is the recorded ``fit`` (or ``evaluate``/``predict``) on arrays,
with N samples and an input whose samples are N wide (an (N, N) matrix: one column per sample). The fix
sets ``batch_size`` to N on that call (in the name the script gives N when one module-level name holds
it) and, for ``fit``, ``shuffle=False`` (shuffling would reorder the rows but not the matrix's columns),
proven by running the patched script.
"""

from __future__ import annotations

import re
from typing import Any

from shapedoctor.report.model import Finding, Place

_PRODUCT = re.compile(r"In\[0\]: \[(\d+),(\d+)\], In\[1\]: \[(\d+),(\d+)\]")


def full_batch_graph(exc: BaseException, finding: Finding | None, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    """(the call, its ast node, edits, the edited line, batch, N, N's spelling, what was added), or None."""
    import linecache

    from shapedoctor.diagnosis.training_base import flat_items, is_shape
    from shapedoctor.patch.textedit import TextEdit

    match = _PRODUCT.search(str(exc))
    if match is None:
        return None
    batch, width, batch_right = int(match[1]), int(match[2]), int(match[3])
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is exc and not c.batched
             and c.method in ("fit", "evaluate", "predict") and c.site is not None]
    if batch != batch_right or batch == width or len(calls) != 1:
        return None
    call = calls[0]
    shapes = [s for s in flat_items(call.x_shapes) if s and is_shape(s)]
    if not shapes or any(s[0] != width for s in shapes) or not any(tuple(s) == (width, width) for s in shapes):
        return None  # N samples, one input an (N, N) matrix: one column per sample
    from shapedoctor.diagnosis.reaim import method_call_at

    path = call.site.file
    node = method_call_at(path, call.site.line, call.method)
    if node is None:
        return None
    named = [k for k, v in (call.sizes or {}).items() if v == width and k.isidentifier()]
    size = named[0] if len(named) == 1 else str(width)
    given = {k.arg: k for k in node.keywords if k.arg}
    edits, added = [], []
    if "batch_size" in given:
        edits.append(TextEdit.replacing(path, given["batch_size"].value, size))
    else:
        added.append(f"batch_size={size}")
    if call.method == "fit" and "shuffle" not in given:
        added.append("shuffle=False")
    if added:
        edits.append(TextEdit.appending_argument(path, node, ", ".join(added)))
    if any(e.start_line != e.end_line for e in edits) or node.lineno != node.end_lineno:
        return None
    code = linecache.getline(path, node.lineno)
    for edit in sorted(edits, key=lambda e: -e.start_col):
        code = code[:edit.start_col] + edit.text + code[edit.end_col:]
    return call, node, edits, code.strip(), batch, width, size, added


def _aim(finding: Finding, found) -> Finding:
    from shapedoctor.patch.apply import script_checked_fix

    call, node, edits, code, batch, width, size, added = found
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", None, None, call.site.file, node.lineno)
    finding.explanation = (
        f"The model multiplies a ({batch}, {width}) slice of the graph's {width} x {width} matrix by {batch} rows of "
        f"node features: the matrix's columns are all {width} nodes, so every node must be in the batch. "
        f"`{call.method}` cuts the {width} samples into batches of {batch}. A whole-graph model takes the graph "
        f"at once: batch_size={size}" + (", and shuffle=False, which would reorder the rows but not the "
                                        "matrix's columns." if call.method == "fit" else "."))
    finding.fixes = [script_checked_fix(f"give the model the whole graph in one batch: batch_size={size}"
                                        + (", shuffle=False" if "shuffle=False" in added else ""), code,
                                        call.site.file, node.lineno, edits)]
    return finding
