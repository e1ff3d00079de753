"""Evidence in the user's own scope for which side of a training-time mismatch is wrong.

An expert who sees "x has 600 samples, y has 100" or "the data has 3 features, the model
declares 4" does not blame the array named in the error: they look at the other arrays the
script holds and at how the data was made. This module reads that evidence (the caller's
arrays, ``TrainingCall.names``, and the source line that made the data) and answers:

* :func:`swap_in` — another array of the user's with the right sample count and the same
  per-sample shape and dtype as the wrong argument (``fit(x_train, y_test)``: ``y_train``);
* :func:`labels_transposed` — labels whose samples run along the last axis (``np.array([a, b, c])``);
* :func:`declared_whole_table` — data cut from a wider table whose full width the input
  declares, while the labels come from the same table (the label column was counted);
* :func:`pad_like_training` — data made by ``pad_sequences`` without ``maxlen``, fed to a model
  built for another length: pad it to the declared length;
* :func:`trained` — the model already took training steps, so at ``predict``/``evaluate`` the
  model is fixed and the data must be prepared like the training data.

Everything here follows from shapes, dtypes, memory sharing and the call that made the data,
never from variable names.
"""

from __future__ import annotations

import ast

from typing import Any

from shapedoctor.diagnosis.training_base import TrainingFix
from shapedoctor.trace.training import TrainingCall


def _shape(value: Any) -> tuple | None:
    from shapedoctor.trace.recorder import shape_of

    shape = shape_of(value)
    return tuple(shape) if shape else None


def _kind(value: Any) -> str | None:
    dtype = getattr(value, "dtype", None)
    return getattr(dtype, "kind", None)


def swap_in(call: TrainingCall, wrong: Any, count: int, numeric: bool = False) -> tuple[str, Any] | None:
    """The one array of the caller's (other than the x and y given) shaped like *wrong* per sample,
    with the same dtype kind (with *numeric*, any of bool, int and float: labels kept as 0/1 floats
    beside class ids), and *count* samples: the array that was meant. None when there is none or more
    than one (then nothing tells which)."""
    names = getattr(call, "names", None)
    want = _shape(wrong)
    if not isinstance(names, dict) or want is None:
        return None
    given = [call.x_ref, call.y_ref]
    found = []
    for name, value in names.items():
        if any(value is g for g in given):
            continue
        shape = _shape(value)
        same_kind = _kind(value) == _kind(wrong) or (numeric and {_kind(value), _kind(wrong)} <= set("biuf"))
        if shape and shape[0] == count and shape[1:] == want[1:] and same_kind:
            if not any(value is other for _n, other in found):
                found.append((name, value))
    return found[0] if len(found) == 1 else None


def labels_transposed(y_shape: tuple | None, n_x: int) -> bool:
    """Labels (k, n) for n inputs: the samples run along the last axis."""
    return bool(y_shape) and len(y_shape) == 2 and y_shape[1] == n_x and y_shape[0] != n_x


def declared_whole_table(call: TrainingCall, want: tuple, got: tuple) -> Any:
    """The table (an array of the caller's) that x was cut from when the declared input is that
    table's full width and y was cut from the same table: the declaration counted the label column.
    None otherwise."""
    import numpy as np

    names = getattr(call, "names", None)
    x, y = call.x_ref, call.y_ref
    if not isinstance(names, dict) or len(want) != 2 or len(got) != 2 or want[1] is None or y is None:
        return None
    if not isinstance(x, np.ndarray) or not isinstance(y, np.ndarray):
        return None
    for value in names.values():
        if value is x or value is y or not isinstance(value, np.ndarray) or value.ndim != 2:
            continue
        if value.shape[0] == got[0] and value.shape[1] == want[1] and value.shape[1] > got[1]:
            if np.shares_memory(value, x) and np.shares_memory(value, y):
                return value
    # x scaled or copied after the cut (``x = T[:, 0:3] / T[:, 0:3].max(axis=0)``) shares no memory:
    # the lines that made x and y, each taking columns of one table, say the same.
    for table in _columns_cut_from(call, 0, "x") & _columns_cut_from(call, 1, "y"):
        value = names.get(table)
        if isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[0] == got[0] \
                and value.shape[1] == want[1] > got[1]:
            return value
    return None


def _columns_cut_from(call: TrainingCall, position: int, keyword: str) -> set[str]:
    """The tables whose columns the line that made the call's x (0) or y (1) takes (``T[:, a:b]``,
    ``T[:, k]``): names subscripted with every row first."""
    from shapedoctor.diagnosis.data_origin import _statement_at
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    site = call.site
    line = assignment_line(site, argument_name(site, position, keyword)) if site is not None else None
    stmt = _statement_at(site.file, line) if line is not None else None
    if stmt is None:
        return set()
    return {node.value.id for node in ast.walk(stmt.value)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
            and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2
            and isinstance(node.slice.elts[0], ast.Slice) and node.slice.elts[0].lower is None
            and node.slice.elts[0].upper is None}


def trained(model: Any) -> bool:
    """The model already took at least one optimizer step (it was fitted earlier in the script)."""
    try:
        return int(model.optimizer.iterations.numpy()) > 0
    except Exception:  # noqa: BLE001 - not compiled, or no optimizer state: not known to be trained
        return False


def pad_like_training(call: TrainingCall, want: tuple, got: tuple) -> TrainingFix | None:
    """``x = pad_sequences(new)`` (no ``maxlen``) against a model declared for sequences of length
    L: rewrite that call with ``maxlen=L``, where the data is made."""
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line, calls_named_at

    if len(want) != 2 or len(got) != 2 or want[1] is None or got[1] == want[1]:
        return None
    site = call.site
    var = argument_name(site, 0, "x") if site is not None else None
    line = assignment_line(site, var) if var else None
    if line is None:
        return None
    node = next(calls_named_at(site.file, line, "pad_sequences", single_line=True), None)
    if node is None or len(node.args) > 1:
        return None
    text = linecache.getline(site.file, line)
    if not text.isascii():
        return None  # ast columns count bytes
    length = int(want[1])
    post = any(kw.arg == "padding" and getattr(kw.value, "value", None) == "post" for kw in node.keywords)
    truncate_post = any(kw.arg == "truncating" and getattr(kw.value, "value", None) == "post"
                        for kw in node.keywords)
    call_text = text[node.col_offset:node.end_col_offset]
    written = next((kw for kw in node.keywords if kw.arg == "maxlen"), None)
    if written is not None:
        # maxlen=80 written as a number beside `maxlen = 50`, the length the model was built with: the
        # script's own name was meant (keras-io text classification with a transformer)
        sizes = getattr(call, "sizes", None) or {}
        if not (isinstance(written.value, ast.Constant) and sizes.get("maxlen") == length
                and written.value.value != length):
            return None
        start, end = written.value.col_offset - node.col_offset, written.value.end_col_offset - node.col_offset
        new_call = call_text[:start] + "maxlen" + call_text[end:]
    else:
        new_call = call_text[:-1].rstrip() + f", maxlen={length})"
    new_line = text.rstrip("\n").replace(call_text, new_call, 1)

    def apply(value, length=length, post=post, truncate_post=truncate_post):
        arr = np.asarray(value)
        width = arr.shape[1]
        if width >= length:
            return arr[:, :length] if truncate_post else arr[:, width - length:]
        pad = ((0, 0), (0, length - width) if post else (length - width, 0))
        return np.pad(arr, pad)

    shown = "maxlen" if written is not None else str(length)
    return TrainingFix(f"pad the sequences to the length the model was built for: "
                       f"pad_sequences(..., maxlen={shown})", "data", apply=apply, cost=1,
                       line_edit=(line, node.col_offset, node.end_col_offset, new_call, new_line.strip()),
                       note="the length the script names `maxlen`" if written is not None
                       else "the same padding as the training data")
