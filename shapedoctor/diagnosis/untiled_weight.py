"""A learned token made as one (1, ..., d) weight, merged with a batch without being tiled to it.

keras-io's CaiT keeps its class token as a weight of shape (1, 1, dim) and, in ``call``, repeats it for
every image of the batch before the class-attention blocks join it to the patch tokens:
``cls_tokens = ops.tile(self.cls_token, [ops.shape(x)[0], 1, 1])``. Passing ``self.cls_token`` as it is,
the blocks' ``Concatenate(axis=1)`` meets a batch of 1 against a batch of 8: "Dimension 0 in both shapes
must be equal, but are 1 and 8" (r750). Keras names the concatenation inside a block; the block is right.

Evidence, recorded and read: the refused call is a merge layer (or op) whose operands differ on axis 0,
one of them 1 and another more; the outermost model or layer running (a subclass of the user's) holds
exactly one weight of the shape of the batch-of-1 operand, and its ``call`` reads that weight
(``self.cls_token``) on exactly one line. That line is the root cause; the fix tiles the weight to the
batch of ``call``'s first argument, ``ops.tile(self.cls_token, [ops.shape(images)[0], 1, 1])``, proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_MERGES = {"Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot"}


def untiled_weight(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that passes a (1, ..., d) weight on without tiling it (see the module),
    or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.reaim import keras_ops_name, user_method
    from shapedoctor.trace.recorder import shape_of

    failure = getattr(recorder, "failure", None)
    if failure is None or not failure.stack or type(failure.call.layer).__name__ not in _MERGES \
            or not failure.call.args or not isinstance(failure.call.args[0], (list, tuple)):
        return None
    shapes = [shape_of(t) for t in failure.call.args[0]]
    if any(not s for s in shapes):
        return None
    ones = [s for s in shapes if s[0] == 1]
    if len(ones) != 1 or not any(isinstance(s[0], int) and s[0] > 1 for s in shapes):
        return None
    token = ones[0]
    owner = failure.stack[0].layer
    weights = {id(w): w for w in getattr(owner, "weights", []) if tuple(w.shape) == tuple(token)}
    if len(weights) != 1:
        return None
    weight = next(iter(weights.values()))
    found = user_method(type(owner), "call")
    if found is None:
        return None
    path, tree, function = found
    if len(function.args.args) < 2:
        return None
    reads = [n for n in ast.walk(function) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
             and n.value.id == "self" and isinstance(n.ctx, ast.Load) and getattr(owner, n.attr, None) is weight]
    if len(reads) != 1 or not linecache.getline(path, reads[0].lineno).isascii():
        return None
    ops_name = keras_ops_name(tree)
    if ops_name is None:
        return None
    return path, reads[0], function.args.args[1].arg, len(token), ops_name, token, shapes


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, read, batch_of, rank, ops_name, token, shapes = found
    text = f"self.{read.attr}"
    reps = ", ".join([f"{ops_name}.shape({batch_of})[0]"] + ["1"] * (rank - 1))
    tiled = f"{ops_name}.tile({text}, [{reps}])"
    edit = TextEdit.replacing(path, read, tiled)
    fix = script_checked_fix(f"repeat `{text}` for every sample of the batch: {tiled}", edit.shown(),
                             display_path(path), read.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", read.attr, "weight", path, read.lineno)
    others = " and ".join(str(s) for s in shapes if s != token)
    finding.explanation = (
        f"`{text}` is one learned {token} tensor: its first axis is 1, not the batch. It is merged with "
        f"{others}, whose first axis holds the samples, and a merge joins tensors sample by sample, so every "
        f"sample needs its own copy: tile it to the batch of `{batch_of}` before passing it on.")
    finding.fixes = [fix]
    return finding
