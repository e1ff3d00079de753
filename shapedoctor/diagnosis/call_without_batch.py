"""One sample given to a model called directly, without its batch axis: where that sample was made.

A model takes batches. After training, scripts call it (or ``predict``) by hand on one sample: the TensorFlow text
generation tutorial splits a seed string into characters, ``ids_from_chars(tf.strings.unicode_split(
"ROMEO:", "UTF-8"))``, and calls ``model(seed_ids, states=states, return_state=True)`` on the (6,) ids
(r815); keras-io's filter visualisation draws its start image as ``tf.random.uniform((w, h, 3))`` and
pushes it through a feature extractor inside a gradient-ascent step (r796). Keras then reads the first
axis of the sample as its batch and the first layer that needs a fixed rank (the GRU, a convolution)
refuses it. Keras names that layer; the cause is the line that made the sample one axis short.

Evidence, recorded and read: the failure is a rank, data-shape or unnamed shape error inside a model called
directly (or given to ``predict``) on a tensor or array whose shape is either the model's declared per-sample shape (``Input(shape=...)``) or, for a
model without declared inputs, one axis short of the data a training call of the same model accepted;
in the traceback's frames of the user's code, innermost first, a name on the running line holds that
very shape, and the function (or the script) running that line bound the name above it with a
one-line assignment (a parameter sends the search to the caller's frame). That assignment is the root
cause; the fix adds the batch axis right after it (``x = tf.expand_dims(x, 0)``, or NumPy's when the
value is an array), proven by running the patched script. It is the only fix offered: the model is right
(it accepted batches of these samples), so an edit of its layers would only hide the slip. A call of the
script's top level whose finding already adds the batch axis (the data rules, at that call) is left as it is; a
call inside a function the sample was passed to (``decode_sequence(input_seq)``, r910) is not.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def call_without_batch(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that made the unbatched sample (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException, finding: Any, recorder: Any):
    if getattr(finding, "id", None) not in ("SD101", "SD108", "SD201") or exc is None:
        return None
    failed = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    failure = getattr(recorder, "failure", None)
    if failed and failed[-1].method == "predict":
        model, sample = failed[-1].model, failed[-1].x_shapes
        if not (isinstance(sample, tuple) and sample and all(isinstance(d, int) for d in sample)):
            return None
    elif failure is not None:
        outer = failure.stack[0] if failure.stack else failure.call
        if outer.symbolic:
            return None
        model, sample = outer.layer, known_shape(outer.args[0] if outer.args else None)
    else:
        return None
    if sample is None or not _one_axis_short(model, sample, recorder):
        return None
    found = _made_at(exc, sample)
    if found is not None and found[-1] and _called_at_top_level(exc) and any(
            mark in (f.code or "") for f in finding.fixes for mark in ("expand_dims(", "[None", "newaxis")):
        return None  # a call of the script's top level: the data rules already add the batch axis there
    return found


def _called_at_top_level(exc: BaseException) -> bool:
    """The innermost frame of the user's code in the traceback runs the script's top level: the failing call
    is written there, not inside a function the sample was passed to."""
    from shapedoctor.diagnosis.reaim import innermost_user_frame

    where = innermost_user_frame(exc)
    return where is not None and where[0].f_code.co_name == "<module>"


def known_shape(value: Any) -> tuple | None:
    """The fully known shape of *value* (``shape_of`` without unknown axes), None when it has none."""
    from shapedoctor.trace.recorder import shape_of

    shape = shape_of(value)
    return shape if shape and None not in shape else None


def _one_axis_short(model: Any, sample: tuple, recorder: Any) -> bool:
    """*sample* is one per-sample shape of *model*: its declared input without the batch axis, or (no
    declared inputs) one axis short of the data a training call of the same model accepted."""
    import keras

    if not isinstance(model, keras.Model):
        return False
    try:
        inputs = list(model.inputs or [])
    except (AttributeError, ValueError):  # a subclassed model declares none
        inputs = []
    if inputs:
        declared = tuple(inputs[0].shape) if len(inputs) == 1 else None
        return (declared is not None and len(declared) == len(sample) + 1
                and all(d is None or d == s for d, s in zip(declared[1:], sample)))
    trained = [c.x_shapes for c in getattr(recorder, "training_calls", None) or []
               if c.model is model and c.error is None and isinstance(c.x_shapes, tuple)
               and all(isinstance(d, int) for d in c.x_shapes)]
    return bool(trained) and len(trained[-1]) == len(sample) + 1


def _made_at(exc: BaseException, sample: tuple):
    """(file, assignment, name, value, whether the frame is the script's top level, running statement) of the name
    holding *sample* on a running line of the user's code (see :func:`held_binding`); None when there is none."""
    from shapedoctor.diagnosis.data_origin import last_assignment

    found = held_binding(exc, sample, last_assignment)
    if found is None:
        return None
    frame, path, statement, name, made = found
    return path, made, name, frame.f_locals[name], frame.f_code.co_name == "<module>", statement


def held_binding(exc: BaseException, shape: tuple, bind):
    """(frame, file, running statement, name, binding) for the one name on a running line of the user's code that
    holds an array or tensor of *shape*, innermost frame first, and ``bind(scope, name, line)``, what bound it above
    that line in its frame's scope (not None); a parameter sends the search to the caller's frame. None when
    there is none."""
    import traceback

    from shapedoctor.trace.sites import is_user_file, source_tree

    frames = [(f, line) for f, line in traceback.walk_tb(exc.__traceback__) if is_user_file(f.f_code.co_filename)]
    for frame, line in reversed(frames):
        path = frame.f_code.co_filename
        try:
            tree = source_tree(path)
        except SyntaxError:
            return None
        statement = running_statement(tree, line)
        if statement is None:
            continue
        names = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        held = [n for n in sorted(names) if known_shape(frame.f_locals.get(n)) == shape]
        if len(held) != 1:
            continue
        scope = frame_scope(tree, frame)
        if scope is None:
            return None
        made = bind(scope, held[0], line)
        if made is not None:
            return frame, path, statement, held[0], made
        if not is_parameter(scope, held[0]):
            return None
    return None


def running_statement(tree: ast.Module, line: int) -> ast.stmt | None:
    found = [n for n in ast.walk(tree) if isinstance(n, ast.stmt) and n.lineno <= line <= (n.end_lineno or n.lineno)
             and not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.While,
                                    ast.If, ast.With, ast.Try))]
    return min(found, key=lambda n: (n.end_lineno or n.lineno) - n.lineno) if found else None


def frame_scope(tree: ast.Module, frame: Any) -> ast.AST | None:
    if frame.f_code.co_name == "<module>":
        return tree
    first = frame.f_code.co_firstlineno
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == frame.f_code.co_name and (
                node.lineno == first or (node.decorator_list and node.decorator_list[0].lineno == first)):
            return node
    return None


def is_parameter(scope: ast.AST, name: str) -> bool:
    args = getattr(scope, "args", None)
    return args is not None and name in {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}


def _aim(finding: Any, found: Any) -> Any:
    import numpy as np

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path, imported_names, source_tree

    path, made, name, value, _top, statement = found
    names = imported_names(source_tree(path))
    if isinstance(value, np.ndarray):
        expand = f"np.expand_dims({name}, 0)" if "np" in names else f"{name}[None, ...]"
    elif "tf" in names:
        expand = f"tf.expand_dims({name}, 0)"
    elif "ops" in names:
        expand = f"ops.expand_dims({name}, 0)"
    else:
        expand = f"{name}[None, ...]"
    shape = known_shape(value)
    grown = _grown_in_loop(path, statement, name)
    if grown is not None:  # a rollout grows the sample each pass: the call gets the axis, inline
        call_line = grown.lineno
        raw = linecache.getline(path, call_line)
        if not raw.isascii():
            return finding
        edit = TextEdit.replacing(path, grown, expand)
        code = (raw[:grown.col_offset] + expand + raw[grown.end_col_offset:]).strip()
        fix = script_checked_fix(f"give the sample its batch axis where it is passed: {expand}", code,
                                 display_path(path), call_line, [edit], cost=1)
        finding.clear_culprit_marks()
        finding.culprit = Place.at_line("data", name, "data", path, call_line)
        finding.explanation = (
            f"`{name}` is one sample, {format_shape(shape)}, without the batch axis, and the loop grows it on every "
            f"pass: a model takes batches, so Keras reads its first axis ({shape[0]}) as the number of samples. "
            f"Add the batch axis where it is passed, `{expand}`; a line rebinding `{name}` inside the loop would "
            f"add one more axis on every pass. " + (finding.explanation or ""))
        finding.fixes = [fix]
        return finding
    text = linecache.getline(path, made.lineno)
    indent = text[: len(text) - len(text.lstrip())]
    code = f"{name} = {expand}"
    after = made.end_lineno + 1
    if not linecache.getline(path, after) and not text.endswith("\n"):
        return finding
    edit = TextEdit(path, after, 0, after, 0, indent + code + "\n")
    fix = script_checked_fix(f"give the sample its batch axis after line {made.lineno}: {code}", code,
                             display_path(path), made.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", name, "data", path, made.lineno)
    finding.explanation = (
        f"`{name}` is one sample, {format_shape(shape)}, without the batch axis: a model takes batches, so "
        f"Keras reads its first axis ({shape[0]}) as the number of samples and each sample as one axis short, "
        f"which the first layer that needs a fixed rank refuses. Add the batch axis where `{name}` is made: "
        f"`{code}` gives {format_shape((1,) + shape)}, a batch of one. " + (finding.explanation or ""))
    finding.fixes = [fix]  # the model is right (it trained, or the sample is its declared shape): no layer edit
    return finding


def _grown_in_loop(path: str, statement: Any, name: str) -> ast.Name | None:
    """The one use of *name* on the running one-line *statement* when a loop around it grows *name* from
    its own value (codegen.rebound_in_loop), else None."""
    from shapedoctor.repair.codegen import rebound_in_loop

    if statement is None or statement.lineno != statement.end_lineno or not rebound_in_loop(path, statement.lineno, name):
        return None
    uses = [n for n in ast.walk(statement) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
    return uses[0] if len(uses) == 1 else None
