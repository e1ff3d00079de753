"""Run a script with every Keras variable declared but never allocated, answering calls symbolically.

Inside :class:`WeightFree`, the whole program runs in a Keras ``StatelessScope`` with variable
initialisation turned off: ``add_weight`` records each variable's shape, dtype and initializer
and allocates nothing, so a model too large for the machine is built in milliseconds.
On top of that:

* ``fit``/``evaluate``/``train_on_batch``/``test_on_batch``: the recorder has already captured
  the call and run the same pre-flight checks as ``shapedoctor run``; then the model and its
  compiled loss are traced on ``KerasTensor`` placeholders of the data's shapes and dtypes
  (one per distinct batch size Keras would use, the last partial batch included, and the
  validation data), so Keras raises its own error where a real step would. The answer is
  symbolic: ``fit`` returns a ``History`` with no epochs, ``evaluate`` and the ``*_on_batch``
  training calls zeros (``0.0`` per loss and metric).
* ``predict``/``predict_on_batch`` and calls of a model or layer on concrete data
  (``model(x)``): traced the same way, answered with **zero-filled arrays of the right shape
  and dtype** (``predict``: NumPy, one row per sample; a direct call: a backend tensor), so the
  script goes on and every later call is checked too.
* Whatever needs real values is not run and is listed (:attr:`WeightFree.unchecked`): an
  optimizer step, saving or loading weights, callbacks, the body of a custom ``train_step``;
  ``tf.GradientTape.gradient`` answers zeros shaped like each source, so a custom training
  loop goes on and each of its model calls is checked.
"""

from __future__ import annotations

import functools
import sys
import threading
from dataclasses import dataclass
from typing import Any

from shapedoctor.trace.recorder import is_symbolic, shape_of
from shapedoctor.trace.sites import user_site

TRAINING = ("fit", "evaluate", "train_on_batch", "test_on_batch")
INFERENCE = ("predict", "predict_on_batch")
NEEDS_WEIGHTS = ("save", "save_weights", "load_weights", "export")
DEFAULT_BATCH = 32  # Keras's batch size when none is given


@dataclass
class Unchecked:
    """Something the script did that cannot be checked without real values."""

    what: str
    file: str | None
    line: int | None
    why: str

    def to_json(self) -> dict:
        return {"what": self.what, "file": self.file, "line": self.line, "why": self.why}


class WeightFree:
    """Context manager: the weight-free, symbolic execution described in the module docstring.

    Enter it before the recorder is installed, so that the recorder's wrappers (capture and
    pre-flight checks) run first and call these symbolic answers in place of Keras's own.
    """

    def __init__(self) -> None:
        self.unchecked: list[Unchecked] = []
        self._patches: list[tuple[Any, str, Any]] = []
        self._local = threading.local()
        self._scope = None

    # -- installation --------------------------------------------------------------------
    def __enter__(self) -> "WeightFree":
        from keras import Model, StatelessScope
        from keras.layers import Layer

        from shapedoctor.keras_internals import optimizer_base, variable_base

        self._patch(variable_base(), "__init__", _wrap_variable_init)
        self._patch(Layer, "__call__", self._wrap_call)
        for method in TRAINING + INFERENCE:
            self._patch(Model, method, functools.partial(self._wrap_stage, method))
        for method in NEEDS_WEIGHTS:
            self._patch(Model, method, functools.partial(self._wrap_skipped, method, "needs the weights' values"))
        if optimizer_base() is not None:
            self._patch(optimizer_base(), "apply", functools.partial(
                self._wrap_skipped, "optimizer step", "needs real gradients (the loss is not computed on values)"))
        tf = sys.modules.get("tensorflow")
        if tf is not None and hasattr(tf, "GradientTape"):
            self._patch(tf.GradientTape, "gradient", self._wrap_gradient)
        self._scope = StatelessScope(initialize_variables=False)
        self._scope.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._scope is not None:
            self._scope.__exit__(*exc)
            self._scope = None
        for owner, name, original in reversed(self._patches):
            setattr(owner, name, original)
        self._patches.clear()

    def _patch(self, owner: Any, name: str, make_wrapper) -> None:
        owner = next(klass for klass in owner.__mro__ if name in klass.__dict__)
        original = owner.__dict__[name]
        wrapper = make_wrapper(original)
        functools.update_wrapper(wrapper, original)
        setattr(owner, name, wrapper)
        self._patches.append((owner, name, original))

    @property
    def _depth(self) -> int:
        return getattr(self._local, "depth", 0)

    def _traced(self, fn, *args):
        """Run *fn* with nested calls left to Keras (they are symbolic already)."""
        self._local.depth = self._depth + 1
        try:
            return fn(*args)
        finally:
            self._local.depth -= 1

    def note(self, what: str, why: str, depth: int = 3) -> None:
        site = user_site(depth)
        entry = Unchecked(what, site.file if site else None, site.line if site else None, why)
        if not any((u.what, u.file, u.line) == (entry.what, entry.file, entry.line) for u in self.unchecked):
            self.unchecked.append(entry)

    # -- wrappers ------------------------------------------------------------------------
    def _wrap_call(self, original):
        weightfree = self

        def __call__(layer, *args, **kwargs):
            __tracebackhide__ = True
            if weightfree._depth or not _has_concrete((args, kwargs)):
                return weightfree._traced(lambda: original(layer, *args, **kwargs))
            from keras import tree

            sargs, skwargs = tree.map_structure(_placeholder, (args, kwargs))
            out = weightfree._traced(lambda: original(layer, *sargs, **skwargs))
            return tree.map_structure(_zeros_tensor, out)

        return __call__

    def _wrap_stage(self, method, original):
        weightfree = self

        def stage(model, *args, **kwargs):
            __tracebackhide__ = True
            if weightfree._depth:
                return original(model, *args, **kwargs)
            call = _current_call(model, method)
            weightfree._notes_for(model, method, kwargs)
            if call is None or call.x is None:
                weightfree.note(f"{method} (data not readable)", "its data could not be read, so it was not traced")
                return _answer(model, method, call, None, kwargs)
            outputs = weightfree._traced(lambda: _trace(model, method, call, args, kwargs))
            _raise_value_errors(call)
            return _answer(model, method, call, outputs, kwargs)

        return stage

    def _wrap_skipped(self, what, why, original):
        weightfree = self

        def skipped(*args, **kwargs):
            __tracebackhide__ = True
            weightfree.note(what, f"not run under check: {why}")
            return None

        return skipped

    def _wrap_gradient(self, original):
        weightfree = self

        def gradient(tape, target, sources, *args, **kwargs):
            __tracebackhide__ = True
            weightfree.note("gradient (GradientTape)", "needs real values: answered with zeros shaped like each "
                            "source, so the loop goes on to its next model call")
            from keras import ops, tree

            return tree.map_structure(lambda v: ops.zeros(tuple(v.shape), dtype=v.dtype), sources)

        return gradient

    def _notes_for(self, model, method: str, kwargs: dict) -> None:
        if method in ("fit", "train_on_batch") and _overrides(model, "train_step"):
            self.note("custom train_step", "its body runs on real values; the model call and compiled loss were "
                      "checked on the data's shapes", depth=4)
        if kwargs.get("callbacks"):
            self.note(f"callbacks of {method}", "not run under check: no epoch or batch happens", depth=4)


def _wrap_variable_init(original):
    """A variable made from a value (not an initializer) already has its memory, the value: it is
    created as usual (Keras refuses such variables inside a stateless scope), e.g. an optimizer's
    iteration counter. Variables made from an initializer stay declared only."""

    def __init__(variable, initializer, *args, **kwargs):
        if callable(initializer) or isinstance(initializer, str):
            return original(variable, initializer, *args, **kwargs)
        from shapedoctor.keras_internals import global_state as keras_state

        global_state = keras_state()
        scope = global_state.get_global_attribute("stateless_scope")
        global_state.set_global_attribute("stateless_scope", None)
        try:
            return original(variable, initializer, *args, **kwargs)
        finally:
            global_state.set_global_attribute("stateless_scope", scope)

    return __init__


class PredictedError(ValueError):
    """A problem Keras reports only on real values (which the symbolic trace cannot see): raised
    in its place so that ``check`` stops where the real call would."""


def _raise_value_errors(call) -> None:
    """Raise the pre-flight errors Keras would raise on the real data although the shapes trace:
    those that do not become a silent broadcast (``silent_family``) when Keras runs the call,
    e.g. x and y with different numbers of samples, or labels beyond the output's classes
    (except on JAX, which does not range-check labels and trains on them: a warning, as in run)."""
    from keras import backend

    from shapedoctor.families import get

    for problem in call.findings:
        if get(problem.family).severity != "error" or problem.silent_family:
            continue
        if backend.backend() == "jax" and problem.family == "SD202":
            continue
        raise PredictedError(f"{problem.message} (predicted by shapedoctor check: Keras raises this on the real data)")


# -- the symbolic trace ----------------------------------------------------------------------
def _trace(model, method: str, call, args: tuple, kwargs: dict):
    """Trace the model (and, for training calls, its compiled loss) on placeholders of the data's
    shapes, once per batch size Keras would use; returns the output spec of the first."""
    from shapedoctor.keras_internals import compute_output_spec

    training = method in ("fit", "train_on_batch")
    first = None
    for batch in _batch_sizes(method, call, args, kwargs):
        xs = _placeholders(call.x, batch)
        ys = _placeholders(call.y, batch) if call.y is not None and method in TRAINING else None
        sw = _placeholders(call.sample_weight, batch) if call.sample_weight is not None and ys is not None else None
        spec = compute_output_spec(functools.partial(_step, model, training), xs, ys, sw)
        first = first if first is not None else spec
    validation = kwargs.get("validation_data") if method == "fit" else None
    if isinstance(validation, (tuple, list)) and len(validation) >= 2 and all(
            shape_of(v) is not None for v in _leaves(validation[:2])):
        vx, vy = validation[0], validation[1]
        n = _samples(vx)
        batch = min(_given_batch(kwargs, args, method) or DEFAULT_BATCH, n or DEFAULT_BATCH)
        compute_output_spec(functools.partial(_step, model, False), _placeholders(vx, batch),
                            _placeholders(vy, batch), None)
    return first


def _step(model, training: bool, x, y, sample_weight):
    y_pred = model(x, training=training)
    if y is None:
        return y_pred
    try:
        model.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=training)
    except TypeError as exc:  # an older compute_loss without `training`
        if "training" not in str(exc):
            raise
        model.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight)
    return y_pred


def _batch_sizes(method: str, call, args: tuple, kwargs: dict) -> list[int | None]:
    """The batch sizes Keras would run: a dataset's own batch; for arrays, the batch size and the
    last partial batch (``*_on_batch``: the whole array)."""
    n = _samples(call.x_ref if call.x_ref is not None else call.x)
    if call.batched:
        shapes = [s for s in _leaves(call.x_shapes, shapes=True) if s]
        return [shapes[0][0] if shapes else None]
    if n is None:
        return [None]
    if method.endswith("_on_batch"):
        return [n]
    size = min(_given_batch(kwargs, args, method) or DEFAULT_BATCH, n) or 1
    rest = n % size
    return [size] + ([rest] if rest else [])


def _given_batch(kwargs: dict, args: tuple, method: str) -> int | None:
    if isinstance(kwargs.get("batch_size"), int):
        return kwargs["batch_size"]
    position = 2 if method in ("fit", "evaluate") else 1
    if len(args) > position and isinstance(args[position], int):
        return args[position]
    return None


def _samples(data: Any) -> int | None:
    for leaf in _leaves(data):
        shape = shape_of(leaf)
        if shape:
            return shape[0]
    return None


def _leaves(data: Any, shapes: bool = False) -> list:
    if isinstance(data, dict):
        return [x for v in data.values() for x in _leaves(v, shapes)]
    if isinstance(data, (list, tuple)) and not (shapes and all(isinstance(d, (int, type(None))) for d in data)):
        return [x for v in data for x in _leaves(v, shapes)]
    return [data]


def _placeholders(data: Any, batch: int | None) -> Any:
    """``KerasTensor``s shaped like *data* (arrays in any nesting), with *batch* rows."""
    import keras

    def spec(a):
        shape = shape_of(a)
        if shape is None:
            return a
        return keras.KerasTensor((batch,) + tuple(shape[1:]) if shape else (), dtype=_dtype(a))

    if isinstance(data, dict):
        return {k: _placeholders(v, batch) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(_placeholders(v, batch) for v in data)
    return spec(data)


def _placeholder(x: Any) -> Any:
    """A concrete tensor/array as a ``KerasTensor`` of the same shape and dtype."""
    if is_symbolic(x) or shape_of(x) is None or _is_variable(x):
        return x
    import keras

    return keras.KerasTensor(shape_of(x), dtype=_dtype(x))


def _dtype(x: Any) -> str:
    from keras import backend

    try:
        return backend.standardize_dtype(x.dtype)
    except Exception:  # noqa: BLE001 - odd array types: Keras's default float
        return backend.floatx()


def _has_concrete(structure: Any) -> bool:
    from keras import tree

    return any(shape_of(x) is not None and not is_symbolic(x) and not _is_variable(x)
               for x in tree.flatten(structure))


def _is_variable(x: Any) -> bool:
    from shapedoctor.keras_internals import variable_base

    return isinstance(x, variable_base())


def _concrete_shape(shape: Any) -> tuple:
    return tuple(1 if d is None else int(d) for d in shape)


def _zeros_tensor(x: Any) -> Any:
    if not is_symbolic(x):
        return x
    from keras import ops

    return ops.zeros(_concrete_shape(x.shape), dtype=x.dtype)


def _zeros_array(spec: Any, rows: int | None) -> Any:
    import numpy as np

    from keras import tree

    def zeros(x):
        if not is_symbolic(x):
            return x
        shape = _concrete_shape(x.shape)
        if rows is not None and shape:
            shape = (rows,) + shape[1:]
        return np.zeros(shape, dtype=x.dtype)

    return tree.map_structure(zeros, spec)


# -- the answers -----------------------------------------------------------------------------
def _current_call(model, method: str):
    """The call the recorder captured (and pre-flight checked) just before this one."""
    from shapedoctor.trace import recorder as rec

    recorder = rec.CURRENT
    calls = getattr(recorder, "training_calls", None) or []
    if calls and calls[-1].model is model and calls[-1].method == method:
        return calls[-1]
    return None


def _answer(model, method: str, call, outputs, kwargs: dict) -> Any:
    if method == "fit":
        import keras

        history = keras.callbacks.History()
        history.set_model(model)
        history.history, history.epoch = {}, []
        model.history = history
        return history
    if method in INFERENCE:
        if outputs is None:
            return None
        rows = _samples(call.x_ref) if call is not None and not call.batched else None
        return _zeros_array(outputs, rows)
    names = [n for n in (getattr(model, "metrics_names", None) or []) if isinstance(n, str)] or ["loss"]
    if kwargs.get("return_dict"):
        return {name: 0.0 for name in names}
    return 0.0 if len(names) == 1 else [0.0] * len(names)


def _overrides(model, name: str) -> bool:
    method = getattr(type(model), name, None)
    module = getattr(method, "__module__", "") or ""
    return method is not None and not module.startswith("keras")
