"""Watch the user's own tensor arithmetic for silent broadcasts that Keras never sees.

Two kinds of arithmetic bypass the layer calls the recorder wraps:

* a hand-written loss in a ``train_step`` override or a ``tf.GradientTape`` loop, e.g.
  ``tf.reduce_mean(tf.square(targets - values))``: with targets of shape (n,) and the model's
  (n, 1) output the difference broadcasts to (n, n), every target is compared with every
  prediction, the mean is finite and nothing raises (a *cross broadcast*);
* a residual written with an operator on functional tensors, ``x + res``, which Keras records as
  an operation, not as an ``Add`` layer.

:func:`install` wraps the ``+ - * /`` operators of TensorFlow tensors and the ``+ -`` operators
of ``keras.KerasTensor``. The wrappers call the original operator first and return its result
unchanged (an exception passes through untouched, the wrapper's frame removed from its
traceback); afterwards they only read shapes:

* a TensorFlow operation is noted (:class:`CrossBroadcast`) when it runs in the user's own code,
  both operands are floating point, one has shape (n,) and the other (n, 1) (n the same or not
  known, n != 1) -- or, one rank up, (n, k) and (n, 1, k) --, and exactly one of them comes from a model: returned by a Keras layer or model
  call, or computed from such a tensor by these operators. Deliberate outer differences
  (``s[:, None] - s``, masks built from ``arange``) take both sides from the same source or use
  integers, so they are not noted.
* a difference run eagerly on a user line, the model's (n, 1) output against a (n, k) tensor of the
  user's, k > 1, is noted (:class:`ColumnStretch`): the one column is stretched over the k (a Dense(1)
  fitting five target columns in a hand-written loss); the opposite (the model's (n, k) minus a (n, 1)
  target, a Q-learning update) is not;
* a KerasTensor sum or difference whose operands have different shapes is kept as a merge record
  (:attr:`Recorder.merge_broadcasts`), exactly like an ``Add`` layer call, for SD205.
"""

from __future__ import annotations

import sys
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from shapedoctor.trace.sites import Site, display_path, is_user_file

_KEEP = 512  # model-made tensors remembered (the newest); older ones are forgotten
_AUTOGRAPH = "__autograph_generated"  # code AutoGraph generated from a @tf.function: its lines are not the user's
_TF_OPERATORS = {"__add__": "+", "__radd__": "+", "__sub__": "-", "__rsub__": "-",
                 "__mul__": "*", "__rmul__": "*", "__truediv__": "/", "__rtruediv__": "/"}
_KERAS_SUMS = {"__add__": "+", "__radd__": "+", "__sub__": "-", "__rsub__": "-"}


@dataclass
class CrossBroadcast:
    """One user line where a rank-1 batch met an (n, 1) batch and broadcast to (n, n)."""

    op_site: Site  # where the operator ran
    culprit: Site  # the line that brought the two tensors together (the op, or the call of the helper it is in)
    culprit_path: str  # real path of the culprit's file (for the text edit)
    symbol: str  # "+", "-", "*", "/"
    reflected: bool  # the right operand's operator ran (``other - self``)
    left: tuple
    right: tuple
    flat_is_left: bool  # the (n,) operand is the left one
    flat_is_model: bool  # the (n,) operand is the model's
    helper: str | None = None  # when the op is inside a helper called at `culprit`: its name
    helper_param: str | None = None  # ...and the helper's parameter that holds the (n,) operand
    helper_index: int | None = None  # ...and that parameter's position
    helper_column_param: str | None = None  # the helper's parameter that holds the (n, 1) operand
    helper_column_index: int | None = None  # ...and its position
    training_site: Site | None = None  # the fit/evaluate call running at the time, if any
    stage: str = "call"
    flat_head: tuple | None = None  # (size, first values) of the (n,) operand when it ran eagerly, else None


@dataclass
class ColumnStretch:
    """One user line where the model's (n, 1) output met a (n, k) tensor of the user's in a difference."""

    site: Site
    made: tuple  # the model's operand, (n, 1)
    other: tuple  # the user's operand, (n, k)
    model: Any  # the layer or model whose call made the (n, 1) operand, when recorded
    stage: str = "call"


class OpWatch:
    """The state the operator wrappers share: model-made tensors and what was noted."""

    def __init__(self) -> None:
        # id -> weak reference: remembering a tensor must never keep it (or its memory) alive
        self._model_made: OrderedDict[int, weakref.ref] = OrderedDict()
        self.cross_broadcasts: list[CrossBroadcast] = []
        self.column_stretches: list[ColumnStretch] = []
        self._noted: set[tuple] = set()

    def clear(self) -> None:
        """Forget what was noted (a new notebook cell or test starts)."""
        self.cross_broadcasts.clear()
        self.column_stretches.clear()
        self._noted.clear()
        self._model_made.clear()

    def mark_model_made(self, tensors: list) -> None:
        for t in tensors:
            if _float_shape(t) is not None:
                try:
                    self._model_made[id(t)] = weakref.ref(t)  # the id counts only while this very tensor lives
                except TypeError:  # a value that takes no weak reference: not remembered
                    continue
                self._model_made.move_to_end(id(t))
        while len(self._model_made) > _KEEP:
            self._model_made.popitem(last=False)

    def is_model_made(self, t: Any) -> bool:
        ref = self._model_made.get(id(t))
        return ref is not None and ref() is t

    def _note_stretch(self, recorder: Any, made: Any, shapes: tuple, left_made: bool, frame: Any) -> None:
        """The model's one column minus a (n, k) tensor of the user's, on a user line run eagerly."""
        filename = frame.f_code.co_filename
        if _AUTOGRAPH in filename or not is_user_file(filename):
            return
        site = _site(frame)
        if (site.file, site.line, "stretch") in self._noted:
            return
        self._noted.add((site.file, site.line, "stretch"))
        producer = recorder.producer_of(made) if hasattr(recorder, "producer_of") else None
        self.column_stretches.append(ColumnStretch(site, shapes[0] if left_made else shapes[1],
                                                   shapes[1] if left_made else shapes[0],
                                                   getattr(producer, "layer", None), recorder.stage))

    def after_tf_op(self, recorder: Any, left: Any, right: Any, result: Any, symbol: str, reflected: bool,
                    frame: Any) -> None:
        left_made, right_made = self.is_model_made(left), self.is_model_made(right)
        if left_made or right_made:
            self.mark_model_made([result])
        if left_made == right_made:
            return
        shapes = _float_shape(left), _float_shape(right)
        if None not in shapes and symbol == "-" and _column_stretch(shapes[0] if left_made else shapes[1],
                                                                    shapes[1] if left_made else shapes[0]):
            self._note_stretch(recorder, left if left_made else right, shapes, left_made, frame)
        if None in shapes or not _crossing(*shapes):
            return
        filename = frame.f_code.co_filename
        origin = _autograph_origin(frame) if _AUTOGRAPH in filename else None
        if origin is None and (_AUTOGRAPH in filename or not is_user_file(filename)):
            return  # Keras's or TensorFlow's own arithmetic, or a line AutoGraph rewrote from no user line
        if origin is not None and not is_user_file(origin[0]):
            return
        op_site = _site(frame) if origin is None else _site_at(*origin)
        key = (op_site.file, op_site.line)
        if key in self._noted:
            return
        self._noted.add(key)
        flat_is_left = len(shapes[0]) < len(shapes[1])
        flat = left if flat_is_left else right
        column = right if flat_is_left else left
        if origin is None:
            culprit_frame, helper, (param, index), (column_param, column_index) = _bringing_frame(
                frame, left, right, flat, column)
            culprit, culprit_path = _site(culprit_frame), culprit_frame.f_code.co_filename
        else:  # in a @tf.function: the line it was converted from, no helper followed
            helper, param, index, column_param, column_index = None, None, None, None, None
            culprit, culprit_path = op_site, origin[0]
        calls = getattr(recorder, "training_calls", None) or []
        stage = recorder.stage
        training_site = calls[-1].site if calls and stage != "call" else None
        self.cross_broadcasts.append(CrossBroadcast(
            op_site, culprit, culprit_path, symbol, reflected,
            shapes[0], shapes[1], flat_is_left, left_made if flat_is_left else right_made,
            helper, param, index, column_param, column_index, training_site, stage, _head(flat)))


def install(recorder: Any) -> None:
    """Wrap the operators (see the module docstring); the recorder's patch list undoes it."""
    watch = recorder.op_watch
    tf = sys.modules.get("tensorflow")
    tensor_class = getattr(tf, "Tensor", None) if tf is not None else None
    if tensor_class is not None:
        for name, symbol in _TF_OPERATORS.items():
            if hasattr(tensor_class, name):
                recorder._patch(tensor_class, name, _tf_wrapper_maker(recorder, watch, symbol, name.startswith("__r")))
    keras = sys.modules.get("keras")
    keras_tensor = getattr(keras, "KerasTensor", None) if keras is not None else None
    if keras_tensor is not None:
        for name in _KERAS_SUMS:
            if hasattr(keras_tensor, name):
                recorder._patch(keras_tensor, name, _keras_wrapper_maker(recorder, name.startswith("__r"),
                                                                         _KERAS_SUMS[name]))


def _tf_wrapper_maker(recorder: Any, watch: OpWatch, symbol: str, reflected: bool):
    def note(left, right, result, frame):
        watch.after_tf_op(recorder, left, right, result, symbol, reflected, frame)
        if symbol in "+-" and recorder._stack and _AUTOGRAPH not in frame.f_code.co_filename \
                and is_user_file(frame.f_code.co_filename):
            from shapedoctor.trace.failed_sum import replay_broadcast

            replay_broadcast(recorder, left, right, symbol, _site(frame))

    return _wrapper_maker(recorder, reflected, note, symbol)


def _keras_wrapper_maker(recorder: Any, reflected: bool, symbol: str):
    def note(left, right, result, frame):
        note_operator_merge(recorder, left, right, result, frame)

    return _wrapper_maker(recorder, reflected, note, symbol)


def _wrapper_maker(recorder: Any, reflected: bool, note, symbol: str):
    """Wrap one operator: run the original (its exception passes through with this frame hidden,
    after a failed sum in the user's code was recorded as its merge layer: trace/failed_sum.py),
    then hand ``note(left, right, result, the user's frame)`` the operands in written order."""
    def make(original):
        def operator(self, other, *args, **kwargs):
            try:
                result = original(self, other, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - re-raised unchanged
                _record_failed_sum(recorder, (other, self) if reflected else (self, other), symbol, exc,
                                   sys._getframe(1))
                _hide_frame(exc)
                raise
            try:
                left, right = (other, self) if reflected else (self, other)
                note(left, right, result, sys._getframe(1))
            except Exception as exc:  # noqa: BLE001 - never break the user's program
                recorder.internal_errors.append(exc)
            return result

        return operator

    return make


def _record_failed_sum(recorder: Any, operands: tuple, symbol: str, exc: BaseException, frame: Any) -> None:
    if _AUTOGRAPH in frame.f_code.co_filename or not is_user_file(frame.f_code.co_filename):
        return
    try:
        from shapedoctor.trace.failed_sum import replay

        replay(recorder, *operands, symbol, exc)
    except Exception as error:  # noqa: BLE001 - never break the user's program
        recorder.internal_errors.append(error)


def note_operator_merge(recorder: Any, left: Any, right: Any, result: Any, frame: Any) -> None:
    """``x + y`` / ``x - y`` on functional tensors with different shapes, in the user's code: kept
    with the merge layers' calls, as a call of the operation Keras recorded."""
    from shapedoctor.trace.recorder import CallRecord, is_symbolic, shape_of

    if not (is_symbolic(left) and is_symbolic(right)) or not is_user_file(frame.f_code.co_filename):
        return
    shapes = [shape_of(left), shape_of(right)]
    history = getattr(result, "_keras_history", None)
    if None in shapes or shapes[0] == shapes[1] or history is None:
        return
    record = CallRecord(history.operation, _site(frame), ([left, right],), {}, 0, outputs=result,
                        stage=recorder.stage)
    recorder.merge_broadcasts.append(record)


def _hide_frame(exc: BaseException) -> None:
    from shapedoctor.trace.recorder import _hide_own_frame

    _hide_own_frame(exc)


def _float_shape(t: Any) -> tuple | None:
    """The static shape of a floating-point tensor or NumPy array (None for anything else)."""
    dtype = getattr(t, "dtype", None)
    shape = getattr(t, "shape", None)
    if isinstance(shape, tuple):  # a NumPy array (its operator deferred to the tensor's)
        return shape if getattr(dtype, "kind", "") == "f" else None
    if not getattr(dtype, "is_floating", False) or getattr(shape, "rank", None) is None:
        return None
    return tuple(shape.as_list())


def _head(t: Any, count: int = 16) -> tuple | None:
    """(size, its first *count* values) of an eager tensor or array, None for a graph tensor: enough
    to recognise the array of the script it was made from (diagnosis/flat_targets.py)."""
    try:
        import numpy as np

        values = np.asarray(t if isinstance(t, np.ndarray) else t.numpy()).ravel()
    except Exception:  # noqa: BLE001 - a symbolic tensor has no values
        return None
    return int(values.size), tuple(float(v) for v in values[:count])


def _column_stretch(made: tuple, other: tuple) -> bool:
    """The model's (n, 1) output against a (n, k) tensor, k > 1, n > 1: the one column is stretched over
    the k, each compared with the same value."""
    return (len(made) == 2 and len(other) == 2 and made[1] == 1 and isinstance(other[1], int) and other[1] > 1
            and made[0] == other[0] and isinstance(made[0], int) and made[0] > 1)


def _crossing(a: tuple, b: tuple) -> bool:
    """(n,) against (n, 1), in either order, n != 1: the result pairs every row with every row. The same
    holds one rank up, (n, k) against (n, 1, k) (labels one-hot encoded from a column of ids): the lower
    operand's batch axis lines up with the other's axis of size 1."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 1 or len(b) != len(a) + 1 or b[1] != 1 or tuple(b[2:]) != tuple(a[1:]):
        return False
    n, m = a[0], b[0]
    if n == 1 or m == 1:
        return False
    return n is None or m is None or n == m


def _site(frame: Any) -> Site:
    import linecache

    filename = frame.f_code.co_filename
    return Site(display_path(filename), frame.f_lineno, linecache.getline(filename, frame.f_lineno).strip())


def _site_at(filename: str, line: int) -> Site:
    import linecache

    return Site(display_path(filename), line, linecache.getline(filename, line).strip())


def user_site(frame: Any) -> tuple[Site, str] | None:
    """(the user's line, its file's real path) that *frame* runs, a line AutoGraph converted counted as
    the line it was converted from; None when the frame is Keras's, a library's, or generated code."""
    filename = frame.f_code.co_filename
    origin = _autograph_origin(frame) if _AUTOGRAPH in filename else None
    if origin is None and (_AUTOGRAPH in filename or not is_user_file(filename)):
        return None
    if origin is not None and not is_user_file(origin[0]):
        return None
    return (_site(frame), filename) if origin is None else (_site_at(*origin), origin[0])


def _autograph_origin(frame: Any) -> tuple[str, int] | None:
    """(file, line) of the user's code a line of AutoGraph's generated code was converted from,
    read from the source map AutoGraph keeps on the converted function (``ag_source_map``)."""
    import gc

    code = frame.f_code
    for holder in gc.get_referrers(code):
        source_map = getattr(holder, "ag_source_map", None) if getattr(holder, "__code__", None) is code else None
        if not isinstance(source_map, dict):
            continue
        for loc, origin in source_map.items():
            if getattr(loc, "filename", None) == code.co_filename and getattr(loc, "lineno", None) == frame.f_lineno:
                where = getattr(origin, "loc", None)
                if where is not None and getattr(where, "filename", None) and getattr(where, "lineno", None):
                    return where.filename, where.lineno
    return None


def _bringing_frame(frame: Any, left: Any, right: Any, flat: Any, column: Any):
    """The frame whose line brought the two operands together.

    When both operands are parameters of the function the operator ran in (a loss helper such as
    ``def mse(y_true, y_pred)``), the helper is right and its caller passed mismatched tensors: the
    caller's line is named, with the helper's name and the parameters holding the (n,) and the
    (n, 1) operand (name, position), as ``(frame, helper, flat parameter, column parameter)``.
    """
    code = frame.f_code
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    params = {name: frame.f_locals.get(name) for name in names}
    holding = {id(v): (i, name) for i, (name, v) in enumerate(params.items())}
    caller = frame.f_back
    if (id(left) in holding and id(right) in holding and caller is not None
            and is_user_file(caller.f_code.co_filename) and _AUTOGRAPH not in caller.f_code.co_filename):
        shift = 1 if names and names[0] == "self" else 0

        def param(t):
            index, name = holding[id(t)]
            return name, index - shift

        return caller, code.co_name, param(flat), param(column)
    return frame, None, (None, None), (None, None)
