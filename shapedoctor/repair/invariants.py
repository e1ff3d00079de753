"""The invariants a candidate fix must keep before it may be called *verified*.

Keras accepting the edited program is necessary, not sufficient: cropping three quarters of a
feature map away, or reshaping N matrices into N·m rows against N labels, is accepted by
Keras and still wrong. A fix is verified only when every invariant that applies to it holds:

* ``reaches_end`` — the edited model gets past the failing point to its output (and, for
  training calls, through one real training step);
* ``samples`` — a data or label change keeps the number of samples and the x↔y pairing,
  measured on the FULL arrays (a single sample may gain its batch axis);
* ``loss_shapes`` — after the fix the loss compares labels and outputs of the same shape
  (no silent broadcast);
* ``keeps_data`` — nothing is thrown away: no cropping beyond the few pixels a valid
  convolution removes, no inserted pooling that keeps fewer than one value in ``POOL_MAX`` per
  axis (a shortcut pooled by 2 is the residual idiom; a branch pooled by 8 to make a merge fit
  throws away 63 of every 64 positions), no slicing of features or samples;
* ``size`` — no tensor grows by more than ``GROWTH``× and no layer's parameters by more than
  ``PARAM_GROWTH``× (and ``PARAM_FLOOR``) against the user's model, on what both replays
  reached, except a layer the fix resizes on purpose (a Dense applied per pixel is a smell);
* ``fits_labels`` — the model's output still has the shape the labels (or the original
  model) need;
* ``batch_axis`` — the model's output keeps the batch axis its inputs have (``None`` first): a fix
  that lets a layer reduce or reshape over the samples (a custom layer summing over "time" on a
  2-D input, then ``Reshape((1,))`` on the ``(8,)`` it returns) builds and even trains silently, on
  a batch of a fixed size that is not the samples;
* ``learns`` — a model edit leaves no softmax over a single value at the output it changed (one
  unit normalised over itself is always 1.0: the shapes fit and nothing can be learned);
* ``ids_in_range`` / ``labels_in_range`` — after an Embedding is resized or labels are
  re-encoded, every id (label) of the FULL data has a row (an output unit): the few samples
  of the training step may not hold the largest one;
* ``keeps_meaning`` — a layer with weights is never written where the code runs on every
  step (a loop, ``call``, ``train_step``): it would be a new, untrained layer each time,
  outside the model's trainable weights;
* ``changes_code`` — the code written for a fix changes the source: a rewrite that leaves the
  lines as they are cannot express the edit the replay verified;
* ``proof`` — when the patched script is run (``run`` proves a fix whose replay stopped short),
  it has no shape problem left and does not fail on a line the patch wrote.

Each check returns ``(ok, why)``; :class:`Checks` keeps them in order for the report
(``FixReport.checks``, JSON ``"checks"``). The documentation is in ``docs/verification.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from shapedoctor.trace.sites import source_tree

GROWTH = 16  # the largest factor a fix may grow a tensor (values per sample) by
PARAM_GROWTH = 256  # ... and a parameter count by (Flatten before a Dense legitimately grows it a lot)
PARAM_FLOOR = 1_000_000  # parameter growth below this many is never a blow-up
CROP_PIXELS = 4  # a crop of up to this many pixels per axis is what valid convolutions remove
CROP_KEEP = 0.75  # ... or, on larger maps, a crop that keeps at least this share of each axis
POOL_MAX = 4  # an inserted pooling may merge at most this many positions per axis
DROP_SAMPLES = 2  # a count fix may drop this many unpaired samples (an off-by-one window) ...
DROP_SHARE = 0.05  # ... or this share of them, never more

INVARIANTS = {
    "reaches_end": "reaches the model output (and one training step)",
    "samples": "keeps the number of samples and the x↔y pairing",
    "loss_shapes": "the loss compares labels and outputs of the same shape",
    "keeps_data": "throws no data away",
    "size": f"no parameter or activation blow-up (≤ {GROWTH}×)",
    "fits_labels": "the output still fits the labels",
    "keeps_meaning": "creates no new untrained layer on every call",
    "changes_code": "the written code changes the program",
    "ids_in_range": "every id of the data has an Embedding row",
    "labels_in_range": "every label is a class index of the output",
    "learns": "no softmax over a single value at the output",
    "batch_axis": "the output keeps the batch axis",
}
# Layers that own weights: inserted where code runs again and again, they are re-created each time.
WEIGHTED = ("Dense", "Conv", "Embedding", "LSTM", "GRU", "SimpleRNN", "Bidirectional", "BatchNormalization",
            "LayerNormalization", "MultiHeadAttention", "EinsumDense")
REPEATED_FUNCTIONS = ("call", "train_step", "test_step", "predict_step")


@dataclass
class Checks:
    """The invariants checked for one candidate, in the order they were checked."""

    results: dict[str, bool] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    def record(self, name: str, ok: bool, why: str = "") -> bool:
        self.results[name] = bool(ok)
        if not ok and why:
            self.reasons[name] = why
        return bool(ok)

    @property
    def failed(self) -> str | None:
        return next((k for k, v in self.results.items() if not v), None)

    @property
    def ok(self) -> bool:
        return self.failed is None

    def failure_text(self) -> str:
        name = self.failed
        if name is None:
            return ""
        why = self.reasons.get(name)
        return f"{name}: {why}" if why else f"{name}: {INVARIANTS.get(name, name)}"


def samples_kept(before: tuple | None, after: tuple | None, labels: int | None = None) -> tuple[bool, str]:
    """A data/label transform keeps the number of samples (its first axis).

    The exceptions: a single sample that lacked its batch axis becomes a batch of one
    (``after == (1,) + before``); and data whose samples were not on its first axis (arrays stacked
    feature by feature) has them moved there: the same values, and the first axis then counts as
    many samples as there are *labels*, which it did not before."""
    import math

    if not before or not after:
        return True, ""
    if after[0] == before[0]:
        return True, ""
    if tuple(after[1:]) == tuple(before) and after[0] == 1:
        return True, ""
    if (labels is not None and after[0] == labels != before[0] and None not in before and None not in after
            and labels in before and sorted(before) == sorted(after) and math.prod(before) == math.prod(after)):
        return True, ""
    return False, f"turns {before[0]} samples into {after[0]}"


def batch_axis_kept(inputs: list[tuple | None], out: tuple) -> tuple[bool, str]:
    """The output has a batch axis of any size (``None``) when an input of the model has one."""
    if not any(shape and shape[0] is None for shape in inputs) or not out:
        return True, ""
    if out[0] is None:
        return True, ""
    return False, (f"the model output {tuple(out)} has no batch axis (None first): a layer reduced or reshaped "
                   "over the samples")


def few_samples_dropped(before: int | None, after: int | None) -> tuple[bool, str]:
    """A count fix that drops unpaired samples drops a few at an edge (an off-by-one window), not a
    share of the data: at most ``DROP_SAMPLES`` samples or ``DROP_SHARE`` of them. Dropping half of a
    batch made of two stacked halves (real and generated images) throws data away."""
    if before is None or after is None or after >= before:
        return True, ""
    dropped = before - after
    if dropped <= max(DROP_SAMPLES, DROP_SHARE * before):
        return True, ""
    return False, f"drops {dropped} of {before} samples ({100 * dropped // before} %)"


def values_kept(before: tuple | None, after: tuple | None) -> tuple[bool, str]:
    """A transform of the data keeps every value of each sample (it may add or move axes, not slice)."""
    import math

    if not before or not after:
        return True, ""
    if before[0] == after[0] and None not in before[1:] + after[1:] and math.prod(after[1:]) < math.prod(before[1:]):
        # the same samples (a batch axis left as None too), each with fewer values: a slice of the features
        return False, f"slices {math.prod(before[1:]) - math.prod(after[1:]):,} values of every sample away"
    if None in before or None in after:
        return True, ""
    if math.prod(after[1:]) * after[0] < math.prod(before) and after[0] <= before[0]:
        return False, f"slices {math.prod(before) - math.prod(after):,} values away"
    return True, ""


def padding_keeps_tokens(lengths: list[int], maxlen: int) -> tuple[bool, str]:
    """Padding to *maxlen* keeps every token: no sequence is longer (pad_sequences would cut it)."""
    cut = sum(1 for n in lengths if n > maxlen)
    if cut:
        return False, f"cuts {cut} sequence{'s' if cut != 1 else ''} longer than {maxlen} ids"
    return True, ""


def ids_in_range(largest: int | None, rows: int | None) -> tuple[bool, str]:
    """The largest id of the data indexes a row of an Embedding with *rows* rows."""
    if largest is None or rows is None or largest < rows:
        return True, ""
    return False, f"id {largest} still has no row (input_dim={rows})"


def labels_in_range(labels, classes: int | None) -> tuple[bool, str]:
    """Re-encoded sparse labels are all class indices 0..classes-1 (checked on every label)."""
    import numpy as np

    try:
        arr = np.asarray(labels)
        low, high = int(arr.min()), int(arr.max())
    except Exception:  # noqa: BLE001 - labels that cannot be read whole are not judged here
        return True, ""
    if classes is None or (low >= 0 and high < classes):
        return True, ""
    return False, f"labels span {low}..{high}, the output has classes 0..{classes - 1}"


def paired(n_x: int | None, n_y: int | None) -> tuple[bool, str]:
    """Inputs and labels still pair up one to one."""
    if n_x is None or n_y is None or n_x == n_y:
        return True, ""
    return False, f"{n_x} inputs against {n_y} labels"


def crop_keeps_data(crop: tuple, spatial: tuple) -> tuple[bool, str]:
    """A ``CroppingND`` of *crop* (``((top, bottom), (left, right))``) on a map of *spatial* size."""
    for pair, size in zip(crop, spatial):
        cut = sum(pair) if isinstance(pair, (tuple, list)) else 2 * int(pair)
        if size is None or (cut <= CROP_PIXELS and 2 * cut < size):  # a few pixels, never half the map or more
            continue
        if (size - cut) < CROP_KEEP * size:
            return False, f"crops {cut} of {size} pixels on an axis ({100 * cut // size} % thrown away)"
    return True, ""


def reshape_keeps_positions(before: tuple, target: tuple) -> tuple[bool, str]:
    """An inserted ``Reshape`` does not reorder sizes: from (24, 20, 16, 3) to (16, 20, 24, 3) it keeps the
    memory order and mixes the positions of the volume (a transpose written as a reshape, r1031)."""
    sizes = [d for d in before if d != 1]
    wanted = [d for d in target if d != 1]
    if None in before or any(not isinstance(d, int) or d < 0 for d in target):
        return True, ""
    if sorted(sizes) == sorted(wanted) and sizes != wanted and len(sizes) > 1:
        return False, (f"a Reshape from {before} to {target} keeps the values' order and mixes positions: "
                       "the same sizes in another order is a transpose (Permute), not a reshape")
    return True, ""


def pool_keeps_data(pool_size) -> tuple[bool, str]:
    """An inserted pooling layer of *pool_size* (an int or one size per axis)."""
    sizes = [pool_size] if isinstance(pool_size, int) else list(pool_size or ())
    largest = max((int(s) for s in sizes if isinstance(s, int)), default=1)
    if largest > POOL_MAX:
        return False, f"pools {largest} positions into one on an axis (keeps 1 value in {largest})"
    return True, ""


def _params_blow_up(before: int, after: int) -> bool:
    return bool(before) and after > PARAM_GROWTH * before and after - before > PARAM_FLOOR


def size_kept(base, trial, edited: frozenset = frozenset(), new_inputs: tuple = (), resized: frozenset = frozenset(),
              laid_out: frozenset = frozenset()) -> tuple[bool, str]:
    """No blow-up against the user's model, compared on what both replays reached: no layer (other
    than the ones the fix edits on purpose) grows its parameters by PARAM_GROWTH×, and no tensor
    (other than the ones those layers make) grows by GROWTH× — times the growth of the input when
    the fix declares the input for larger data. *laid_out*: the edited layers whose edit only moves
    values (a merge's ``axis``), which do not stop a new layout of the same input values from counting as one.

    *base* and *trial* are :class:`~shapedoctor.infer.propagate.Propagation` results."""
    from shapedoctor.infer.propagate import per_sample

    for key, before in base.params.items():
        after = trial.params.get(key)
        if key not in edited and after and _params_blow_up(before, after):
            return False, f"{key} grows from {before:,} to {after:,} parameters"
    inputs = [per_sample(s) for tid, s in base.shapes.items() if tid in resized]
    if new_inputs and edited <= laid_out and sorted(per_sample(s) for s in new_inputs) == sorted(inputs):
        # The fix only lays the same input values out differently (channels last, a missing axis):
        # the user's own layers then run as written, so a tensor the bug had collapsed (a feature
        # map of one row) regains its intended size; that is no blow-up made by the fix.
        return True, ""
    grown = max([per_sample(s) for s in new_inputs] + [1]) / max(inputs + [1]) if new_inputs else 1.0
    for tid, before in base.shapes.items():
        if tid in resized or before is None or None in tuple(before)[1:]:
            continue  # an axis of unknown size (None) cannot be compared
        after = trial.shapes.get(tid)
        a, b = per_sample(before), per_sample(after)
        if after is not None and tuple(after)[1:] == tuple(before):
            # One sample without its batch axis (a call on a 0-d id or a lone image): every value of it
            # is the sample's, so an Embedding's (32,) is not 1 value growing to (1, 32)'s 32.
            a = math.prod(d for d in tuple(before) if isinstance(d, int) and d > 0)
        if a and b and b > GROWTH * max(1.0, grown) * a:
            return False, f"a tensor grows from {a:,} to {b:,} values per sample"
    return True, ""


def model_size(model) -> tuple[int, int]:
    """(parameters, largest activation or input per sample) of a built Keras model."""
    from shapedoctor.infer.propagate import per_sample

    try:
        params = int(model.count_params())
    except Exception:  # noqa: BLE001 - unbuilt or odd model: nothing to compare
        params = 0
    largest = 0
    try:  # the data itself: a Flatten of the input makes no new values
        largest = max([per_sample(tuple(t.shape)) for t in model.inputs] + [0])
    except Exception:  # noqa: BLE001 - no symbolic inputs (not built): the layers alone
        largest = 0
    for layer in getattr(model, "layers", []) or []:
        try:
            largest = max(largest, per_sample(tuple(layer.output.shape)))
        except Exception:  # noqa: BLE001 - a layer with several or no outputs
            continue
    return params, largest


def model_size_kept(before: tuple[int, int], after: tuple[int, int]) -> tuple[bool, str]:
    (p0, a0), (p1, a1) = before, after
    if _params_blow_up(p0, p1):
        return False, f"the parameter count grows from {p0:,} to {p1:,}"
    if a0 and a1 > GROWTH * a0:
        return False, f"the largest activation grows from {a0:,} to {a1:,} values per sample"
    return True, ""


def repeated_context(file: str | None, line: int | None) -> str | None:
    """Why code at *file*:*line* runs on every step (a loop, ``call``, ``train_step``), or None."""
    import ast

    if not file or not line:
        return None
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        end = getattr(node, "end_lineno", None)
        if end is None or not (node.lineno <= line <= end):
            continue
        if isinstance(node, (ast.For, ast.While, ast.AsyncFor)) and node.lineno < line:
            return f"the loop at line {node.lineno}"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in REPEATED_FUNCTIONS:
            return f"`{node.name}` (runs on every step)"
    return None


def meaning_kept(cls: str, file: str | None, line: int | None) -> tuple[bool, str]:
    """A layer with weights must not be written where the code runs on every step."""
    if not any(cls.startswith(w) or cls == w for w in WEIGHTED):
        return True, ""
    where = repeated_context(file, line)
    if where is None:
        return True, ""
    return False, f"a new {cls} would be created on every pass through {where}, untrained and outside the model"


def output_learns(model, index: int) -> tuple[bool, str] | None:
    """Whether output *index* of *model* can still be learned: not a softmax over a last axis of
    size 1 (always 1.0). None when that output applies no softmax (nothing to judge)."""
    try:
        tensor = model.outputs[index]
        layer = tensor._keras_history.operation
        cfg = layer.get_config()
    except (AttributeError, IndexError, TypeError, ValueError, NotImplementedError):
        return None
    cls = type(layer).__name__
    softmax = cfg.get("activation") == "softmax" or (cls == "Softmax" and cfg.get("axis", -1) in (-1, None))
    if not softmax:
        return None
    if tuple(tensor.shape)[-1] == 1:
        return False, f"`{layer.name}` would apply softmax to a single value: it always outputs 1.0"
    return True, ""


def code_changes(edits: list) -> tuple[bool, str]:
    """Whether the text edits of a fix change the source they apply to (no edits: nothing to judge)."""
    from shapedoctor.patch.apply import read_source
    from shapedoctor.patch.textedit import apply_edits

    files = sorted({e.file for e in edits})
    for file in files:
        before = read_source(file)
        if before is None:
            return True, ""
        try:
            if apply_edits(before, [e for e in edits if e.file == file]) != before:
                return True, ""
        except ValueError:  # overlapping edits: writing will refuse them with its own reason
            return True, ""
    if not files:
        return True, ""
    lines = sorted({e.start_line for e in edits})
    return False, f"the code it would write leaves line {', '.join(map(str, lines))} as it is"
