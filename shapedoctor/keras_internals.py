"""The few pieces of Keras that have no public name, in one place, each with the reason it is needed.

Everything else shapedoctor uses from Keras goes through public names (``keras.layers.Layer``,
``keras.Model``, ``keras.Sequential``, ``keras.layers.InputLayer``, ``keras.StatelessScope``...).
What is below is Keras 3's implementation namespace (``keras.src``): it can move between
releases, so it is imported lazily here and nowhere else (``tests/test_pipeline.py`` checks
that), and each use says what breaks without it.
"""

from __future__ import annotations

from typing import Any


def variable_base() -> type:
    """The backend-independent ``Variable`` class. ``keras.Variable`` is the current backend's
    subclass; the weight-free check declares variables without memory by wrapping the base
    class's ``__init__``, which every backend's variable runs."""
    from keras.src.backend.common.variables import Variable

    return Variable


def optimizer_base() -> type | None:
    """The base of every optimizer (whose ``apply`` the weight-free check skips: it needs real
    gradients). ``keras.optimizers.Optimizer`` is the backend's subclass of it."""
    try:
        from keras.src.optimizers.base_optimizer import BaseOptimizer
    except ImportError:  # pragma: no cover - another Keras layout
        return None
    return BaseOptimizer


def global_state() -> Any:
    """Keras's global attributes: the active stateless scope and the list of variables declared
    but not yet allocated, which a shape replay must leave as it found them."""
    from keras.src.backend.common import global_state as state

    return state


def compute_output_spec(fn: Any, *args: Any) -> Any:
    """Run *fn* symbolically on placeholders (``keras.ops`` has it per operation, not for a
    whole training step)."""
    from keras.src import backend

    return backend.compute_output_spec(fn, *args)


def aligned_loss_shapes(y_true: Any, y_pred: Any) -> tuple[Any, Any]:
    """The two tensors a Keras loss compares, after its own squeeze/expand of a last axis of 1:
    Keras is the oracle for which label shapes a loss accepts."""
    from keras.src.losses.loss import squeeze_or_expand_to_same_rank

    return squeeze_or_expand_to_same_rank(y_true, y_pred)
