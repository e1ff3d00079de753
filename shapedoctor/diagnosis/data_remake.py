"""Data fixes written on the line that made the array, read off the data and that line.

Each rule fires only on evidence in the user's data (all of it, not the few samples of the
verification step) and in the statement that last assigned the array passed to the training call;
its fix rewrites that statement with the user's own names, keeps the number of samples and every
value, and is verified like any data fix (one training step of a clone on the fixed data). The
line becomes the culprit: it made the layout the model cannot read.

* **An axis of size 1 reshaped into the wrong place.** ``np.reshape(X, (X.shape[0], 1, X.shape[1]))``
  for an LSTM declared ``(look_back, 1)``: the sizes of the reshape are the declared ones with the
  axis of 1 elsewhere. Reordering the reshape's own sizes (the non-1 sizes keep their order) moves
  no value and keeps each sample's block: ``(X.shape[0], X.shape[1], 1)``. Reshapes that would
  reorder two real axes are left alone (which layout the flat rows hold is not in the data).
* **An axis of size 1 added in the wrong place.** ``np.expand_dims(x_train, 1)`` (channels first, as PyTorch
  reads images) for a model declared ``(28, 28, 1)``: the ``expand_dims`` gets the declared place, ``-1``; also
  when the array was made inside a helper the script unpacks (``x_train, y_train = get_dataset()``).
* **Samples that kept a batch axis of their own.** ``(N, 1, 32, 32, 3)`` for an input declared
  ``(32, 32, 3)``: each picture was given its batch axis (``np.expand_dims(photo, 0)``) and the list was
  stacked with ``np.array``; joining them with ``np.concatenate`` (or dropping that axis) keeps every
  value and sample.
* **Integer ids where one-hot vectors were declared.** Data ``(N, steps)`` (or ``(N,)``) of integers
  ``0..k-1`` for an input declared ``(steps, k)`` (the keras-io character model): every value is an
  index into the last declared axis, so ``keras.utils.to_categorical(..., num_classes=k)`` where the
  ids are made (one-to-one: no id lost). Any value outside ``0..k-1`` or not whole leaves it.
* **A constant extra channel.** Images with one channel more than the model reads, the extra one
  holding a single value everywhere (a PNG's opaque alpha): dropping it (``[..., :3]``) loses no
  information. A channel that varies is never dropped.
* **Grayscale pictures for a colour model.** New pictures ``(N, H, W)`` for a trained model declared
  ``(H, W, 3)`` (at predict/evaluate: the training data decided the channels): the gray value is
  repeated into the three channels, ``np.stack((...,) * 3, axis=-1)``.
* **One sample of named scalar features.** A dict of scalars given to a model whose inputs each take
  one value per sample, made by a one-line comprehension: each value is wrapped in a list there.
* **One sample picked for each named input.** ``{name: values[i] for name, values in test_x.items()}``
  given to a trained model: each pick becomes a slice of one, ``values[i:i + 1]``, its batch axis kept.
* **Windows cut from one column of a table that has the declared features.** ``a = data[i:i + k, 0]``
  in the function that made ``x`` ``(N, k)`` while the input is declared ``(k, F)`` and the array given
  to that function has F columns: the windows keep all columns, ``data[i:i + k, :]``. The windows
  are made inside the user's function, so this fix is proven by running the patched script.
"""

from __future__ import annotations

import ast
import dataclasses
import linecache
from dataclasses import dataclass
from typing import Any

from shapedoctor.diagnosis.training_base import TrainingFix, flat_items
from shapedoctor.trace.sites import source_tree


@dataclass(frozen=True)
class Made:
    """The single-line statement ``var = value`` that last assigned the x passed to the call."""

    file: str
    line: int
    var: str
    text: str  # the line as written
    value: ast.expr  # parsed from the stripped line (columns relative to it)
    indent: int

    def edit(self, new_value: str) -> tuple:
        """A ``line_edit`` replacing the statement's right side by *new_value*."""
        stripped = self.text.strip()
        start, end = self.value.col_offset, self.value.end_col_offset
        new_line = stripped[:start] + new_value + stripped[end:]
        return (self.line, self.indent + start, self.indent + end, new_value, new_line)

    def segment(self, node: ast.AST) -> str | None:
        return ast.get_source_segment(self.text.strip(), node)


def made_on(file: str, line: int, var: str) -> Made | None:
    """The statement on *line* when it is ``var = value`` on that one line (ascii), else None."""
    text = linecache.getline(file, line)
    if not text.isascii():
        return None  # ast columns count bytes
    try:
        statement = ast.parse(text.strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    if not isinstance(statement, ast.Assign) or len(statement.targets) != 1 \
            or not isinstance(statement.targets[0], ast.Name) or statement.targets[0].id != var:
        return None
    return Made(file, line, var, text, statement.value, len(text) - len(text.lstrip()))


def _made(call: Any) -> Made | None:
    """The assignment of the call's scope above it that made the layout of the variable passed as x,
    on one line (see :func:`layout_assignment`)."""
    made = _last_assignment(call)
    if made is None or made.line != made.end_line:
        return None
    return made_on(made.file, made.line, made.var)


def _last_assignment(call: Any):
    from shapedoctor.diagnosis.training_fixes import argument_name

    site = call.site
    var = argument_name(site, 0, "x") if site is not None else None
    return layout_assignment(site, var, getattr(call, "names", None) or {}) if var is not None else None


_SCALAR_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Pow, ast.Mod)


def _scalar(node: ast.expr, names: dict) -> bool:
    """A number written in the code, or a name the caller binds to a number (not an array)."""
    import numbers

    import numpy as np

    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _scalar(node.operand, names)
    if isinstance(node, ast.Name) and node.id in names:
        value = names[node.id]
        return isinstance(value, numbers.Number) or (isinstance(value, np.ndarray) and value.ndim == 0)
    return False


def _elementwise(node: ast.expr, var: str, names: dict) -> bool:
    """*node* recomputes the values of *var* one by one (``X.astype("float32") / 255``, ``(X - m) / s``
    with scalars): it keeps the array's layout, every axis in place."""
    if isinstance(node, ast.Name):
        return node.id == var
    if isinstance(node, ast.BinOp) and isinstance(node.op, _SCALAR_OPS):
        left, right = node.left, node.right
        return (_elementwise(left, var, names) and (_scalar(right, names) or _elementwise(right, var, names))) or \
            (_scalar(left, names) and _elementwise(right, var, names))
    if isinstance(node, ast.UnaryOp):
        return _elementwise(node.operand, var, names)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "astype":
        return _elementwise(node.func.value, var, names)
    return False


def _keeps_layout(file: str, line: int, var: str, names: dict) -> bool:
    """The statement at *line* only recomputes *var*'s values in place (``X = X.astype(...) / 255``,
    ``X /= 255``): it did not make the layout."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return False
    stmt = next((n for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AugAssign)) and n.lineno == line), None)
    if isinstance(stmt, ast.AugAssign):
        return isinstance(stmt.target, ast.Name) and stmt.target.id == var and isinstance(stmt.op, _SCALAR_OPS) \
            and _scalar(stmt.value, names)
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
            and stmt.targets[0].id == var:
        return _elementwise(stmt.value, var, names)
    return False


def layout_assignment(site: Any, var: str, names: dict):
    """The last statement above *site* in its scope that assigned *var*, passing over the statements that
    only recompute its values in place (a cast, a scaling): the line that made the array's layout
    (``X = X.reshape(n, 1, 28, 28)`` above ``X = X.astype("float32") / 255``). A ``MadeAt`` or None."""
    from shapedoctor.repair.data_follows import made_at

    made = made_at(site, var)
    for _ in range(8):
        inner = _returned_by_helper(made)
        if inner is not None:  # x_train, y_train = get_dataset(): where the helper made what it returns
            made, var, names = inner[0], inner[1], {}
            site = dataclasses.replace(site, line=made.line + 1)
        if made is None or made.line != made.end_line or not _keeps_layout(made.file, made.line, var, names):
            return made
        earlier = made_at(dataclasses.replace(site, line=made.line), var)
        if earlier is None:
            return made
        made = earlier
    return made


def _returned_by_helper(made: Any) -> tuple | None:
    """For ``a, b = helper(...)`` (*made*), a top-level function of the same file defined once with one
    ``return a2, b2``: the statement of the helper that last made ``a2`` above that return, and ``a2``;
    None for any other statement."""
    from shapedoctor.diagnosis.data_origin import one_return
    from shapedoctor.repair.data_follows import made_at

    stmt = getattr(made, "statement", None)
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Tuple)
            and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name)):
        return None
    names = [t.id if isinstance(t, ast.Name) else None for t in stmt.targets[0].elts]
    if made.var not in names:
        return None
    try:
        tree = source_tree(made.file)
    except (OSError, SyntaxError, ValueError):
        return None
    returned = one_return(tree, stmt.value.func.id)
    if returned is None or not isinstance(returned.value, ast.Tuple) or len(returned.value.elts) != len(names):
        return None
    element = returned.value.elts[names.index(made.var)]
    if not isinstance(element, ast.Name):
        return None
    from shapedoctor.trace.sites import Site

    inner = made_at(Site(made.file, returned.lineno, ""), element.id)
    return (inner, element.id) if inner is not None else None


def _one_array(call: Any):
    import numpy as np

    xs = flat_items(call.x_ref)
    if len(xs) != 1 or not hasattr(xs[0], "shape"):
        return None
    return np.asarray(xs[0])


def _wrapped(made: Made) -> str | None:
    """The right side, parenthesised when a subscript appended to it would bind to a part of it."""
    text = made.segment(made.value)
    if text is None:
        return None
    if isinstance(made.value, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
        return text
    return f"({text})"


# -- an axis of size 1 in the wrong place ------------------------------------------------
def _reshape_sizes(value: ast.expr) -> tuple[list[ast.expr], ast.AST | None, tuple | None]:
    """The size expressions of a ``np.reshape(v, (...))`` / ``v.reshape((...))`` / ``v.reshape(a, b)``
    call, with the node (or the (first, last) argument span) that holds them."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute) or value.func.attr != "reshape" \
            or value.keywords:
        return [], None, None
    args = value.args
    if isinstance(value.func.value, ast.Name) and value.func.value.id in ("np", "numpy") and len(args) == 2:
        args = args[1:]  # np.reshape(v, shape)
    if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
        return list(args[0].elts), args[0], None
    if len(args) >= 2:
        return list(args), None, (args[0], args[-1])
    return [], None, None


def unit_axis_reshape_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """Reorder the sizes of the reshape that made x so its axis of size 1 is where the input declares it."""
    made = _made(call)
    if made is None or len(got) != len(want) or len(got) < 3 or None in want[1:] or tuple(got[1:]) == tuple(want[1:]):
        return None
    sizes, node, span = _reshape_sizes(made.value)
    if len(sizes) != len(got) or any(isinstance(s, ast.Starred) for s in sizes):
        return None
    real_got = [s for s in got[1:] if s != 1]
    if real_got != [s for s in want[1:] if s != 1]:
        return None  # more than an axis of 1 moved: the layout of the rows decides, not the data
    texts = [made.segment(s) for s in sizes]
    if None in texts:
        return None
    ones = [t for t, g in zip(texts[1:], got[1:]) if g == 1]
    reals = [t for t, g in zip(texts[1:], got[1:]) if g != 1]
    order = [texts[0]] + [(ones if w == 1 else reals).pop(0) for w in want[1:]]
    stripped = made.text.strip()
    if node is not None:
        start, end = node.col_offset, node.end_col_offset
        inner = ", ".join(order)
        new_sizes = f"[{inner}]" if isinstance(node, ast.List) else f"({inner})"
    else:
        start, end = span[0].col_offset, span[1].end_col_offset
        new_sizes = ", ".join(order)
    new_value = stripped[made.value.col_offset:start] + new_sizes + stripped[end:made.value.end_col_offset]
    declared = tuple(want[1:])

    def apply(value, declared=declared):
        import numpy as np

        arr = np.asarray(value)
        return arr.reshape((arr.shape[0],) + declared)

    return TrainingFix(f"put the axis of size 1 where the input declares it, in the reshape that made "
                       f"`{made.var}`: {new_sizes}", "data", cost=1, apply=apply, line_edit=made.edit(new_value))


def unit_axis_expand_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """Give the ``expand_dims`` that made x the axis where the input declares its axis of size 1
    (``np.expand_dims(x, 1)``, channels first as PyTorch reads images, for a channels-last model)."""
    from shapedoctor.trace.sites import called_name

    made = _made(call)
    n = len(got)
    if made is None or len(want) != n or n < 3 or None in want[1:]:
        return None
    value = made.value
    if not (isinstance(value, ast.Call) and called_name(value.func) == "expand_dims"):
        return None
    axis = value.args[1] if len(value.args) == 2 else next((k.value for k in value.keywords if k.arg == "axis"), None)
    try:
        old = ast.literal_eval(axis) if axis is not None else None
    except ValueError:
        return None
    if not isinstance(old, int) or not -n <= old < n or got[old % n] != 1:
        return None
    a = old % n
    rest = [d for i, d in enumerate(got) if i != a][1:]
    places = [b for b in range(1, n) if b != a and want[b] == 1 and [d for i, d in enumerate(want) if i != b][1:] == rest]
    if len(places) != 1:
        return None
    b = places[0]
    new = "-1" if b == n - 1 else str(b)
    stripped = made.text.strip()
    new_value = stripped[value.col_offset:axis.col_offset] + new + stripped[axis.end_col_offset:value.end_col_offset]

    def apply(data, a=a, b=b):
        import numpy as np

        return np.moveaxis(np.asarray(data), a, b)

    return TrainingFix(f"add the axis of size 1 where the input declares it, in the expand_dims that made "
                       f"`{made.var}`: axis {new}", "data", cost=1, apply=apply, line_edit=made.edit(new_value))


# -- samples that kept a batch axis of their own ---------------------------------------------
def kept_batch_axis_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """x (N, 1, ...) for an input declared (...): each sample kept an axis of 1 of its own (a single
    photo given its batch axis, then stacked). ``np.array(items)`` -> ``np.concatenate(items)``, any
    other making line drops that axis (``np.squeeze(..., axis=1)``)."""
    if len(got) != len(want) + 1 or len(got) < 3 or got[1] != 1 or None in want[1:] \
            or tuple(got[2:]) != tuple(want[1:]):
        return None
    made = _made(call)
    rhs = made.segment(made.value) if made is not None else None
    if rhs is None:
        return None
    value = made.value
    stacked = (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
               and value.func.attr in ("array", "asarray", "stack") and len(value.args) == 1 and not value.keywords
               and isinstance(value.func.value, ast.Name) and value.func.value.id in ("np", "numpy"))
    if stacked:
        new_value = f"{value.func.value.id}.concatenate({made.segment(value.args[0])})"
    else:
        new_value = f"np.squeeze({rhs}, axis=1)"

    def apply(v):
        import numpy as np

        return np.squeeze(np.asarray(v), axis=1)

    return TrainingFix(f"join the samples along their own batch axis where `{made.var}` is made: {new_value}",
                       "data", cost=1, apply=apply, line_edit=made.edit(new_value))


# -- integer ids where one-hot vectors were declared --------------------------------------
def _whole_ids(arr, k: int) -> tuple[bool, str]:
    import numpy as np

    if arr.size == 0 or not np.issubdtype(arr.dtype, np.integer):
        return False, "the data is not integer ids"
    low, high = arr.min(), arr.max()
    if low < 0 or high >= k:
        return False, f"values {low}..{high} are not all ids 0..{k - 1}"
    return True, f"every value is an id 0..{k - 1}: one-hot encoding keeps each one"


def onehot_ids_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """x of whole numbers 0..k-1, one axis short of an input declared with k as its last axis."""
    from shapedoctor.repair.user_names import size_expression

    import numpy as np

    k = want[-1] if want else None
    if len(got) != len(want) - 1 or len(want) not in (2, 3) or not isinstance(k, int) or k < 2 \
            or tuple(got[1:]) != tuple(want[1:-1]):
        return None  # ids (N,) for (k,) or sequences (N, steps) for (steps, k); never pictures
    arr = _one_array(call)
    if arr is None or not np.issubdtype(arr.dtype, np.integer):
        return None  # ids are stored as integers; whole-valued floats are likelier measurements
    made = _made(call)
    if arr is None or made is None or not _whole_ids(arr, k)[0] or int(arr.max()) + 1 < max(2, k // 4):
        return None  # ids that use a small part of the width are likelier something else
    rhs = made.segment(made.value)
    if rhs is None:
        return None
    width = size_expression(k, made.file, made.line, getattr(call, "sizes", None) or {}) or str(k)
    new_value = f"keras.utils.to_categorical({rhs}, num_classes={width})"

    def apply(value, k=k):
        import numpy as np

        return np.eye(k, dtype="float32")[np.asarray(value).astype(int)]

    def checks(full, arr=arr, k=k):
        return [("keeps_data", *_whole_ids(arr, k))]

    return TrainingFix(f"one-hot encode the ids where they are made, as the input declares: "
                       f"to_categorical(..., num_classes={width})", "data", cost=1, apply=apply, checks=checks,
                       line_edit=made.edit(new_value))


# -- a constant extra channel ---------------------------------------------------------------
def _constant(block) -> tuple[bool, str]:
    import numpy as np

    if block.size == 0:
        return False, "nothing to drop"
    if np.all(block == block.flat[0]):
        return True, f"the dropped channel holds {block.flat[0]!r} everywhere (it carries no information)"
    return False, "the dropped channel varies: it carries information"


def constant_channel_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """Images with channels beyond the declared ones, all holding one value: drop them where x is made."""
    c = want[-1] if want else None
    if len(got) != len(want) or len(got) != 4 or not isinstance(c, int) or got[-1] is None or got[-1] <= c \
            or tuple(got[1:-1]) != tuple(want[1:-1]):
        return None
    if getattr(call, "batched", False):  # a dataset's line cannot be sliced like an array (decoded_channels.py)
        return None
    arr = _one_array(call)
    made = _made(call)
    if arr is None or made is None or not _constant(arr[..., c:])[0]:
        return None
    base = _wrapped(made)
    if base is None:
        return None
    new_value = f"{base}[..., :{c}]"

    def checks(full, extra=arr[..., c:]):
        return [("keeps_data", *_constant(extra))]

    return TrainingFix(f"drop the constant extra channel (an opaque alpha) where `{made.var}` is made: "
                       f"[..., :{c}]", "data", cost=1, apply=lambda v, c=c: v[..., :c], checks=checks,
                       line_edit=made.edit(new_value))


# -- grayscale pictures for a colour model --------------------------------------------------
def gray_to_colour_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """New grayscale pictures (N, H, W) for a trained model declared (H, W, 3): repeat the gray value."""
    if call.method == "fit" or len(want) != 4 or want[-1] != 3 or len(got) != 3 \
            or tuple(got[1:]) != tuple(want[1:3]):
        return None
    made = _made(call)
    rhs = made.segment(made.value) if made is not None else None
    if rhs is None or _one_array(call) is None:
        return None

    def apply(value):
        import numpy as np

        return np.stack((np.asarray(value),) * 3, axis=-1)

    picture = _picture_before_batch_axis(call, made)
    if picture is not None:
        picture.apply = apply
        return picture
    new_value = f"np.stack(({rhs},) * 3, axis=-1)"
    return TrainingFix(f"repeat the gray value into the 3 colour channels where `{made.var}` is made: "
                       f"np.stack((...,) * 3, axis=-1)", "data", cost=1, apply=apply,
                       line_edit=made.edit(new_value))


def _picture_before_batch_axis(call: Any, made: Made) -> TrainingFix | None:
    """The colour fix written where the one picture was made, before ``x = np.expand_dims(x, 0)`` (*made*)
    gave it its batch axis. In a loop or a function, pictures come one by one and only some are gray
    (a folder of photos with one grayscale scan): the conversion is guarded by the picture's rank."""
    import dataclasses

    from shapedoctor.diagnosis.data_origin import axis_only_of
    from shapedoctor.diagnosis.training_fixes import assignment_line
    from shapedoctor.repair.data_follows import innermost_function
    from shapedoctor.repair.invariants import repeated_context

    adds_one = isinstance(made.value, ast.Call) and len(made.value.args) == 2 and \
        isinstance(made.value.args[1], ast.Constant) and made.value.args[1].value == 0
    if axis_only_of(made.value) != made.var or not adds_one:
        return None
    line = assignment_line(dataclasses.replace(call.site, line=made.line), made.var)
    picture = made_on(made.file, line, made.var) if line else None
    if picture is None:
        return None
    v = made.var
    try:
        tree = source_tree(made.file)
    except SyntaxError:
        return None
    if repeated_context(made.file, line) is None and innermost_function(tree, line) is None:
        rhs = picture.segment(picture.value)
        return TrainingFix(f"repeat the gray value into the 3 colour channels where `{v}` is made: "
                           f"np.stack((...,) * 3, axis=-1)", "data", cost=1,
                           line_edit=picture.edit(f"np.stack(({rhs},) * 3, axis=-1)"))
    indent = " " * picture.indent
    guard, convert = f"if {v}.ndim == 2:  # a grayscale picture among colour ones", f"{v} = np.stack(({v},) * 3, axis=-1)"
    return TrainingFix(f"repeat the gray value into the 3 colour channels when `{v}` is a grayscale picture: "
                       f"if {v}.ndim == 2: np.stack((...,) * 3, axis=-1)", "data", cost=1,
                       line_edit=(line + 1, 0, 0, f"{indent}{guard}\n{indent}    {convert}\n",
                                  f"{guard}\n    {convert}"))


# -- windows cut from one column ------------------------------------------------------------
def one_column_windows_fix(call: Any, want: tuple, got: tuple) -> tuple[TrainingFix, tuple] | None:
    """``a = data[i:i + k, c]`` in the user's function that made x (N, k) for an input declared (k, F),
    called with an array of F columns: keep every column (see the module). (fix, (file, line))."""
    import numpy as np

    f = want[-1] if want else None
    if len(got) != 2 or len(want) != 3 or not isinstance(f, int) or f < 2 or got[1] != want[1]:
        return None
    site = call.site
    made = _last_assignment(call)
    try:
        tree = source_tree(site.file) if made is not None else None
    except SyntaxError:
        return None
    if tree is None:
        return None
    last = next((n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno == made.line), None)
    if last is None:
        return None
    if not isinstance(last.value, ast.Call) or not isinstance(last.value.func, ast.Name):
        return None
    function = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == last.value.func.id), None)
    if function is None:
        return None
    params = [a.arg for a in function.args.args]
    names = getattr(call, "names", None) or {}
    tables = set()
    for i, arg in enumerate(last.value.args):
        if i < len(params) and isinstance(arg, ast.Name):
            value = names.get(arg.id)
            if value is not None and getattr(value, "ndim", None) == 2 and np.asarray(value).shape[1] == f:
                tables.add(params[i])
    cuts = [n for n in ast.walk(function) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Subscript)
            and isinstance(n.value.value, ast.Name) and n.value.value.id in tables
            and isinstance(n.value.slice, ast.Tuple) and len(n.value.slice.elts) == 2
            and isinstance(n.value.slice.elts[0], ast.Slice) and n.value.slice.elts[0].upper is not None
            and isinstance(n.value.slice.elts[1], ast.Constant) and isinstance(n.value.slice.elts[1].value, int)]
    if len(cuts) != 1 or cuts[0].lineno != cuts[0].end_lineno:
        return None
    cut = cuts[0].value.slice.elts[1]
    line = cuts[0].lineno
    text = linecache.getline(site.file, line)
    if not text.isascii():
        return None
    new_line = text[:cut.col_offset] + ":" + text[cut.end_col_offset:]
    fix = TrainingFix(f"keep all {f} columns in each window, as the input declares: "
                      f"{new_line.strip()}", "data", cost=1,
                      # a stand-in of the fixed windows' shape: the patched script makes the real ones
                      apply=lambda v, f=f: np.repeat(np.asarray(v)[..., None], f, axis=-1),
                      line_edit=(line, cut.col_offset, cut.end_col_offset, ":", new_line.strip()),
                      proof_only="the windows are cut inside the user's function: the patched script makes them")
    return fix, (site.file, line)


# -- one sample of named scalar features -------------------------------------------------
def scalar_features_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """A dict of named features, each a scalar, where every input takes a batch of one value per
    sample (``(None, 1)`` or ``(None,)``): one sample without its batch axis. When the dict is made by a
    comprehension on one line (``{name: tf.convert_to_tensor(value) for name, value in sample.items()}``,
    the keras-io structured-data examples), each value is wrapped in a list there:
    ``tf.convert_to_tensor([value])``, a batch of one sample; no value changes."""
    import numpy as np

    x = call.x_ref
    if not isinstance(x, dict) or not x or got != () or tuple(want[1:]) not in ((1,), ()):
        return None
    if any(np.ndim(v) != 0 for v in x.values()):
        return None
    made = _made(call)
    if made is None or not isinstance(made.value, ast.DictComp):
        return None
    value = made.value.value
    inner = value.args[0] if isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords else value
    if not isinstance(inner, ast.Name):
        return None
    text = made.text.strip()
    start, end = inner.col_offset, inner.end_col_offset
    new_line = text[:start] + f"[{inner.id}]" + text[end:]

    def apply(whole):
        import keras

        # A tensor stays a tensor of its own dtype (a string feature read by a StringLookup).
        return {k: keras.ops.expand_dims(v, 0) if hasattr(v, "numpy") else np.asarray(v)[None]
                for k, v in whole.items()}

    return TrainingFix(f"give each feature a batch axis of one sample: [{inner.id}]", "data", whole=True, apply=apply,
                       line_edit=(made.line, made.indent + start, made.indent + end, f"[{inner.id}]", new_line),
                       cost=1, note="one sample: a batch of one value per feature",
                       # Named features usually pass through adapted preprocessing (StringLookup, FeatureSpace)
                       # whose state a copy of the model lacks: the patched script decides.
                       proof_only="the features go through the model's own adapted preprocessing")


def picked_sample_fix(call: Any, want: tuple, got: tuple) -> TrainingFix | None:
    """A dict of named inputs, each one sample picked from an array without its batch axis, made by a
    one-line comprehension, ``{name: values[i] for name, values in test_x.items()}`` (keras-io's wav2vec2
    classifier, r990): the pick becomes a slice of one, ``values[i:i + 1]``, a batch of one sample; no value
    changes."""
    import numpy as np

    x = call.x_ref
    if not isinstance(x, dict) or not x or tuple(got) != tuple(want[1:]) or not got:
        return None
    if any(np.ndim(v) != len(got) for v in x.values()):
        return None
    made = _made(call)
    if made is None or not isinstance(made.value, ast.DictComp):
        return None
    pick = made.value.value
    if not isinstance(pick, ast.Subscript) or isinstance(pick.slice, (ast.Slice, ast.Tuple)) \
            or not isinstance(pick.slice, (ast.Name, ast.Constant, ast.Attribute)):
        return None
    text = made.text.strip()
    index = text[pick.slice.col_offset:pick.slice.end_col_offset]
    start, end = pick.slice.col_offset, pick.slice.end_col_offset
    new = f"{index}:{index} + 1"
    new_line = text[:start] + new + text[end:]

    def apply(whole):
        return {k: np.asarray(v)[None] for k, v in whole.items()}

    return TrainingFix(f"pick each input's sample as a batch of one: [{new}]", "data", whole=True, apply=apply,
                       line_edit=(made.line, made.indent + start, made.indent + end, new, new_line), cost=1,
                       note="one sample: a slice keeps the batch axis")


def remade_data_fixes(call: Any, prob: Any, want: tuple, got: tuple) -> bool:
    """Add the first rule of this module that fires to *prob* (first fix, its line the culprit)."""
    for rule in (unit_axis_reshape_fix, unit_axis_expand_fix, kept_batch_axis_fix, onehot_ids_fix, constant_channel_fix,
                 gray_to_colour_fix, scalar_features_fix, picked_sample_fix):
        try:
            fix = rule(call, want, got)
        except Exception:  # noqa: BLE001 - a rule that cannot read the data offers nothing
            fix = None
        if fix is not None:
            line, start, end, text = fix.line_edit[:4]
            inserted = start == end == 0 and text.endswith("\n")  # new lines after the statement that made x
            _name_line(prob, fix, (call.site.file, line - 1 if inserted else line), call)
            return True
    try:
        found = one_column_windows_fix(call, want, got)
    except Exception:  # noqa: BLE001
        found = None
    if found is not None:
        _name_line(prob, *found)
        return True
    return False


def _same_made(call: Any, fix: TrainingFix) -> tuple:
    """The line_edits that make the same fix for the script's other arrays laid out like x and made by the
    same statement with their own name (``X_test = X_test.reshape(X_test.shape[0], 1, 28, 28)`` beside the
    ``X_train`` line): they would fail the next call (``evaluate(X_test)``) the same way. Evidence: the
    other array has x's sample shape, and its making line is x's line with the name changed."""
    import re

    import numpy as np

    made = _made(call)
    x = _one_array(call)
    if made is None or x is None or fix.line_edit is None or fix.line_edit[0] != made.line:
        return ()
    names = getattr(call, "names", None) or {}
    word = re.compile(rf"\b{re.escape(made.var)}\b")
    stripped = made.text.strip()
    lines = linecache.getlines(made.file)
    more = []
    for other, value in names.items():
        if other == made.var or not isinstance(value, np.ndarray) or value is x or value.ndim != x.ndim \
                or tuple(value.shape[1:]) != tuple(x.shape[1:]):
            continue
        theirs = layout_assignment(call.site, other, names)
        if theirs is None or theirs.line == made.line or theirs.line != theirs.end_line:
            continue
        text = lines[theirs.line - 1]
        if text.strip() != word.sub(other, stripped):
            continue
        indent = len(text) - len(text.lstrip())
        line, start, end, new_text, new_line = fix.line_edit
        head, part = stripped[:start - made.indent], stripped[start - made.indent:end - made.indent]
        begin = indent + len(word.sub(other, head))  # the names differ in length: recount the columns
        more.append((theirs.line, begin, begin + len(word.sub(other, part)), word.sub(other, new_text),
                     word.sub(other, new_line)))
    return tuple(sorted(more))


def _name_line(prob: Any, fix: TrainingFix, where: tuple, call: Any = None) -> None:
    if call is not None and not fix.more_edits:
        try:
            fix.more_edits = _same_made(call, fix)
        except Exception:  # noqa: BLE001 - no sibling found is no sibling
            fix.more_edits = ()
        if fix.more_edits:
            lines = ", ".join(str(m[0]) for m in fix.more_edits)
            fix.title += f" (and the same on line{'s' if len(fix.more_edits) > 1 else ''} {lines}, which make" \
                         f"{'' if len(fix.more_edits) > 1 else 's'} other data the same way)"
    prob.fixes.insert(0, fix)
    prob.data_site = where
    prob.explanation += (f" Line {where[1]} made this layout; it is fixed there, where the array is made, "
                         "with every value and sample kept.")
