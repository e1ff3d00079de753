"""Recognisers for the layer messages of Keras 3 (any backend).

Keras 3 words its InputSpec errors ``Input 0 with name 'None' of layer 'lstm' is
incompatible with the layer: ...``, wraps errors raised inside ``call`` as ``Exception
encountered when calling Reshape.call(). <bold message> Arguments received by ...``, and
raises its own messages for Reshape, merge layers, Concatenate, convolution/pooling output
sizes, the model's declared inputs and undefined variable shapes. Some of these texts are
shared with tf.keras 2.x; the dialect is then read from the traceback's paths.
"""

from __future__ import annotations

import re

from shapedoctor.messages import hints
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
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

_PREFIX = r"Input (\d{1,3}) with name '[^'\n]{0,200}' of layer '([^'\n]{1,200})' is incompatible with the layer: "

_NDIM = lazy(
    _PREFIX + r"expected (min_|max_)?ndim=(\d{1,2}), found ndim=(\d{1,2})\.?"
    r"(?: Full shape received: (" + SHAPE + r"))?"
)
_AXIS = lazy(
    _PREFIX + r"expected axis (-?\d{1,2}) of input shape to have value (\d{1,12}), "
    r"but received input with shape (" + SHAPE + r")"
)
_SHAPE = lazy(_PREFIX + r"expected shape=(" + SHAPE + r"), found shape=(" + SHAPE + r")")


@recognizer("is incompatible with the layer: expected", "ndim=")
def input_spec_ndim(block: Block):
    m = _NDIM.search(block.text)
    if not m:
        return None
    return rank_facts(
        block,
        line_at(block.text, m.start()),
        layer=m.group(2),
        expected_ndim=int(m.group(4)),
        found_ndim=int(m.group(5)),
        kind=m.group(3) or "",
        received=m.group(6),
        dialect="keras3",
    )


@recognizer("of input shape to have value")
def input_spec_axis(block: Block):
    m = _AXIS.search(block.text)
    if not m:
        return None
    return axis_facts(
        block,
        line_at(block.text, m.start()),
        layer=m.group(2),
        axis=int(m.group(3)),
        value=int(m.group(4)),
        received=m.group(5),
        dialect="keras3",
    )


@recognizer("is incompatible with the layer: expected shape=")
def input_spec_shape(block: Block):
    m = _SHAPE.search(block.text)
    if not m:
        return None
    return shape_facts(block, line_at(block.text, m.start()), m.group(2), m.group(3), m.group(4), "keras3")


# Functional models check every input against the declared Input(shape=...).
_INVALID_INPUT = lazy(
    r"Expected shape (" + SHAPE + r"), but input has incompatible shape (" + SHAPE + r")"
)


@recognizer("but input has incompatible shape")
def functional_input(block: Block):
    m = _INVALID_INPUT.search(block.text)
    if not m:
        return None
    facts = shape_facts(block, line_at(block.text, m.start()), None, m.group(1), m.group(2), "keras3", data=True)
    facts.layer_class = facts.layer_class or "InputLayer"
    name = re.search(r"with name '([^'\n]{1,200})' and path", block.text)
    if name:
        facts.details["input_name"] = name.group(1)
    return facts


_RESHAPE = lazy(
    r"total size of the tensor must be unchanged(?:, however, the input size cannot by divided by the specified "
    r"dimensions in target_shape)?\. Received: input_shape=(" + SHAPE + r"), target_shape=(" + SHAPE + r")"
)


@recognizer("total size of the tensor must be unchanged")
def reshape(block: Block):
    m = _RESHAPE.search(block.text)
    if not m:
        return None
    src, dst = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2))
    facts = ErrorFacts(
        family="SD103",
        key_line=line_at(block.text, m.start()),
        layer_class="Reshape",
        expected=sh.fmt(dst),
        received=sh.fmt(src),
        dialect="keras3",
        details={"input_size": sh.size(src), "target_size": sh.size(dst), "target_shape": sh.fmt(dst)},
    )
    raw = tuple(int(d) for d in re.findall(r"-?\d+", m.group(2)))
    if -1 in raw:  # one free axis: the other axes must divide the input's size
        fixed = tuple(d for d in raw if d != -1)
        text = "(" + ", ".join(str(d) for d in raw) + ("," if len(raw) == 1 else "") + ")"
        facts.expected = facts.details["target_shape"] = text
        facts.details["target_size"] = None
        facts.details["divisor"] = sh.size(fixed) if fixed else None
        facts.details["target_dims"] = list(raw)
    return with_wrapper(facts, block)


_MERGE = lazy(r"Inputs have incompatible shapes\. Received shapes (" + SHAPE + r") and (" + SHAPE + r")")


@recognizer("inputs have incompatible shapes. received shapes")
def merge(block: Block):
    m = _MERGE.search(block.text)
    if not m:
        return None
    a, b = sh.norm(m.group(1)), sh.norm(m.group(2))
    facts = ErrorFacts(
        family="SD104",
        key_line=line_at(block.text, m.start()),
        layer_class=merge_class(block.context),
        expected="equal shapes",
        received=f"{a} and {b}",
        shapes=[a, b],
        details={"operation": "elementwise", "per_sample": True},
    )
    return with_wrapper(facts, block)


_DOT = lazy(
    r"Incompatible input shapes: axis values (\d{1,12}) \(at axis (-?\d{1,2})\) != (\d{1,12}) \(at axis (-?\d{1,2})\)\. "
    r"Full input shapes: (" + SHAPE + r"), (" + SHAPE + r")"
)


@recognizer("incompatible input shapes: axis values")
def dot(block: Block):
    """Dot: the two inputs must have the same size on the axes it multiplies together."""
    m = _DOT.search(block.text)
    if not m:
        return None
    a, b = sh.norm(m.group(5)), sh.norm(m.group(6))
    facts = ErrorFacts(
        family="SD104",
        key_line=line_at(block.text, m.start()),
        layer_class="Dot",
        expected=f"equal sizes on the dot axes ({m.group(1)} vs {m.group(3)})",
        received=f"{a} and {b}",
        shapes=[a, b],
        dialect="keras3",
        details={"operation": "dot", "axes": [int(m.group(2)), int(m.group(4))],
                 "sizes": [int(m.group(1)), int(m.group(3))]},
    )
    return with_wrapper(facts, block)


# "layers.Add()([a, b])", "keras.layers.add([a, b])", "add([a, b])"; not "model.add(".
_MERGE_CALL = lazy(
    r"(?:\blayers\.|(?<![\w.]))(Add|Subtract|Multiply|Average|Maximum|Minimum|add|subtract|multiply|average|maximum|minimum)\("
)


def merge_class(context: str):
    """The merge layer named last in the traceback's code lines (``layers.Add()([a, b])``)."""
    cls = None
    for c in _MERGE_CALL.finditer(context):
        cls = c.group(1)
    return cls[0].upper() + cls[1:] if cls else None


_CONCAT = lazy(
    r"A `Concatenate` layer requires inputs with matching shapes except for the concat(?:enation)? axis\."
    r"[^\n\[]{0,80}(\[[^\n]{0,2000}\])"
)
_CONCAT_AXIS = lazy(r"Concatenate\(axis=(-?\d{1,2})\)|concat(?:enation)?_?axis=(-?\d{1,2})")


def concat_facts(block: Block, key_line: str, shapes: list, axis, dialect=None) -> ErrorFacts:
    """Concatenate facts: the shapes, the axes (batch excluded) on which they differ.

    The message does not say which axis was being joined (``axis`` is read from the code
    line when the traceback shows it). Keras refused, so at least one differing axis is
    not the joined one.
    """
    differing = []
    if shapes and all(s is not None for s in shapes):
        rank = len(shapes[0])
        if all(len(s) == rank for s in shapes):
            for ax in range(1, rank):
                sizes = {s[ax] for s in shapes if s[ax] is not None}
                if len(sizes) > 1:
                    differing.append(ax)
    printed = [sh.fmt(s) for s in shapes if s is not None]
    return ErrorFacts(
        family="SD104",
        key_line=key_line,
        layer_class="Concatenate",
        expected="equal sizes on every axis except the joined one",
        received=" and ".join(printed),
        shapes=printed,
        dialect=dialect,
        details={"operation": "concatenate", "axis": axis, "differing_axes": differing},
    )


@recognizer("`concatenate` layer requires inputs with matching shapes")
def concatenate(block: Block):
    m = _CONCAT.search(block.text)
    if not m:
        return None
    shapes = [sh.parse_shape(s) for s in sh.find_shapes(m.group(1), limit=16, unique=False)]
    axis = None
    am = _CONCAT_AXIS.search(block.context)
    if am:
        axis = int(am.group(1) or am.group(2))
    return concat_facts(block, line_at(block.text, m.start()), shapes, axis)


_CONV_NEG = lazy(r"Computed output size would be (?:zero or )?negative\.")
_IN_SHAPE = lazy(r"inputs[ .]shape=(" + SHAPE + r")")
_KERNEL = lazy(r"kernel shape=(" + SHAPE + r")")
_POOL = lazy(r"pool_size=(" + SHAPE + r")")
_STRIDES = lazy(r"strides=(" + SHAPE + r")")
_PADDING = lazy(r"padding=(\w{1,10})")


@recognizer("computed output size would be")
def conv_output_size(block: Block):
    m = _CONV_NEG.search(block.text)
    if not m:
        return None
    line = line_at(block.text, m.start())
    ins = _IN_SHAPE.search(line)
    kernel = _KERNEL.search(line)
    pool = _POOL.search(line)
    strides = _STRIDES.search(line)
    padding = _PADDING.search(line)
    in_shape = sh.parse_shape(ins.group(1)) if ins else None
    window = None
    cls = None
    if kernel:
        k = sh.parse_shape(kernel.group(1))
        if k and len(k) >= 3:
            window = tuple(k[:-2])
            cls = f"Conv{len(window)}D"
    elif pool:
        window = sh.parse_shape(pool.group(1))
        if window:
            cls = f"MaxPooling{len(window)}D"
    facts = ErrorFacts(
        family="SD105",
        key_line=line,
        received=sh.fmt(in_shape),
        expected=f"spatial size >= {max(d for d in window if d is not None)}" if window and any(d is not None for d in window) else None,
        dialect="keras3",
        details={
            "window": list(window) if window else None,
            "window_kind": "kernel" if kernel else ("pool" if pool else None),
            "strides": list(sh.parse_shape(strides.group(1)) or ()) if strides else None,
            "padding": padding.group(1) if padding else None,
        },
    )
    facts = with_wrapper(facts, block)
    if facts.layer_class is None:
        facts.layer_class = cls
    return facts


_VARIABLE = lazy(
    r"Shapes used to initialize variables must be fully-defined \(no `None` dimensions\)\. "
    r"Received: shape=(" + SHAPE + r") for variable path='([^'\n]{1,300})'"
)


@recognizer("shapes used to initialize variables must be fully-defined")
def undefined_variable(block: Block):
    m = _VARIABLE.search(block.text)
    if not m:
        return None
    path = m.group(2).split("/")
    layer = path[-2] if len(path) >= 2 else None
    var = path[-1]
    kernel = sh.norm(m.group(1))
    return ErrorFacts(
        family="SD107",
        key_line=line_at(block.text, m.start()),
        layer=layer,
        expected="a defined size on the last input axis",
        received=f"{var} shape {kernel}",
        shapes=[kernel],
        dialect="keras3",
        details={"variable": m.group(2), "variable_shape": kernel},
    )



_KERNEL_RANK = lazy(
    r"Kernel shape must have (?:the )?same length as input, but received kernel of shape "
    r"(" + SHAPE + r") and input of shape (" + SHAPE + r")"
)


def kernel_rank_facts(block: Block, key_line: str, kernel_text: str, input_text: str, dialect: str):
    """A convolution whose kernel has another rank than its input: a channel (or time) axis
    missing or extra. A ConvND kernel has N + 2 axes, the same as the input it wants."""
    kernel, got = sh.parse_shape(kernel_text), sh.parse_shape(input_text)
    if not kernel or not got or len(kernel) < 3:
        return None
    facts = rank_facts(block, key_line, layer=None, expected_ndim=len(kernel), found_ndim=len(got),
                       kind="", received=input_text, dialect=dialect)
    facts.layer_class = facts.layer_class or f"Conv{len(kernel) - 2}D"
    facts.details["kernel_shape"] = sh.fmt(kernel)
    facts.shapes = [sh.fmt(got), sh.fmt(kernel)]
    return facts


@recognizer("kernel shape must have the same length as input", "kernel shape must have same length as input")
def conv_kernel_rank(block: Block):
    m = _KERNEL_RANK.search(block.text)
    if not m:
        return None
    return kernel_rank_facts(block, line_at(block.text, m.start()), m.group(1), m.group(2), "keras3")


_TIME_DISTRIBUTED = lazy(
    r"`?TimeDistributed`? Layer should be passed an `?input_shape ?`? with at least 3 dimensions, "
    r"received: (" + SHAPE + r")"
)


@recognizer("timedistributed` layer should be passed", "timedistributed layer should be passed")
def time_distributed_rank(block: Block):
    m = _TIME_DISTRIBUTED.search(block.text)
    if not m:
        return None
    got = sh.parse_shape(m.group(1)) or ()
    facts = rank_facts(block, line_at(block.text, m.start()), layer=None, expected_ndim=3,
                       found_ndim=len(got), kind="min", received=m.group(1) if got else None, dialect=None)
    facts.layer_class = "TimeDistributed"
    facts.details["data"] = False
    facts.family = "SD101"
    return facts


# "...at least 32x32; Received: input_shape=(28, 28, 3)" (most models), "...; Received `input_shape=(24, 24, 3)`"
# (MobileNetV3), "... got `input_shape=...`" (older Keras); the received part is absent in some wordings.
MIN_INPUT_SIZE = lazy(
    r"Input size must be at least (\d{1,5})x(\d{1,5})(?:;?\s*(?:Received:?\s*`?input_shape=|got `input_shape=)(" + SHAPE + r"))?"
)


@recognizer("input size must be at least")
def applications_min_size(block: Block):
    """keras.applications models downsample several times and refuse images smaller than a minimum."""
    m = MIN_INPUT_SIZE.search(block.text)
    if not m or m.group(3) is None:
        return None
    height, width = int(m.group(1)), int(m.group(2))
    got = sh.parse_shape(m.group(3))
    return ErrorFacts(
        family="SD105",
        key_line=line_at(block.text, m.start()),
        expected=f"at least {height}x{width}",
        received=sh.fmt(got) if got else m.group(3),
        details={"min_size": [height, width], "application": True},
    )


_EMPTY_CONV = lazy(r"The convolution operation resulted in an empty output\.")


@recognizer("the convolution operation resulted in an empty output")
def conv_empty_output(block: Block):
    """Keras 3 on JAX: a convolution window larger than what is left of the input (TF says
    "Negative dimension size"); the input shape is in the call arguments Keras prints."""
    m = _EMPTY_CONV.search(block.text)
    if not m:
        return None
    cls, _, shape = hints.wrapper(block.text)
    facts = ErrorFacts(
        family="SD105",
        key_line=line_at(block.text, m.start()),
        received=sh.norm(shape) if shape else None,
        expected="a spatial size at least the window",
        dialect="keras3",
        backend="jax",
        details={"window": None},
    )
    return with_wrapper(facts, block)


_STATEFUL = lazy(
    r"If an RNN is stateful, the batch size of the input sequences must be the same as the batch size of the "
    r"initial state\.\s*-? ?Expected batch size: (\d{1,9})\s*-? ?Received batch size: (\d{1,9})"
)


@recognizer("if an rnn is stateful, the batch size of the input sequences")
def stateful_batch(block: Block):
    """A stateful RNN, built for one batch size, called on batches of another (``predict`` without the
    ``batch_size`` the model was built with): SD201, the data's batches."""
    m = _STATEFUL.search(block.text)
    if not m:
        return None
    expected, received = int(m.group(1)), int(m.group(2))
    facts = ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        layer_class="RNN",
        expected=f"batches of {expected} samples",
        received=f"a batch of {received}",
        dialect="keras3",
        phase=hints.phase(block.context),
        details={"data": True, "stateful_batch": (expected, received)},
    )
    return with_wrapper(facts, block)


_UNDEFINED_CONVERSION = lazy(r"Failed to convert elements of (" + SHAPE + r") to Tensor")


@recognizer("failed to convert elements of (")
def undefined_shape_conversion(block: Block):
    """A shape holding ``None`` (the batch axis of a build-time ``input_shape``) used where TensorFlow needs
    numbers, such as the shape of a random draw in a layer's ``call``: SD107, an axis whose size is unknown."""
    m = _UNDEFINED_CONVERSION.search(block.text)
    if not m or "None" not in m.group(1):
        return None
    facts = ErrorFacts(
        family="SD107",
        key_line=line_at(block.text, m.start()),
        expected="a shape of known sizes",
        received=sh.norm(m.group(1)),
        shapes=[sh.norm(m.group(1))],
        dialect="keras3",
        phase=hints.phase(block.context),
        details={"none_shape": sh.norm(m.group(1))},
    )
    return with_wrapper(facts, block)


_SYMBOLIC_BROADCAST = lazy(
    r"Cannot broadcast shape, the failure dim has value (?:None|\d{1,15}), which cannot be broadcasted to "
    r"(?:None|\d{1,15})\. Input shapes are: (" + SHAPE + r") and (" + SHAPE + r")"
)


@recognizer("cannot broadcast shape, the failure dim")
def symbolic_broadcast(block: Block):
    """Keras's own check of an elementwise op on symbolic tensors (``x + table`` while a functional
    model is written): ``Cannot broadcast shape, ... Input shapes are: [None, 3, 7] and [4, 7]``."""
    from shapedoctor.messages.tf_ops import broadcast_facts

    m = _SYMBOLIC_BROADCAST.search(block.text)
    if not m:
        return None
    return broadcast_facts(block, line_at(block.text, m.start()), sh.parse_shape(m.group(1)),
                           sh.parse_shape(m.group(2)), "keras3")
