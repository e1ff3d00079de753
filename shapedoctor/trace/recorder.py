"""Instrument Keras while a program runs: layer creation sites, calls, and the failing call.

:class:`Recorder` wraps a handful of Keras entry points (``Layer.__init__``,
``Layer.__call__``, ``Sequential.build`` and the ``Model`` training/inference methods).
The wrappers only *record*: they never change arguments, results or exceptions, so the
user's program behaves exactly as under plain ``python``. What they record:

* for every layer, the user source line that created it (:mod:`shapedoctor.trace.sites`);
* for every layer call, its call site and the objects it received and returned, so the
  producer of any tensor can be found later;
* for the innermost layer call that raised, a :class:`Failure`: the consumer layer, the
  exception, and the Sequential model being built around it, if any;
* for every top-level model call that succeeded, the shape path through its layers.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.trace.sites import Site, user_site


def shape_of(x: Any) -> tuple | None:
    """The shape of a tensor-like object as a tuple of ints and None, or None if it has none."""
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    try:
        return tuple(None if d is None else int(d) for d in shape)
    except (TypeError, ValueError):  # unknown rank (tf.TensorShape(None)) or odd objects
        return None


def is_symbolic(x: Any) -> bool:
    return type(x).__name__ == "KerasTensor"


@dataclass
class CallRecord:
    """One call of one layer."""

    layer: Any
    site: Site | None
    args: tuple
    kwargs: dict
    depth: int
    outputs: Any = None
    error: BaseException | None = None
    stage: str = "call"

    @property
    def symbolic(self) -> bool:
        from keras import tree

        return any(is_symbolic(t) for t in tree.flatten((self.args, self.kwargs)))


@dataclass
class Failure:
    """The innermost layer call that raised, and what surrounded it."""

    call: CallRecord
    exception: BaseException
    stack: list[CallRecord]  # enclosing calls, outermost first
    sequential: Any = None  # the Sequential model being built, if any
    stage: str = "build"


@dataclass
class ModelRun:
    """A successful top-level model call: the shape path, for the 'ok' report."""

    model_name: str
    site: Site | None
    steps: list[tuple[str, str, tuple | None, Site | None]] = field(default_factory=list)
    input_shape: tuple | None = None
    output_shape: tuple | None = None
    model: Any = field(default=None, repr=False, compare=False)  # the model object, for the picture


class Recorder:
    """Records what Keras does while installed; see the module docstring."""

    def __init__(self) -> None:
        self.created: dict[int, Site | None] = {}
        self._layers: dict[int, Any] = {}  # keeps recorded layers alive so ids stay unique
        self.producers: dict[int, CallRecord] = {}
        self._kept: list[Any] = []  # keeps eager outputs alive while a top-level call runs
        self._local = threading.local()
        self.failure: Failure | None = None
        self.runs: list[ModelRun] = []
        self.training_calls: list[dict] = []
        self.auto_inputs: set[int] = set()
        self.quick = False  # --quick: every fit/evaluate/predict runs one small step
        self.on_training_call = None  # callback(TrainingCall), e.g. the pre-flight check
        self.internal_errors: list[BaseException] = []
        self.merge_broadcasts: list[CallRecord] = []
        self._patches: list[tuple[Any, str, Any]] = []

    # -- state helpers -------------------------------------------------------------------
    @property
    def _stack(self) -> list[CallRecord]:
        stack = getattr(self._local, "stack", None)
        if stack is None:
            stack = self._local.stack = []
        return stack

    @property
    def _sequentials(self) -> list[Any]:
        seqs = getattr(self._local, "seqs", None)
        if seqs is None:
            seqs = self._local.seqs = []
        return seqs

    @property
    def stage(self) -> str:
        return getattr(self._local, "stage", None) or "call"

    def creation_site(self, layer: Any) -> Site | None:
        return self.created.get(id(layer))

    def producer_of(self, tensor: Any) -> CallRecord | None:
        return self.producers.get(id(tensor))

    # -- installation --------------------------------------------------------------------
    def install(self) -> "Recorder":
        global CURRENT
        CURRENT = self
        from keras.src.layers.layer import Layer
        from keras.src.models.model import Model
        from keras.src.models.sequential import Sequential

        self._patch(Layer, "__init__", self._wrap_init)
        self._patch(Layer, "__call__", self._wrap_call)
        self._patch(Sequential, "build", self._wrap_sequential_build)
        for method in ("fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"):
            if hasattr(Model, method):
                self._patch(Model, method, functools.partial(self._wrap_stage, method))
        return self

    def uninstall(self) -> None:
        for owner, name, original in reversed(self._patches):
            setattr(owner, name, original)
        self._patches.clear()

    def __enter__(self) -> "Recorder":
        return self.install()

    def __exit__(self, *exc) -> None:
        self.uninstall()

    def _patch(self, owner: Any, name: str, make_wrapper) -> None:
        owner = next(klass for klass in owner.__mro__ if name in klass.__dict__)
        original = owner.__dict__[name]
        wrapper = make_wrapper(original)
        functools.update_wrapper(wrapper, original)
        wrapper.__shapedoctor_original__ = original
        setattr(owner, name, wrapper)
        self._patches.append((owner, name, original))

    # -- wrappers ------------------------------------------------------------------------
    def _wrap_init(self, original):
        recorder = self

        def __init__(self, *args, **kwargs):
            __tracebackhide__ = True  # IPython and pytest hide this frame from the user's traceback
            if id(self) not in recorder.created:
                recorder.created[id(self)] = user_site(2)
                recorder._layers[id(self)] = self
                if recorder._sequentials and recorder._sequentials[-1][1] and type(self).__name__ == "InputLayer":
                    # Made by Sequential.build from the first data it saw, not by the user.
                    recorder.auto_inputs.add(id(self))
            return original(self, *args, **kwargs)

        return __init__

    def _wrap_call(self, original):
        recorder = self

        def __call__(self, *args, **kwargs):
            __tracebackhide__ = True  # IPython and pytest hide this frame from the user's traceback
            stack = recorder._stack
            record = CallRecord(self, user_site(2), args, kwargs, len(stack), stage=recorder.stage)
            if not stack:
                recorder._kept.clear()
            stack.append(record)
            try:
                outputs = original(self, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - recorded, then re-raised unchanged
                record.error = exc
                recorder._note_failure(record, exc)
                raise
            finally:
                stack.pop()
            record.outputs = outputs
            recorder._note_outputs(record, outputs)
            if type(self).__name__ in _BROADCASTING_MERGES and record.symbolic:
                recorder._note_merge(record)
            if not stack:
                recorder._note_model_run(record)
            return outputs

        return __call__

    def _wrap_sequential_build(self, original):
        recorder = self

        def build(self, input_shape=None):
            __tracebackhide__ = True  # IPython and pytest hide this frame from the user's traceback
            # Built from data (inside a call, fit or predict) rather than by `model.build(...)`?
            from_data = bool(recorder._stack) or getattr(recorder._local, "stage", None) is not None
            recorder._sequentials.append((self, from_data))
            try:
                return original(self, input_shape)
            except BaseException:  # noqa: BLE001
                if recorder.failure is not None and recorder.failure.sequential is None:
                    recorder.failure.sequential = self
                raise
            finally:
                recorder._sequentials.pop()

        return build

    def _wrap_stage(self, stage, original):
        recorder = self

        def method(self, *args, **kwargs):
            __tracebackhide__ = True  # IPython and pytest hide this frame from the user's traceback
            outer = getattr(recorder._local, "stage", None)
            call = None
            if outer is None and not recorder._stack:
                args, kwargs, call = recorder._before_training(stage, self, args, kwargs)
            recorder._local.stage = outer or stage
            try:
                return original(self, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - recorded, re-raised unchanged
                if call is not None:
                    call.error = exc
                raise
            finally:
                recorder._local.stage = outer

        return method

    def _before_training(self, stage, model, args, kwargs):
        """Capture the call's data and loss, check them, and apply --quick."""
        from shapedoctor.trace.training import capture, quick_kwargs

        call = None
        try:
            call, args, kwargs = capture(stage, model, user_site(3), args, kwargs)
            self.training_calls.append(call)
            if self.on_training_call is not None:
                self.on_training_call(call)
        except Exception as exc:  # noqa: BLE001 - never break the user's program
            self.internal_errors.append(exc)
        if self.quick:
            args, kwargs, note = quick_kwargs(stage, args, kwargs)
            if call is not None:
                call.quick = note
        return args, kwargs, call

    # -- bookkeeping ---------------------------------------------------------------------
    def _note_failure(self, record: CallRecord, exc: BaseException) -> None:
        current = self.failure
        # The innermost call sees the exception first; outer calls keep its record.
        if current is not None and current.call.depth > record.depth and _same_error(current.exception, exc):
            return
        self.failure = Failure(
            call=record,
            exception=exc,
            stack=list(self._stack[:-1]),
            sequential=self._sequentials[-1][0] if self._sequentials else None,
            stage=record.stage if record.stage != "call" else ("build" if record.symbolic else "call"),
        )

    def _note_outputs(self, record: CallRecord, outputs: Any) -> None:
        from keras import tree

        inputs = {id(t) for t in tree.flatten((record.args, record.kwargs))}
        for out in tree.flatten(outputs):
            if shape_of(out) is None or id(out) in inputs:  # identity (e.g. Dropout at inference)
                continue
            self.producers[id(out)] = record
            if not is_symbolic(out):
                self._kept.append(out)

    def _note_merge(self, record: CallRecord) -> None:
        """An element-wise merge whose inputs differ in shape was accepted: it broadcast."""
        from keras import tree

        shapes = [shape_of(t) for t in tree.flatten(record.args) if shape_of(t) is not None]
        if len(set(shapes)) > 1 and not any(r.layer is record.layer for r in self.merge_broadcasts):
            self.merge_broadcasts.append(record)

    def _note_model_run(self, record: CallRecord) -> None:
        """A top-level call succeeded: remember its shape path, then forget eager tensors."""
        from keras import tree

        layer = record.layer
        inner = getattr(layer, "layers", None)
        if inner is not None and not record.symbolic:
            run = ModelRun(layer.name, record.site, model=layer)
            flat_in = [shape_of(t) for t in tree.flatten(record.args)]
            run.input_shape = flat_in[0] if flat_in else None
            flat_out = [shape_of(t) for t in tree.flatten(record.outputs)]
            run.output_shape = flat_out[0] if flat_out else None
            shape = run.input_shape
            for sub in _flat_layers(layer):
                try:
                    shape = tuple(sub.compute_output_shape(shape)) if shape is not None else None
                except Exception:  # noqa: BLE001 - display only
                    shape = _recorded_output_shape(sub)
                run.steps.append((sub.name, type(sub).__name__, shape, self.creation_site(sub)))
            if run.steps and run.output_shape is not None:
                name, cls, _, site = run.steps[-1]
                run.steps[-1] = (name, cls, run.output_shape, site)
            if not any(r.model_name == run.model_name and r.input_shape == run.input_shape for r in self.runs):
                self.runs.append(run)
        # Eager tensors of a finished top-level call are no longer needed.
        for out in self._kept:
            self.producers.pop(id(out), None)
        self._kept.clear()


CURRENT: Recorder | None = None  # the most recently installed recorder
_BROADCASTING_MERGES = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})


def _flat_layers(model: Any) -> list[Any]:
    from keras.src.layers.core.input_layer import InputLayer

    return [lay for lay in getattr(model, "layers", []) if not isinstance(lay, InputLayer)]


def _recorded_output_shape(layer: Any) -> tuple | None:
    try:
        return shape_of(layer.output)
    except Exception:  # noqa: BLE001
        return None


def _same_error(inner: BaseException, outer: BaseException) -> bool:
    if inner is outer:
        return True
    import re

    ansi = re.compile(r"\x1b\[[0-9;]*m")
    lines = [ln for ln in ansi.sub("", str(inner)).strip().splitlines()
             if ln.strip() and not ln.startswith("Exception encountered")]
    return bool(lines) and lines[0].strip() in ansi.sub("", str(outer))
