"""Recognisers for the layer messages of tf.keras 2.x (``tf_keras``) and standalone Keras 1/2.

tf.keras 2.6+ says ``Input 0 of layer "dense" is incompatible with the layer: ...``
(TF 2.4-2.5 without the quotes, sometimes with a doubled ``: :``); Keras 2.0-2.3 and
Keras 1 said ``Input 0 is incompatible with layer dense_1: expected ndim=2, found ndim=4``.
The same family of facts comes out of both; the merge, Reshape, downsampling and
undefined-Dense messages of those versions are here too.
"""

from __future__ import annotations

from shapedoctor.messages import shapes as sh
from shapedoctor.messages._common import (
    SHAPE,
    axis_facts,
    lazy,
    line_at,
    rank_facts,
    shape_facts,
    with_wrapper,
)
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.keras3_layers import concat_facts, merge_class
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

# tf.keras 2.x: layer name in double quotes (2.6+) or bare (2.4-2.5).
_TFK = r"Input (\d{1,3}) of layer \"?([^\"\s:]{1,200})\"? is incompatible with the layer:(?: :)? "
_TFK_NDIM = lazy(
    _TFK + r"expected (min_|max_)?ndim=(\d{1,2}), found ndim=(\d{1,2})\.?(?: Full shape received: (" + SHAPE + r"))?"
)
_TFK_AXIS = lazy(
    _TFK + r"expected axis (-?\d{1,2}) of input shape to have value (\d{1,12}),? "
    r"but received input with shape:? ?(" + SHAPE + r")"
)
_TFK_SHAPE = lazy(_TFK + r"expected shape=(" + SHAPE + r"), found shape=(" + SHAPE + r")")

# Keras 1 / 2.0-2.3: "Input 0 is incompatible with layer dense_1: ..."
_K2 = r"Input (\d{1,3}) is incompatible with layer ([^\s:]{1,200}): "
_K2_NDIM = lazy(_K2 + r"expected (min_|max_)?ndim=(\d{1,2}), found ndim=(\d{1,2})")
_K2_AXIS = lazy(
    _K2 + r"expected axis (-?\d{1,2}) of input shape to have value (\d{1,12}),? but (?:got|received input with) shape (" + SHAPE + r")"
)


@recognizer("is incompatible with the layer", "is incompatible with layer")
def input_spec(block: Block):
    text = block.text
    for pattern, dialect in ((_TFK_NDIM, "tf.keras"), (_K2_NDIM, "keras2")):
        m = pattern.search(text)
        if m:
            received = m.group(6) if pattern is _TFK_NDIM else None
            return rank_facts(
                block,
                line_at(text, m.start()),
                layer=m.group(2),
                expected_ndim=int(m.group(4)),
                found_ndim=int(m.group(5)),
                kind=m.group(3) or "",
                received=received,
                dialect=dialect,
            )
    for pattern, dialect in ((_TFK_AXIS, "tf.keras"), (_K2_AXIS, "keras2")):
        m = pattern.search(text)
        if m:
            return axis_facts(
                block,
                line_at(text, m.start()),
                layer=m.group(2),
                axis=int(m.group(3)),
                value=int(m.group(4)),
                received=m.group(5),
                dialect=dialect,
            )
    m = _TFK_SHAPE.search(text)
    if m:
        return shape_facts(block, line_at(text, m.start()), m.group(2), m.group(3), m.group(4), "tf.keras")
    return None


_RESHAPE = lazy(
    r"total size of new array must be unchanged(?:, input_shape = \[([^\]\n]{0,200})\], output_shape = \[([^\]\n]{0,200})\])?"
)


@recognizer("total size of new array must be unchanged")
def reshape(block: Block):
    m = _RESHAPE.search(block.text)
    if not m:
        return None
    src = sh.parse_shape(f"[{m.group(1)}]") if m.group(1) is not None else None
    dst = sh.parse_shape(f"[{m.group(2)}]") if m.group(2) is not None else None
    facts = ErrorFacts(
        family="SD103",
        key_line=line_at(block.text, m.start()),
        layer_class="Reshape",
        expected=sh.fmt(dst),
        received=sh.fmt(src),
        dialect="tf.keras",
        details={"input_size": sh.size(src), "target_size": sh.size(dst), "target_shape": sh.fmt(dst)},
    )
    return with_wrapper(facts, block)


_OPERANDS = lazy(r"Operands could not be broadcast together with shapes (" + SHAPE + r") ?(" + SHAPE + r")")


@recognizer("operands could not be broadcast together with shapes")
def operands(block: Block):
    m = _OPERANDS.search(block.text)
    if not m:
        return None
    a, b = sh.norm(m.group(1)), sh.norm(m.group(2))
    return ErrorFacts(
        family="SD104",
        key_line=line_at(block.text, m.start()),
        layer_class=merge_class(block.context),
        expected="equal shapes (or size 1 on the differing axes)",
        received=f"{a} and {b}",
        shapes=[a, b],
        dialect="keras2",
        details={"operation": "elementwise", "per_sample": True},
    )


_MODE_CONCAT = lazy(
    r"\"concat\" mode can only merge layers with matching output shapes except for the concat axis\. Layer shapes: (\[[^\n]{0,2000}\])"
)
_MODE_OTHER = lazy(r"Only layers of same output shape can be merged using (\w{1,20}) mode\. Layer shapes: (\[[^\n]{0,2000}\])")
_MODE_AXIS = lazy(r"concat_axis=(-?\d{1,2})")


@recognizer("mode can only merge layers", "can be merged using")
def merge_modes(block: Block):
    m = _MODE_CONCAT.search(block.text)
    if m:
        shapes = [sh.parse_shape(s) for s in sh.find_shapes(m.group(1), unique=False)]
        am = _MODE_AXIS.search(block.context)
        facts = concat_facts(block, line_at(block.text, m.start()), shapes, int(am.group(1)) if am else None, "keras2")
        facts.layer_class = "Merge"
        return facts
    m = _MODE_OTHER.search(block.text)
    if m:
        found = sh.find_shapes(m.group(2), unique=False)
        return ErrorFacts(
            family="SD104",
            key_line=line_at(block.text, m.start()),
            layer_class="Merge",
            expected="equal shapes",
            received=" and ".join(found),
            shapes=found,
            dialect="keras2",
            details={"operation": "elementwise", "mode": m.group(1)},
        )
    return None


_DOWNSAMPLING = lazy(
    r"One of the dimensions in the output is <= 0 due to downsampling in ([^\s.]{1,200})\."
    r"(?: Consider increasing the input size\.)?(?: Received input shape (" + SHAPE + r"))?"
)


@recognizer("due to downsampling in")
def downsampling(block: Block):
    m = _DOWNSAMPLING.search(block.text)
    if not m:
        return None
    return ErrorFacts(
        family="SD105",
        key_line=line_at(block.text, m.start()),
        layer=m.group(1),
        received=sh.norm(m.group(2)) if m.group(2) else None,
        dialect="tf.keras",
    )


_DENSE_UNDEFINED = lazy(
    r"The last dimension of the inputs to (?:a )?`?(\w{1,40})`?(?: layer)? should be defined\. Found `?None`?\.?"
    r"(?: Full input shape received: (" + SHAPE + r"))?"
)


@recognizer("should be defined. found")
def dense_undefined(block: Block):
    m = _DENSE_UNDEFINED.search(block.text)
    if not m:
        return None
    facts = ErrorFacts(
        family="SD107",
        key_line=line_at(block.text, m.start()),
        layer_class=m.group(1),
        expected="a defined size on the last input axis",
        received=sh.norm(m.group(2)) if m.group(2) else "None on the last axis",
        dialect="tf.keras",
    )
    return with_wrapper(facts, block)
