"""Recognisers for loss (and metric) messages: labels that do not fit the model output.

Keras 3 checks ``target`` against ``output`` itself on every backend (``Arguments `target`
and `output` must have the same shape``, the ``up until the last dimension`` and rank
variants of the sparse loss); tf.keras 2.x leaves it to TensorFlow (``Shapes (32, 1) and
(32, 64) are incompatible``, ```logits` and `labels` must have the same shape``,
```labels.shape` must equal `logits.shape` ...``, ``logits and labels must have the same
first dimension``, ``Can not squeeze dim[1]``); Keras 2 checked the arrays before training
(``Error when checking target: ...``). All of them are SD202, except labels and predictions
that agree per sample but differ in number in Keras 3's own check (``target.shape=(16, 1),
output.shape=(32, 1)``, a ``train_on_batch`` that does not compare counts first): SD203.

Facts: ``received`` is the labels' shape, ``expected`` the labels' shape this loss needs
(the output's shape for categorical/binary/regression losses, the output without its class
axis for the sparse ones); ``details`` keep both original shapes.
"""

from __future__ import annotations

from typing import Optional

from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages._common import SHAPE, lazy, line_at, split_origin
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

SPARSE = "sparse_categorical_crossentropy"


def labels_facts(
    block: Block,
    key_line: str,
    target,
    output,
    sparse: Optional[bool],
    loss: Optional[str] = None,
    dialect: Optional[str] = None,
    **details,
) -> ErrorFacts:
    """SD202 facts from the labels' and the output's shapes (tuples or None)."""
    loss = loss or hints.loss(block.context)
    if sparse is None:
        sparse = loss == SPARSE if loss else False
    expected = None
    if output is not None:
        expected = sh.fmt(output[:-1]) if sparse else sh.fmt(output)
    found = [s for s in (sh.fmt(target), sh.fmt(output)) if s]
    # Labels and predictions that agree per sample but not in number: a sample-count problem (SD203),
    # e.g. labels made for one half of a batch stacked from two halves.
    counts = dialect == "keras3" and target is not None and output is not None and len(target) == len(output) and \
        isinstance(target[0], int) and isinstance(output[0], int) and target[0] != output[0] and \
        tuple(target[1:]) == tuple(output[1:])
    dialect, origin = split_origin(dialect)
    return ErrorFacts(
        family="SD203" if counts else "SD202",
        key_line=key_line,
        expected=expected,
        received=sh.fmt(target),
        shapes=found,
        loss=loss,
        dialect=dialect,
        details={**origin, "target_shape": sh.fmt(target), "output_shape": sh.fmt(output), "sparse": sparse, **details},
    )


_K3_SAME = lazy(
    r"Arguments `target` and `output` must have the same (?:rank \(ndim\)|shape( up until the last dimension)?)[.:]? ?"
    r"(?:Received: )?target\.shape=(" + SHAPE + r"), output\.shape=(" + SHAPE + r")"
)
_K3_RANK = lazy(
    r"Argument `output` must have rank \(ndim\) `target\.ndim - 1`\. "
    r"Received: target\.shape=(" + SHAPE + r"), output\.shape=(" + SHAPE + r")"
)
_K3_RANK1 = lazy(
    r"Arguments? `(?:target` and `)?output` must be at least rank 1\. "
    r"Received: (?:target\.shape=(" + SHAPE + r"), )?output\.shape=(" + SHAPE + r")"
)


@recognizer("arguments `target` and `output` must", "argument `output` must")
def keras3_target_output(block: Block):
    text = block.text
    m = _K3_SAME.search(text)
    if m:
        sparse = bool(m.group(1))
        loss = hints.loss(block.context)
        if sparse:
            loss = SPARSE
        return labels_facts(
            block, line_at(text, m.start()), sh.parse_shape(m.group(2)), sh.parse_shape(m.group(3)),
            sparse, loss, "keras3",
        )
    m = _K3_RANK.search(text)
    if m:
        return labels_facts(
            block, line_at(text, m.start()), sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2)),
            True, SPARSE, "keras3",
        )
    m = _K3_RANK1.search(text)
    if m:
        target = sh.parse_shape(m.group(1)) if m.group(1) else None
        return labels_facts(block, line_at(text, m.start()), target, sh.parse_shape(m.group(2)), None, None, "keras3")
    return None


_TF_SHAPES = lazy(r"Shapes (" + SHAPE + r") and (" + SHAPE + r") are incompatible")


@recognizer("are incompatible")
def tensorshape_incompatible(block: Block):
    """tf.keras categorical_crossentropy: ``target.shape.assert_is_compatible_with(output.shape)``."""
    m = _TF_SHAPES.search(block.text)
    if not m:
        return None
    loss = hints.loss(block.context)
    return labels_facts(
        block, line_at(block.text, m.start()), sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2)),
        False, loss, "tensorflow",
    )


_LOGITS_SAME = lazy(
    r"`logits` and `labels` must have the same shape, received \((" + SHAPE + r") vs (" + SHAPE + r")\)"
)


@recognizer("`logits` and `labels` must have the same shape")
def sigmoid_logits(block: Block):
    m = _LOGITS_SAME.search(block.text)
    if not m:
        return None
    return labels_facts(
        block, line_at(block.text, m.start()), sh.parse_shape(m.group(2)), sh.parse_shape(m.group(1)),
        False, hints.loss(block.context) or "binary_crossentropy", "tensorflow",
    )


_LABELS_EQUAL = lazy(
    r"`labels\.shape` must equal `logits\.shape` except for the last dimension\. "
    r"Received: labels\.shape=(" + SHAPE + r") and logits\.shape=(" + SHAPE + r")"
)
_FIRST_DIM = lazy(
    r"logits and labels must have the same first dimension, got logits shape (" + SHAPE + r") and labels shape (" + SHAPE + r")"
)


def _flattened(labels, logits) -> dict:
    """tf.keras flattens sparse labels: 320 labels for (32, 10) logits means (32, 10) labels."""
    if not labels or not logits or len(labels) != 1 or labels[0] is None or logits[0] is None:
        return {}
    n, batch = labels[0], logits[0]
    if batch and n != batch and n % batch == 0:
        return {"labels_per_sample": n // batch}
    return {}


@recognizer("must equal `logits.shape` except for the last dimension", "logits and labels must have the same first dimension")
def sparse_softmax(block: Block):
    text = block.text
    m = _LABELS_EQUAL.search(text)
    if m:
        labels, logits = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2))
    else:
        m = _FIRST_DIM.search(text)
        if not m:
            return None
        logits, labels = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2))
    return labels_facts(
        block, line_at(text, m.start()), labels, logits, True, SPARSE,
        "tensorflow", **_flattened(labels, logits),
    )


_SAME_SIZE = lazy(
    r"logits and labels must be (?:same size|broadcastable): logits_size=(" + SHAPE + r") labels_size=(" + SHAPE + r")"
)


@recognizer("logits and labels must be same size", "logits and labels must be broadcastable")
def softmax_same_size(block: Block):
    m = _SAME_SIZE.search(block.text)
    if not m:
        return None
    return labels_facts(
        block, line_at(block.text, m.start()), sh.parse_shape(m.group(2)), sh.parse_shape(m.group(1)),
        False, hints.loss(block.context) or "categorical_crossentropy", "tensorflow",
    )


_SQUEEZE = lazy(
    r"Can not squeeze dim\[(\d{1,2})\], expected a dimension of 1, got (\d{1,12})"
    r"(?:[^\n]{0,300}?with input shapes: (" + SHAPE + r"))?"
)


@recognizer("can not squeeze dim[")
def squeeze(block: Block):
    """TF's sparse losses/metrics squeeze a trailing 1 off the labels; one-hot labels fail."""
    m = _SQUEEZE.search(block.text)
    if not m:
        return None
    labels = sh.parse_shape(m.group(3)) if m.group(3) else None
    facts = labels_facts(block, line_at(block.text, m.start()), labels, None, True, SPARSE, "tensorflow")
    if labels:
        facts.expected = sh.fmt(labels[:-1])
    facts.details["squeezed_axis"] = int(m.group(1))
    facts.details["found_size"] = int(m.group(2))
    return facts


_CHECK_TARGET = lazy(
    r"Error when checking (?:model )?target: expected (\S{1,200}) to have "
    r"(?:shape (" + SHAPE + r") but got array with shape (" + SHAPE + r")"
    r"|(\d{1,2}) dimensions, but got array with shape (" + SHAPE + r"))"
)


@recognizer("error when checking target", "error when checking model target")
def keras2_check_target(block: Block):
    m = _CHECK_TARGET.search(block.text)
    if not m:
        return None
    layer = m.group(1)
    if m.group(2):
        expected, received = sh.norm(m.group(2)), sh.norm(m.group(3))
    else:
        expected, received = f"ndim={m.group(4)}", sh.norm(m.group(5))
    return ErrorFacts(
        family="SD202",
        key_line=line_at(block.text, m.start()),
        layer=layer,
        expected=expected,
        received=received,
        loss=hints.loss(block.context),
        dialect="keras2",
        details={"per_sample": bool(m.group(2)) and not (m.group(2) or "").startswith("(None")},
    )


_LABEL_RANGE = lazy(
    r"Received a label value of (-?\d{1,12}) which is outside the valid range of \[0, (\d{1,12})\)\.?"
    r"(?:\s{1,4}Label values: ([-\d ]{1,2000}))?"
)


@recognizer("which is outside the valid range of")
def label_out_of_range(block: Block):
    """Sparse labels with a class index the output has no unit for (TensorFlow checks, JAX does not)."""
    m = _LABEL_RANGE.search(block.text)
    if not m:
        return None
    value, classes = int(m.group(1)), int(m.group(2))
    shown = [int(v) for v in (m.group(3) or "").split()[:5000] if v.lstrip("-").isdigit()]
    largest = max(shown + [value])
    details = {"max_label": largest, "classes": classes, "sparse": True, "min_label": min(shown + [value])}
    if shown:
        details["label_values"] = sorted(set(shown))[:50]  # the values of the batch the text shows
    return ErrorFacts(
        family="SD202",
        key_line=line_at(block.text, m.start()),
        expected=f"class indices 0 to {classes - 1}",
        received=f"a label value of {value}",
        loss=SPARSE,
        details=details,
    )
