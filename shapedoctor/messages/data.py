"""Recognisers for data messages: arrays given to fit/predict that do not fit the model.

Sample counts (SD203): Keras 3 and tf.keras ``Data cardinality is ambiguous`` (with ``x
sizes``/``y sizes`` lines), Keras 2 ``Input arrays should have the same number of samples
as target arrays`` and ``All input arrays (x) should have the same number of samples``.
Input shapes (SD201, as ``shapedoctor run`` reports data that does not fit the declared
inputs): Keras 2 ``Error when checking input: expected dense_1_input to have shape (64,) but
got array with shape (1,)`` and its ``N dimensions`` variant.
"""

from __future__ import annotations

import re

from shapedoctor.messages import shapes as sh
from shapedoctor.messages._common import SHAPE, lazy, line_at
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

_CARD = lazy(r"Data cardinality is ambiguous")
_SIZES = lazy(r"^\s{0,8}'?(x|y|sample_weight)'? sizes: ([\d, ]{1,20000})$", re.M)
# Keras 3 glues the first sizes line to the sentence before it.
_SIZES_GLUED = lazy(r"samples\.'?(x|y|sample_weight)'? sizes: ([\d, ]{1,20000})$", re.M)


def _ints(text: str) -> list[int]:
    return [int(t) for t in re.findall(r"\d{1,12}", text)]


@recognizer("data cardinality is ambiguous")
def cardinality(block: Block):
    m = _CARD.search(block.text)
    if not m:
        return None
    sizes: dict[str, list[int]] = {}
    for s in list(_SIZES_GLUED.finditer(block.text)) + list(_SIZES.finditer(block.text)):
        sizes.setdefault(s.group(1), _ints(s.group(2)))
    parts = [f"{k}: {', '.join(str(n) for n in v)}" for k, v in sizes.items()]
    dialect = "tf.keras" if "ambiguous:" in block.text else "keras3"
    listed = _list_of_samples(sizes)
    return ErrorFacts(
        family="SD201" if listed == "x" else "SD203",
        key_line=line_at(block.text, m.start()),
        expected="the same number of samples in x and y",
        received=", ".join(parts) or None,
        dialect=dialect,
        details={"sizes": sizes, "list_of_samples": listed} if listed else {"sizes": sizes},
    )


def _list_of_samples(sizes: dict[str, list[int]]) -> str | None:
    """"x" or "y" when that side lists one equal size per sample of the other side: a Python list of
    per-sample arrays, which Keras read as one array per model input (output)."""
    for side, other in (("x", "y"), ("y", "x")):
        many, one = sizes.get(side) or [], sizes.get(other) or []
        if len(many) >= 2 and len(set(many)) == 1 and len(one) == 1 and one[0] == len(many):
            return side
    return None


_SAMPLES = lazy(
    r"Input arrays should have the same number of samples as target arrays\. "
    r"Found (\d{1,12}) input samples and (\d{1,12}) target samples"
)
_ALL_SAME = lazy(
    r"All (input|target) arrays \((x|y)\) should have the same number of samples\.(?: Got array shapes: (\[[^\n]{0,2000}\]))?"
)


@recognizer("should have the same number of samples")
def sample_counts(block: Block):
    m = _SAMPLES.search(block.text)
    if m:
        x, y = int(m.group(1)), int(m.group(2))
        return ErrorFacts(
            family="SD203",
            key_line=line_at(block.text, m.start()),
            expected="the same number of samples in x and y",
            received=f"x: {x}, y: {y}",
            dialect="keras2",
            details={"sizes": {"x": [x], "y": [y]}},
        )
    m = _ALL_SAME.search(block.text)
    if m:
        shapes = sh.find_shapes(m.group(3) or "")
        counts = [sh.parse_shape(s)[0] for s in shapes]
        return ErrorFacts(
            family="SD203",
            key_line=line_at(block.text, m.start()),
            expected=f"the same number of samples in every {m.group(1)} array",
            received=f"{m.group(2)}: " + ", ".join(str(c) for c in counts) if counts else None,
            shapes=shapes,
            dialect="keras2",
            details={"sizes": {m.group(2): counts}},
        )
    return None


_CHECK_INPUT = lazy(
    r"Error when checking (?:model )?input: expected (\S{1,200}) to have "
    r"(?:shape (" + SHAPE + r") but got array with shape (" + SHAPE + r")"
    r"|(\d{1,2}) ?dimensions, but got (?:an )?array with shape (" + SHAPE + r"))"
)


@recognizer("error when checking input", "error when checking model input")
def keras2_check_input(block: Block):
    m = _CHECK_INPUT.search(block.text)
    if not m:
        return None
    details = {"data": True, "per_sample": bool(m.group(2))}
    if m.group(2):
        expected, received = sh.norm(m.group(2)), sh.norm(m.group(3))
        exp, got = sh.parse_shape(expected), sh.parse_shape(received)
        if exp and got and len(exp) == len(got):
            diff = [i for i in range(len(exp)) if exp[i] != got[i]]
            if diff:  # per-sample shapes: axis i of the sample is axis i + 1 of the batch
                axis = -1 if diff[-1] == len(exp) - 1 else diff[0] + 1
                details.update({"axis": axis, "expected_size": exp[diff[-1]] if axis == -1 else exp[diff[0]],
                                "received_size": got[diff[-1]] if axis == -1 else got[diff[0]]})
    else:
        expected, received = f"ndim={m.group(4)}", sh.norm(m.group(5))
        got = sh.parse_shape(received)
        details.update({"expected_ndim": int(m.group(4)), "found_ndim": len(got) if got else None, "ndim_check": "exact"})
    return ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        layer=m.group(1),
        layer_class="InputLayer",
        expected=expected,
        received=received,
        dialect="keras2",
        details=details,
    )


_STRUCTURE = lazy(r"y_true and y_pred have different structures\.\s{0,4}y_true: ([^\n]{1,500})\s{0,4}y_pred: ([^\n]{1,500})")


@recognizer("y_true and y_pred have different structures")
def label_structure(block: Block):
    """Keras 3: the labels' structure (how many arrays) differs from the model's outputs."""
    m = _STRUCTURE.search(block.text)
    if not m:
        return None
    labels, outputs = m.group(1).count("'*'"), m.group(2).count("'*'")
    return ErrorFacts(
        family="SD203",
        key_line=line_at(block.text, m.start()),
        expected=f"{outputs} label arrays (one per output)" if outputs else "one label array per output",
        received=f"{labels} label array{'s' if labels != 1 else ''}" if labels else m.group(1).strip(),
        dialect="keras3",
        details={"structure": True, "label_arrays": labels, "outputs": outputs},
    )


_UNEVEN_BATCH = lazy(
    r"Cannot batch tensors with different shapes in component (\d{1,4})\. First element had shape (\[[\d,\s]{0,200}\]) "
    r"and element (\d{1,12}) had shape (\[[\d,\s]{0,200}\])"
)


_UNEVEN_ADD = lazy(
    r"Cannot add tensor to the batch: number of elements does not match\. Shapes are: \[tensor\]: "
    r"(\[[\d,\s]{0,200}\]), \[batch\]: (\[[\d,\s]{0,200}\])"
)


@recognizer("cannot batch tensors with different shapes", "cannot add tensor to the batch")
def uneven_batch(block: Block):
    """tf.data's ``batch`` met elements of different shapes (images at their own sizes): SD201, the data.
    TensorFlow words it two ways: "Cannot batch tensors with different shapes in component 0. First element
    had shape [a] and element 1 had shape [b]", or, when the two hold different numbers of values, "Cannot
    add tensor to the batch: number of elements does not match. Shapes are: [tensor]: [b], [batch]: [a]"."""
    m = _UNEVEN_BATCH.search(block.text)
    if m:
        first, other, index = sh.norm(m.group(2)), sh.norm(m.group(4)), m.group(3)
    else:
        m = _UNEVEN_ADD.search(block.text)
        if not m:
            return None
        first, other, index = sh.norm(m.group(2)), sh.norm(m.group(1)), "added"
    return ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        expected=f"elements of one shape, like the first: {first}",
        received=f"element {index}: {other}",
        shapes=[first, other],
        dialect="tensorflow",
        details={"data": True, "uneven_batch": True},
    )


_UNKNOWN_KEPT_AXIS = lazy(
    r"All `axis` values to be kept must have a known shape\. Received axis=(\([^)\n]{0,40}\)|-?\d{1,3}), "
    r"inputs\.shape=(" + SHAPE + r")"
)


@recognizer("values to be kept must have a known shape")
def unknown_kept_axis(block: Block):
    """``Normalization.adapt`` (or its ``build``) on data whose kept axis has no known size: batches of single
    values, without the feature axis the layer keeps its statistics along. SD201, the data."""
    m = _UNKNOWN_KEPT_AXIS.search(block.text)
    if not m:
        return None
    return ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        expected=f"a known size on axis {m.group(1)} (one value per feature)",
        received=sh.norm(m.group(2)),
        shapes=[sh.norm(m.group(2))],
        dialect="keras3",
        details={"data": True, "kept_axis_unknown": m.group(1)},
    )
