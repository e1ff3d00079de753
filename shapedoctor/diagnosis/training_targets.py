"""Labels that are not the kind of target the compiled loss scores: change the loss.

Two mistakes put a classification loss on a task that is not a k-class choice:

* **real-valued targets under a cross-entropy** — a regression (prices, populations) or a
  reconstruction (an autoencoder whose targets are its own pixels) compiled with
  ``sparse_categorical_crossentropy`` or ``categorical_crossentropy``. The sparse loss reads
  every target as a class index (TensorFlow: ``Received a label value of 1383503488 which is
  outside the valid range of [0, 1)``; JAX trains on garbage); widening the output to "that many
  classes" is nonsense. Fix: ``loss="mse"`` (or ``binary_crossentropy`` for targets in [0, 1],
  the usual choice for images scaled to [0, 1]).
* **a categorical cross-entropy over one output unit** — a binary classifier with
  ``Dense(1, activation="sigmoid")`` compiled with ``categorical_crossentropy``: the loss
  normalises the single value to 1.0, so it is 0 for every sample and nothing is learned
  (Keras only warns). Fix: ``binary_crossentropy``.

Targets count as real-valued when they are not whole numbers, or when a float array has far more
distinct values than a classifier has classes (more than half the samples, and more than twice
the output width and 20). Soft labels (rows in [0, 1] summing to 1) are valid categorical targets
and are left alone.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import CATEGORICAL, SPARSE, Problem, TrainingFix, full_labels, loss_name
from shapedoctor.graph.model import format_shape


def _labels(call: Any, index: int):
    y = full_labels(call, index)
    return y if y is not None and y.dtype.kind in "iuf" and y.size else None


def _real_valued(y, k: int) -> bool:
    import numpy as np

    if y.dtype.kind != "f":
        return False
    flat = y.reshape(-1)[:100_000]
    if not np.all(np.isfinite(flat)):
        return False
    if not np.all(np.mod(flat, 1) == 0):
        return True
    distinct = len(np.unique(flat))
    return distinct > len(y) // 2 and distinct > max(2 * k, 20)


def _soft_labels(y) -> bool:
    import numpy as np

    return y.ndim >= 2 and bool(np.all((y >= 0) & (y <= 1))) and bool(np.allclose(y.sum(-1), 1, atol=1e-3))


def target_kind(call: Any, out: tuple, loss: Any, index: int) -> Problem | None:
    """A classification loss on targets that are not class choices (see the module)."""
    name = loss_name(loss)
    if name not in SPARSE | CATEGORICAL or not out or not isinstance(out[-1], int):
        return None
    y = _labels(call, index)
    if y is None:
        return None
    if name in CATEGORICAL and out[-1] == 1 and len(out) == 2:
        if getattr(y, "ndim", 0) == 2 and y.shape[-1] > 1:
            return None  # one-hot rows wider than the head: a width mismatch (training.check_labels), not SD207
        return _single_unit(y, name, out, index)
    if not _real_valued(y, out[-1]) or (name in CATEGORICAL and _soft_labels(y)):
        return None
    low, high = float(y.min()), float(y.max())
    prob = Problem("SD202", f"real-valued targets ({low:.4g} to {high:.4g}) used with {name}, a classification loss",
                   "loss", expected="a regression loss (mse) for real-valued targets",
                   received=f"{name} on targets {format_shape(y.shape)}", output_index=index)
    prob.silent_family = "SD202"  # within range, the sparse loss truncates the targets to class ids silently
    prob.explanation = (f"`{name}` scores a choice among the output's classes: each target must be a class "
                        f"{'index' if name in SPARSE else 'one-hot row'}. These targets are real numbers "
                        f"({low:.4g} to {high:.4g}), a regression or a reconstruction: compile with a loss that "
                        "compares values, such as `mse`.")
    prob.fixes.append(TrainingFix('compare values, not classes: loss="mse"', "loss", loss="mse", cost=1))
    if low >= 0 and high <= 1:
        prob.fixes.append(TrainingFix('targets in [0, 1] (e.g. pixels): loss="binary_crossentropy"', "loss",
                                      loss="binary_crossentropy", cost=1))
    return prob


def _single_unit(y, name: str, out: tuple, index: int) -> Problem | None:
    import numpy as np

    values = set(np.unique(y)[:3].tolist())
    if not values <= {0, 1}:
        return None
    prob = Problem("SD207", f"{name} over a single output unit {format_shape(out)} is 0 for every sample", "loss",
                   expected="binary_crossentropy for one sigmoid unit",
                   received=f"{name} on {format_shape(out)}", output_index=index)
    prob.explanation = (f"`{name}` normalises the output over its last axis before scoring it; with one unit that "
                        "value is always 1.0, so the loss is 0 whatever the model predicts and nothing is learned. "
                        "These labels are 0/1: a binary classifier with one sigmoid unit is scored by "
                        "`binary_crossentropy`.")
    prob.fixes.append(TrainingFix('score one probability per sample: loss="binary_crossentropy"', "loss",
                                  loss="binary_crossentropy", cost=1))
    return prob
