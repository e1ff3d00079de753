"""Validation labels left in another encoding than the training labels: the validation tuple is the cause.

A classifier trained on one-hot targets (``train_y = to_categorical(train_y, n)``) and given
``validation_data=(val_x, val_y)`` with ``val_y`` still integer class ids trains one whole epoch,
then fails in the first validation pass: ``Arguments `target` and `output` must have the same rank
(ndim). Received: target.shape=(None,), output.shape=(None, 3)``. The training labels fit the
model, so the labels of the ``fit`` call are not the cause, and a model-side fix or a sparse loss
would break the training labels that are right. The validation labels are the cause: the fix
encodes them where they are passed, the same way the training labels were encoded.

Evidence, read, not guessed: the ``fit`` call that raised has array validation data; its training
labels fit the output (no training rule found a problem with them), its validation labels have
another shape, and the error's target shape is the validation labels' shape. The encoding is the
one the script applied to the training labels (the last assignment of the training labels' name
that calls a function on a name), or else the one the two shapes ask for (ids -> one-hot, one-hot ->
ids, a column of one). Each fix is proven by running the patched script.

An encoder fitted again on the validation labels is the same mistake made one line earlier: a split
that lacks a class gets fewer one-hot columns (sktime's ``one_hot_encode(y_val)`` refitting its
classes, fixed by passing the training classes). When both label arrays are made by the same encoder
call, the validation line is the cause and the fix reuses what was fitted on the training labels:
``enc.fit_transform(y_val)`` becomes ``enc.transform(y_val)``, and ``y_val_1h, _ = encode(y_val)``
beside ``y_tr_1h, classes_ = encode(y_tr)`` passes ``classes=classes_`` to the parameter of that name, and
``x_te, y_te = encode(test_docs, test_classes)`` beside ``encode(train_docs, train_classes)`` takes the
training's setting, ``encode(test_docs, train_classes)``, when it is the one argument after the data that differs.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_TARGET = re.compile(r"target\.shape=\(([^)]*)\)")


def validation_labels(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the validation labels passed to ``fit`` (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.diagnosis.label_literal import aimed_at_labels
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    file, node, name, encodings, train_shape, val_shape = found
    fixes = []
    for code in encodings:
        edit = TextEdit.replacing(file, node, code)
        fixes.append(script_checked_fix(f"encode the validation labels like the training labels: {code}",
                                        edit.shown(), display_path(file), node.lineno, [edit], cost=1))
    why = (f"The training labels fit the model's output, the validation labels do not: `{name}` has shape "
           f"{_shown(val_shape)} where the training labels have {_shown(train_shape)}. fit trains a whole epoch "
           "on the training labels and only then reads validation_data, whose labels were never encoded like "
           "the training ones. Encode them the same way; the loss and the model are right.")
    # The text's guesses (a sparse loss, re-encoding y) would break the training labels, which are right.
    finding.fixes = fixes[1:] + [f for f in finding.fixes if f.verified]
    finding.message = f"the validation labels {_shown(val_shape)} do not fit the model output, the training labels do"
    return aimed_at_labels(finding, name, file, node.lineno, fixes[0], why)


def _shown(shape: tuple) -> str:
    from shapedoctor.graph.model import format_shape

    return format_shape((None,) + tuple(shape[1:]))


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.diagnosis.training_fixes import argument_name, argument_node, assignment_line

    calls = [c for c in getattr(recorder, "training_calls", []) if c.error is not None]
    if not calls or calls[-1].method != "fit" or calls[-1].validation is None or calls[-1].site is None:
        return None
    call = calls[-1]
    train, val = flat_items(call.y_shapes), flat_items(call.validation[1])
    if len(train) != 1 or len(val) != 1 or not train[0] or not val[0] or tuple(train[0][1:]) == tuple(val[0][1:]):
        return None
    match = _TARGET.search(str(exc))
    if match is None or _dims(match.group(1))[1:] != tuple(val[0][1:]):
        return None
    site = call.site
    tuple_node = argument_node(site, 99, "validation_data")
    if isinstance(tuple_node, ast.Name):  # validation_data = (val_x, val_y) written above
        from shapedoctor.diagnosis.data_origin import _statement_at

        line = assignment_line(site, tuple_node.id)
        stmt = _statement_at(site.file, line) if line else None
        tuple_node = stmt.value if isinstance(stmt, ast.Assign) else None
    if not isinstance(tuple_node, ast.Tuple) or len(tuple_node.elts) < 2:
        return None
    node = tuple_node.elts[1]
    text = linecache.getline(site.file, node.lineno)
    if node.lineno != node.end_lineno or not text.isascii():
        return None
    labels = text[node.col_offset:node.end_col_offset]
    train_name = argument_name(site, 1, "y")
    refit = _refit(site.file, train_name, node, site.line) if train_name and isinstance(node, ast.Name) else None
    if refit is not None:  # the validation labels encoded by fitting the encoder again, on their own classes
        call_node, code = refit
        return site.file, call_node, node.id, [code], tuple(train[0]), tuple(val[0])
    encodings = []
    made = _encoding_call(site.file, train_name, site.line) if train_name else None
    if made is not None:
        encodings.append(made.replace("\0", labels))
    shaped = _by_shapes(site.file, tuple(train[0]), tuple(val[0]), labels)
    if shaped is not None and shaped not in encodings:
        encodings.append(shaped)
    if not encodings:
        return None
    name = node.id if isinstance(node, ast.Name) else labels
    return site.file, node, name, encodings, tuple(train[0]), tuple(val[0])


def _dims(text: str) -> tuple:
    return tuple(None if v.strip() == "None" else int(v) for v in text.split(",") if v.strip())


def _tree(file: str) -> ast.Module | None:
    try:
        return source_tree(file)
    except SyntaxError:
        return None


def _encoding_call(file: str, name: str, before: int) -> str | None:
    """The last one-line ``name = f(name, ...)`` (or ``name = np.eye(n)[name]``) above *before*, as text
    with ``\\0`` for the labels."""
    tree = _tree(file)
    if tree is None:
        return None
    found = None
    for stmt in sorted((s for s in ast.walk(tree) if isinstance(s, ast.Assign)), key=lambda s: s.lineno):
        if not (isinstance(stmt, ast.Assign) and stmt.lineno < before and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == name):
            continue
        value = stmt.value
        if isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Name) \
                and value.args[0].id == name and value.lineno == value.end_lineno:
            text = linecache.getline(file, value.lineno)
            arg = value.args[0]
            found = (stmt.lineno, text[value.col_offset:arg.col_offset] + "\0"
                     + text[arg.end_col_offset:value.end_col_offset])
        elif isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Name) and value.slice.id == name \
                and value.lineno == value.end_lineno:  # np.eye(n)[labels]
            text = linecache.getline(file, value.lineno)
            found = (stmt.lineno, text[value.col_offset:value.slice.col_offset] + "\0"
                     + text[value.slice.end_col_offset:value.end_col_offset])
        elif found is not None and stmt.lineno > found[0]:
            found = None  # assigned anew after the encoding: that encoding is not the one fit saw
    return None if found is None else found[1]


def _imported(file: str) -> set[str]:
    tree = _tree(file)
    names = set()
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
    return names


def _by_shapes(file: str, train: tuple, val: tuple, labels: str) -> str | None:
    """The encoding the two label shapes ask for, written with what the script imported."""
    names = _imported(file)
    if len(train) == 2 and isinstance(train[1], int) and train[1] > 1 and len(val) == 1:
        if "keras" in names:
            return f"keras.utils.to_categorical({labels}, {train[1]})"
        return f"np.eye({train[1]})[{labels}]" if "np" in names else None
    if len(train) == 1 and len(val) == 2 and isinstance(val[1], int) and val[1] > 1 and "np" in names:
        return f"np.argmax({labels}, axis=-1)"
    if len(train) == 2 and train[1] == 1 and len(val) == 1:
        return f"{labels}.reshape(-1, 1)"
    if len(train) == 1 and len(val) == 2 and val[1] == 1:
        return f"{labels}.reshape(-1)"
    return None


def _refit(file: str, train_name: str, val_node: ast.Name, before: int):
    """(the validation encoding call, its text reusing the training fit) when both label arrays are made
    by one encoder refitted on each (see the module); else None."""
    tree = _tree(file)
    if tree is None:
        return None

    def made(name: str):
        found = [s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno < before and len(s.targets) == 1
                 and isinstance(s.value, ast.Call) and s.value.lineno == s.value.end_lineno and any(
                     isinstance(t, ast.Name) and t.id == name for t in ast.walk(s.targets[0]))]
        return max(found, key=lambda s: s.lineno) if found else None

    train, val = made(train_name), made(val_node.id)
    if train is None or val is None or train is val:
        return None
    t_call, v_call = train.value, val.value
    text = linecache.getline(file, v_call.lineno)
    if not text.isascii():
        return None
    # enc.fit_transform(y_val) after enc.fit_transform(y_train): transform with the training fit
    if isinstance(v_call.func, ast.Attribute) and v_call.func.attr == "fit_transform" \
            and isinstance(t_call.func, ast.Attribute) and t_call.func.attr == "fit_transform" \
            and ast.dump(v_call.func.value) == ast.dump(t_call.func.value):
        new = text[v_call.col_offset:v_call.func.value.end_col_offset] + ".transform" \
            + text[v_call.func.end_col_offset:v_call.end_col_offset]
        return v_call, new
    # x_te, y_te = encode(test_docs, test_classes) beside x_tr, y_tr = encode(train_docs, train_classes): one
    # setting after the data differs, and the training's is the one the model was built for (a test folder that
    # lacks a class lists fewer classes: ktrain#24, r962)
    if isinstance(v_call.func, ast.Name) and isinstance(t_call.func, ast.Name) and v_call.func.id == t_call.func.id \
            and len(v_call.args) == len(t_call.args) >= 2 and not v_call.keywords and not t_call.keywords:
        t_text = linecache.getline(file, t_call.lineno)
        differing = [i for i in range(1, len(v_call.args)) if ast.dump(v_call.args[i]) != ast.dump(t_call.args[i])]
        if len(differing) == 1 and t_text.isascii():
            t_arg, v_arg = t_call.args[differing[0]], v_call.args[differing[0]]
            new = (text[v_call.col_offset:v_arg.col_offset] + t_text[t_arg.col_offset:t_arg.end_col_offset]
                   + text[v_arg.end_col_offset:v_call.end_col_offset])
            return v_call, new
    # y_val_1h, _ = encode(y_val) beside y_tr_1h, classes_ = encode(y_tr): pass the fitted state by its parameter
    if not (isinstance(v_call.func, ast.Name) and isinstance(t_call.func, ast.Name) and v_call.func.id == t_call.func.id
            and isinstance(train.targets[0], ast.Tuple) and len(train.targets[0].elts) == 2):
        return None
    state = train.targets[0].elts[1]
    fn = next((f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == v_call.func.id), None)
    if fn is None or not isinstance(state, ast.Name):
        return None
    params = [a.arg for a in fn.args.args + fn.args.kwonlyargs]
    wanted = [p for p in params if p == state.id.strip("_")]
    if len(wanted) != 1 or any(k.arg == wanted[0] for k in v_call.keywords) or len(v_call.args) > params.index(wanted[0]):
        return None
    new = text[v_call.col_offset:v_call.end_col_offset - 1] + f", {wanted[0]}={state.id})"
    return v_call, new
