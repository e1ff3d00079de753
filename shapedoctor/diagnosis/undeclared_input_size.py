"""Flatten over an input declared without its size, when the script's data says the size.

``VGG16(weights=..., include_top=False)`` without ``input_shape`` declares images of any size, ``(None,
None, None, 3)``; a head written ``Flatten()`` then ``Dense(100)`` cannot size the Dense's kernel: "Shapes
used to initialize variables must be fully-defined ... shape=(None, 100)" (r1081, keras-team/keras#5257). The
maintainers' answer: give the base model the input size (``input_shape=(64, 64, 3)``), since Flatten needs
a fixed map. Pooling instead of flattening also builds, but changes the head the user wrote; when every
image the script trains on has one size, declaring it is the fix.

Evidence, recorded and read: the finding is an undefined axis after a Flatten; the first row of its path is
an input declared with unknown sizes on a line of the script (the applications call, or ``keras.Input(shape=(None,
None, 3))``); a training call written later in the script (``model.fit(images, ...)``) names an array that
already exists when the build fails, whose rank is the input's and whose sizes agree with every size the
input declares. The declaring line is the root cause; the fix writes the array's sample shape there
(``input_shape=(64, 64, 3)``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_TRAINING = ("fit", "evaluate", "predict", "train_on_batch")


def undeclared_input_size(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the input declared without the size its data has (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding)


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.reaim import script_frame
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.trace.sites import display_path, source_tree

    if finding.id != "SD107" or not any(step.cls == "Flatten" for step in finding.path) or not finding.path:
        return None
    first = finding.path[0]
    declared = tuple(parse_shape(first.output_shape) or ())
    if first.cls != "InputLayer" or len(declared) < 3 or None not in declared[1:] or first.line is None:
        return None
    where = script_frame(exc)
    if where is None:
        return None
    frame, failed = where
    path = frame.f_code.co_filename
    if first.file not in (path, display_path(path)):
        return None
    tree = source_tree(path)
    size = _data_size(tree, frame.f_globals, failed, declared)
    statement = next((s for s in tree.body if s.lineno <= first.line <= s.end_lineno), None)
    calls = [n for n in ast.walk(statement) if isinstance(n, ast.Call) and n.lineno == first.line] \
        if statement is not None else []
    if size is None or len(calls) != 1 or not all(t.isascii() for t in linecache.getlines(path)[
            calls[0].lineno - 1:calls[0].end_lineno]):
        return None
    call = calls[0]
    keyword = next((k for k in call.keywords if k.arg in ("shape", "input_shape")), None)
    if keyword is not None and not isinstance(keyword.value, (ast.Tuple, ast.List)):
        return None
    if keyword is None and (call.args or any(k.arg is None for k in call.keywords)):
        return None  # a positional shape (keras.Input((None, None, 3))) or **options: not this rule's edit
    return path, call, keyword, size, first


def _data_size(tree: ast.Module, names: dict, failed: int, declared: tuple) -> tuple | None:
    """The sample shape of the first array a training call written after line *failed* passes as its data, when it
    already exists in *names* and fits *declared* except where that says None."""
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                    and n.func.attr in _TRAINING and n.lineno > failed), key=lambda n: n.lineno)
    for call in calls:
        arg = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "x"), None)
        value = names.get(arg.id) if isinstance(arg, ast.Name) else None
        shape = tuple(getattr(value, "shape", None) or ())
        if len(shape) != len(declared) or not all(isinstance(d, int) and d > 0 for d in shape):
            continue
        if all(d is None or d == s for d, s in zip(declared[1:], shape[1:])):
            return tuple(shape[1:])
        return None
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, keyword, size, first = found
    text = "(" + ", ".join(map(str, size)) + ("," if len(size) == 1 else "") + ")"
    edit = TextEdit.replacing(path, keyword.value, text) if keyword is not None else \
        TextEdit.appending_argument(path, call, f"input_shape={text}")
    fix = script_checked_fix(f"declare the input's size, the size of the data: {text}", edit.shown(),
                             display_path(path), call.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    first.role = "culprit"
    finding.culprit = Place.at_line("input", first.layer, first.cls, path, call.lineno)
    finding.explanation = (
        f"The input is declared without its size, {first.output_shape}, so the map that reaches `Flatten` has "
        f"unknown sizes and the next layer cannot size its weights. The data the script trains on is {text} per "
        f"sample: declare that size where the input is made, and Flatten gets a fixed width. (Pooling instead of "
        "flattening also builds, for any size, but changes the head.)")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
