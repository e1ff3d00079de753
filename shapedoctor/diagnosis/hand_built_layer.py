"""A layer built by hand (``layer.build(input_shape=(8,), ...)``) for another width than the data it then gets.

The keras-io guide on customizing saving builds a custom layer whose ``build(self, input_shape, layer_init)``
takes an extra argument, so Keras cannot build it on its first call: the script calls
``custom_layer.build(input_shape=(8,), layer_init="random_normal")`` itself. A user who keeps that line for data
of 12 features gets an (8, 16) kernel, and the product fails inside the layer when the model is first called:
"Dimensions must be equal, but are 12 and 8 ... MatMul ... [64,12], [8,16]" (r995). Keras names the layer's
``call`` and the data looks guilty; the cause is the shape written in the hand-made ``build`` call.

Evidence, recorded and read: TensorFlow's matmul names the tensor's last axis and the weight's first axis, and
they differ; the failing layer was created on a line that binds it to a name (``custom_layer = ...``); the
script calls ``custom_layer.build(...)`` once, above the failing line, with a literal shape whose last size is
the weight's first axis. That call is the root cause; the fix writes the width the layer receives in that
shape, proven by running the patched script.
"""

from __future__ import annotations

import ast
import os
from typing import Any


def hand_built_layer(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``build`` call that sized the failing layer for another width, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import linecache

    from shapedoctor.diagnosis.reaim import kernel_width_refused
    from shapedoctor.trace.sites import source_tree

    refused = kernel_width_refused(exc, recorder)
    if refused is None:
        return None
    tensor, kernel, layer = refused
    site = getattr(recorder, "created", {}).get(id(layer))
    if site is None or not site.file:
        return None
    path = os.path.realpath(site.file)
    tree = source_tree(path)
    name = _bound_name(tree, site.line)
    if name is None:
        return None
    builds = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
              and n.func.attr == "build" and isinstance(n.func.value, ast.Name) and n.func.value.id == name]
    if len(builds) != 1:
        return None
    call = builds[0]
    shape = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "input_shape"), None)
    if not isinstance(shape, (ast.Tuple, ast.List)) or not shape.elts:
        return None
    last = shape.elts[-1]
    if not (isinstance(last, ast.Constant) and last.value == kernel[0] and last.lineno == last.end_lineno):
        return None
    if not linecache.getline(path, last.lineno).isascii() or call.lineno < site.line:
        return None
    return path, call, last, tensor[-1], kernel[0], layer


def _bound_name(tree: ast.Module, line: int) -> str | None:
    """The one name the statement on *line* binds (``custom_layer = LayerWithCustomBuild(units=16)``), or None."""
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.Assign) and stmt.lineno == line and len(stmt.targets) == 1 \
                and isinstance(stmt.targets[0], ast.Name) and isinstance(stmt.value, ast.Call):
            return stmt.targets[0].id
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, last, width, built, layer = found
    edit = TextEdit.replacing(path, last, str(width))
    fix = script_checked_fix(f"build `{layer.name}` for the width it receives: {width}", edit.shown(),
                             display_path(path), call.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, type(layer).__name__, path, call.lineno)
    finding.explanation = (
        f"`{layer.name}` is built by hand on line {call.lineno}, for {built} values per sample: its weights are "
        f"sized then, before it sees any data. The data it gets has {width}. Build it for the width it receives "
        f"({width}, the data's last axis), or let Keras build it on its first call.")
    finding.fixes = [fix]
    return finding
