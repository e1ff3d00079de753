"""A mask one axis short of the scores it masks: give it their trailing axis of size 1.

Attention pooling scores each step with ``Dense(1)``, (batch, steps, 1), and normalises over the steps with
``layers.Softmax(axis=1)(scores, mask=pad_mask)``; the padding mask made from the token ids is (batch, steps).
Keras 3 checks that a mask broadcasts to its inputs (keras-team/keras#19722, PR #22295, r1193): "The `mask` must
be broadcastable to `inputs` ... Received: inputs.shape=(16, 20, 1), mask.shape=(16, 20)". Keras names the
Softmax; the cause is the mask passed at its call, which lacks the scores' trailing axis.

Evidence, read from the message and the source: the inputs have one axis more than the mask, that last axis is
of size 1, and the other axes agree; the refusing layer's call, recorded at a line of the user's file, passes one
``mask=`` argument. The fix writes that argument as ``ops.expand_dims(mask, -1)`` on that line (``keras.ops`` or
``tf`` as the file imports them), proven by running the patched script; that line is the root cause.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_MASK = re.compile(r"The `mask` must be broadcastable to `inputs`.*?Received: inputs\.shape=\(([^)]*)\), "
                   r"mask\.shape=\(([^)]*)\)", re.S)


def mask_axis(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the mask passed one axis short (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding)


def _shape(text: str) -> tuple:
    return tuple(None if p.strip() == "None" else int(p) for p in text.split(",") if p.strip())


def _found(exc: BaseException | None, finding: Any):
    from shapedoctor.trace.sites import source_tree

    match = _MASK.search(str(exc)) if exc is not None else None
    place = finding.consumer
    if match is None or place is None or not place.file or not place.line:
        return None
    inputs, mask = _shape(match.group(1)), _shape(match.group(2))
    if len(inputs) != len(mask) + 1 or inputs[-1] != 1 \
            or any(a is not None and b is not None and a != b for a, b in zip(inputs[:-1], mask)):
        return None
    path = place.file
    tree = source_tree(path)
    passed = [k.value for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == place.line
              for k in n.keywords if k.arg == "mask"]
    if len(passed) != 1 or passed[0].lineno != passed[0].end_lineno:
        return None
    return path, tree, passed[0], inputs, mask


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, imported_names

    path, tree, mask_node, inputs, mask = found
    names = imported_names(tree)
    module = "ops" if "ops" in names else "keras.ops" if "keras" in names else "tf" if "tf" in names else None
    raw = linecache.getline(path, mask_node.lineno)
    if module is None or not raw.isascii():
        return finding
    text = raw[mask_node.col_offset:mask_node.end_col_offset]
    grown = f"{module}.expand_dims({text}, -1)"
    change = TextEdit.replacing(path, mask_node, grown)
    fix = script_checked_fix(f"give the mask the inputs' trailing axis: {grown}", change.shown(), display_path(path),
                             mask_node.lineno, [change], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", finding.consumer.layer, finding.consumer.cls, path, mask_node.lineno)
    finding.explanation = (
        f"The mask must broadcast to the inputs it masks: each of its axes 1 or equal to the input's. The inputs "
        f"are {format_shape(inputs)}, one score per step on a last axis of size 1; the mask `{text}` is "
        f"{format_shape(mask)}, without that axis, so its last axis ({mask[-1]}) meets the scores' 1 and the "
        f"steps meet nothing. `{grown}` is {format_shape(tuple(mask) + (1,))}: one flag per step, like the scores.")
    finding.fixes = [fix]
    return finding
