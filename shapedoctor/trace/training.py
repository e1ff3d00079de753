"""Capture what a training/inference call receives: x, y, sample weights, loss, and a sample.

``fit``/``evaluate``/``predict`` (and the ``*_on_batch`` variants) accept arrays, tensors,
``tf.data.Dataset``s, ``PyDataset``s and Python generators, nested in lists and dicts.
:func:`capture` peeks at the first batch without consuming the user's data: datasets are
re-iterable, PyDatasets are indexable, and a generator is handed back to Keras with its
first element put back in front (a generator again), so Keras sees every element.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.trace.sites import Site

SAMPLE = 8  # samples kept for verifying fixes with one real training step


@dataclass
class TrainingCall:
    method: str  # "fit", "evaluate", "predict", "train_on_batch", ...
    site: Site | None
    model: Any
    x: Any = None  # a small sample of the inputs (numpy), same structure as the user's
    y: Any = None
    sample_weight: Any = None
    sample_weight_ref: Any = None  # the user's own sample_weight (arrays given to the call), no copy
    class_weight: Any = None  # the user's class_weight dict, as given
    x_shapes: Any = None  # full shapes (structure of tuples), batch axis = number of samples
    y_shapes: Any = None
    batched: bool = False  # shapes come from one batch of a dataset/generator
    source: str = ""  # what x was given as: "dataset" (tf.data), "pydataset", "generator", "array", ...
    producer: tuple | None = None  # (file, first line) of the generator function that yields x (a PyDataset's __getitem__)
    loss: Any = None
    findings: list = field(default_factory=list)  # filled by the pre-flight check
    error: BaseException | None = None
    quick: str | None = None  # what --quick changed
    x_ref: Any = None
    y_ref: Any = None
    y_max: Any = None  # largest label value over ALL labels (same structure as y), for class-range checks
    validation: Any = None  # (x_shapes, y_shapes) of validation_data, when given as arrays
    validation_element: Any = None  # (x, y) of the first element of a tf.data validation_data, as NumPy
    outputs_seen: list = field(default_factory=list)  # output shapes of the model's calls during this one
    names: dict = field(default_factory=dict)  # the caller's array variables by name (references, no copies)
    sizes: dict = field(default_factory=dict)  # sizes the caller's module names (trace/scope.py)
    checked_only: bool = False  # checked by shapedoctor.diagnose(), never run: a predicted failure is an error
    unbuilt: bool = False  # the model was not built when the call was checked (a Sequential without Input)
    element_spec: Any = None  # a tf.data dataset's element_spec (None for an axis whose length varies)
    finished: bool = False  # the call has returned (or raised): it is not the one being checked


def _shape(obj: Any) -> tuple | None:
    from shapedoctor.trace.recorder import shape_of

    if is_row_list(obj):
        import numpy as np

        try:
            return tuple(int(d) for d in np.shape(obj))
        except ValueError:  # rows of different lengths: no shape
            return None
    return shape_of(obj)


def _number(v: Any) -> bool:
    import numbers

    return isinstance(v, numbers.Number) and not isinstance(v, bool) or type(v).__module__ == "numpy" and not hasattr(v, "__len__")


def is_row_list(obj: Any) -> bool:
    """A Python list of numbers or of lists of numbers: one array written as a list, not a list of inputs.

    Inner tuples do not count: a list of tuples of ints is how shapes are recorded."""
    if not isinstance(obj, list) or not obj:
        return False
    head = obj[:50]
    return all(_number(v) for v in head) or all(
        isinstance(v, list) and all(_number(t) for t in v[:50]) for v in head)


def _structure(obj: Any, fn) -> Any:
    if isinstance(obj, dict):
        return {k: _structure(v, fn) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)) and not is_row_list(obj):
        return type(obj)(_structure(v, fn) for v in obj)
    return fn(obj)


def sample_head(obj: Any, n: int = SAMPLE) -> Any:
    import numpy as np

    def cut(a):
        if _shape(a) is None:
            return a
        try:
            return np.asarray(a[:n])
        except Exception:  # noqa: BLE001
            return a

    return _structure(obj, cut)


def _max(a: Any) -> Any:
    import numpy as np

    try:
        arr = np.asarray(a)
        return arr.max().item() if arr.size and arr.dtype.kind in "iub" else None
    except Exception:  # noqa: BLE001
        return None


def _split_batch(batch: Any) -> tuple[Any, Any, Any]:
    if isinstance(batch, tuple):
        if len(batch) == 1:
            return batch[0], None, None
        if len(batch) == 2:
            return batch[0], batch[1], None
        if len(batch) == 3:
            return batch
    return batch, None, None


def capture(method: str, model: Any, site: Site | None, args: tuple, kwargs: dict) -> tuple[TrainingCall, tuple, dict]:
    """Record the call; returns it with the (possibly re-wrapped) args and kwargs for Keras."""
    args = list(args)
    names = ["x", "y", "batch_size"] if method in ("fit", "evaluate") else ["x"]
    if method in ("train_on_batch", "test_on_batch"):
        names = ["x", "y", "sample_weight"]

    def get(name: str) -> Any:
        if name in kwargs:
            return kwargs[name]
        i = names.index(name) if name in names else None
        return args[i] if i is not None and i < len(args) else None

    def put(name: str, value: Any) -> None:
        if name in kwargs:
            kwargs[name] = value
        else:
            args[names.index(name)] = value

    call = TrainingCall(method, site, model, loss=getattr(model, "loss", None))
    call.unbuilt = not getattr(model, "built", True)
    call.names, call.sizes = caller_scope()
    x, y = get("x"), get("y") if "y" in names else None
    sample_weight = kwargs.get("sample_weight")
    kind = _kind(x)
    call.source = kind or ""
    if kind == "dataset":
        call.element_spec = getattr(x, "element_spec", None)
        try:
            batch = next(iter(x.take(1)), None)  # an empty dataset (batched away by drop_remainder) still has a spec
        except Exception:  # noqa: BLE001 - a dataset that cannot make its first batch (images of several
            batch = None  # sizes batched): Keras raises the same error in the call; the call is still recorded
        x, y, sample_weight = _split_batch(batch) if batch is not None else (None, None, None)
        call.batched = True
    elif kind == "pydataset":
        code = getattr(getattr(type(x), "__getitem__", None), "__code__", None)
        call.producer = (code.co_filename, code.co_firstlineno) if code is not None else None
        x, y, sample_weight = _split_batch(x[0])
        call.batched = True
    elif kind == "generator":
        code = getattr(x, "gi_code", None)
        call.producer = (code.co_filename, code.co_firstlineno) if code is not None else None
        first = next(x)
        put("x", _replayed(first, x))
        x, y, sample_weight = _split_batch(first)
        call.batched = True
    call.x_shapes = _structure(x, _shape) if x is not None else None
    call.y_shapes = _structure(y, _shape) if y is not None else None
    call.x, call.y = sample_head(x), sample_head(y) if y is not None else None
    call.x_ref, call.y_ref = x, y  # the user's own objects (no copy), transformed only on copies
    call.y_max = _structure(y, _max) if y is not None else None
    vd = kwargs.get("validation_data")
    if isinstance(vd, (tuple, list)) and len(vd) >= 2 and _kind(vd[0]) == "array":
        call.validation = (_structure(vd[0], _shape), _structure(vd[1], _shape))
    elif _kind(vd) == "dataset":
        call.validation_element = _first_element(vd)
    call.sample_weight = sample_head(sample_weight) if sample_weight is not None else None
    call.sample_weight_ref = sample_weight if kind == "array" else None
    call.class_weight = kwargs.get("class_weight")
    return call, tuple(args), kwargs


def _replayed(first: Any, rest: Any) -> Any:
    """The generator the user passed, with its first element (already taken) in front again.

    It must stay a generator: Keras's data adapters accept generators (``inspect.isgenerator``),
    not any iterator, so an ``itertools.chain`` would make a valid ``fit`` fail.
    """
    yield first
    yield from rest


def _first_element(dataset: Any) -> tuple | None:
    """The (x, y) of a dataset's first element as NumPy, peeked at without consuming the dataset."""
    import numpy as np

    try:
        vx, vy, _ = _split_batch(next(iter(dataset.take(1))))
        return _structure(vx, np.asarray), None if vy is None else _structure(vy, np.asarray)
    except Exception:  # noqa: BLE001 - an empty or failing pipeline: Keras will say so itself
        return None


MAX_NAMES = 200  # array variables kept from the caller's frame


def caller_scope() -> tuple[dict, dict[str, int]]:
    """What the user's frame can name, found with one walk up the stack: the arrays (locals, then
    globals: which variable holds which data; references only, nothing copied), for fixes that
    rebuild an argument with the user's own variables; and the sizes its module names
    (trace/scope.py), for fixes that spell a size with the user's name for it."""
    from shapedoctor.trace.scope import sizes_in_globals
    from shapedoctor.trace.sites import user_frame

    try:
        frame = user_frame(2)
    except ValueError:  # a shallow stack
        return {}, {}
    return arrays_in_frame(frame), sizes_in_globals(frame)


def arrays_in_frame(frame) -> dict:
    """The concrete arrays (not symbolic tensors) a frame's locals, then globals, name."""
    from shapedoctor.trace.recorder import is_symbolic, shape_of

    found: dict = {}
    if frame is None:
        return found
    for scope in (frame.f_locals, frame.f_globals):
        for name, value in list(scope.items()):
            if len(found) >= MAX_NAMES:
                return found
            if name.startswith("_") or name in found or isinstance(value, type) or not hasattr(value, "dtype"):
                continue
            shape = shape_of(value)
            if shape and not is_symbolic(value):
                found[name] = value
    return found


def _kind(x: Any) -> str:
    if x is None:
        return "none"
    mod = type(x).__module__
    if hasattr(x, "element_spec") and hasattr(x, "take") and "tensorflow" in mod:
        return "dataset"
    try:
        from keras.utils import PyDataset

        if isinstance(x, PyDataset):
            return "pydataset"
    except ImportError:  # pragma: no cover
        pass
    if hasattr(x, "__next__") and not hasattr(x, "shape"):
        return "generator"
    return "array"


def quick_samples(model: Any) -> int:
    """How many samples ``--quick`` keeps for *model*: ``SAMPLE``, or, for a model built for one batch size
    (``Input(batch_shape=(10, ...))``, a stateful RNN), the smallest multiple of that size that holds as many:
    a cut the batch size does not divide would fail where the user's run did not."""
    try:
        sizes = {tuple(t.shape)[0] for t in (getattr(model, "inputs", None) or [])}
    except Exception:  # noqa: BLE001 - a model that cannot say keeps the default
        return SAMPLE
    size = sizes.pop() if len(sizes) == 1 else None
    if not isinstance(size, int) or size < 1:
        return SAMPLE
    return -(-SAMPLE // size) * size


_WHOLE_BATCH_LIMIT = 4096  # a larger whole-batch pass is cut like any other


def _whole_batch(x: Any, batch_size: Any) -> int | None:
    """The number of samples when the call passes them all as one batch (``batch_size`` at least the number
    of arrays' samples, at most ``_WHOLE_BATCH_LIMIT``): a graph network fit on the whole graph, whose
    adjacency rows pair with every node. None otherwise."""
    from keras import tree

    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        return None
    try:
        arrays = [a for a in tree.flatten(x) if _kind(a) == "array"]
    except Exception:  # noqa: BLE001 - a structure Keras cannot flatten is cut as before
        return None
    counts = {len(a) for a in arrays}
    if len(counts) != 1:
        return None
    count = counts.pop()
    return count if 0 < count <= batch_size and count <= _WHOLE_BATCH_LIMIT else None


def quick_kwargs(method: str, args: tuple, kwargs: dict, samples: int = SAMPLE) -> tuple[tuple, dict, str]:
    """``--quick``: one epoch of one small batch, whatever the data is.

    ``predict`` is the exception when its pass is finite (an array, or a pass bounded by ``steps=``):
    it trains nothing, and its output is often the data of a later ``fit`` (features from a frozen
    base), whose labels would no longer pair with a cut pass. An unbounded generator or dataset
    still gives one batch."""
    args = list(args)
    note = []
    names = ["x", "y", "batch_size", "epochs"] if method in ("fit", "evaluate") else ["x", "batch_size"]
    x = kwargs["x"] if "x" in kwargs else (args[0] if args else None)
    if method == "predict":
        if "steps" in kwargs or _kind(x) == "array":
            return tuple(args), kwargs, "the whole pass (predict)"
    whole = _whole_batch(x, kwargs["batch_size"] if "batch_size" in kwargs else
                         (args[names.index("batch_size")] if names.index("batch_size") < len(args) else None))
    if whole is not None:
        samples = max(samples, whole)  # one batch of every sample (a graph given whole): the cut would change it

    def shrink(v):
        kind = _kind(v)
        if kind == "dataset":
            return v.take(1)
        if kind == "generator":
            return (item for item in itertools.islice(v, 1))  # Keras wants a generator, not an islice
        if kind == "array":
            return sample_head(v, samples)
        return v

    for i, name in enumerate(names[:2]):
        if name in kwargs:
            kwargs[name] = shrink(kwargs[name])
        elif i < len(args):
            args[i] = shrink(args[i])
    if _kind(kwargs.get("sample_weight")) == "array":
        kwargs["sample_weight"] = shrink(kwargs["sample_weight"])  # one weight per sample kept, like x and y
    if method == "fit":
        if "epochs" in kwargs or len(args) > 3:
            if "epochs" in kwargs:
                kwargs["epochs"] = 1
            else:
                args[3] = 1
        note.append("epochs=1")
        kwargs.pop("initial_epoch", None)
        if _kind(kwargs.get("validation_data")) != "none":
            vd = kwargs["validation_data"]
            kwargs["validation_data"] = tuple(shrink(v) for v in vd) if isinstance(vd, tuple) else shrink(vd)
        if "steps_per_epoch" in kwargs:
            kwargs["steps_per_epoch"] = 1
        if "validation_steps" in kwargs:
            kwargs["validation_steps"] = 1
    elif "steps" in kwargs:
        kwargs["steps"] = 1
    note.append(f"first {samples} samples")
    return tuple(args), kwargs, ", ".join(note)
