"""Training-time checks of token sequences: lengths that differ, and ids beyond an Embedding's rows.

Text models take integer token ids. Two data slips break them before any shape is compared:

* **Sequences of different lengths** (a Python list of lists, or an object array of arrays)
  passed to ``fit``/``predict`` without padding. Keras cannot make one tensor of them and says
  so in words that never mention lengths (``tuple index out of range``, ``Invalid dtype:
  object``, ``Unrecognized data type ... (of type <class 'list'>)``). The root cause is the line
  that built the list; the fix pads it: ``keras.utils.pad_sequences(x, maxlen=..., padding="post")``,
  with ``maxlen`` the model's declared input length when it has one, else the longest sequence.
* **Ids beyond ``input_dim``**: an ``Embedding(input_dim, ...)`` has one row per id, so ids must
  lie in ``0..input_dim-1``. TensorFlow raises ``indices[0,2] = 4953 is not in [0, 1000)`` from a
  gather deep in the graph (JAX clips silently). The root cause is the Embedding's
  ``input_dim`` (or the tokenizer's vocabulary); the fix gives it ``largest id + 1`` rows.

Each problem's fixes are verified like every training fix (one training step of a clone on the
user's own data) plus invariants checked on ALL the data (:mod:`shapedoctor.repair.invariants`).
"""

from __future__ import annotations

import ast

from typing import Any

from shapedoctor.diagnosis.training_base import (
    Problem,
    TrainingFix,
    all_layers,
    in_input_order,
    model_inputs,
    model_outputs,
    previous_layer,
)
from shapedoctor.graph.model import format_shape

PAD = 'keras.utils.pad_sequences({v}, maxlen=MAXLEN, padding="post")'


# -- sequences of different lengths -------------------------------------------------------
def _is_sequence(item: Any) -> bool:
    import numpy as np

    if isinstance(item, (list, tuple)):
        return all(isinstance(t, (int, float, np.integer, np.floating)) for t in item[:50])
    # a sequence of ids (1-D), or of feature vectors (steps, features...) for a recurrent model
    return isinstance(item, np.ndarray) and item.ndim >= 1 and item.dtype.kind in "iuf"


def sequence_lengths(x: Any) -> list[int] | None:
    """The lengths of the token sequences in *x* when it is a ragged collection of them
    (a list/tuple of sequences, or a 1-D object array of sequences) with differing lengths."""
    import numpy as np

    if isinstance(x, np.ndarray):
        if x.dtype != object or x.ndim != 1:
            return None
        items = list(x)
    elif isinstance(x, (list, tuple)):
        items = list(x)
    else:
        return None
    if len(items) < 2 or not all(_is_sequence(i) for i in items):
        return None
    if len({tuple(np.shape(i)[1:]) for i in items}) != 1:
        return None  # steps of different widths: no padding makes them one array
    lengths = [len(i) for i in items]
    return lengths if len(set(lengths)) > 1 else None


def _declared_length(model: Any) -> int | None:
    declared = model_inputs(model)
    if len(declared) == 1 and len(declared[0]) >= 2 and isinstance(declared[0][1], int):
        return declared[0][1]
    return None


def ragged(call: Any, model: Any) -> Problem | None:
    """Token sequences of different lengths given as x to a single-input model."""
    from shapedoctor.repair import invariants as inv

    if call.batched or len(model_inputs(model)) > 1:
        return None
    lengths = sequence_lengths(call.x_ref)
    if lengths is None:
        return None
    import numpy as np

    declared = _declared_length(model)
    maxlen = declared or max(lengths)
    kind = "an object array" if hasattr(call.x_ref, "dtype") else "a Python list"
    first = np.asarray(list(call.x_ref)[0])
    if first.ndim > 1 or first.dtype.kind == "f":  # steps of feature vectors (or real values): padded as floats
        return _ragged_steps(call, model, lengths, maxlen, declared, kind, first)
    prob = Problem("SD201", f"x is {kind} of {len(lengths)} token sequences of different lengths "
                   f"({min(lengths)} to {max(lengths)}): Keras needs one rectangular array",
                   "data", expected=format_shape((None, declared)) if declared else "(None, steps)",
                   received=f"{len(lengths)} sequences of {min(lengths)} to {max(lengths)} ids")
    prob.explanation = (
        "A model takes one array whose rows all have the same length; sequences of different lengths "
        "cannot be stacked into one, so Keras fails while converting the data (its message names no "
        "shape: 'tuple index out of range', 'Invalid dtype: object', 'Unsupported object type list'). "
        "Pad (and truncate) every sequence to one length first"
        + (f": the model was declared for {declared} ids per sample." if declared else
           f"; the longest has {max(lengths)} ids."))
    prob.fixes.append(TrainingFix(
        "pad the sequences to one length: keras.utils.pad_sequences", "data", whole=True,
        transform=PAD.replace("MAXLEN", str(maxlen)), apply=_pad(maxlen), cost=1,
        checks=lambda full, lengths=lengths, maxlen=maxlen: [
            ("samples", *inv.samples_kept((len(lengths),), tuple(getattr(full, "shape", ())) or None)),
            ("keeps_data", *inv.padding_keeps_tokens(lengths, maxlen))],
        note=None if declared is None or max(lengths) <= declared else
        f"sequences longer than {declared} ids are cut to the model's input length"))
    return prob


def _ragged_steps(call: Any, model: Any, lengths: list, maxlen: int, declared: int | None, kind: str,
                  first: Any) -> Problem | None:
    """Sequences of feature vectors (or real values) of different lengths: padded as float32 with zeros
    after each sequence, ``keras.utils.pad_sequences(x, dtype="float32", padding="post")``."""
    from shapedoctor.repair import invariants as inv

    want = model_inputs(model)
    if len(want) != 1 or len(want[0]) != first.ndim + 1 or tuple(want[0][2:]) != tuple(first.shape[1:]):
        return None
    steps = "values" if first.ndim == 1 else f"steps of {format_shape(tuple(first.shape[1:]))}"
    prob = Problem("SD201", f"x is {kind} of {len(lengths)} sequences of different lengths ({min(lengths)} to "
                   f"{max(lengths)} {steps}): Keras needs one rectangular array", "data",
                   expected=format_shape(tuple(want[0])), received=f"{len(lengths)} sequences of {min(lengths)} to "
                   f"{max(lengths)} {steps}")
    prob.explanation = (
        "A model takes one array whose samples all have the same number of steps; sequences of different "
        "lengths cannot be stacked into one, so Keras fails while converting the data. Pad every sequence with "
        "zeros to one length first" + (f": the model was declared for {declared} steps." if declared else
                                       f"; the longest has {max(lengths)} steps (a Masking layer can skip the zeros)."))
    written = f'keras.utils.pad_sequences({{v}}, {f"maxlen={declared}, " if declared else ""}dtype="float32", ' \
              'padding="post")'
    prob.fixes.append(TrainingFix(
        "pad the sequences to one length: keras.utils.pad_sequences", "data", whole=True,
        transform=written, apply=_pad(maxlen, "float32"), cost=1,
        checks=lambda full, lengths=lengths, maxlen=maxlen: [
            ("samples", *inv.samples_kept((len(lengths),), tuple(getattr(full, "shape", ()))[:1] or None)),
            ("keeps_data", *inv.padding_keeps_tokens(lengths, maxlen))],
        note=None if declared is None or max(lengths) <= declared else
        f"sequences longer than {declared} steps are cut to the model's input length"))
    return prob


def stacked_shape(items: Any) -> tuple | None:
    """The shape of one array made of *items* when they are two or more samples of one shape.

    *items* is a Python list/tuple, or a 1-D object array, whose elements are numeric arrays (or
    lists of numbers) all of the same shape: samples gathered one at a time (``features.append(img)``)
    or cells of a DataFrame column. ``None`` for anything else (a ragged collection, mixed
    elements, a single item)."""
    import numpy as np

    if isinstance(items, np.ndarray):
        if items.dtype != object or items.ndim != 1:
            return None
    elif not isinstance(items, (list, tuple)):
        return None
    if len(items) < 2:
        return None
    shapes = set()
    for item in items:
        if isinstance(item, np.ndarray):
            if item.dtype.kind not in "biuf":
                return None
            shapes.add(item.shape)
        elif _is_sequence(item):
            shapes.add((len(item),))
        else:
            return None
        if len(shapes) > 1:
            return None
    return (len(items),) + shapes.pop()


def plain_list(call: Any, model: Any) -> Problem | None:
    """Samples of one shape gathered in a Python list (or an object array) for a single-input model.

    Keras 3 reads a list as one array per model input ('Data cardinality is ambiguous: x sizes: 40,
    40, ...') and refuses an object array ('Invalid dtype: object'). The fix stacks the samples into
    one array, the idiom of the answers: ``np.asarray(x)`` for a list, ``np.stack(x)`` for an object
    array (``np.asarray`` would keep its dtype object)."""
    import numpy as np

    x = call.x_ref
    if call.batched or len(model_inputs(model)) != 1:
        return None  # several inputs, or none declared (a subclassed model: a tuple may be its inputs)
    shape = stacked_shape(x)
    if shape is None or (isinstance(x, np.ndarray) and len(shape) < 2):
        return None
    as_object = isinstance(x, np.ndarray)
    rows = len(shape) == 2 and not any(isinstance(i, np.ndarray) for i in x)
    what = ("an object array" if as_object else "a Python list") + f" of {shape[0]} " + (
        f"sequences of {shape[1]} values" if rows else f"arrays of shape {format_shape(shape[1:])}")
    prob = Problem("SD201", f"x is {what}, not one array",
                   "data", expected=format_shape((None,) + tuple(model_inputs(model)[0][1:])),
                   received=f"{shape[0]} samples of {format_shape(shape[1:])} in " + (
                       "an object array" if as_object else "a list"))
    prob.explanation = ("Keras 3 takes the data as one array (or a list with one array per model input); a list of "
                        "samples is read as that many inputs ('Unrecognized data type', 'Data cardinality is "
                        "ambiguous'), an array of Python objects cannot be converted ('Invalid dtype: object'). "
                        f"Stack the samples into one array of shape {format_shape(shape)}.")
    declared = tuple(model_inputs(model)[0][1:])
    if not rows and len(shape) >= 3 and shape[1] == 1 and tuple(shape[2:]) == declared:
        # Each item is a batch of one (a picture given its batch axis): join them along that axis.
        prob.explanation = ("Keras 3 takes the data as one array (or a list with one array per model input); a list "
                            "is read as that many inputs ('Data cardinality is ambiguous', 'expects 1 input(s), but "
                            f"it received {shape[0]} input tensors'). Each item here is already a batch of one "
                            f"{format_shape(shape[1:])}: join them along that batch axis into one array of shape "
                            f"{format_shape((shape[0],) + shape[2:])}.")
        prob.fixes.append(_joined(call, shape))
        return prob
    if as_object:
        prob.fixes.append(TrainingFix("stack the samples into one array: np.stack(x)", "data", whole=True,
                                      transform="np.stack({v})", apply=lambda v: np.stack(list(v)), cost=1))
    else:
        title = "stack the rows into one array" if rows else "stack the samples into one array"
        # labels gathered the same way (a list of label arrays) are stacked in the same call
        alike = isinstance(call.y_ref, list) and stacked_shape(call.y_ref) is not None
        prob.fixes.append(TrainingFix(f"{title}: np.asarray(x)" + (", and the labels alike" if alike else ""), "data",
                                      whole=True, transform="np.asarray({v})", apply=lambda v: np.asarray(v), cost=1,
                                      labels_alike=alike))
    return prob


def _joined(call: Any, shape: tuple) -> TrainingFix:
    """``np.concatenate(items)``: batches of one joined along their batch axis (one sample per item, every
    value kept), written where the list is made when that line is ``name = <the list>``."""
    import numpy as np

    from shapedoctor.diagnosis.data_remake import made_on
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.repair.data_follows import made_at

    site = call.site
    var = argument_name(site, 0, "x") if site is not None else None
    found = made_at(site, var) if var else None
    made = made_on(found.file, found.line, var) if found is not None and found.line == found.end_line else None
    rhs = made.segment(made.value) if made is not None else None
    edit = made.edit(f"np.concatenate({rhs})") if rhs is not None else None
    return TrainingFix(f"join the batches of one along their batch axis: np.concatenate(x), {shape[0]} samples of "
                       f"{format_shape(shape[2:])}", "data", whole=True, transform="np.concatenate({v})",
                       apply=lambda v: np.concatenate([np.asarray(i) for i in v]), cost=1, line_edit=edit)


def plain_labels(call: Any, model: Any) -> Problem | None:
    """Labels of one shape gathered in a Python list (or an object array) for a single-output model.

    Keras reads a list of labels as one array per model output, so each per-sample label becomes
    an 'output' of one sample ('Data cardinality is ambiguous: y sizes: 1, 1, 1, ...'). The fix
    stacks them where they are passed: ``np.asarray(y)`` (``np.stack(y)`` for an object array)."""
    import numpy as np


    y = call.y_ref
    if call.batched or y is None or len(model_outputs(model)) != 1:
        return None
    shape = stacked_shape(y)
    if shape is None:
        return _number_list(call, model, y)
    as_object = isinstance(y, np.ndarray)
    where = "an object array" if as_object else "a Python list"
    prob = Problem("SD203", f"y is {where} of {shape[0]} labels of shape {format_shape(shape[1:])}, not one array",
                   "labels", expected=f"one array of {shape[0]} labels",
                   received=f"{shape[0]} labels of {format_shape(shape[1:])} in {where[2:] if not as_object else where}")
    prob.explanation = ("Keras takes the labels of a single-output model as one array; a list is read as one array "
                        "per model output, so every per-sample label counts as a separate output of one sample "
                        "('Data cardinality is ambiguous'). Stack the labels into one array of shape "
                        f"{format_shape(shape)}.")
    stack = "np.stack({v})" if as_object else "np.asarray({v})"
    prob.fixes.append(TrainingFix(f"stack the labels into one array: {stack.format(v='y')}", "labels", whole=True,
                                  transform=stack, apply=lambda v: np.stack(list(v)), cost=1))
    return prob


def _number_list(call: Any, model: Any, y: Any) -> Problem | None:
    """One label per sample written as a Python list of numbers (``y = [1] * batch_size + [0] * batch_size``, a
    GAN discriminator's real/fake labels, r1240): Keras reads it as one target per output ("y_true and y_pred
    have different structures"). The fix makes it one array where the list is made, a column when the output
    has one unit: ``np.array([...]).reshape(-1, 1)``."""
    import numbers

    import numpy as np

    from shapedoctor.diagnosis.data_remake import made_on
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line
    xs = flat_items(call.x_ref)
    if not isinstance(y, list) or len(y) < 2 or not all(isinstance(v, numbers.Number) and not isinstance(v, bool)
                                                        for v in y) or not xs or len(xs[0]) != len(y):
        return None
    out = model_outputs(model)[0]
    column = len(out) == 2 and out[-1] == 1
    how = "np.array({v}).reshape(-1, 1)" if column else "np.array({v})"
    prob = Problem("SD203", f"y is a Python list of {len(y)} numbers, not one array", "labels",
                   expected=f"one array of {len(y)} labels" + (" (n, 1)" if column else ""),
                   received=f"a list of {len(y)} numbers")
    prob.explanation = ("Keras takes the labels of a single-output model as one array; a Python list is read as one "
                        "target per model output ('y_true and y_pred have different structures'), so this list of "
                        f"{len(y)} numbers is not read as {len(y)} labels. Make it one array"
                        + (f" of shape ({len(y)}, 1), like the output." if column else "."))
    site = call.site
    var = argument_name(site, 1, "y") if site is not None else None
    made = made_on(site.file, assignment_line(site, var), var) if var else None
    line_edit = None
    if made is not None and isinstance(made.value, (ast.List, ast.BinOp, ast.ListComp)):
        new = how.format(v=made.segment(made.value) or var)
        line_edit = made.edit(new)
        prob.labels_site = (site.file, made.line)
    prob.fixes.append(TrainingFix(f"make the labels one array: {how.format(v='y')}", "labels", whole=True,
                                  transform=how, line_edit=line_edit, cost=1,
                                  apply=lambda v, column=column: np.asarray(v).reshape(-1, 1) if column
                                  else np.asarray(v)))
    return prob


def object_data(call: Any, model: Any) -> Problem | None:
    """A rectangular object array (e.g. from a DataFrame with a text column): not sequences, not numbers.

    Keras fails with the same ``Invalid dtype: object`` as for ragged sequences; padding is no
    answer here. Numbers stored as objects are cast (``x.astype("float32")``, verified); strings
    must be encoded first, which only the user can choose."""
    import numpy as np

    x = call.x_ref
    if call.batched or not isinstance(x, np.ndarray) or x.dtype != object or x.ndim < 2:
        return None
    strings = sorted({str(v) for v in x.ravel()[:10_000] if isinstance(v, (str, bytes))})[:3]
    prob = Problem("SD201", f"x is an array of Python objects {format_shape(x.shape)} (dtype object), not numbers",
                   "data", expected="a numeric array (float32 / int)", received=f"dtype object {format_shape(x.shape)}")
    prob.explanation = ("Keras converts the data to tensors of numbers; an array of dtype object (typically "
                        "`DataFrame.values` with a text column, or numbers read as strings) cannot be converted "
                        "('Invalid dtype: object').")
    if strings:
        shown = ", ".join(repr(v) for v in strings)
        prob.explanation += (f" It holds text ({shown}): encode those columns as numbers first (one-hot, "
                             "`keras.layers.StringLookup`, `pd.get_dummies`), then cast to float32.")
        return prob
    try:
        x[:8].astype("float32")
    except (TypeError, ValueError):
        return prob
    prob.explanation += " Its values are numbers stored as objects: cast the array."
    prob.fixes.append(TrainingFix('store the numbers as numbers: x.astype("float32")', "data",
                                  transform='{v}.astype("float32")', apply=lambda v: v.astype("float32"), cost=1))
    return prob


def _pad(maxlen: int, dtype: str = "int32"):
    def run(value):
        import keras

        return keras.utils.pad_sequences(list(value), maxlen=maxlen, dtype=dtype, padding="post")

    return run


# -- ids beyond the Embedding's rows ------------------------------------------------------
def _fed_by_input(layer: Any, model: Any) -> int | None:
    """The index of the model input that feeds *layer* directly (through an InputLayer only)."""
    try:
        inputs = [t._keras_history.operation for t in model.inputs]
    except (AttributeError, ValueError, TypeError):
        return None

    source = previous_layer(layer)
    if source is None:
        return None
    return next((i for i, op in enumerate(inputs) if op is source), None)


def _largest_id(value: Any) -> int | None:
    import numpy as np

    try:
        arr = np.asarray(value)
    except Exception:  # noqa: BLE001 - not array-like
        return None
    if arr.dtype.kind not in "iu" or not arr.size:
        if arr.dtype.kind != "f" or not arr.size or not np.all(np.mod(arr, 1) == 0):
            return None
    return int(arr.max())


def embedding_ids(call: Any, model: Any) -> list[Problem]:
    """Ids in the data that an Embedding fed straight by a model input has no row for."""
    from shapedoctor.repair import invariants as inv

    if call.batched:
        return []
    xs = in_input_order(call.x_ref, model) if isinstance(call.x_ref, (list, tuple, dict)) else [call.x_ref]
    out = []
    for layer in all_layers(model):
        if type(layer).__name__ != "Embedding":
            continue
        index = _fed_by_input(layer, model)
        rows = getattr(layer, "input_dim", None)
        if index is None or index >= len(xs) or not isinstance(rows, int):
            continue
        largest = _largest_id(xs[index])
        if largest is None or largest < rows:
            continue
        need = largest + 1
        prob = Problem("SD201", f"the data holds id {largest} but Embedding `{layer.name}` has rows for ids 0 to "
                       f"{rows - 1} (input_dim={rows})", "layer", expected=f"ids 0 to {rows - 1}",
                       received=f"ids up to {largest}", layer=layer, output_index=index)
        prob.explanation = (
            f"An Embedding has one row per id: `input_dim` is the vocabulary size, the largest id + 1. "
            f"`{layer.name}` was given input_dim={rows}, but the data holds ids up to {largest}, so the lookup "
            f"of id {largest} fails (TensorFlow: 'indices[...] = {largest} is not in [0, {rows})'; JAX silently "
            f"reads the wrong row). Give it {need} rows, or cap the tokenizer's vocabulary (num_words) at {rows}.")
        vocabulary = _tokenizer_rows(need)
        if vocabulary is not None:
            name, size = vocabulary
            prob.explanation = prob.explanation.replace(
                f"Give it {need} rows, or cap the tokenizer's vocabulary (num_words) at {rows}.",
                f"The ids come from `{name}`, whose vocabulary has room for {size} ids: give the Embedding that many "
                f"rows (input_dim={size}), for every text the tokenizer may turn into ids, or cap the tokenizer's "
                f"vocabulary at {rows}.")
            prob.fixes.append(TrainingFix(
                f"give the Embedding one row per id of the tokenizer's vocabulary: input_dim = {size}", "model",
                edits=[("config", layer, {"input_dim": size})], cost=1,
                checks=lambda _full, largest=largest, size=size: [("ids_in_range", *inv.ids_in_range(largest, size))]))
        prob.fixes.append(TrainingFix(
            "give the Embedding one row per id: input_dim = largest id + 1", "model",
            edits=[("config", layer, {"input_dim": need})], cost=1 if vocabulary is None else 2,
            checks=lambda _full, largest=largest, need=need: [("ids_in_range", *inv.ids_in_range(largest, need))]))
        out.append(prob)
    return out


def _tokenizer_rows(need: int) -> tuple[str, int] | None:
    """(name, number of ids) of the one adapted integer tokenizer the program made (``TextVectorization``
    in ``int`` mode, a ``StringLookup``) whose ids reach *need*: the ids an Embedding after it must have
    rows for are all those its vocabulary can give (``max_tokens`` when set), not only the largest the
    data holds today. None when there is not exactly one."""
    from shapedoctor.diagnosis.data_origin import assigned_name
    from shapedoctor.trace import recorder as rec

    found = []
    for layer in rec.CURRENT.created_layers() if rec.CURRENT is not None else []:
        size = getattr(layer, "vocabulary_size", None)
        if size is None or getattr(layer, "output_mode", None) != "int":
            continue
        try:
            adapted = int(size())
        except Exception:  # noqa: BLE001 - not adapted, or not a lookup layer
            continue
        cap = getattr(layer, "max_tokens", None)
        rows = cap if isinstance(cap, int) and cap >= adapted else adapted
        if adapted >= need:
            site = rec.CURRENT.creation_site(layer)
            found.append(((assigned_name(site.file, site.line) if site is not None else None) or layer.name, rows))
    return found[0] if len(found) == 1 else None

