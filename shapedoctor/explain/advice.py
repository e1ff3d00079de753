"""Turn ErrorFacts into what, why and how: the message, explanation and suggested fixes.

One function per family specialises the catalogue's generic text (``Family.why`` and
``Family.suggestions``) with the facts the error text states: the layer, the shapes, the
loss. Everything produced here is *suggested*: nothing is checked against the user's code
(``FixReport.verified`` is always False), and each advice says what the text cannot tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

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
    return sh.parse_shape(s) if s else None


def _who(f: ErrorFacts) -> str:
    """``lstm (LSTM)``, ``dense``, ``Reshape``, or ``the layer``."""
    if f.layer and f.layer_class and f.layer_class.lower() != f.layer.lower():
        return f"{f.layer} ({f.layer_class})"
    return f.layer or f.layer_class or "the layer"


def _fix(title: str, code: str = "", note: Optional[str] = None, result_shape: Optional[str] = None) -> FixReport:
    return FixReport(title=title, code=code, verified=False, note=note, result_shape=result_shape)


_BACKTICK = re.compile(r"`([^`]{1,200})`")


def _generic_fixes(family_id: str, limit: int = 3) -> list[FixReport]:
    """The family's own suggestions, code taken from their first `backticked` part."""
    out = []
    for text in get(family_id).suggestions[:limit]:
        m = _BACKTICK.search(text)
        out.append(_fix(text[0].upper() + text[1:], m.group(1) if m else ""))
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
    message = f"{_who(f)} needs {need_words}{axes}, received {received_txt}"
    subject = cls or f.layer or "The layer"
    explanation = f"{subject} needs {need_words}{axes}; it received {received_txt}. " + get("SD101").why
    fixes: list[FixReport] = []
    target = f.layer or cls or "the layer"
    if got < need and kind == "seq":
        fixes.append(_fix(
            f"Give {target} a time axis: repeat the vector n times with RepeatVector before it",
            "layers.RepeatVector(n),",
            note="choose n, the number of time steps you want",
            result_shape=f"(None, n, {recv[-1]})" if recv and len(recv) == 2 else None,
        ))
        if recv and len(recv) == 2 and recv[-1] is not None:
            feat = recv[-1]
            if feat == 1:
                fixes.append(_fix(f"Or make the single value one time step: Reshape before {target}",
                                  "layers.Reshape((1, 1)),", result_shape="(None, 1, 1)"))
            else:
                fixes.append(_fix(f"Or read the {feat} values as {feat} steps of 1 feature: Reshape before {target}",
                                  f"layers.Reshape(({feat}, 1)),", result_shape=f"(None, {feat}, 1)"))
        fixes.append(_fix("Or keep the time axis upstream: return_sequences=True on the recurrent layer before it",
                          "layers.LSTM(units, return_sequences=True),"))
    elif got < need and kind in ("img", "vol") and recv is not None and got == need - 1:
        spatial = tuple(recv[1:])
        fixes.append(_fix(
            f"Add the missing channel axis before {target}",
            f"layers.Reshape(({_dims(spatial)}, 1)),",
            result_shape=sh.fmt((None, *spatial, 1)),
        ))
        fixes.append(_fix("Or add it to the data and declare it in the Input",
                          f"x = np.expand_dims(x, -1)\nkeras.Input(shape=({_dims(spatial)}, 1))"))
    elif got < need and need == 2 and got == 1:
        fixes.append(_fix("A single sample lacks its batch axis: add it", "x = np.expand_dims(x, 0)   # (n,) -> (1, n)"))
        fixes.append(_fix("Or one value per sample: make it a column", "x = x.reshape(-1, 1)      # (n,) -> (n, 1)"))
    elif got > need and (cls in ("Dense", None) and need == 2):
        fixes.append(_fix(f"Flatten the extra axes before {target}", "layers.Flatten(),"))
        fixes.append(_fix("Or pool them away (keeps the model size-independent)", "layers.GlobalAveragePooling2D(),"))
    elif got > need and kind == "seq":
        if recv is not None and len(recv) == need + 1 and recv[-1] is not None and recv[-2] is not None:
            merged = recv[-2] * recv[-1]
            fixes.append(_fix(f"Merge the last two axes into features before {target}",
                              f"layers.Reshape(({recv[1]}, {merged})),",
                              result_shape=f"(None, {recv[1]}, {merged})"))
        fixes.append(_fix(f"Or flatten each step before {target}", "layers.TimeDistributed(layers.Flatten()),"))
    if not fixes:
        fixes = _generic_fixes("SD101")
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
        ) + get("SD102").why
    else:
        message = f"{_who(f)} expects {want} on {axis_txt}, received {f.received}"
        explanation = (
            f"{f.layer_class or _who(f)} was built for inputs with {want} on {axis_txt} (its weights are sized for "
            f"{want}); the tensor arriving has {have} there: {f.received}. "
        ) + get("SD102").why
    fixes = [
        _fix(f"Make the tensor reaching {f.layer or 'the layer'} have {want} features, e.g. units={want} on the layer that produces it",
             f"layers.Dense({want}),   # the layer feeding {f.layer or 'it'}"),
    ]
    recv = _shape(f.received)
    if recv is not None and len(recv) == 2 and have is not None:
        fixes.append(_fix(f"Or, if the data is right and the model wrong, declare the width the data has",
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
    if m is not None and n is not None:
        message = f"reshape to {f.expected} needs {m} values{per}, the input has {n}"
    else:
        message = f"reshape to {f.expected} does not fit an input of {f.received}"
    what = f"{f.received} holds {n} value{'s' if n != 1 else ''}{per}" if src is not None else f"The input holds {n} values"
    explanation = f"{what}; {f.expected} holds {m}. " + get("SD103").why
    fixes: list[FixReport] = []
    if layer:
        if n == 1 and m:
            fixes.append(_fix(f"To repeat the single value {m} times, use RepeatVector instead of Reshape",
                              f"layers.RepeatVector({m}),", result_shape=f"(None, {m}, 1)"))
        if m:
            fixes.append(_fix(f"Or make the layer before emit {m} values", f"layers.Dense({m}),",
                              result_shape=f"(None, {m})"))
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
        message = f"{who or 'Concatenate'} got {f.received}, which differ on more than the joined axis"
        explanation = (
            f"Concatenate stacks its inputs along one axis (the last, unless `axis=` says otherwise); on every "
            f"other axis the sizes must be equal. The inputs {f.received} differ on axis "
            f"{', '.join(str(a) for a in differing) or '?'}. "
        ) + get("SD104").why
        if len(differing) == 1 and shapes:
            ax = differing[0]
            rank = len(shapes[0])
            joined = list(shapes[0])
            joined[ax] = sum(s[ax] for s in shapes) if all(s[ax] is not None for s in shapes) else None
            joined[0] = None
            ax_code = -1 if ax == rank - 1 else ax
            fixes.append(_fix(f"If you meant to join them along axis {ax_code}, say so",
                              f"layers.Concatenate(axis={ax_code})([...])", result_shape=sh.fmt(joined)))
            sizes = sorted({s[ax] for s in shapes if s[ax] is not None})
            fixes.append(_fix(f"Otherwise make axis {ax} the same size in every input ({' vs '.join(str(x) for x in sizes)})",
                              "# e.g. the same number of steps / the same pooling in each branch"))
        fixes += _generic_fixes("SD104", 3)[1:]
    else:
        what = who or "An element-wise operation"
        message = f"{who or 'an element-wise operation'} got {f.received}, which do not line up"
        per = " (per-sample shapes: the batch axis is left out)" if f.dialect in ("keras3", "tf.keras") and f.layer_class is None else ""
        explanation = f"{_cap(what)} pairs values one to one; it received {f.received}{per}. " + get("SD104").why
        if len(shapes) == 2:
            a, b = shapes
            if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] and b[-1]:
                small, big = sorted((a[-1], b[-1]))
                fixes.append(_fix(f"Project the {small}-wide input to {big} before merging",
                                  f"layers.Dense({big})(branch_with_{small})"))
                fixes.append(_fix("Or, if the two should be joined rather than added, concatenate them",
                                  "layers.Concatenate()([a, b])",
                                  result_shape=sh.fmt((None,) + tuple(a[1:-1]) + (a[-1] + b[-1],)) if f.dialect != "keras3" else None))
            elif len(a) + 1 == len(b) and tuple(a) == tuple(b[: len(a)]):
                fixes.append(_fix(f"To repeat {sh.fmt(a)} along the last axis, give it a size-1 axis there",
                                  "a = keras.ops.expand_dims(a, -1)",
                                  result_shape=sh.fmt(tuple(a) + (1,))))
            elif len(b) + 1 == len(a) and tuple(b) == tuple(a[: len(b)]):
                fixes.append(_fix(f"To repeat {sh.fmt(b)} along the last axis, give it a size-1 axis there",
                                  "b = keras.ops.expand_dims(b, -1)",
                                  result_shape=sh.fmt(tuple(b) + (1,))))
        fixes += _generic_fixes("SD104", 2)
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which branches produced these tensors.")


# --- SD105 spatial shrink ------------------------------------------------------------------


def sd105(f: ErrorFacts) -> Advice:
    recv = _shape(f.received)
    window = f.details.get("window")
    k = max((w for w in (window or []) if w), default=None)
    spatial = tuple(recv[1:-1]) if recv is not None and len(recv) >= 3 else None
    win_txt = "x".join(str(w) for w in window) if window else "the"
    if spatial:
        message = f"{_who(f)}: a {win_txt} window does not fit the {'x'.join(str(d) for d in spatial)} input {f.received}"
    else:
        message = f"{_who(f)}: the window is larger than the input ({f.received or 'size unknown'})"
    explanation = (
        f"With padding=\"valid\" a window of size {k or 'k'} needs at least {k or 'k'} positions on each spatial axis; "
        f"the input {f.received or ''} has fewer after the layers before it. "
    ) + get("SD105").why
    cls = f.layer_class or "Conv2D"
    fixes: list[FixReport] = []
    if cls.startswith(("MaxPooling", "AveragePooling")):
        fixes.append(_fix(f"Pad instead of shrinking: padding=\"same\" on {f.layer or cls}",
                          f"layers.{cls}({k or 2}, padding=\"same\"),"))
    else:
        fixes.append(_fix(f"Pad instead of shrinking: padding=\"same\" on {f.layer or cls}",
                          f"layers.{cls}(filters, {k or 3}, padding=\"same\"),"))
    if spatial and all(d for d in spatial) and k and min(spatial) >= 1:
        fixes.append(_fix(f"Or use a window that fits: at most {min(spatial)}",
                          f"layers.{cls}({'filters, ' if cls.startswith('Conv') else ''}{min(spatial)}),"))
    fixes.append(_fix("Or remove a pooling layer earlier, or feed larger inputs", "keras.Input(shape=(height, width, channels))"))
    cannot = "The text does not show which earlier layers shrank the input."
    if recv is not None and len(recv) == 4 and recv[1] in (1, 3) and (recv[2] or 0) >= 8 and (recv[3] or 0) >= 8:
        fixes.insert(0, _fix(
            f"{f.received} looks like channels-first images (channels, height, width): move the channels last",
            "x = np.transpose(x, (0, 2, 3, 1))   # (N, C, H, W) -> (N, H, W, C)",
            note="or build the model with data_format=\"channels_first\"",
        ))
    return Advice(message, explanation, fixes, consumer=_layer_place(f), cannot_tell=cannot)


# --- SD107 undefined dimension -------------------------------------------------------------


def sd107(f: ErrorFacts) -> Advice:
    who = _who(f) if (f.layer or f.layer_class) else "Dense"
    message = f"{who} needs a defined last axis, received {f.received}"
    explanation = (
        f"{f.layer_class or 'Dense'} creates its weights from the size of its input's last axis, and that size is "
        f"None ({f.received}). "
    ) + get("SD107").why
    fixes = [
        _fix("Replace Flatten with global pooling, which works for any image size", "layers.GlobalAveragePooling2D(),"),
        _fix("Or give the Input concrete sizes if every sample has the same size",
             "keras.Input(shape=(height, width, channels))"),
    ]
    return Advice(message, explanation, fixes, consumer=_layer_place(f),
                  cannot_tell="The text does not show which axis became None, nor where.")


# --- SD201 data shape ----------------------------------------------------------------------


def sd201(f: ErrorFacts) -> Advice:
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
    per_sample = f.details.get("per_sample")
    explanation = (
        f"The model was declared for {'samples of shape ' + f.expected if per_sample else 'inputs of ' + str(f.expected)}; "
        f"the array given has {f.received}. "
    ) + get("SD201").why
    fixes: list[FixReport] = []
    if recv is not None and want_ndim is not None and len(recv) < want_ndim:
        if want_ndim >= 4 or (exp is not None and len(exp) >= 3 and exp[-1] in (1, 3)):
            fixes.append(_fix("Add the missing channel axis to the data", "x = np.expand_dims(x, -1)",
                              result_shape=sh.fmt(tuple(recv) + (1,))))
        if len(recv) == 1:
            fixes.append(_fix("A single sample lacks its batch axis: add it", "model.predict(np.expand_dims(x, 0))"))
            fixes.append(_fix("Or one value per sample: make it a column", "x = x.reshape(-1, 1)"))
        elif not fixes:
            fixes.append(_fix("Add the missing axis to the data", "x = np.expand_dims(x, -1)"))
    elif recv is not None and exp is not None and len(recv) == len(exp) and recv[-1] != exp[-1]:
        if exp[-1] is not None and recv[-1] is not None:
            fixes.append(_fix(f"The data has {recv[-1]} features per sample, the model {exp[-1]}: pass the right columns",
                              f"x.shape[-1] == {exp[-1]}   # select or compute the {exp[-1]} features"))
            fixes.append(_fix("Or declare the width the data has", f"keras.Input(shape=({_dims(recv[1:])},))" if len(recv) == 2
                              else f"keras.Input(shape=({_dims(recv[1:])}))"))
    elif recv is not None and want_ndim is not None and len(recv) > want_ndim:
        fixes.append(_fix("The data has an extra axis: squeeze it or reshape", "x = np.squeeze(x)"))
    if not fixes:
        fixes = _generic_fixes("SD201")
    return Advice(message, explanation, fixes, consumer=_layer_place(f, "input"),
                  culprit=Place(kind="data"),
                  cannot_tell="The text does not show where the array was built or loaded.")


# --- SD202 labels vs loss ------------------------------------------------------------------

_CLASSIFY = ("categorical_crossentropy", "categorical_focal_crossentropy", "categorical_hinge")
_SPARSE = "sparse_categorical_crossentropy"


def sd202(f: ErrorFacts) -> Advice:
    t = _shape(f.details.get("target_shape"))
    o = _shape(f.details.get("output_shape"))
    loss = f.loss
    loss_txt = loss or "the loss"
    fixes: list[FixReport] = []
    why = get("SD202").why
    per = f.details.get("labels_per_sample")
    if t is not None and o is not None:
        message = f"labels {sh.fmt(t)} do not fit the model output {sh.fmt(o)} under {loss_txt}"
    elif f.layer and f.expected:
        message = f"labels {f.received} do not fit the output of {f.layer}, {f.expected}"
    else:
        message = f"labels {f.received} do not fit the model output{(' ' + f.expected) if f.expected else ''}"
    classes = o[-1] if o else None
    specific = ""
    sparse = loss == _SPARSE or f.details.get("sparse")
    if sparse and t is not None and o is not None:
        onehot = (len(t) == len(o) and t[-1] == classes) or (per is not None and per == classes)
        if onehot:
            specific = (f"sparse_categorical_crossentropy wants one integer class per sample, shape {sh.fmt(o[:-1])}; "
                        f"these labels look one-hot ({classes} values per sample).")
            fixes.append(_fix("One-hot labels: use categorical_crossentropy", 'model.compile(loss="categorical_crossentropy", ...)'))
            fixes.append(_fix("Or turn them back into class indices", "y = np.argmax(y, axis=-1)",
                              result_shape=sh.fmt(o[:-1])))
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
    elif t is not None and o is not None and classes and classes > 1 and (t[-1] == 1 or len(t) == len(o) - 1) \
            and loss in (None,) + _CLASSIFY:
        n = t[0]
        specific = (f"{loss or 'categorical_crossentropy'} compares one-hot labels with the {classes} outputs, so y must be "
                    f"{sh.fmt((n, classes))}; y has shape {sh.fmt(t)}: one integer class per sample.")
        if loss is None:
            specific = ("The loss is not named in the text; with categorical_crossentropy (the usual cause) " + specific[0].lower()
                        + specific[1:])
        fixes.append(_fix("Integer labels: use sparse_categorical_crossentropy",
                          'model.compile(loss="sparse_categorical_crossentropy", ...)'))
        fixes.append(_fix(f"Or one-hot encode the labels to {sh.fmt((n, classes))}",
                          f"y = keras.utils.to_categorical(y, {classes})", result_shape=sh.fmt((n, classes))))
    elif t is not None and o is not None and loss == "binary_crossentropy":
        if classes and classes > 1 and t[-1] == 1:
            specific = (f"binary_crossentropy wants one 0/1 target per output unit, y of shape {sh.fmt(o)}; "
                        f"y has one value per sample but the model has {classes} outputs.")
            fixes.append(_fix("One yes/no label per sample: end the model with one sigmoid unit",
                              'layers.Dense(1, activation="sigmoid"),', result_shape=sh.fmt((None, 1))))
            fixes.append(_fix(f"One of {classes} classes per sample: softmax and a sparse loss",
                              f'layers.Dense({classes}, activation="softmax"),\nmodel.compile(loss="sparse_categorical_crossentropy", ...)'))
        elif t[-1] and classes and t[-1] != classes:
            specific = f"The labels have {t[-1]} columns, the model {classes} outputs."
            fixes.append(_fix(f"Give the last layer {t[-1]} units", f'layers.Dense({t[-1]}, activation="sigmoid"),'))
    elif t is not None and o is not None and t[-1] and classes and t[-1] != classes:
        specific = f"The model predicts {classes} values per sample, the labels have {t[-1]}."
        fixes.append(_fix(f"Give the last layer {t[-1]} units (one per label column)", f"layers.Dense({t[-1]}),",
                          result_shape=sh.fmt((None, t[-1]))))
        fixes.append(_fix("If the labels are class indices, use a classification loss",
                          'model.compile(loss="sparse_categorical_crossentropy", ...)'))
    elif f.layer and f.expected and f.received:
        e, r = _shape(f.expected), _shape(f.received)
        if e and r and len(e) == len(r) and e[-1] and r[-1] and r[-1] == 1 and e[-1] > 1:
            specific = f"{f.layer} outputs {e[-1]} values per sample but each label is a single number."
            fixes.append(_fix("Integer labels: use sparse_categorical_crossentropy",
                              'model.compile(loss="sparse_categorical_crossentropy", ...)'))
            fixes.append(_fix(f"Or one-hot encode them", f"y = keras.utils.to_categorical(y, {e[-1]})"))
        elif e and r and len(e) == len(r) and e[-1] and r[-1]:
            specific = f"{f.layer} outputs {e[-1]} values per sample, the labels have {r[-1]}."
            fixes.append(_fix(f"Give {f.layer} {r[-1]} units, or encode the labels with {e[-1]} columns",
                              f"layers.Dense({r[-1]}, ...)   # was {e[-1]} units"))
    if f.details.get("metric") and not specific:
        specific = f"A metric (accuracy) compared labels and predictions of shapes {f.received}."
    explanation = (specific + " " if specific else "") + why
    if not fixes:
        fixes = _generic_fixes("SD202", 4)
    consumer = Place(kind="loss", cls=loss) if loss else (_layer_place(f) or None)
    return Advice(message, explanation, fixes, consumer=consumer, culprit=Place(kind="labels"),
                  cannot_tell="The text does not show how y was built, nor (always) which loss was compiled.")


# --- SD203 sample counts -------------------------------------------------------------------


def sd203(f: ErrorFacts) -> Advice:
    sizes = f.details.get("sizes") or {}
    parts = [f"{k} has {', '.join(str(n) for n in v)} sample{'s' if v != [1] else ''}" for k, v in sizes.items() if v]
    message = " but ".join(parts) if parts else "x and y hold different numbers of samples"
    explanation = get("SD203").why
    fixes = [
        _fix("Apply the same selection or split to x and y", "assert len(x) == len(y), (len(x), len(y))"),
        _fix("Check for a transposed array: the samples axis must come first", "x = x.T   # if x.shape is (features, samples)"),
    ]
    return Advice(message, explanation, fixes, culprit=Place(kind="data"),
                  cannot_tell="The text does not show where x and y were built, so not which one is off.")


def generic(f: ErrorFacts) -> Advice:
    fam = get(f.family)
    message = fam.title[0].lower() + fam.title[1:]
    return Advice(message, fam.why, _generic_fixes(f.family), consumer=_layer_place(f),
                  cannot_tell="The text alone says little about the cause.")


ADVISORS = {
    "SD101": sd101,
    "SD102": sd102,
    "SD103": sd103,
    "SD104": sd104,
    "SD105": sd105,
    "SD107": sd107,
    "SD201": sd201,
    "SD202": sd202,
    "SD203": sd203,
}


def advise(facts: ErrorFacts) -> Advice:
    return ADVISORS.get(facts.family, generic)(facts)
