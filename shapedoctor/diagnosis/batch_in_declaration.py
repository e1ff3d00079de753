"""An ``Input`` declared with the shape of a whole batch or data set: the batch axis counted twice.

The TensorFlow audio tutorial takes one batch from its dataset (``for example_spectrograms, example_labels
in train_spectrogram_ds.take(1): break``) and declares the model's input with
``input_shape = example_spectrograms.shape[1:]``. Without ``[1:]`` the batch size (16) becomes a first
sample axis: the Input is (None, 16, 30, 129, 1), and the first convolution refuses five axes (r818). Keras
names the convolution; the cause is the shape taken whole.

Evidence, recorded and read: the finding's shape path starts at an ``Input`` whose ``shape=`` is a name
the script binds to ``X.shape`` (or ``X.shape`` itself), with ``X`` the target of a top-level ``for``
loop over a dataset (one batch of it), or the x the script gives ``fit`` / ``evaluate`` / ``predict``
(``input_shape = x_train.shape``, the keras-io transformer classifier with its ``[1:]`` lost, r907), and
the declared sample shape equal to ``X``'s whole shape. The
binding of ``X.shape`` is the root cause; the fix drops the batch axis, ``X.shape[1:]``, proven by running
the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def batch_in_declaration(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``X.shape`` of a dataset batch used as an Input's shape, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or not finding.path or finding.path[0].cls != "InputLayer":
        return finding
    return reaimed(finding, _found, _aim, exc, finding)


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.reaim import script_frame
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.trace.sites import called_name, source_tree

    where = script_frame(exc)
    first = finding.path[0]
    declared = parse_shape(first.output_shape or "")
    if where is None or not first.line or not declared:
        return None
    frame, _line = where
    path = frame.f_code.co_filename
    tree = source_tree(path)
    inputs = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) in ("Input", "InputLayer")
              and c.lineno <= first.line <= c.end_lineno]
    if len(inputs) != 1:
        return None
    shape = next((k.value for k in inputs[0].keywords if k.arg == "shape"), None) \
        or (inputs[0].args[0] if inputs[0].args else None)
    if isinstance(shape, ast.Name):
        shape = _module_binding(tree, shape.id) or _module_binding(tree, _passed_as(tree, inputs[0], shape.id))
    if not (isinstance(shape, ast.Attribute) and shape.attr == "shape" and isinstance(shape.value, ast.Name)
            and shape.lineno == shape.end_lineno):
        return None
    batch = {**frame.f_globals, **frame.f_locals}.get(shape.value.id)
    whole = getattr(batch, "shape", None)
    try:
        whole = tuple(int(d) for d in whole)
    except (TypeError, ValueError):
        return None
    batch = _looped_over_dataset(tree, shape.value.id)
    if tuple(declared[1:]) != whole or not (batch or _given_to_training(tree, shape.value.id)):
        return None
    return path, shape, whole, batch


def _module_binding(tree: ast.Module, name: str | None) -> ast.expr | None:
    """The value of the one top-level ``name = value`` of the script, or None."""
    bound = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name]
    return bound[0].value if name is not None and len(bound) == 1 else None


def _passed_as(tree: ast.Module, inside: ast.AST, parameter: str) -> str | None:
    """The name the script's calls of the top-level function holding *inside* all pass for its *parameter*
    (``make_model(input_shape)`` for ``def make_model(shape)``), or None."""
    functions = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.lineno <= inside.lineno <= f.end_lineno]
    if len(functions) != 1:
        return None
    params = [a.arg for a in functions[0].args.args]
    if parameter not in params:
        return None
    position, passed = params.index(parameter), set()
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == functions[0].name:
            given = call.args[position] if position < len(call.args) else next(
                (k.value for k in call.keywords if k.arg == parameter), None)
            passed.add(given.id if isinstance(given, ast.Name) else None)
    return passed.pop() if len(passed) == 1 else None


def _given_to_training(tree: ast.Module, name: str) -> bool:
    """*name* is the x of a ``fit`` / ``evaluate`` / ``predict`` / ``train_on_batch`` call of the script: its
    first axis counts samples."""
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in (
                "fit", "evaluate", "predict", "train_on_batch"):
            x = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "x"), None)
            if isinstance(x, ast.Name) and x.id == name:
                return True
    return False


def _looped_over_dataset(tree: ast.Module, name: str) -> bool:
    """*name* is a target of a top-level ``for`` over a call's result (``ds.take(1)``, a dataset)."""
    for loop in tree.body:
        if isinstance(loop, ast.For) and isinstance(loop.iter, ast.Call):
            targets = loop.target.elts if isinstance(loop.target, ast.Tuple) else [loop.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return True
    return False


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, shape, whole, batch = found
    name = shape.value.id
    edit = TextEdit(path, shape.end_lineno, shape.end_col_offset, shape.end_lineno, shape.end_col_offset, "[1:]")
    fix = script_checked_fix(f"declare one sample, without the batch axis: {name}.shape[1:]", edit.shown(),
                             display_path(path), shape.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", name, "InputLayer", path, shape.lineno)
    finding.explanation = (
        f"`{name}` is {'one batch taken from the dataset' if batch else 'the whole data set'}, {whole}: its first "
        f"axis counts samples. Declared with "
        f"`{name}.shape`, the Input takes that count as a first sample axis and Keras adds its own batch axis in "
        f"front, (None, {', '.join(map(str, whole))}), one axis more than each sample has. Declare one sample: "
        f"`{name}.shape[1:]`. " + (finding.explanation or ""))
    finding.fixes = [fix]
    return finding
