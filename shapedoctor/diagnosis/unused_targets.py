"""Targets given to ``fit`` for a model whose own ``train_step`` takes each batch as its inputs alone.

keras-io's VAE trains with its own ``train_step(self, data)`` that encodes and reconstructs ``data``
itself: ``vae.fit(mnist_digits, epochs=30)``. Fitted as ``vae.fit(x_train, x_test)``, Keras pairs the 300
training images with 50 "targets" and refuses the counts; had the counts agreed, each batch would reach
``train_step`` as an ``(images, targets)`` tuple that the encoder cannot take (keras-io#385, r743). Keras
blames the sample counts; the cause is the second argument of ``fit``.

Evidence, read: the training call is ``fit`` with targets, of a model whose class (the user's) defines
``train_step``; that method never unpacks or indexes its batch parameter (no ``x, y = data``, no
``data[0]``): it uses the batch whole. The fit call's targets are the root cause; the fix removes them
(one positional argument or ``y=``), proven by running the patched script. No other fix is offered:
the model never reads targets.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def unused_targets(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when ``fit`` gives targets to a model whose ``train_step`` takes the
    batch whole (see the module), else None."""
    from shapedoctor.diagnosis.reaim import user_method
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, source_tree

    if call.method != "fit" or call.y_shapes is None or call.site is None or not call.site.file:
        return None
    step = user_method(type(call.model), "train_step", own=True)
    method = step[2] if step is not None else None
    if method is None or len(method.args.args) < 2 or not _used_whole(method, method.args.args[1].arg):
        return None
    path = call.site.file
    fit = next((c for c in ast.walk(source_tree(path)) if isinstance(c, ast.Call) and c.lineno == call.site.line
                and isinstance(c.func, ast.Attribute) and c.func.attr == "fit"), None)
    if fit is None or fit.lineno != fit.end_lineno or not linecache.getline(path, fit.lineno).isascii():
        return None
    targets = fit.args[1] if len(fit.args) > 1 else next((k.value for k in fit.keywords if k.arg == "y"), None)
    if targets is None or len(fit.args) > 2:
        return None
    if len(fit.args) > 1:  # ", x_test" after the inputs
        start = fit.args[0].end_col_offset
    else:
        keyword = next(k for k in fit.keywords if k.arg == "y")
        before = [n for n in fit.args + fit.keywords if n is not keyword
                  and (n.end_lineno, n.end_col_offset) < (keyword.lineno, keyword.col_offset)]
        if not before:
            return None
        start = max(n.end_col_offset for n in before)
    text = linecache.getline(path, fit.lineno)
    shown = targets_text = text[targets.col_offset:targets.end_col_offset]
    edit = TextEdit(path, fit.lineno, start, fit.lineno, targets.end_col_offset, "")
    fix = script_checked_fix(f"fit without targets: `{type(call.model).__name__}.train_step` takes each batch as "
                             f"its inputs", edit.shown(), display_path(path), fit.lineno, [edit], cost=1)
    place = Place("labels", shown, "labels", display_path(path), fit.lineno, text.strip())
    why = (f"`{type(call.model).__name__}` trains with its own `train_step`, which uses each batch whole as the "
           f"model's inputs and never reads targets; `fit` was given `{targets_text}` as targets, so Keras pairs "
           "and batches them with the inputs (and would hand the step an (inputs, targets) tuple). Give `fit` the "
           "inputs alone.")
    return place, fix, why, True


def _used_whole(method: ast.FunctionDef, name: str) -> bool:
    """*name* is read in *method* and never unpacked, indexed or taken apart."""
    reads = [n for n in ast.walk(method) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
    if not reads:
        return False
    for node in ast.walk(method):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name:
            return False
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id == name \
                and any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
            return False
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in (
                "unpack_x_y_sample_weight", "isinstance", "len"):
            if any(isinstance(a, ast.Name) and a.id == name for a in node.args):
                return False
    return True
