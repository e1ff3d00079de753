"""Kinds of Keras losses by what they compare, shared by the recording and the diagnosis.

A loss is known by its name (``"mse"``, ``keras.losses.MeanSquaredError().name``, a function's
``__name__``), lower-cased:

* :data:`ELEMENTWISE` compare labels and predictions value by value (the same shape);
* :data:`BINARY` and :data:`CATEGORICAL` compare 0/1 or one-hot labels with probabilities of the same shape;
* :data:`SPARSE` take one class id per sample (or position) beside one score per class.
"""

from __future__ import annotations

from typing import Any

CATEGORICAL = {"categorical_crossentropy", "categoricalcrossentropy", "categorical_focal_crossentropy",
               "categoricalfocalcrossentropy", "kl_divergence", "kldivergence", "categorical_hinge"}
SPARSE = {"sparse_categorical_crossentropy", "sparsecategoricalcrossentropy"}
BINARY = {"binary_crossentropy", "binarycrossentropy", "binary_focal_crossentropy", "binaryfocalcrossentropy"}
ELEMENTWISE = {"mean_squared_error", "mse", "meansquarederror", "mean_absolute_error", "mae", "meanabsoluteerror",
               "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error", "msle", "huber", "huber_loss", "log_cosh",
               "logcosh", "hinge", "squared_hinge", "poisson", "cosine_similarity"}


def loss_name(loss: Any) -> str:
    if loss is None:
        return ""
    if isinstance(loss, str):
        return loss.lower()
    name = getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__
    return str(name).lower()
