"""Batches of samples joined along another axis than the samples' own.

The GAN of Deep Learning with Python trains its discriminator on one batch holding the generated and
the real images, ``np.concatenate([generated_images, real_images])``, labelled by a column of
2 * batch_size zeros and ones. Written with ``axis=-1``, each fake image is glued to a real one as
extra channels: the data has batch_size samples of 6 channels and the discriminator refuses them
(r730); declaring 6 channels would make it train on pairs, against twice as many labels.

Evidence, recorded and read: a data-shape finding on a training call whose labels count k times the
data's samples; the data is a name bound just before, in the same scope, to ``np.concatenate`` of a
literal list of k names along a nonzero axis, on which the data is k times the size the model
declares. That line is the root cause; the fix joins along the samples, ``axis=0``, proven by running
the patched script. Model-side fixes are withdrawn: none pairs the data with its labels.
"""

from __future__ import annotations

import ast
from typing import Any


def sample_axis_join(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the join along the wrong axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or finding.id != "SD201":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.repair.data_follows import made_at
    from shapedoctor.trace.sites import called_name, source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    if not calls or calls[-1].site is None or not isinstance(calls[-1].x_shapes, tuple):
        return None
    call = calls[-1]
    x, y = call.x_shapes, call.y_shapes
    inputs = list(getattr(call.model, "inputs", None) or [])
    if not isinstance(y, tuple) or not y or not x or len(inputs) != 1 or not isinstance(x[0], int) \
            or not isinstance(y[0], int) or y[0] <= x[0] or y[0] % x[0]:
        return None
    parts = y[0] // x[0]
    declared = tuple(inputs[0].shape)
    name = argument_name(call.site, 0, "x")
    made = made_at(call.site, name) if name else None
    if made is None:
        return None
    tree = source_tree(call.site.file)
    joins = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) == "concatenate"
             and c.lineno == made.line and c.args and isinstance(c.args[0], (ast.List, ast.Tuple))
             and len(c.args[0].elts) == parts]
    if len(joins) != 1:
        return None
    axis = next((k.value for k in joins[0].keywords if k.arg == "axis"), None)
    if not (isinstance(axis, ast.Constant) and type(axis.value) is int and axis.value != 0) and not (
            isinstance(axis, ast.UnaryOp) and isinstance(axis.operand, ast.Constant)):
        return None
    index = axis.value if isinstance(axis, ast.Constant) else -axis.operand.value
    if len(declared) != len(x) or not -len(x) <= index < len(x):
        return None
    if x[index] != declared[index] * parts:
        return None
    return call, axis, parts


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, axis, parts = found
    path = call.site.file
    edit = TextEdit.replacing(path, axis, "0")
    fix = script_checked_fix("join the batches along the samples: axis=0", edit.shown(), display_path(path),
                             axis.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", None, "data", path, axis.lineno)
    finding.explanation = (
        f"The labels count {parts} times the samples of the data: the data joins {parts} batches, but along "
        f"another axis than the samples', so each sample became {parts} glued together. Join them along the "
        "samples, `axis=0`: then the data has as many samples as the labels, each of the shape the model "
        "declares. (Declaring the wider shape instead would train on the glued pairs.)")
    finding.fixes = [fix]
    return finding
