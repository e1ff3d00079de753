"""A custom training step that makes its labels for a fixed batch size while the data's last batch is smaller.

The keras-io guide "Writing a training loop from scratch" trains a GAN's discriminator on
``tf.concat([generated, real_images])`` with labels ``tf.concat([tf.ones((batch_size, 1)),
tf.zeros((real_images.shape[0], 1))])``: the real half is sized from the batch itself, because a dataset
batched without ``drop_remainder`` ends with a smaller batch. Sized ``tf.zeros((batch_size, 1))``, the last
step compares 32 labels with 24 scores: "target.shape=(32, 1), output.shape=(24, 1)" (r700).

Evidence, from Keras's message and the source: the loss names labels of ``parts * size`` rows against
``(parts - 1) * size + rest`` (0 < rest < size); a function of the user's joins, along axis 0, label parts
``ones``/``zeros``/``full`` whose first axis is a module-level name worth ``size``, and, in the same
function, data parts one of which is the function's own parameter (the batch). The label part at that
parameter's place is the root cause; the fix sizes it from the batch, ``tf.shape(real_images)[0]`` (or
``ops.shape``), proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

_FILLS = {"ones", "zeros", "full", "ones_like", "zeros_like"}


def fixed_batch_labels(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the fixed-size label part of a custom step (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _concat_parts(call: ast.Call) -> list[ast.expr] | None:
    from shapedoctor.trace.sites import called_name

    if called_name(call.func) not in ("concat", "concatenate") or not call.args \
            or not isinstance(call.args[0], (ast.List, ast.Tuple)):
        return None
    axis = next((k.value for k in call.keywords if k.arg == "axis"), call.args[1] if len(call.args) > 1 else None)
    if axis is not None and not (isinstance(axis, ast.Constant) and axis.value == 0):
        return None
    return list(call.args[0].elts)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import loss_shapes, user_files
    from shapedoctor.trace.sites import called_name, imported_names, module_ints, source_tree

    shapes = loss_shapes(exc)
    if shapes is None or not shapes[0] or not shapes[1] or not all(isinstance(d, int) for d in (shapes[0][0], shapes[1][0])):
        return None
    labels_rows, output_rows = shapes[0][0], shapes[1][0]
    hits = []
    for path in user_files(exc):
        tree = source_tree(path)
        sizes = module_ints(tree)
        for function in (f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)):
            params = [a.arg for a in function.args.args]
            concats = [(c, p) for c in ast.walk(function) if isinstance(c, ast.Call) and (p := _concat_parts(c))]
            data = [(c, parts, i) for c, parts in concats for i, part in enumerate(parts)
                    if isinstance(part, ast.Name) and part.id in params]
            for call, parts in concats:
                fills = []
                for part in parts:
                    shape = part.args[0] if isinstance(part, ast.Call) and called_name(part.func) in _FILLS \
                        and part.args else None
                    first = shape.elts[0] if isinstance(shape, (ast.Tuple, ast.List)) and shape.elts else None
                    fills.append(first if isinstance(first, ast.Name) and first.id in sizes else None)
                if None in fills or len({f.id for f in fills}) != 1:
                    continue
                size, count = sizes[fills[0].id], len(fills)
                rest = output_rows - (count - 1) * size
                if labels_rows != count * size or not 0 < rest < size:
                    continue
                for _data_call, data_parts, index in data:
                    if len(data_parts) == count and index < count:
                        hits.append((path, tree, fills[index], data_parts[index].id, size, rest, call))
    if len(hits) != 1:
        return None
    path, tree, node, batch, size, rest, call = hits[0]
    names = imported_names(tree)
    spelled = (f"tf.shape({batch})[0]" if "tf" in names else f"ops.shape({batch})[0]" if "ops" in names
               else f"keras.ops.shape({batch})[0]" if "keras" in names else None)
    if spelled is None or node.lineno != node.end_lineno:
        return None
    return path, node, spelled, size, rest, call


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, node, spelled, size, rest, call = found
    edit = TextEdit.replacing(path, node, spelled)
    fix = script_checked_fix(f"size these labels from the batch: {spelled} instead of `{node.id}`", edit.shown(),
                             display_path(path), node.lineno, [edit], cost=1)
    finding.message = f"labels made for `{node.id}` = {size} samples per part meet a last batch of {rest}"
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("labels", None, "labels", path, node.lineno)
    finding.explanation = (
        f"The labels on line {node.lineno} are made for `{node.id}` = {size} samples per part, but the data's "
        f"last batch holds {rest}: a dataset batched without `drop_remainder` ends with a smaller batch, and a "
        f"custom step runs on it too. The part that goes with the real batch must be sized from it, "
        f"{spelled}.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
