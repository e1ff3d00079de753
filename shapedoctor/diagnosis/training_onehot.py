"""One-hot labels whose width is not the model's number of classes: fix the encoding, not the model.

``keras.utils.to_categorical(y)`` without ``num_classes`` makes ``max(y) + 1`` columns, so the
one-hot width follows the data, not the task:

* classes numbered 1..k (CSV codes, R factors) give k + 1 columns, column 0 never used:
  ``to_categorical(y - 1)``;
* a split that lacks the top classes (a validation set, a small substitute set) gives fewer
  columns than the model's k outputs: ``to_categorical(y, num_classes=k)``.

The same holds for one-hot *features*: new data encoded with ``to_categorical(ids)`` where only
the first categories occur is narrower than the input the model was trained on; the fix is
``to_categorical(ids, num_classes=k)`` with k the declared width, where the data is made.

A ``tf.data`` pipeline may one-hot encode inside its ``.map`` function with a depth written as a number
(``tf.one_hot(class_id, 29)``) for a model with 30 outputs: the number is the cause, and the fix writes
the model's width there (the script's own name for it when it has one), checked by running the patched
script. Ids at or above the depth become all-zero rows, so a sample with such a row shows the labels,
not the model, lost a class: then no model fix is offered.

Resizing the output layer to the labels' width (what Keras's message suggests) would add a class
no sample has, or drop classes the model was built for. The rule fires only when the labels line
calls ``to_categorical`` without ``num_classes`` and every label row is one-hot; the fix rewrites
that call in place and is verified on all the labels (each row one-hot over the k outputs).
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, flat_items, full_labels, is_one_hot


def _labels(call: Any, index: int):
    y = full_labels(call, index)
    return y if y is not None and y.ndim == 2 and y.size and is_one_hot(y) else None


def _to_categorical_at(file: str, line: int):
    """The ``to_categorical(...)`` call of the statement at *line*, on that one line, or None."""
    from shapedoctor.diagnosis.training_fixes import calls_named_at

    return next(calls_named_at(file, line, "to_categorical", single_line=True), None)


def _same_file(a: str, b: str) -> bool:
    import os

    return os.path.realpath(a) == os.path.realpath(b)


def _to_categorical_in(file: str, first_line: int) -> int | None:
    """The line of the one ``to_categorical(...)`` call without ``num_classes`` in the function starting
    at *first_line* of *file* (a generator, a PyDataset's ``__getitem__``), or None."""
    from shapedoctor.diagnosis.data_origin import functions_at

    found = functions_at(file, first_line)
    if found is None:
        return None
    from shapedoctor.trace.sites import called_name

    calls = [c for f in found[1] for c in ast.walk(f) if isinstance(c, ast.Call)
             and called_name(c.func) == "to_categorical"]
    if len(calls) != 1 or len(calls[0].args) != 1 or calls[0].keywords:
        return None
    return calls[0].lineno


def operand(text: str) -> str:
    """*text* as the left operand of ``+``/``-``: as it is when it parses as a name, attribute, subscript or
    call, else in parentheses."""
    try:
        simple = isinstance(ast.parse(text, mode="eval").body, (ast.Name, ast.Attribute, ast.Subscript, ast.Call))
    except SyntaxError:
        simple = False
    return text if simple else f"({text})"


def _shifted(arg_text: str, low: int) -> str:
    return f"{operand(arg_text)} - {low}"


def onehot_width(call: Any, prob: Problem, out: tuple, index: int) -> None:
    """Re-encode one-hot labels made by ``to_categorical`` without ``num_classes`` (see the module)."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if prob.family != "SD202" or len(out) != 2 or not isinstance(out[-1], int) or call.site is None:
        return
    if _depth_in_map(call, prob, out, index):
        return
    y = _labels(call, index)
    if y is None or y.shape[-1] == out[-1]:
        return
    k, width = out[-1], y.shape[-1]
    site = call.site
    var = argument_name(site, 1, "y") or argument_name(site, 1, "y", index)
    line = assignment_line(site, var)
    sliced_from = line
    from shapedoctor.diagnosis.data_origin import through_row_splits

    line = through_row_splits(site, line, var)[0]
    if line is None and call.batched and call.producer is not None and _same_file(call.producer[0], site.file):
        line = _to_categorical_in(site.file, call.producer[1])  # encoded batch by batch, in the generator
    node = _to_categorical_at(site.file, line) if line else None
    if node is None or len(node.args) > 1 or any(kw.arg == "num_classes" for kw in node.keywords):
        return  # the width was chosen explicitly: then the model may well be the one to change
    text = linecache.getline(site.file, line)
    if not text.isascii():
        return  # ast columns count bytes; keep to lines where bytes and characters agree
    call_text = text[node.col_offset:node.end_col_offset]
    arg = text[node.args[0].col_offset:node.args[0].end_col_offset]
    ids = np.argmax(y, -1)
    low, high = int(ids.min()), int(ids.max())
    binary = k == 1 and width == 2 and "binary" in prob.message and "one sigmoid unit" in prob.message
    if binary:
        # one sigmoid unit under a binary loss: the 0/1 class ids themselves are the labels
        new_call = arg
        title = f"keep one 0/1 label per sample: drop to_categorical, `{var_on(text, node)} = {arg}`"
        why = ("The labels are two classes, 0 and 1, one-hot encoded into two columns by to_categorical, the "
               "encoding of a two-unit softmax; one sigmoid unit scored by a binary loss reads the 0/1 class "
               "itself.")

        def apply(value):
            return np.argmax(np.asarray(value), -1).astype("float32")
    elif width > k and low >= 1 and high - low < k:
        new_call = call_text.replace(arg, _shifted(arg, low), 1)
        title = f"number the classes from 0 before one-hot encoding: to_categorical({_shifted(arg, low)})"
        why = (f"The labels use classes {low}..{high}; to_categorical counts from 0, so it made {width} columns, "
               f"{low} of them never used, against the model's {k} outputs.")

        def apply(value, low=low, k=k):
            return np.eye(k, dtype="float32")[np.argmax(np.asarray(value), -1) - low]
    elif width < k:
        from shapedoctor.repair.user_names import size_expression

        spelled = size_expression(k, site.file, line, dict(getattr(call, "sizes", None) or {})) or str(k)  # vocab_size
        new_call = call_text[:-1].rstrip() + f", num_classes={spelled})"
        title = f"one-hot encode over all {k} classes: to_categorical(..., num_classes={k})"
        why = (f"These labels only reach class {high}, so to_categorical (without num_classes) made {width} "
               f"columns; the model has {k} outputs, one per class.")

        def apply(value, k=k):
            value = np.asarray(value, dtype="float32")
            return np.pad(value, ((0, 0), (0, k - value.shape[-1])))
    else:
        return
    new_line = text.rstrip("\n").replace(call_text, new_call, 1)
    prob.culprit_kind = "labels"
    if call.batched or line != sliced_from:
        # inside the generator (each batch gets the width of its own labels), or the split of labels
        # encoded here (it only took rows)
        prob.labels_site = (site.file, line)
    if call.batched:
        why += (" Each batch is encoded on its own, so its width follows the largest label it happens to hold; "
                "sizing the model to one batch's width would break on the next.")
        prob.fixes = [f for f in prob.fixes if f.kind != "model"]
    prob.explanation += " " + why + " Fix the encoding where the labels are made rather than resizing the model."
    for fix in prob.fixes:
        fix.cost += 1
    if binary:
        prob.fixes = [f for f in prob.fixes if f.kind != "labels"]  # the same ids, taken at the call only
        prob.fixes.insert(0, TrainingFix(title, "labels", apply=apply, cost=1,
                                         line_edit=(line, node.col_offset, node.end_col_offset, new_call,
                                                    new_line.strip())))
        return
    prob.fixes.insert(0, TrainingFix(title, "labels", apply=apply, cost=1,
                                     line_edit=(line, node.col_offset, node.end_col_offset, new_call,
                                                new_line.strip()),
                                     checks=lambda full, k=k: [("labels_in_range", *_one_hot_over(full, k))]))


def var_on(text: str, node: ast.Call) -> str:
    """The name assigned on the line *text* holding *node* (``y_train`` of ``y_train = f(...)``)."""
    head = text[:node.col_offset].rstrip()
    return head[:-1].strip() if head.endswith("=") else "y"


_ENCODERS = {"one_hot": "depth", "to_categorical": "num_classes"}


def _written_depth(fn, width: int):
    """The one ``one_hot(ids, <width>)`` / ``to_categorical(ids, <width>)`` call of the mapped function *fn*
    whose depth is the integer *width* written on one line, as (call, depth node), or None."""
    found = []
    for node in ast.walk(fn):
        from shapedoctor.trace.sites import called_name

        if not isinstance(node, ast.Call) or called_name(node.func) not in _ENCODERS:
            continue
        keyword = _ENCODERS[called_name(node.func)]
        depth = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == keyword), None)
        if isinstance(depth, ast.Constant) and type(depth.value) is int:
            found.append((node, depth))
    if len(found) != 1 or found[0][1].value != width or found[0][1].lineno != found[0][1].end_lineno:
        return None
    return found[0]


def _depth_in_map(call: Any, prob: Problem, out: tuple, index: int) -> bool:
    """One-hot labels made in a dataset's ``.map`` function with a depth written as a number other than
    the model's width (see the module): aim *prob* at that number. True when it did."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.dataset_source import mapped_functions
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.repair.user_names import size_expression

    site = call.site
    if call.source != "dataset" or argument_name(site, 1, "y") is not None or len(flat_items(call.y)) != 1:
        return False
    y = np.asarray(flat_items(call.y)[0], dtype="float64")
    k, width = out[-1], y.shape[-1] if y.ndim == 2 else None
    if width is None or width == k or not np.all((y == 0) | (y == 1)) or np.any(y.sum(-1) > 1):
        return False
    found = [hit for fn in mapped_functions(site, argument_name(site, 0, "x"))
             if (hit := _written_depth(fn, width)) is not None]
    if len(found) != 1:
        return False
    node, depth = found[0]
    text = linecache.getline(site.file, depth.lineno)
    if not text.isascii():
        return False
    spelled = size_expression(k, site.file, depth.lineno, call.sizes) or str(k)
    new_line = text[:depth.col_offset] + spelled + text[depth.end_col_offset:]
    lost = bool(np.any(y.sum(-1) == 0))  # ids at or above the depth: all-zero rows
    why = (f" The labels are one-hot encoded in the dataset's map function with a depth written as {width} "
           f"(line {depth.lineno}), but the model gives {k} values per sample, one per class"
           + (", and some label rows are all zeros: their class is at or above the depth, so the encoding "
              "dropped it." if lost else ".")
           + f" Encode over the model's {k} classes where the labels are made.")

    def apply(value, k=k):
        value = np.asarray(value, dtype="float32")
        return np.pad(value, ((0, 0), (0, k - value.shape[-1]))) if value.shape[-1] < k else value[:, :k]

    prob.culprit_kind = "labels"
    prob.labels_site = (site.file, depth.lineno)
    prob.explanation += why
    if lost:
        prob.fixes = [f for f in prob.fixes if f.kind != "model"]
    for fix in prob.fixes:
        fix.cost += 1
    prob.fixes.insert(0, TrainingFix(f"one-hot encode over the model's {k} classes: depth {width} -> {spelled}",
                                     "labels", apply=apply, cost=1,
                                     line_edit=(depth.lineno, depth.col_offset, depth.end_col_offset, spelled,
                                                new_line.strip())))
    return True


def _one_hot_over(labels: Any, k: int) -> tuple[bool, str]:
    import numpy as np

    arr = np.asarray(labels)
    if arr.ndim != 2 or arr.shape[-1] != k or not is_one_hot(arr):
        return False, f"labels {arr.shape} are not one-hot rows over {k} classes"
    return True, ""


def onehot_features(call: Any, prob: Problem, want: tuple, got: tuple) -> None:
    """One-hot data narrower than the declared input, made by ``to_categorical`` without ``num_classes``
    (a batch of new samples in which the last categories do not occur): encode over all of them."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if len(want) != 2 or len(got) != 2 or not isinstance(want[-1], int) or call.site is None or got[-1] >= want[-1]:
        return
    xs = flat_items(call.x_ref)
    if len(xs) != 1:
        return
    try:
        x = np.asarray(xs[0])
    except Exception:  # noqa: BLE001 - not array-like
        return
    if x.ndim != 2 or not x.size or not is_one_hot(x):
        return
    site, k = call.site, want[-1]
    line = assignment_line(site, argument_name(site, 0, "x"))
    node = _to_categorical_at(site.file, line) if line else None
    if node is None or len(node.args) > 1 or any(kw.arg == "num_classes" for kw in node.keywords):
        return
    text = linecache.getline(site.file, line)
    if not text.isascii():
        return  # ast columns count bytes; keep to lines where bytes and characters agree
    call_text = text[node.col_offset:node.end_col_offset]
    new_call = call_text[:-1].rstrip() + f", num_classes={k})"
    new_line = text.rstrip("\n").replace(call_text, new_call, 1)
    prob.explanation += (f" The data is one-hot: to_categorical (without num_classes) made one column per category "
                         f"up to the largest one present, {got[-1]}, while the model takes {k}. Encode over all {k} "
                         "categories where the data is made.")

    def apply(value, k=k):
        value = np.asarray(value, dtype="float32")
        return np.pad(value, ((0, 0), (0, k - value.shape[-1])))

    for fix in prob.fixes:
        fix.cost += 1
    prob.fixes.insert(0, TrainingFix(f"one-hot encode over all {k} categories: to_categorical(..., num_classes={k})",
                                     "data", apply=apply, cost=1,
                                     line_edit=(line, node.col_offset, node.end_col_offset, new_call,
                                                new_line.strip())))
