"""``layer.set_weights([matrix])`` given an array of another shape than the layer's weight (SD102).

keras-io's pretrained word embeddings example (r635) sizes the Embedding and the matrix it loads with
``num_tokens = len(voc) + 2`` (room for padding and out-of-vocabulary ids). A matrix allocated with
``np.zeros((len(voc), embedding_dim))`` is two rows short, and ``set_weights`` refuses it: "Layer
embedding weight shape (20, 100) is not compatible with provided weight shape (18, 100)". The error
names neither the matrix nor where it was made, and it is raised outside any layer call.

Evidence, read, not guessed: the user's line calls ``.set_weights([...])`` with a list of names (or the
script's one layer construction given ``weights=[...]``, which Keras sets when the layer is built); the one
whose array has the refused shape is followed to the one-line assignment that made it. When that
statement writes the shape as a tuple of expressions (``np.zeros((len(voc), embedding_dim))``), the
matrix line is the cause, and the fix writes, for each axis that differs, the expression the layer
was made with for that size (the layer's own construction call, ``Embedding(num_tokens, ...)``: an
argument whose value is the wanted size, found by evaluating plain names and ``len`` only). The fix is
proven by running the patched script. Without that evidence the ``set_weights`` line is named, with
no fix.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree

_REFUSED = re.compile(r"Layer (\S+) weight shape (\([\d, ]*\)) is not compatible with provided weight shape "
                      r"(\([\d, ]*\))")


def set_weights_finding(exc: BaseException, recorder: Any) -> Finding | None:
    match = _REFUSED.search(str(exc))
    if match is None or not isinstance(exc, ValueError):
        return None
    try:
        return _finding(exc, match, recorder)
    except Exception as err:  # noqa: BLE001 - a finding we cannot build is left to the generic path
        recorder.internal_errors.append(err)
        return None


_ASSIGNED = re.compile(r"must match\. variable\.shape=(\([\d, ]*\)), Received: value\.shape=(\([\d, ]*\))")


def assign_finding(exc: BaseException, recorder: Any) -> Finding | None:
    """``layer.embeddings.assign(matrix)`` of another shape (Keras: "The shape of the target variable and the
    shape of the target value in `variable.assign(value)` must match"): SD102 at the assign, aimed at the layer's
    construction call, its refused size written as the value's own (``Embedding(matrix.shape[0], ...)``)."""
    match = _ASSIGNED.search(str(exc))
    if match is None:
        return None
    try:
        return _assign_finding(exc, _shape(match.group(1)), _shape(match.group(2)), recorder)
    except Exception as err:  # noqa: BLE001 - a finding we cannot build is left to the generic path
        recorder.internal_errors.append(err)
        return None


def _assign_finding(exc: BaseException, want: tuple, got: tuple, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    path = frame.f_code.co_filename
    code = linecache.getline(path, line).strip()
    fam = get("SD102")
    place = Place("layer", None, None, display_path(path), line, code)
    finding = Finding(
        fam.id, fam.slug, "error",
        f"`assign` gave a weight of shape {format_shape(want)} a value of shape {format_shape(got)}",
        consumer=place, culprit=place, expected=format_shape(want), received=format_shape(got),
        explanation=(f"`variable.assign(value)` replaces a weight's values and keeps its shape: the weight was made "
                     f"{format_shape(want)} when its layer was built, and the value is {format_shape(got)}. Either "
                     "the value was made with other sizes than the layer, or the layer with other sizes than the "
                     "value."),
        fixes=[], keras_message=str(exc).splitlines()[0] if str(exc) else None)
    tree = source_tree(path)
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == line and isinstance(c.func, ast.Attribute)
             and c.func.attr == "assign" and len(c.args) == 1 and isinstance(c.args[0], ast.Name)
             and isinstance(c.func.value, ast.Attribute) and isinstance(c.func.value.value, ast.Name)]
    if len(calls) != 1 or len(want) != len(got):
        return finding
    value, owner = calls[0].args[0].id, calls[0].func.value.value.id
    made = last_assignment(enclosing_scope(tree, line), owner, line)
    layer = made.value if made is not None and isinstance(made.value, ast.Call) else None
    axes = [i for i, (a, b) in enumerate(zip(want, got)) if a != b]
    if layer is None or len(axes) != 1:
        return finding
    axis = axes[0]
    spelled = [arg for arg in [*layer.args, *(k.value for k in layer.keywords)] if _value_or_call(arg, frame) == want[axis]]
    if len(spelled) != 1 or spelled[0].lineno != spelled[0].end_lineno:
        return finding
    text = linecache.getline(path, made.lineno)
    finding.culprit = Place("layer", owner, None, display_path(path), made.lineno, text.strip())
    finding.explanation = (f"`{owner}` was made on line {made.lineno} with {want[axis]} on axis {axis} of its weight, "
                           f"and `{value}` has {got[axis]} there. Make the layer the value's size. " + finding.explanation)
    edit = TextEdit.replacing(path, spelled[0], f"{value}.shape[{axis}]")
    finding.fixes.append(script_checked_fix(f"make `{owner}` the size of `{value}`: {value}.shape[{axis}]",
                                            edit.shown(), display_path(path), made.lineno, [edit]))
    return finding


def _value_or_call(node: ast.expr, frame: Any) -> Any:
    """The value of a size argument: a plain expression (see :func:`_value`) or a call without arguments of a
    name's method (``vectorize_layer.vocabulary_size()``), evaluated in *frame*."""
    found = _value(node, frame)
    if found is not None:
        return found
    if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.Attribute) \
            and isinstance(node.func.value, ast.Name):
        owner = frame.f_locals.get(node.func.value.id, frame.f_globals.get(node.func.value.id))
        method = getattr(owner, node.func.attr, None)
        if callable(method) and node.func.attr in ("vocabulary_size", "__len__"):
            value = method()
            return value if type(value) is int else None
    return None


def _shape(text: str) -> tuple:
    return tuple(int(v) for v in text.strip("()").split(",") if v.strip())


def _finding(exc: BaseException, match: re.Match, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.trace.sites import display_path

    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    path = frame.f_code.co_filename
    layer_name, want, got = match.group(1), _shape(match.group(2)), _shape(match.group(3))
    code = linecache.getline(path, line).strip()
    fam = get("SD102")
    place = Place("layer", layer_name, None, display_path(path), line, code)
    axes = [i for i, (a, b) in enumerate(zip(want, got)) if a != b] if len(want) == len(got) else []
    differ = (f"axis {axes[0]}: {got[axes[0]]} instead of {want[axes[0]]}" if len(axes) == 1
              else f"{format_shape(got)} instead of {format_shape(want)}")
    finding = Finding(
        fam.id, fam.slug, "error",
        f"`set_weights` gave layer `{layer_name}` an array of shape {format_shape(got)} for its {format_shape(want)} "
        "weight", consumer=place, culprit=place, expected=format_shape(want), received=format_shape(got),
        explanation=(f"`set_weights` replaces a layer's weights with the arrays it is given, each of exactly the "
                     f"shape the layer made its weight with: {format_shape(want)} for `{layer_name}`. The array "
                     f"given differs on {differ}. Either the array was made with other sizes than the layer, or "
                     "the layer with other sizes than the array."),
        fixes=[], keras_message=str(exc).splitlines()[0] if str(exc) else None)
    _aim_at_array(finding, frame, path, line, want, got, recorder)
    if not finding.fixes:
        _aim_at_layer(finding, frame, path, line, want, got, recorder)
    if not finding.fixes:
        _aim_at_build_call(finding, path, line, want, got)
    return finding


def _aim_at_layer(finding: Finding, frame: Any, path: str, line: int, want: tuple, got: tuple, recorder: Any) -> None:
    """The layer's construction as the culprit when the array's sizes are not written where it was made (a
    helper built it): MatchZoo's DRMM sizes its Embedding ``len(term_index)`` while the matrix it loads has a
    row more for the padding id 0 (r923). The layer is reached from ``layer.set_weights`` or
    ``model.get_layer("name").set_weights``; on the one axis that differs its argument of the refused size
    is written as the array's: the same expression plus the one or two rows it lacks (``vocab_size + 1``). An
    array shorter than the layer, or longer by more, is left alone (which side slipped is not in the evidence).
    Proven by running the patched script."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

    axes = [i for i, (a, b) in enumerate(zip(want, got)) if a != b] if len(want) == len(got) else []
    if len(axes) != 1:
        return
    axis = axes[0]
    more = got[axis] - want[axis]
    if not 0 < more <= 2:
        return  # only the padding and out-of-vocabulary rows a layer forgot; a shorter array may be the slip
    tree = source_tree(path)
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= line <= (c.end_lineno or c.lineno)
             and isinstance(c.func, ast.Attribute) and c.func.attr == "set_weights"]
    if len(calls) != 1:
        return
    layer = _layer_call(tree, calls[0]) or _named_layer_call(tree, calls[0], recorder)
    if layer is None:
        return
    spelled = [arg for arg in [*layer.args, *(k.value for k in layer.keywords)] if _value(arg, frame) == want[axis]]
    if len(spelled) != 1 or spelled[0].lineno != spelled[0].end_lineno:
        return
    text = linecache.getline(path, spelled[0].lineno)
    old = text[spelled[0].col_offset:spelled[0].end_col_offset]
    new = f"{old} + {more}"
    edit = TextEdit.replacing(path, spelled[0], new)
    finding.culprit = Place("layer", called_name(layer.func), called_name(layer.func), display_path(path),
                            layer.lineno, linecache.getline(path, layer.lineno).strip())
    finding.explanation = (f"The layer was made on line {layer.lineno} with {old} = {want[axis]} on axis {axis} of its "
                           f"weight, and the array it is given has {got[axis]} there"
                           + f" ({more} row{'s' if more > 1 else ''} more: an Embedding matrix usually keeps row 0 "
                           "for the padding id). Make the layer the array's size. "
                           + finding.explanation)
    finding.fixes.append(script_checked_fix(f"make the layer the size of the array it is given: {new}", edit.shown(),
                                            display_path(path), spelled[0].lineno, [edit]))


def _named_layer_call(tree: ast.Module, call: ast.Call, recorder: Any) -> ast.Call | None:
    """The construction call of the layer whose ``set_weights`` is *call* on ``model.get_layer("name")``: the
    call on the line the recorder saw that layer made."""
    from shapedoctor.trace.sites import called_name

    owner = call.func.value
    if not (isinstance(owner, ast.Call) and isinstance(owner.func, ast.Attribute) and owner.func.attr == "get_layer"
            and owner.args and isinstance(owner.args[0], ast.Constant) and isinstance(owner.args[0].value, str)):
        return None
    made = [layer for layer in recorder.created_layers() if getattr(layer, "name", None) == owner.args[0].value]
    site = recorder.creation_site(made[0]) if len(made) == 1 else None
    if site is None:
        return None
    found = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == site.line
             and called_name(c.func) == type(made[0]).__name__]
    return found[0] if len(found) == 1 else None


def _aim_at_build_call(finding: Finding, path: str, line: int, want: tuple, got: tuple) -> None:
    """``model.set_weights(other.get_weights())`` after ``model(ops.ones((1, 32)))`` built the model for 32
    features while the weights come from a model of 784 (the keras-io saving guide's subclassed twin): the
    first weight's input axis differs and the one dummy call before that built it with the width refused.
    That call is the cause; the fix writes the width the weights were made for, proven by running the script."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    if len(want) != 2 or len(got) != 2 or want[1] != got[1] or want[0] == got[0]:
        return
    tree = source_tree(path)
    setting = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= line <= (c.end_lineno or c.lineno)
               and isinstance(c.func, ast.Attribute) and c.func.attr == "set_weights"
               and isinstance(c.func.value, ast.Name)]
    if len(setting) != 1:
        return
    owner = setting[0].func.value.id
    built = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
             and c.func.id == owner and c.lineno < line and len(c.args) == 1 and isinstance(c.args[0], ast.Call)]
    if len(built) != 1:
        return
    sizes = next((t for t in ast.walk(built[0].args[0]) if isinstance(t, ast.Tuple) and t.elts
                  and isinstance(t.elts[-1], ast.Constant) and t.elts[-1].value == want[0]), None)
    if sizes is None or sizes.elts[-1].lineno != sizes.elts[-1].end_lineno:
        return
    edit = TextEdit.replacing(path, sizes.elts[-1], str(got[0]))
    text = linecache.getline(path, built[0].lineno)
    finding.culprit = Place("layer", owner, None, display_path(path), built[0].lineno, text.strip())
    finding.explanation = (f"`{owner}` made its weights when it was first called, on line {built[0].lineno}, on "
                           f"a dummy input of {want[0]} features; the weights it is given were made for {got[0]}. "
                           f"Build it on the width they were made for. " + finding.explanation)
    finding.fixes.append(script_checked_fix(f"build `{owner}` on {got[0]} features, as the weights were made",
                                            edit.shown(), display_path(path), built[0].lineno, [edit]))


def _aim_at_array(finding: Finding, frame: Any, path: str, line: int, want: tuple, got: tuple, recorder: Any) -> None:
    """The array's own line as the culprit, with the layer's sizes written there (see the module)."""
    import numpy as np

    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name, display_path

    try:
        tree = source_tree(path)
    except (SyntaxError, ValueError):
        return
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno <= line <= (c.end_lineno or c.lineno)
             and isinstance(c.func, ast.Attribute) and c.func.attr == "set_weights" and c.args
             and isinstance(c.args[0], (ast.List, ast.Tuple))]
    given = calls[0].args[0] if len(calls) == 1 else None
    if given is None:  # Embedding(n, d, weights=[matrix]): the layer sets them when it is built
        calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and any(
            k.arg == "weights" and isinstance(k.value, (ast.List, ast.Tuple)) for k in c.keywords)]
        if len(calls) != 1:
            return
        given = next(k.value for k in calls[0].keywords if k.arg == "weights")
        line = calls[0].lineno
    names = [e.id for e in given.elts if isinstance(e, ast.Name) and np.shape(
        frame.f_locals.get(e.id, frame.f_globals.get(e.id))) == got]
    if len(names) != 1:
        return
    name = names[0]
    stmt = last_assignment(enclosing_scope(tree, line), name, line)
    if stmt is None or stmt.lineno != stmt.end_lineno:
        return
    text = linecache.getline(path, stmt.lineno)
    finding.culprit = Place("data", name, "data", display_path(path), stmt.lineno, text.strip())
    finding.explanation = (f"`{name}` is made {tuple(got)} on line {stmt.lineno}, and the layer's weight is "
                           f"{tuple(want)}. " + finding.explanation)
    shape = next((t.elts for t in ast.walk(stmt.value) if isinstance(t, ast.Tuple) and len(t.elts) == len(got)
                  and [_value(e, frame) for e in t.elts] == list(got)), None)
    if shape is None:  # np.random.rand(vocab + 2, 8): the sizes as the call's arguments
        shape = next((c.args for c in ast.walk(stmt.value) if isinstance(c, ast.Call) and len(c.args) == len(got)
                      and [_value(e, frame) for e in c.args] == list(got)), None)
    layer = calls[0] if calls[0].func is not None and any(k.arg == "weights" for k in calls[0].keywords) \
        else _layer_call(tree, calls[0])
    if shape is None or layer is None:
        return
    edits = []
    for axis, (a, b) in enumerate(zip(want, got)):
        if a == b:
            continue
        spelled = next((arg for arg in [*layer.args, *(k.value for k in layer.keywords)] if _value(arg, frame) == a),
                       None)
        if spelled is None:
            return
        element = shape[axis]
        if element.lineno != element.end_lineno or spelled.lineno != spelled.end_lineno:
            return
        new = linecache.getline(path, spelled.lineno)[spelled.col_offset:spelled.end_col_offset]
        edits.append(TextEdit.replacing(path, element, new))
    if not edits or called_name(layer.func) is None:
        return
    shown = text
    for edit in sorted(edits, key=lambda e: -e.start_col):
        shown = shown[:edit.start_col] + edit.text + shown[edit.end_col:]
    finding.fixes.append(script_checked_fix(f"make `{name}` the layer's size, as `{called_name(layer.func)}` was made",
                                            shown.strip(), display_path(path), stmt.lineno, edits))


def _layer_call(tree: ast.Module, call: ast.Call) -> ast.Call | None:
    """The construction call of the layer whose ``set_weights`` is *call*: ``x = layers.Embedding(...)``."""
    from shapedoctor.diagnosis.data_origin import last_assignment

    owner = call.func.value
    if not isinstance(owner, ast.Name):
        return None
    stmt = last_assignment(tree, owner.id, call.lineno)
    return stmt.value if stmt is not None and isinstance(stmt.value, ast.Call) else None


def _value(node: ast.expr, frame: Any) -> Any:
    """The value of a plain expression (names, int literals, ``len(name)``, + - * //) in *frame*, else None."""
    allowed = (ast.Expression, ast.Name, ast.Load, ast.Constant, ast.BinOp, ast.Add, ast.Sub, ast.Mult,
               ast.FloorDiv, ast.Call)
    for part in ast.walk(node):
        if not isinstance(part, allowed):
            return None
        if isinstance(part, ast.Call) and not (isinstance(part.func, ast.Name) and part.func.id == "len"
                                               and len(part.args) == 1 and not part.keywords):
            return None
    try:
        value = eval(compile(ast.Expression(node), "<size>", "eval"),  # noqa: S307 - names, literals and len only
                     {"__builtins__": {"len": len}}, {**frame.f_globals, **frame.f_locals})
    except Exception:  # noqa: BLE001 - not a plain size
        return None
    return value if type(value) is int else None
