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

import contextlib
import functools
import inspect
import sys
import threading
import warnings
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.trace.sites import Site, construction_site, user_site


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
    # The calls that finished inside the same top-level call before this one failed (any depth),
    # in order: a subclassed model's eager calls leave no Keras nodes, so this is how a layer
    # already applied earlier in the same forward pass is recognised.
    earlier: list[CallRecord] = field(default_factory=list)
    # A merge layer called on the operands of a failed ``x + y`` (trace/failed_sum.py): the
    # operator's own exception, the one the program really raised.
    stands_for: BaseException | None = None


@dataclass
class RunStep:
    """One layer call inside a successful model call, with the shapes it really produced."""

    name: str
    cls: str
    shape: tuple | None  # its (first) output
    site: Site | None  # where the layer was created
    inputs: tuple[str, ...] = ()  # the steps (or "input", "input 1", ...) whose outputs it received
    in_shape: tuple | None = None  # the shape of its first input


@dataclass
class ModelRun:
    """A successful top-level model call: the calls it made, in order, for the 'ok' report.

    Each step lists the steps it took its inputs from, so parallel branches (four Embeddings
    side by side, the two heads of an actor-critic) read as a graph, not as one chain.
    """

    model_name: str
    site: Site | None
    steps: list[RunStep] = field(default_factory=list)
    input_shape: tuple | None = None
    output_shape: tuple | None = None
    input_shapes: list[tuple | None] = field(default_factory=list)
    model: Any = field(default=None, repr=False, compare=False)  # the model object, for the picture


def moves_first_axis_last(before: tuple, after: tuple) -> bool:
    """A reshape of (batch, a, rest...) to (batch, prod(rest), a), *a* not already last ((c, h, w) ->
    (h * w, c), or (c, steps) -> (steps, c)): the values keep their memory order, so each new row mixes
    the old first axis (channels-first maps) with the others instead of gathering one position's values.
    A transpose written as a reshape."""
    import math

    if len(before) < 3 or len(after) != 3 or None in before[1:] or None in after[1:]:
        return False
    first, rest = before[1], tuple(before[2:])
    return after[2] == first != rest[-1] and after[1] == math.prod(rest) != first and 1 not in rest


class Recorder:
    """Records what Keras does while installed; see the module docstring."""

    def __init__(self) -> None:
        self.created: dict[int, Site | None] = {}
        self.module_globals: dict | None = None  # the script's names when it ended (``run`` of a script that finished)
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
        self.time_concats: list[CallRecord] = []  # Concatenate on a non-last axis of equal sequences (time_concat.py)
        self.mixed_reshapes: list[CallRecord] = []  # Reshape (c, h, w) -> (h * w, c) (mixed_reshape.py)
        self.vector_attentions: list[CallRecord] = []  # Attention([sequence, one vector]) (vector_attention.py)
        self.output_shapes: dict[int, list[tuple]] = {}  # id(model) -> output shapes of its last good call
        from shapedoctor.trace.tensor_ops import OpWatch

        self.op_watch = OpWatch()  # the user's own tensor arithmetic (trace/tensor_ops.py)
        self.loss_calls: list = []  # Keras loss objects the user's code called on broadcast shapes (trace/loss_calls.py)
        self.loss_lines: set = set()  # (file, line) of those calls, each noted once
        self.batch_softmaxes: list = []  # softmax over the batch axis in the user's code (trace/softmax_calls.py)
        self.added_losses: list = []  # add_loss(value) of a non-scalar in the user's code (trace/added_losses.py)
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

    def scratch(self) -> "Recorder":
        """An empty recording that knows where this one's layers were made: for a call checked apart
        from the program's own run (``shapedoctor.diagnose()``), so its findings name the user's lines
        without mixing with what the program recorded."""
        new = Recorder()
        new.created, new._layers = self.created, self._layers
        return new

    def creation_site(self, layer: Any) -> Site | None:
        return self.created.get(id(layer))

    def created_layers(self) -> list[Any]:
        """Every layer the program created while recording, oldest first."""
        return list(self._layers.values())

    def producer_of(self, tensor: Any) -> CallRecord | None:
        return self.producers.get(id(tensor))

    def pin(self, tensors: list) -> None:
        """Keep the producers of *tensors* and of their ancestors past the end of the top-level
        call (eager tensors are normally forgotten then): a finding will walk back through them."""
        from keras import tree

        pinned: set[int] = set()
        todo = list(tensors)
        while todo:
            t = todo.pop()
            record = self.producers.get(id(t))
            if id(t) in pinned or record is None:
                continue
            pinned.add(id(t))
            todo.extend(tree.flatten((record.args, record.kwargs)))
        self._kept = [t for t in self._kept if id(t) not in pinned]

    # -- installation --------------------------------------------------------------------
    def install(self) -> "Recorder":
        global CURRENT
        CURRENT = self
        from keras import Model, Sequential
        from keras.layers import Layer

        self._patch(Layer, "__init__", self._wrap_init)
        self._patch(Layer, "__call__", self._wrap_call)
        self._patch(Sequential, "build", self._wrap_sequential_build)
        for method in ("fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"):
            if hasattr(Model, method):
                self._patch(Model, method, functools.partial(self._wrap_stage, method))
        try:
            from shapedoctor.trace.tensor_ops import install as watch_operators

            watch_operators(self)
        except Exception as exc:  # noqa: BLE001 - the operator watch is optional, the program is not
            self.internal_errors.append(exc)
        try:
            from shapedoctor.trace.loss_calls import install as watch_losses

            watch_losses(self)
        except Exception as exc:  # noqa: BLE001 - the loss watch is optional, the program is not
            self.internal_errors.append(exc)
        try:
            from shapedoctor.trace.added_losses import install as watch_added_losses

            watch_added_losses(self)
        except Exception as exc:  # noqa: BLE001 - the add_loss watch is optional, the program is not
            self.internal_errors.append(exc)
        try:
            from shapedoctor.trace.softmax_calls import install as watch_softmax

            watch_softmax(self)
        except Exception as exc:  # noqa: BLE001 - the softmax watch is optional, the program is not
            self.internal_errors.append(exc)
        original_warn = warnings.warn
        warnings.warn = _warn_past_wrappers(original_warn)
        self._patches.append((warnings, "warn", original_warn))
        return self

    @property
    def installed(self) -> bool:
        """Whether Keras is patched by this recorder now (between install and uninstall)."""
        return bool(self._patches)

    @contextlib.contextmanager
    def paused(self):
        """Keras without this recorder for a while, then recording again: for shapedoctor's own work
        inside a recorded program (``shapedoctor.diagnose()`` called by a script under ``run``), whose
        models and training steps are not the program's and must not appear in its report."""
        if not self.installed:
            yield self
            return
        self.uninstall()
        try:
            yield self
        finally:
            self.install()

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
        functools.update_wrapper(wrapper, original)  # name, doc, __wrapped__ (inspect.signature follows it)
        if name == "__init__":
            # Keras's Operation.__new__ reads both inspect.signature and inspect.getfullargspec of
            # cls.__init__ (a subclass without its own __init__ gets this wrapper); getfullargspec
            # does not follow __wrapped__, only __signature__. (Not for the other methods: Keras
            # functools.wraps bound methods such as `build`, which would copy an unbound signature.)
            wrapper.__signature__ = inspect.signature(original)
        wrapper.__shapedoctor_original__ = original
        _WRAPPER_CODES.add(wrapper.__code__)
        setattr(owner, name, wrapper)
        self._patches.append((owner, name, original))

    def patch_function(self, module: Any, name: str, make_wrapper) -> None:
        """Replace the function *name* of *module* (``keras.ops.softmax``) by ``make_wrapper(original)``,
        as :meth:`_patch` does for a class's method: same name, doc and signature, frames hidden,
        undone by :meth:`uninstall`."""
        original = getattr(module, name)
        wrapper = make_wrapper(original)
        functools.update_wrapper(wrapper, original)
        wrapper.__shapedoctor_original__ = original
        _WRAPPER_CODES.add(wrapper.__code__)
        setattr(module, name, wrapper)
        self._patches.append((module, name, original))

    # -- wrappers ------------------------------------------------------------------------
    def _wrap_init(self, original):
        recorder = self

        def __init__(self, *args, **kwargs):
            if id(self) not in recorder.created:
                recorder.created[id(self)] = construction_site(self, 2)
                recorder._layers[id(self)] = self
                if recorder._sequentials and recorder._sequentials[-1][1] and type(self).__name__ == "InputLayer":
                    # Made by Sequential.build from the first data it saw, not by the user.
                    recorder.auto_inputs.add(id(self))
            try:
                return original(self, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - re-raised unchanged
                _hide_own_frame(exc)
                raise

        return __init__

    def _wrap_call(self, original):
        recorder = self

        def __call__(self, *args, **kwargs):
            stack = recorder._stack
            record = CallRecord(self, user_site(2), args, kwargs, len(stack), stage=recorder.stage)
            if not stack:
                recorder._kept.clear()
                recorder._local.children = []  # the calls this top-level call makes, in order
                recorder._local.built_at_start = getattr(self, "built", True)
                recorder._local.finished = []  # every call of this top-level call that returned
            stack.append(record)
            try:
                outputs = original(self, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - recorded, then re-raised unchanged
                record.error = exc
                recorder._note_failure(record, exc)
                _hide_own_frame(exc)
                raise
            finally:
                stack.pop()
            record.outputs = outputs
            recorder._note_outputs(record, outputs)
            if stack:
                getattr(recorder._local, "finished", []).append(record)
            if type(self).__name__ in _BROADCASTING_MERGES and record.symbolic:
                recorder._note_merge(record)
            elif type(self).__name__ == "Concatenate" and record.symbolic:
                recorder._note_concat(record)
            elif type(self).__name__ == "Reshape" and record.symbolic:
                recorder._note_reshape(record)
            elif type(self).__name__ in ("Attention", "AdditiveAttention") and record.symbolic:
                recorder._note_attention(record)
            if len(stack) == 1 and getattr(recorder._local, "children", None) is not None:
                recorder._local.children.append(record)
            elif not stack:
                recorder._note_model_run(record)
                recorder._note_model_made(outputs)
            return outputs

        return __call__

    def _wrap_sequential_build(self, original):
        recorder = self

        def build(self, input_shape=None):
            # Built from data (inside a call, fit or predict) rather than by `model.build(...)`?
            from_data = bool(recorder._stack) or getattr(recorder._local, "stage", None) is not None
            recorder._sequentials.append((self, from_data))
            try:
                return original(self, input_shape)
            except BaseException as exc:  # noqa: BLE001
                if recorder.failure is not None and recorder.failure.sequential is None:
                    recorder.failure.sequential = self
                _hide_own_frame(exc)
                raise
            finally:
                recorder._sequentials.pop()

        return build

    def _wrap_stage(self, stage, original):
        recorder = self

        def method(self, *args, **kwargs):
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
                _hide_own_frame(exc)
                raise
            finally:
                recorder._local.stage = outer
                if call is not None:  # what the model really returned (subclassed models have no .outputs)
                    call.outputs_seen = recorder.output_shapes.get(id(self), [])
                    call.finished = True

        return method

    def _before_training(self, stage, model, args, kwargs):
        """Capture the call's data and loss, check them, and apply --quick."""
        from shapedoctor.trace.training import capture, quick_kwargs, quick_samples

        call = None
        try:
            call, args, kwargs = capture(stage, model, user_site(3), args, kwargs)
            self.training_calls.append(call)
            if self.on_training_call is not None:
                self.on_training_call(call)
        except Exception as exc:  # noqa: BLE001 - never break the user's program
            self.internal_errors.append(exc)
        if self.quick:
            args, kwargs, note = quick_kwargs(stage, args, kwargs, quick_samples(model))
            if call is not None:
                call.quick = note
        return args, kwargs, call

    # -- bookkeeping ---------------------------------------------------------------------
    def _note_failure(self, record: CallRecord, exc: BaseException) -> None:
        current = self.failure
        # The innermost call sees the exception first; outer calls keep its record.
        if current is not None and current.call.depth > record.depth and (
                _same_error(current.exception, exc)
                or (current.stands_for is not None and _same_error(current.stands_for, exc))):
            return
        self.failure = Failure(
            call=record,
            exception=exc,
            stack=list(self._stack[:-1]),
            sequential=self._sequentials[-1][0] if self._sequentials else None,
            stage=record.stage if record.stage != "call" else ("build" if record.symbolic else "call"),
            earlier=list(getattr(self._local, "finished", [])),
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

    def _note_reshape(self, record: CallRecord) -> None:
        """A Reshape that moves the first axis of each sample last and merges the others ((c, h, w) ->
        (h * w, c)): maybe channels-first maps read as channels-last (mixed_reshape.py)."""
        from keras import tree

        shapes = [shape_of(t) for t in tree.flatten(record.args)]
        out = shape_of(record.outputs)
        if len(shapes) != 1 or shapes[0] is None or out is None or any(r.layer is record.layer for r in self.mixed_reshapes):
            return
        if moves_first_axis_last(tuple(shapes[0]), tuple(out)):
            self.mixed_reshapes.append(record)

    def _note_attention(self, record: CallRecord) -> None:
        """An Attention layer whose query is a sequence and whose value is one vector per sample: it attends
        over the batch (vector_attention.py)."""
        inputs = record.args[0] if record.args and isinstance(record.args[0], (list, tuple)) else None
        shapes = [shape_of(t) for t in inputs] if inputs is not None and len(inputs) >= 2 else []
        if len(shapes) >= 2 and None not in shapes[:2] and len(shapes[0]) == 3 and len(shapes[1]) == 2 \
                and not any(r.layer is record.layer for r in self.vector_attentions):
            self.vector_attentions.append(record)

    def _note_concat(self, record: CallRecord) -> None:
        """A Concatenate of equal sequences (three axes) along axis 1: maybe steps joined as time."""
        from keras import tree

        shapes = [shape_of(t) for t in tree.flatten(record.args)]
        axis = getattr(record.layer, "axis", -1)
        if len(shapes) >= 2 and None not in shapes and all(len(s) == 3 for s in shapes) and len(set(shapes)) == 1 \
                and axis in (1, -2) and not any(r.layer is record.layer for r in self.time_concats):
            self.time_concats.append(record)

    def _note_model_made(self, outputs: Any) -> None:
        """Remember what a top-level layer/model call returned (for trace/tensor_ops.py)."""
        try:
            from keras import tree

            self.op_watch.mark_model_made(tree.flatten(outputs))
        except Exception as exc:  # noqa: BLE001 - never break the user's program
            self.internal_errors.append(exc)

    def _note_model_run(self, record: CallRecord) -> None:
        """A top-level call succeeded: remember the calls it made, then forget eager tensors."""
        from keras import tree

        layer = record.layer
        children = getattr(self._local, "children", None) or []
        self._local.children = []
        half = len(children) // 2
        if (not getattr(self._local, "built_at_start", True) and len(children) % 2 == 0
                and all(a.layer is b.layer for a, b in zip(children[:half], children[half:]))):
            children = children[half:]  # the first pass was Keras building the model by running it
        flat_out = [shape_of(t) for t in tree.flatten(record.outputs)]
        if flat_out:
            self.output_shapes[id(layer)] = [s for s in flat_out if s is not None]
        if getattr(layer, "layers", None) is not None and not record.symbolic:
            run = ModelRun(layer.name, record.site, model=layer)
            flat_in = [t for t in tree.flatten((record.args, record.kwargs)) if shape_of(t) is not None]
            run.input_shapes = [shape_of(t) for t in flat_in]
            run.input_shape = run.input_shapes[0] if run.input_shapes else None
            run.output_shape = flat_out[0] if flat_out else None
            names = {id(t): ("input" if len(flat_in) == 1 else f"input {i}") for i, t in enumerate(flat_in)}
            for child in children:
                if child.symbolic:  # Keras building the model by a symbolic run first, not the real call
                    continue
                sources = []
                for t in tree.flatten((child.args, child.kwargs)):
                    source = names.get(id(t))
                    if source is None and shape_of(t) is not None:
                        producer = self.producers.get(id(t))
                        source = producer.layer.name if producer is not None else "?"
                    if source is not None and source not in sources:
                        sources.append(source)
                outs = [shape_of(t) for t in tree.flatten(child.outputs)]
                for t in tree.flatten(child.outputs):
                    names.setdefault(id(t), child.layer.name)
                ins = [shape_of(t) for t in tree.flatten(child.args[:1])]
                run.steps.append(RunStep(child.layer.name, type(child.layer).__name__, outs[0] if outs else None,
                                         self.creation_site(child.layer), tuple(sources), ins[0] if ins else None))
            key = (run.model_name, tuple(run.input_shapes))
            if not any((r.model_name, tuple(r.input_shapes)) == key for r in self.runs):
                self.runs.append(run)
        # Eager tensors of a finished top-level call are no longer needed.
        for out in self._kept:
            self.producers.pop(id(out), None)
        self._kept.clear()


CURRENT: Recorder | None = None  # the most recently installed recorder
_WRAPPER_CODES: set = set()  # code objects of the wrappers: frames the user must never see


def _hide_own_frame(exc: BaseException) -> None:
    """Drop the wrapper's own frame from *exc*'s traceback before a bare ``raise``.

    A bare ``raise`` does not add the current frame again, so the traceback the user sees
    (printed by Python, by a thread, by ``traceback.print_exc()`` in their own code) goes from
    their line straight into Keras, exactly as without shapedoctor.
    """
    tb = exc.__traceback__
    if tb is not None and tb.tb_frame.f_code in _WRAPPER_CODES:
        exc.__traceback__ = tb.tb_next


def _warn_past_wrappers(original_warn):
    """``warnings.warn`` that does not count the wrappers' frames in ``stacklevel``.

    Keras warns with ``stacklevel=2`` (the caller of the Keras function); with a wrapper in
    between, that would name recorder.py. Skipping the wrapper frames names the same line as
    under plain ``python``, so the text and the once-per-location filtering are unchanged.
    """

    @functools.wraps(original_warn)
    def warn(message, category=None, stacklevel=1, source=None, **kwargs):
        frame = sys._getframe(1)
        level, skipped = 1, 0
        while frame is not None and level < stacklevel:
            frame = frame.f_back
            if frame is not None and frame.f_code in _WRAPPER_CODES:
                skipped += 1
            else:
                level += 1
        return original_warn(message, category, max(stacklevel, 1) + skipped + 1, source, **kwargs)

    return warn
_BROADCASTING_MERGES = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})


def _same_error(inner: BaseException, outer: BaseException) -> bool:
    if inner is outer:
        return True
    import re

    ansi = re.compile(r"\x1b\[[0-9;]*m")
    lines = [ln for ln in ansi.sub("", str(inner)).strip().splitlines()
             if ln.strip() and not ln.startswith("Exception encountered")]
    return bool(lines) and lines[0].strip() in ansi.sub("", str(outer))
