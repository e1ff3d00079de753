"""Turn ErrorFacts into what, why and how: the message, explanation and suggested fixes.

One function per family specialises the catalogue's generic text (``Family.why`` and
``Family.suggestions``) with the facts the error text states: the layer, the shapes, the
loss. Everything produced here is *suggested*: nothing is checked against the user's code
(``FixReport.verified`` is always False), and each advice says what the text cannot tell.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

from shapedoctor.explain import text_fixes as tf
from shapedoctor.explain.evidence import numbers_in, rule
from shapedoctor.families import get
from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport, Place

RUN_HINT = "run `shapedoctor run your_script.py` for the root cause in your code and fixes verified with Keras"


@dataclass
class Advice:
    message: str
    explanation: str
    fixes: list[FixReport] = field(default_factory=list)
    consumer: Optional[Place] = None
    culprit: Optional[Place] = None
    cannot_tell: str = ""  # what the text alone cannot tell


# --- small helpers -------------------------------------------------------------------------


def _shape(s: Optional[str]):
    """The shape in *s*; None when unknown or a scalar ``()``, which has no axis to reason about."""
    shape = sh.parse_shape(s) if s else None
    return shape or None


def _who(f: ErrorFacts) -> str:
    """``lstm (LSTM)``, ``dense``, ``Reshape``, or ``the layer``."""
    if f.layer and f.layer_class and f.layer_class.lower() != f.layer.lower():
        return f"{f.layer} ({f.layer_class})"
    return f.layer or f.layer_class or "the layer"


def _stated(f: ErrorFacts) -> set[str]:
    """The numbers the error text states (its key line and the shapes read from it)."""
    parts = [f.key_line, f.expected or "", f.received or "", " ".join(f.shapes)]
    parts += [str(v) for v in f.details.values() if isinstance(v, (int, str, list, tuple))]
    return numbers_in(" ".join(parts))


def _rule(family_id: str, f: ErrorFacts) -> str:
    """The family's own rule, without example sentences whose numbers the text does not state."""
    return rule(family_id, _stated(f))


def _fix(title: str, code: str = "", note: Optional[str] = None, result_shape: Optional[str] = None) -> FixReport:
    return FixReport(title=title, code=code, verified=False, note=note, result_shape=result_shape)


_BACKTICK = re.compile(r"`([^`]{1,200})`")


def _looks_like_code(s: str) -> bool:
    return any(c in s for c in "(=._")


def _generic_fixes(family_id: str, f: ErrorFacts, limit: int = 3) -> list[FixReport]:
    """The family's own suggestions; their `backticked` parts that look like code become the code.

    A suggestion with an example number the text does not state is left out."""
    out = []
    stated = _stated(f)
    for text in [t for t in get(family_id).suggestions if numbers_in(t) <= stated][:limit]:
        code = "\n".join(c for c in _BACKTICK.findall(text) if _looks_like_code(c))
        out.append(_fix(text[0].upper() + text[1:], code))
    return out


def _tidy(fixes: list[FixReport]) -> list[FixReport]:
    """No duplicate titles or code; the first fix does not start with "Or"."""
    seen, out = set(), []
    for fx in fixes:
        code = fx.code.strip()
        if fx.title in seen or (code and code in seen):
            continue
        seen.update({fx.title, code} - {""})
        out.append(fx)
    if out and out[0].title.startswith("Or "):
        out[0].title = _cap(out[0].title[3:])
    return out


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _dims(shape) -> str:
    return ", ".join("None" if d is None else str(d) for d in shape)


def _layer_place(f: ErrorFacts, kind: str = "layer") -> Optional[Place]:
    if f.layer or f.layer_class:
        return Place(kind=kind, layer=f.layer, cls=f.layer_class)
    return None


# --- SD101 wrong rank ----------------------------------------------------------------------

_AXES = {
    "seq": "(batch, steps, features)",
    "img": "(batch, height, width, channels)",
    "vol": "(batch, depth, height, width, channels)",
    "vec": "(batch, features)",
}


def _axes_kind(cls: Optional[str], need: int) -> Optional[str]:
    if cls in hints.RECURRENT or cls in hints.CONV1D:
        return "seq"
    if cls in hints.CONV2D:
        return "img"
    if cls and cls.endswith("3D"):
        return "vol"
    return {2: "vec", 3: "seq", 4: "img", 5: "vol"}.get(need) if cls in (None, "Dense", "Flatten") else None


def sd101(f: ErrorFacts) -> Advice:
    need = int(f.details.get("expected_ndim") or 0)
    got = int(f.details.get("found_ndim") or 0)
    check = f.details.get("ndim_check", "exact")
    recv = _shape(f.received)
    cls = f.layer_class
    kind = _axes_kind(cls, need)
    need_words = sh.ndim_words(need) if check == "exact" else f"at least {sh.ndim_words(need)}" if check == "min" else f"at most {sh.ndim_words(need)}"
    axes = f" {_AXES[kind]}" if kind and (need == len(_AXES[kind].split(","))) else ""
    received_txt = f"{f.received}, {sh.ndim_words(got)}" if recv is not None else sh.ndim_words(got)
    who = _who(f) if (f.layer or cls) else (f.details.get("node") or "the layer")
    message = f"{who} needs {need_words}{axes}, received {received_txt}"
    subject = cls or f.layer or f.details.get("node") or "The layer"
    explanation = f"{subject} needs {need_words}{axes}; it received {received_txt}. " + _rule("SD101", f)
    # The family generator (run's ranking) proposes the layer edits: RepeatVector, a Reshape
    # adding or merging axes, Flatten / global pooling. What stays here is what only the
    # text's reader can add: edits upstream or in the data, whose place the text does not show.
    fixes: list[FixReport] = []
    if got < need and kind == "seq":
        fixes.append(_fix("Or keep the time axis upstream: return_sequences=True on the recurrent layer before it",
                          "layers.LSTM(units, return_sequences=True),"))
    elif got < need and kind in ("img", "vol") and recv is not None and got == need - 1:
        spatial = _dims(recv[1:])
        fixes.append(_fix("Or add the channel axis to the data and declare it in the Input",
                          f"x = np.expand_dims(x, -1)\nkeras.Input(shape=({spatial}, 1))"))
    elif got < need and need == 2 and got == 1:
        fixes.append(_fix("A single sample lacks its batch axis: add it", "x = np.expand_dims(x, 0)   # (n,) -> (1, n)"))
        fixes.append(_fix("Or one value per sample: make it a column", "x = x.reshape(-1, 1)      # (n,) -> (n, 1)"))
    elif got > need and kind == "seq":
        fixes.append(_fix(f"Or flatten each step before {f.layer or cls or 'the layer'}",
                          "layers.TimeDistributed(layers.Flatten()),"))
    elif got > need and (recv is None or None in recv[1:]):
        fixes.append(_fix("Remove the extra axis (or from the data)",
                          "x = np.squeeze(x, axis=1)   # if that axis has size 1"))
    elif got < need and (recv is None or None in recv[1:]):
        fixes.append(_fix("Add the missing axis", "x = np.expand_dims(x, -1)"))
    if not fixes and not tf.family_fixes(f):
        fixes = _generic_fixes("SD101", f)
    produced = f"which layer produced {f.received}" if recv is not None else "which layer produced that tensor"
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell=f"The text does not show {produced}.")


# --- SD102 wrong axis size -----------------------------------------------------------------


def sd102(f: ErrorFacts) -> Advice:
    want = f.details.get("expected_size")
    have = f.details.get("received_size")
    axis = f.details.get("axis", -1)
    axis_txt = "its last axis" if axis == -1 else f"axis {axis}"
    matmul = f.details.get("operation") == "matmul"
    if matmul and not f.layer:
        kernel = f.details.get("kernel_shape")
        message = f"a matrix product needs {want} on the inner axis, received {f.received}"
        explanation = (
            f"A matrix product pairs the last axis of the left operand with the first axis of the right one: "
            f"{f.received} against a {kernel or 'right operand'} needs {want} on that axis, it has {have}. "
            f"In a Keras model this is a Dense (or other) kernel built for {want} input features. "
        ) + _rule("SD102", f)
    else:
        unit = "feature" if want == 1 else "features"
        message = f"{_who(f)} expects {want} {unit} on {axis_txt}, received {f.received}"
        explanation = (
            f"{f.layer_class or _who(f)} was built for inputs with {want} on {axis_txt} (its weights are sized for "
            f"{want}); the tensor arriving has {have} there: {f.received}. "
        ) + _rule("SD102", f)
    fixes: list[FixReport] = []  # the producer's width: from the family generator (run's ranking)
    if matmul and not f.layer:
        kernel = f.details.get("kernel_shape")
        fixes.insert(0, _fix(
            f"In your own matmul, the inner sizes must agree: the left operand needs {want} on its last axis",
            f"a @ b   # a: (..., {want}), b: {kernel or f'({want}, ...)'}; transpose or reshape the one that is off",
        ))
    recv = _shape(f.received)
    if recv is not None and len(recv) == 2 and have is not None:
        fixes.append(_fix("Or, if the data is right and the model wrong, declare the width the data has",
                          f"keras.Input(shape=({have},))"))
    if recv is not None and recv[0] is None:
        fixes.append(_fix("If this layer object is shared (called on two inputs), give each input its own layer (see SD106)",
                          "dense_a = layers.Dense(units)(a)\ndense_b = layers.Dense(units)(b)"))
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text cannot tell whether the model or the tensor (or the data) has the wrong width.")


# --- SD103 reshape -------------------------------------------------------------------------


def _solve_reshape(n: Optional[int], target) -> Optional[tuple]:
    """Change one axis of *target* (last first) so it holds *n* values."""
    if not n or not target or any(d is None or d <= 0 for d in target):
        return None
    for i in reversed(range(len(target))):
        rest = 1
        for j, d in enumerate(target):
            if j != i:
                rest *= d
        if rest and n % rest == 0 and n // rest > 0:
            cand = list(target)
            cand[i] = n // rest
            return tuple(cand)
    return None


def sd103(f: ErrorFacts) -> Advice:
    n = f.details.get("input_size")
    m = f.details.get("target_size")
    target = _shape(f.details.get("target_shape"))
    src = _shape(f.received)
    layer = f.layer_class == "Reshape"
    per = " per sample" if layer else ""
    k = f.details.get("divisor")
    if k and n is not None:
        message = f"reshape to {f.expected} needs a multiple of {k} values{per}, the input has {n}"
        explanation = (f"{f.received} holds {n} values{per}; {f.expected} lets one axis absorb the size, but the other "
                       f"axes hold {k} values, and {n} is not a multiple of {k}. ") + _rule("SD103", f)
        return Advice(message, explanation, [], consumer=_layer_place(f),
                      cannot_tell="The text does not show which layer or array produced the input.")
    if m is not None and n is not None:
        message = f"reshape to {f.expected} needs {m} values{per}, the input has {n}"
    else:
        message = f"reshape to {f.expected} does not fit an input of {f.received}"
    what = f"{f.received} holds {n} value{'s' if n != 1 else ''}{per}" if src is not None else f"The input holds {n} values"
    explanation = f"{what}; {f.expected} holds {m}. " + _rule("SD103", f)
    fixes: list[FixReport] = []
    # RepeatVector and the producer's width come from the family generator (run's ranking).
    cand = _solve_reshape(n, target)
    if cand is not None and cand != src and cand != target:
        code = f"layers.Reshape({sh.fmt(cand)})," if layer else f"x = x.reshape({sh.fmt(cand)})"
        fixes.append(_fix(f"Or reshape to {sh.fmt(cand)}, which holds exactly {n} values", code))
    if not fixes or len(fixes) < 2:
        fixes.append(_fix("Let one axis be computed: write -1 for it (only one -1 is allowed)",
                          "layers.Reshape((-1, features))," if layer else "x = x.reshape(-1, features)"))
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which layer or array produced the input.")


# --- SD104 merge ---------------------------------------------------------------------------


def sd104(f: ErrorFacts) -> Advice:
    shapes = [_shape(s) for s in f.shapes]
    shapes = [s for s in shapes if s is not None]
    op = f.details.get("operation", "elementwise")
    who = f.layer_class or (f.layer if f.layer else None)
    fixes: list[FixReport] = []
    if op == "concatenate":
        differing = f.details.get("differing_axes") or []
        message = f"{who or 'the concatenation'} got {f.received}, which differ on more than the joined axis"
        explanation = (
            f"Concatenate stacks its inputs along one axis (the last, unless `axis=` says otherwise); on every "
            f"other axis the sizes must be equal. The inputs {f.received} differ on axis "
            f"{', '.join(str(a) for a in differing) or '?'}. "
        ) + _rule("SD104", f)
        if len(differing) == 1 and shapes:
            ax = differing[0]
            rank = len(shapes[0])
            joined = list(shapes[0])
            joined[ax] = sum(s[ax] for s in shapes) if all(s[ax] is not None for s in shapes) else None
            ax_code = -1 if ax == rank - 1 else ax
            if shapes[0][0] is None:
                joined[0] = None
            fixes.append(_fix(f"If you meant to join them along axis {ax_code}, say so",
                              f"layers.Concatenate(axis={ax_code})([...])", result_shape=sh.fmt(joined)))
            sizes = sorted({s[ax] for s in shapes if s[ax] is not None})
            fixes.append(_fix(f"Otherwise make axis {ax} the same size in every input ({' vs '.join(str(x) for x in sizes)})",
                              "# e.g. the same number of steps, the same pooling or padding in each branch"))
        else:
            fixes.append(_fix("Make every axis but the joined one the same size in all inputs",
                              "layers.Concatenate(axis=-1)([a, b])   # a, b: equal sizes except on axis -1"))
        fixes.append(_fix("Or flatten or pool the branches first, so only the joined axis differs",
                          "layers.Concatenate()([layers.Flatten()(a), layers.Flatten()(b)])"))
    else:
        what = who or "An element-wise operation"
        message = f"{who or 'an element-wise operation'} got {f.received}, which do not line up"
        per = " (per-sample shapes: the batch axis is left out)" if f.details.get("per_sample") else ""
        explanation = f"{_cap(what)} pairs values one to one; it received {f.received}{per}. " + _rule("SD104", f)
        if len(shapes) == 2:
            a, b = shapes
            if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] and b[-1]:
                small, big = sorted((a[-1], b[-1]))
                per_sample = f.details.get("per_sample")
                lead = (None,) + tuple(a[:-1]) if per_sample else tuple(a[:-1])
                fixes.append(_fix(f"Project the {small}-wide input to {big} before merging",
                                  f"layers.Dense({big})(branch_with_{small})"))
                fixes.append(_fix("Or, if the two should be joined rather than added, concatenate them",
                                  "layers.Concatenate()([a, b])",
                                  result_shape=sh.fmt(lead + (a[-1] + b[-1],))))
            elif len(a) + 1 == len(b) and tuple(a) == tuple(b[: len(a)]):
                fixes.append(_fix(f"To repeat {sh.fmt(a)} along the last axis, give it a size-1 axis there",
                                  "a = keras.ops.expand_dims(a, -1)",
                                  result_shape=sh.fmt(tuple(a) + (1,))))
            elif len(b) + 1 == len(a) and tuple(b) == tuple(a[: len(b)]):
                fixes.append(_fix(f"To repeat {sh.fmt(b)} along the last axis, give it a size-1 axis there",
                                  "b = keras.ops.expand_dims(b, -1)",
                                  result_shape=sh.fmt(tuple(b) + (1,))))
        spatial = len(shapes) == 2 and len(shapes[0]) == len(shapes[1]) >= 3 and shapes[0][-1] == shapes[1][-1]
        if not fixes and spatial:
            fixes.append(_fix("Give both branches the same spatial size: the same pooling, strides and padding in each",
                              "# e.g. strides=2 on the shortcut's convolution, or padding=\"same\" in both branches"))
        elif not fixes:
            fixes.append(_fix("Give both inputs the same shape, e.g. the same units in both branches",
                              "layers.Dense(n)(a), layers.Dense(n)(b)"))
            fixes.append(_fix("Or concatenate instead, if they should be joined rather than combined value by value",
                              "layers.Concatenate()([a, b])"))
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which branches produced these tensors.")


# --- SD105 spatial shrink ------------------------------------------------------------------


def _too_small_for_application(f: ErrorFacts) -> Advice:
    """keras.applications refuses images below its minimum size (its downsampling would shrink them away)."""
    height, width = f.details["min_size"]
    recv = _shape(f.received)
    message = f"the pretrained architecture needs images of at least {height}x{width}, received input_shape={f.received}"
    explanation = (f"This keras.applications model downsamples its input several times; below {height}x{width} "
                   f"the feature maps would shrink away, so it refuses input_shape={f.received}. ") + _rule("SD105", f)
    channels = recv[-1] if recv is not None and len(recv) == 3 else None
    inner = f"{height}, {width}" + (f", {channels}" if channels else ", channels")
    fixes = [
        _fix(f"Declare the smallest input the model accepts, input_shape=({inner}), and resize the images to it",
             f"input_shape=({inner})"),
        _fix(f"Or resize the images to at least {height}x{width} inside the model",
             f"inputs = keras.Input(shape=({_dims(recv) if recv else 'height, width, channels'}))\n"
             f"x = layers.Resizing({height}, {width})(inputs)\n# then call the application on x with input_shape=({inner})"),
    ]
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which application or where the images were loaded.")


def sd105(f: ErrorFacts) -> Advice:
    if f.details.get("min_size"):
        return _too_small_for_application(f)
    recv = _shape(f.received)
    window = [w for w in (f.details.get("window") or []) if w]
    k = max(window, default=None)
    spatial = tuple(recv[1:-1]) if recv is not None and len(recv) >= 3 else None
    if len(window) > 1:
        win_txt = "a " + "x".join(str(w) for w in window) + " window"
    elif window:
        win_txt = f"a window of {window[0]}"
    else:
        win_txt = "the window"
    size_txt = "x".join("?" if d is None else str(d) for d in spatial) if spatial else None
    if size_txt:
        message = f"{_who(f)}: {win_txt} does not fit the {size_txt} input {f.received}"
    else:
        message = f"{_who(f)}: {win_txt} is larger than the input {f.received or ''}".rstrip()
    explanation = (
        f"With padding=\"valid\" a window of size {k or 'k'} needs at least {k or 'k'} positions on each spatial axis; "
        f"the input {f.received or ''} has fewer after the layers before it. "
    ).replace("  ", " ") + _rule("SD105", f)
    cls = f.layer_class or "Conv2D"
    pooling = cls.startswith(("MaxPooling", "AveragePooling"))
    args = f"{k or 'pool_size'}" if pooling else f"filters, {k or 'kernel_size'}"
    fixes: list[FixReport] = [
        _fix(f"Pad instead of shrinking: padding=\"same\" on {f.layer or cls}", f"layers.{cls}({args}, padding=\"same\"),")
    ]
    if spatial and all(spatial) and k and min(spatial) >= 2:
        fit = min(spatial)
        fixes.append(_fix(f"Or use a window that fits: at most {fit}",
                          f"layers.{cls}({fit})," if pooling else f"layers.{cls}(filters, {fit}),"))
    fixes.append(_fix("Or remove a pooling layer earlier, or feed larger inputs", "keras.Input(shape=(height, width, channels))"))
    if recv is not None and len(recv) == 4 and recv[1] in (1, 3) and (recv[2] or 0) >= 8 and (recv[3] or 0) >= 8:
        fixes.insert(0, _fix(
            f"{f.received} looks like channels-first images (channels, height, width): move the channels last",
            "x = np.transpose(x, (0, 2, 3, 1))   # (N, C, H, W) -> (N, H, W, C)",
            note="or build the model with data_format=\"channels_first\"",
        ))
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which earlier layers shrank the input.")


# --- SD107 undefined dimension -------------------------------------------------------------


def sd107(f: ErrorFacts) -> Advice:
    who = _who(f) if (f.layer or f.layer_class) else "Dense"
    if (f.received or "").startswith("kernel"):
        message = f"{who} cannot build its weights: its input's last axis is None ({f.received})"
    else:
        message = f"{who} needs a defined last axis, received {f.received}"
    explanation = (
        f"{f.layer_class or 'Dense'} creates its weights from the size of its input's last axis, and that size is "
        f"None ({f.received}). "
    ) + _rule("SD107", f)
    fixes = [
        _fix("Replace Flatten with global pooling, which works for any image size", "layers.GlobalAveragePooling2D(),"),
        _fix("Or give the Input concrete sizes if every sample has the same size",
             "keras.Input(shape=(height, width, channels))"),
    ]
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which axis became None, nor where.")


# --- SD201 the user's data does not fit the model --------------------------------------------


def _fits(shape: tuple, want: tuple) -> bool:
    return len(shape) == len(want) and all(w is None or d is None or w == d for d, w in zip(shape, want))


def data_advice(f: ErrorFacts) -> Advice:
    exp = _shape(f.expected)
    recv = _shape(f.received)
    want_ndim = None
    m = re.match(r"ndim(?:>=|=)(\d+)", f.expected or "")
    if m:
        want_ndim = int(m.group(1))
    elif exp is not None:
        want_ndim = len(exp)
    where = f" at {f.layer}" if f.layer and not hints.is_model_name(f.layer) else ""
    message = f"the data has shape {f.received}, the model expects {f.expected}{where}"
    declared = f"samples of shape {f.expected}" if f.details.get("per_sample") else f"inputs of {f.expected}"
    explanation = f"The model was declared for {declared}; the array given has {f.received}. " + _rule(f.family, f)
    fixes: list[FixReport] = []
    if recv is not None and want_ndim is not None and len(recv) < want_ndim:
        if want_ndim >= 4 or (exp is not None and len(exp) >= 3 and exp[-1] in (1, 3)):
            fixes.append(_fix("Add the missing channel axis to the data", "x = np.expand_dims(x, -1)",
                              result_shape=sh.fmt(tuple(recv) + (1,))))
        if len(recv) == 1:
            fixes.append(_fix("A single sample lacks its batch axis: add it", "model.predict(np.expand_dims(x, 0))"))
            fixes.append(_fix("Or one value per sample: make it a column", "x = x.reshape(-1, 1)"))
        elif not fixes and (exp is None or _fits(tuple(recv) + (1,), exp)):
            fixes.append(_fix("Add the missing axis to the data", "x = np.expand_dims(x, -1)"))
    elif recv is not None and exp is not None and len(recv) == len(exp) and recv[-1] != exp[-1]:
        if exp[-1] is not None and recv[-1] is not None:
            unit = "feature" if recv[-1] == 1 else "features"
            fixes.append(_fix(f"The data has {recv[-1]} {unit} per sample, the model {exp[-1]}: pass the columns it was built for",
                              f"x = x[:, feature_columns]   # the {exp[-1]} columns the model expects"))
            inner = _dims(recv[1:]) + ("," if len(recv) == 2 else "")
            fixes.append(_fix("Or declare the width the data has", f"keras.Input(shape=({inner}))"))
    elif recv is not None and exp is not None and len(recv) == len(exp):
        axis = f.details.get("axis")
        want, have = f.details.get("expected_size"), f.details.get("received_size")
        if axis not in (None, -1) and want and have:
            fixes.append(_fix(f"The data has {have} on axis {axis} (time steps?), the model {want}: pad or cut to {want}",
                              f"x = keras.utils.pad_sequences(x, maxlen={want}, padding=\"post\", dtype=\"float32\")"))
            fixes.append(_fix("Or accept any length on that axis: declare it None in the Input",
                              "keras.Input(shape=(None, features))"))
    elif recv is not None and want_ndim is not None and len(recv) > want_ndim:
        fixes.append(_fix("The data has an extra axis: squeeze it or reshape", "x = np.squeeze(x)"))
    declared_whole_array = bool(tf.batch_axis_declared(recv, exp))
    if declared_whole_array:
        explanation = (f"The model was declared for inputs of {f.expected}, one axis more than the data's {f.received}: "
                       f"the {exp[1]} in front looks like the number of samples, i.e. the input was declared with the "
                       f"whole array's shape (batch axis included). `input_shape` / `Input(shape=...)` describe one sample.")
    if not fixes and not declared_whole_array:
        fixes = _generic_fixes("SD201", f)
    return Advice(message, explanation, fixes, consumer=_layer_place(f, "input"),
                  culprit=None if declared_whole_array else Place(kind="data"),
                  cannot_tell="The text does not show where the array was built or loaded.")


# --- SD202 labels vs loss ------------------------------------------------------------------

_CLASSIFY = ("categorical_crossentropy", "categorical_focal_crossentropy", "categorical_hinge")
_SPARSE = "sparse_categorical_crossentropy"


def _n_shape(classes) -> str:
    """``(N, 64)``: the labels' full shape, N samples (a batch only shows its batch size)."""
    return f"(N, {classes})"


def _label_width(t, o):
    """Values per sample in labels *t* against output *o*: (16,) is one value for each of 16 samples."""
    if len(t) == len(o):
        return t[-1]
    return 1 if len(t) == len(o) - 1 else None


def _broadcast_in_loss(f: ErrorFacts) -> bool:
    """A broadcasting error (not a cross-entropy's own shape check): the loss is one that
    checks nothing, a regression loss such as mse, so labels are targets, not class ids."""
    return "broadcast" in f.recognizer or f.recognizer.endswith("incompatible_shapes") or \
        f.loss in ("mean_squared_error", "mean_absolute_error", "huber", "mse", "mae")


def _extra_output_axes(t, o, sparse) -> bool:
    """The output keeps sequence or image axes the labels do not have."""
    return len(o) > len(t) + (1 if sparse else 0) and len(o) >= 3


def _labels_out_of_range(f: ErrorFacts) -> Advice:
    """A class index with no output unit: the output layer is too narrow, or the labels are not 0..n-1."""
    largest, classes = f.details["max_label"], f.details["classes"]
    need = largest + 1
    message = f"a label value of {largest} has no output unit: the model has {classes} (classes 0 to {classes - 1})"
    explanation = (f"sparse_categorical_crossentropy reads each label as the index of an output unit; the model "
                   f"outputs {classes} values per sample, so labels must lie in 0 to {classes - 1}, and the labels "
                   f"go up to {largest} at least. ") + _rule("SD202", f)
    fixes = [
        _fix(f"Give the output layer one unit per class: {need} units (or the number of classes, if larger)",
             f'layers.Dense({need}, activation="softmax"),'),
        _fix("Or, if the labels are codes rather than 0..n-1, map them to 0..n-1",
             "classes, y = np.unique(y, return_inverse=True)"),
    ]
    return Advice(message, explanation, fixes, consumer=Place(kind="loss", cls=f.loss), culprit=Place(kind="labels"),
                  cannot_tell="The text shows only some label values, not the largest one.")


def _whole_ratio(big: tuple, small: tuple) -> int:
    """The one whole factor >= 2 by which every axis of *big* exceeds *small* (0 when none)."""
    ratios = {b // s if b and s and b % s == 0 else 0 for b, s in zip(big, small)}
    return ratios.pop() if len(ratios) == 1 and min(ratios) >= 2 else 0


def sd202(f: ErrorFacts) -> Advice:
    if f.details.get("max_label") is not None:
        return _labels_out_of_range(f)
    t = _shape(f.details.get("target_shape"))
    o = _shape(f.details.get("output_shape"))
    loss = f.loss
    sparse = loss == _SPARSE or bool(f.details.get("sparse"))
    per = f.details.get("labels_per_sample")
    metric = bool(f.details.get("metric")) and loss is None
    if t is None and o is None and "size_a" in f.details:
        # PyTorch names only the sizes on one axis: labels (a) against the output (b).
        t, o = (None, f.details["size_a"]), (None, f.details["size_b"])
    output_known = o is not None
    if sparse and t is not None and o is None and len(t) >= 2 and t[-1] and t[-1] > 1:
        o = t  # only the labels are known (TF's squeeze): a trailing axis > 1 means one-hot labels
    classes = o[-1] if o else None
    fixes: list[FixReport] = []
    specific = ""
    model_cause = False

    if metric:
        a, b = _shape(f.details.get("target_shape")), _shape(f.details.get("output_shape"))
        message = f"a metric (accuracy) compared labels and predictions that do not line up: {f.received}"
        specific = (f"Accuracy compares the labels with the model's predictions value by value; here the two tensors "
                    f"are {f.received}.")
        if a is not None and b is not None and abs(len(a) - len(b)) >= 2:
            big = a if len(a) > len(b) else b
            specific += f" The larger one, {sh.fmt(big)}, keeps spatial axes the labels do not have."
            fixes.append(_fix("Pool or flatten the extra axes before the output layer (see SD206)",
                              "layers.GlobalAveragePooling2D(),   # or layers.Flatten()"))
        elif a is not None and b is not None and len(a) == len(b):
            diff = [i for i in range(1, len(a)) if a[i] != b[i]]
            if diff:
                specific += f" They differ on axis {diff[0]} ({a[diff[0]]} vs {b[diff[0]]}), e.g. two sequence lengths."
            fixes.append(_fix("Make the labels and the model output agree on that axis (pad or cut sequences to one length)",
                              "y = keras.utils.pad_sequences(y, maxlen=steps, padding=\"post\")"))
        fixes.append(_fix("Check whether the loss accepts the labels: compile without the metric once",
                          "model.compile(optimizer=\"adam\", loss=loss, metrics=[])"))
    elif t is not None and output_known:
        message = f"labels {sh.fmt(t)} do not fit the model output {sh.fmt(o)}" + (f" under {loss}" if loss else "")
    elif f.layer and f.expected:
        message = f"labels {f.received} do not fit the output of {f.layer}, {f.expected}"
    elif f.expected:
        message = f"labels {f.received} do not fit {loss or 'the loss'}, which wants {f.expected}"
    else:
        message = f"labels {f.received} do not fit the model output"

    if metric:
        pass
    elif sparse and t is not None and o is not None:
        onehot = (len(t) == len(o) and t[-1] == classes) or (per is not None and per == classes)
        if onehot:
            specific = (f"sparse_categorical_crossentropy wants one integer class per sample, shape {sh.fmt(o[:-1])}; "
                        f"these labels look one-hot ({classes} values per sample).")
            fixes.append(_fix("One-hot labels: use categorical_crossentropy", 'model.compile(loss="categorical_crossentropy", ...)'))
            fixes.append(_fix("Or turn them back into class indices", "y = np.argmax(y, axis=-1)",
                              result_shape="(N,)"))
        else:
            steps = per if per is not None else (t[-1] if len(t) == len(o) else None)
            specific = (f"sparse_categorical_crossentropy wants one class index per sample, shape {sh.fmt(o[:-1])}; "
                        f"these labels carry {steps if steps else 'several'} values per sample.")
            if steps:
                fixes.append(_fix(f"Labels per time step ({steps} steps): make the model predict every step",
                                  f"layers.LSTM(units, return_sequences=True),\nlayers.Dense({classes}, activation=\"softmax\"),",
                                  result_shape=sh.fmt((None, steps, classes))))
            fixes.append(_fix("Several labels per sample: multi-hot labels with sigmoid outputs",
                              f'layers.Dense({classes}, activation="sigmoid")\nmodel.compile(loss="binary_crossentropy", ...)'))
    elif t is not None and o is not None and t[0] is not None and o[0] is not None and t[0] != o[0]:
        specific = (f"The labels hold {t[0]} rows and the predictions {o[0]}: the batch axes disagree, so the labels were "
                    f"reshaped, repeated or flattened somewhere, or the model merges samples.")
        fixes.append(_fix("Keep one label row per sample: y must have as many rows as x", "assert len(y) == len(x), (len(y), len(x))"))
        fixes.append(_fix("If the labels were flattened, restore their per-sample shape", "y = y.reshape(len(x), -1)"))
    elif t is not None and o is not None and len(t) == len(o) >= 4 and t[-1] == o[-1] and _whole_ratio(t[1:-1], o[1:-1]):
        # (16, 28, 28, 1) labels against (16, 14, 14, 1) outputs: an image model (an autoencoder,
        # a segmentation net) whose decoder gives back a smaller image than it was given.
        ratio = _whole_ratio(t[1:-1], o[1:-1])
        model_cause = True
        rank = len(t) - 2
        size = "x".join(str(d) for d in o[1:-1])
        want = "x".join(str(d) for d in t[1:-1])
        specific = (f"The model outputs {size} maps, the labels are {want}: the decoder upsamples {ratio}x too little "
                    f"(or the encoder downsamples once too often).")
        stride = "(" + ", ".join([str(ratio)] * rank) + ")"
        fixes.append(_fix(f"Upsample once more in the decoder: strides={stride} on its last Conv{rank}DTranspose",
                          f"layers.Conv{rank}DTranspose(filters, kernel_size, strides={stride}, padding=\"same\"),",
                          result_shape=sh.fmt((None,) + tuple(t[1:]))))
        fixes.append(_fix(f"Or add an UpSampling{rank}D({ratio}) before the output layer",
                          f"layers.UpSampling{rank}D({ratio}),"))
    elif t is not None and o is not None and len(t) == len(o) + 1 and t[-1] == o[-1] and t[0] == o[0] and t[1]:
        # (16, 20, 3) labels against (16, 3) outputs: a value per time step, a model that returns
        # only the last step (a sequence-to-sequence model whose last LSTM lost the time axis).
        model_cause = True
        specific = (f"The labels hold {t[1]} steps of {t[-1]} values per sample, the model one vector of {o[-1]}: "
                    f"a recurrent layer returned only its last step.")
        fixes.append(_fix(f"Keep the time axis: return_sequences=True on the last LSTM/GRU ({t[1]} steps out)",
                          "layers.LSTM(units, return_sequences=True),", result_shape=sh.fmt((None,) + tuple(t[1:]))))
        fixes.append(_fix("Or predict one vector per sample and give one label vector per sample",
                          "y = y[:, -1]   # e.g. the last step only", result_shape=sh.fmt((None, t[-1]))))
    elif t is not None and o is not None and len(o) >= 3 and len(o) > len(t) and tuple(t[1:]) != tuple(o[1:len(t)]):
        # (8, 10) labels against (8, 13, 13): the output kept spatial axes, whatever the loss.
        specific = (f"The model output {sh.fmt(o)} keeps axes the labels {sh.fmt(t)} do not have: a Dense head on a "
                    f"sequence or image acts per position.")
        spatial = len(o) - 2 if o[-1] == t[-1] else len(o) - 1  # with or without the class axis at the end
        pool = f"GlobalAveragePooling{min(spatial, 3)}D"
        fixes.append(_fix(f"Pool the extra axes before the output layer: {pool}() (or Flatten(); see SD206)",
                          f"layers.{pool}(),   # before the output layer"))
    elif t is not None and o is not None and classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1) \
            and loss in (None,) + _CLASSIFY and not _broadcast_in_loss(f):
        specific = (f"{loss or 'categorical_crossentropy'} compares one-hot labels with the {classes} outputs, so each "
                    f"label must be {classes} values wide, y of shape {_n_shape(classes)}; these labels have shape "
                    f"{sh.fmt(t)}: one integer class per sample.")
        if loss is None:
            specific = "The text does not name the loss; with categorical_crossentropy (the usual cause), " + specific[0].lower() + specific[1:]
        fixes.append(_fix("Integer labels: use sparse_categorical_crossentropy",
                          'model.compile(loss="sparse_categorical_crossentropy", ...)'))
        fixes.append(_fix(f"Or one-hot encode the labels to {_n_shape(classes)}",
                          f"y = keras.utils.to_categorical(y, {classes})", result_shape=_n_shape(classes)))
    elif t is not None and o is not None and loss == "binary_crossentropy" and not _extra_output_axes(t, o, sparse):
        if classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1):
            specific = (f"binary_crossentropy wants one 0/1 target per output unit, labels shaped like the output "
                        f"{sh.fmt(o)}; these have one value per sample but the model has {classes} outputs.")
            fixes.append(_fix("One yes/no label per sample: end the model with one sigmoid unit",
                              'layers.Dense(1, activation="sigmoid"),', result_shape=sh.fmt((None, 1))))
            fixes.append(_fix(f"One of {classes} classes per sample: softmax and a sparse loss",
                              f'layers.Dense({classes}, activation="softmax"),\nmodel.compile(loss="sparse_categorical_crossentropy", ...)'))
        elif t[-1] and classes and t[-1] != classes:
            specific = f"The labels have {t[-1]} columns, the model {classes} outputs."
            fixes.append(_fix(f"Give the last layer {t[-1]} units", f'layers.Dense({t[-1]}, activation="sigmoid"),'))
    elif t is not None and o is not None and _extra_output_axes(t, o, sparse):
        specific = (f"The model output {sh.fmt(o)} keeps axes the labels {sh.fmt(t)} do not have: a Dense head on a "
                    f"sequence or image acts per position.")
        pool = f"GlobalAveragePooling{min(len(o) - 2, 3)}D"
        fixes.append(_fix(f"Pool the extra axes before the output layer: {pool}() (or Flatten(); see SD206)",
                          f"layers.{pool}(),   # before the output layer"))
    elif t is not None and o is not None and _label_width(t, o) and classes and _label_width(t, o) != classes:
        width = _label_width(t, o)
        specific = f"The model predicts {classes} values per sample, the labels have {width}."
        fixes.append(_fix(f"Give the last layer {width} unit{'s' if width != 1 else ''} (one per label column)",
                          f"layers.Dense({width}),", result_shape=sh.fmt((None, width))))
        if loss in _CLASSIFY:
            fixes.append(_fix(f"Or, if there really are {classes} classes, one-hot encode the labels with {classes} columns",
                              f"y = keras.utils.to_categorical(class_indices, {classes})"))
        else:
            fixes.append(_fix("Or, if the labels are class indices, use a classification loss",
                              'model.compile(loss="sparse_categorical_crossentropy", ...)'))
    elif f.layer and f.expected and f.received:
        e, r = _shape(f.expected), _shape(f.received)
        if e and r and len(e) == len(r) and e[-1] and r[-1] and r[-1] == 1 and e[-1] > 1:
            specific = f"{f.layer} outputs {e[-1]} values per sample but each label is a single number."
            fixes.append(_fix("Integer labels: use sparse_categorical_crossentropy",
                              'model.compile(loss="sparse_categorical_crossentropy", ...)'))
            fixes.append(_fix("Or one-hot encode them", f"y = keras.utils.to_categorical(y, {e[-1]})"))
        elif e and r and len(e) == len(r) and e[-1] and r[-1]:
            specific = f"{f.layer} outputs {e[-1]} values per sample, the labels have {r[-1]}."
            fixes.append(_fix(f"Give {f.layer} {r[-1]} units, or encode the labels with {e[-1]} columns",
                              f"layers.Dense({r[-1]}, ...)   # was {e[-1]} units"))
        elif r and f.expected.startswith("ndim="):
            want = int(f.expected.split("=")[1])
            specific = f"{f.layer} outputs {sh.ndim_words(want)} per batch, the labels have {sh.ndim_words(len(r))}: {f.received}."
            if len(r) > want:
                fixes.append(_fix("Flatten the labels' extra axes (and size the output layer to match)",
                                  "y = y.reshape(len(y), -1)",
                                  result_shape=sh.fmt((r[0], sh.size(r[1:])))))
                fixes.append(_fix("Or make the model predict per step, like the labels",
                                  "layers.LSTM(units, return_sequences=True),"))

    # The labels are the culprit unless the shapes show a model that returns the wrong shape.
    explanation = specific if model_cause else (specific + " " if specific else "") + _rule("SD202", f)
    if not fixes:
        fixes = _generic_fixes("SD202", f, 4)
    consumer = Place(kind="loss", cls=loss) if loss else (_layer_place(f) or None)
    return Advice(message, explanation, fixes, consumer=consumer, culprit=None if model_cause else Place(kind="labels"),
                  cannot_tell="The text does not show how y was built, nor (always) which loss was compiled.")


# --- SD203 sample counts -------------------------------------------------------------------


def sd203(f: ErrorFacts) -> Advice:
    sizes = f.details.get("sizes") or {}
    parts = []
    for k, v in sizes.items():
        if not v:
            continue
        if len(v) == 1:
            parts.append(f"{k} has {v[0]} sample{'s' if v[0] != 1 else ''}")
        else:
            parts.append(f"the {k} arrays hold {', '.join(str(n) for n in v[:-1])} and {v[-1]} samples")
    message = " but ".join(parts) if parts else "x and y hold different numbers of samples"
    explanation = _rule("SD203", f)
    fixes = []
    x, y = sizes.get("x") or [], sizes.get("y") or []
    if len(x) == 1 and len(y) == 1 and x[0] != y[0]:
        # One array longer than the other (windows cut off by one, a dropped row): trim the longer one.
        longer, shorter = ("x", "y") if x[0] > y[0] else ("y", "x")
        what = "inputs" if longer == "x" else "labels"
        other = "label" if longer == "x" else "input"
        fixes.append(_fix(f"drop the {what} that have no {other}: {longer}[:len({shorter})]",
                          f"{longer} = {longer}[:len({shorter})]"))
    if f.details.get("structure"):
        fixes.append(_fix("Give one label array per model output, in the order of the outputs",
                          "model.fit(x, [y_first_output, y_second_output], ...)"))
    fixes += [
        _fix("Apply the same selection or split to x and y", "assert len(x) == len(y), (len(x), len(y))"),
        _fix("Check for a transposed array: the samples axis must come first", "x = x.T   # if x.shape is (features, samples)"),
    ]
    return Advice(message, explanation, fixes, culprit=Place(kind="data"),
                  cannot_tell="The text does not show where x and y were built, so not which one is off.")


def sd106(f: ErrorFacts) -> Advice:
    want = f.details.get("expected_size")
    message = (f"{_who(f)} was built for {want} on its last axis by an earlier call and is called again on "
               f"{f.received}")
    explanation = (f"The layer object was called before on inputs with {want} there; its weights are sized for "
                   f"{want}, so a call on {f.received} cannot share them. ") + _rule("SD106", f)
    return Advice(message, explanation, [], consumer=_layer_place(f),
                  cannot_tell="The text does not show the earlier call, so not which width is the intended one.")


def generic(f: ErrorFacts) -> Advice:
    fam = get(f.family)
    message = fam.title[0].lower() + fam.title[1:]
    return Advice(message, _rule(f.family, f), _generic_fixes(f.family, f), consumer=_layer_place(f),
                  cannot_tell="The text alone says little about the cause.")


ADVISORS = {
    "SD101": sd101,
    "SD102": sd102,
    "SD103": sd103,
    "SD104": sd104,
    "SD105": sd105,
    "SD106": sd106,
    "SD107": sd107,
    "SD201": data_advice,
    "SD202": sd202,
    "SD203": sd203,
}


def advise(facts: ErrorFacts) -> Advice:
    """The advice for *facts*; a text the family advisor cannot use gets the family's generic advice.

    Shapes read from a text can be anything (a scalar ``()``, a mangled paste), so an
    advisor that stumbles falls back to :func:`generic` rather than crash explain.
    """
    try:
        advice = ADVISORS.get(facts.family, generic)(facts)
        advice.fixes = _tidy(tf.run_ranked_fixes(facts) + advice.fixes)
    except Exception:
        if os.environ.get("SHAPEDOCTOR_DEBUG"):
            raise
        advice = generic(facts)
        advice.fixes = _tidy(advice.fixes)
    return advice
