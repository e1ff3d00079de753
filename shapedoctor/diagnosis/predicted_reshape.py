"""A NumPy reshape of what ``predict`` returned, written for a shape the model does not give.

A transfer-learning script flattens the features of a headless ResNet50 with
``base.predict(batch).reshape((len(batch), 2048))``: older Keras pooled the last volume to 2048 values,
today's headless model returns (n, 7, 7, 2048), and NumPy refuses "cannot reshape array of size 802816
into shape (8,2048)" (jrosebr1/microsoft-dsvm#1, r721). The maintainer's fix flattens the whole volume
(``2048 * 7 * 7``); building the base with ``pooling="avg"`` gives the 2048 values the line expected.

Evidence, recorded and read: NumPy's reshape error on a line of the script where a ``predict`` call
returned an output of known shape, as many values as the error's array; the target has two axes, the
samples first, and a ``.reshape(...)`` on that line spells it. The fix writes -1 for the second axis
(every value of a sample in one row); when the model is a Keras application built with
``include_top=False`` and the second axis is its channels, ``pooling="avg"`` where it is built is the
other fix. Both are proven by running the patched script.
"""

from __future__ import annotations

import ast
import math
from typing import Any


def predicted_reshape(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the reshape of a prediction (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import numpy_reshape
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.trace.sites import source_tree

    failed = numpy_reshape(exc)
    if failed is None or len(failed[1]) != 2:
        return None
    size, (rows, width), frame, line = failed
    path = frame.f_code.co_filename
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.method == "predict" and c.site
             and c.site.line == line and c.error is None]
    if not calls:
        return None
    outputs = model_outputs(calls[-1].model)
    if len(outputs) != 1 or None in outputs[0][1:] or len(outputs[0]) < 3:
        return None
    per_sample = math.prod(outputs[0][1:])
    if per_sample * rows != size:
        return None
    tree = source_tree(path)
    reshapes = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                and c.func.attr == "reshape" and c.lineno == line == c.end_lineno]
    if len(reshapes) != 1:
        return None
    args = reshapes[0].args
    target = args[0].elts if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)) else args
    if len(target) != 2:
        return None
    pooled = _application_line(calls[-1].model, recorder, width, outputs[0])
    return path, reshapes[0], target[1], pooled, outputs[0]


def _application_line(model: Any, recorder: Any, width: int, output: tuple):
    """(path, the call node) of ``ResNet50(..., include_top=False)`` that built *model*, when its channels
    are *width* and it has no ``pooling`` yet; else None."""
    from shapedoctor.trace.sites import source_tree

    site = recorder.creation_site(model) if hasattr(recorder, "creation_site") else None
    if site is None or not site.file or output[-1] != width or "keras.src.applications" not in type(model).__module__ \
            and not getattr(model, "name", "").startswith(("resnet", "vgg", "mobilenet", "efficientnet", "densenet",
                                                          "inception", "xception", "convnext", "nasnet")):
        return None
    tree = source_tree(site.file)
    made = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= site.line <= c.end_lineno
            and any(k.arg == "include_top" and isinstance(k.value, ast.Constant) and k.value.value is False
                    for k in c.keywords) and not any(k.arg == "pooling" for k in c.keywords)]
    return (site.file, made[0]) if len(made) == 1 and made[0].lineno == made[0].end_lineno else None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, reshape, second, pooled, output = found
    if not linecache.getline(path, reshape.lineno).isascii():
        return finding
    edit = TextEdit.replacing(path, second, "-1")
    fixes = [script_checked_fix("flatten each sample's whole prediction: -1 for the second axis", edit.shown(),
                                display_path(path), reshape.lineno, [edit], cost=1)]
    if pooled is not None:
        file, call = pooled
        text = linecache.getline(file, call.lineno)
        close = call.end_col_offset - 1
        if text[close:close + 1] == ")":
            add = TextEdit(file, call.lineno, close, call.lineno, close, ', pooling="avg"')
            fixes.append(script_checked_fix('pool the last feature map to one vector: pooling="avg" where the model '
                                            'is built', add.shown(), display_path(file), call.lineno, [add], cost=2))
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", None, "data", path, reshape.lineno)
    finding.explanation = (
        f"`predict` returns {format_shape(output)}: {math.prod(output[1:])} values per sample, a feature map, not "
        "the vector this reshape was written for. Flatten each sample whole (-1 lets NumPy count the values)"
        + (", or build the model with pooling=\"avg\" to get one value per channel." if pooled is not None else "."))
    finding.fixes = fixes
    return finding
