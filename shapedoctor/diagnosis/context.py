"""The facts about one failure that classification, culprit search and repairs share.

:class:`Context` is plain data about a graph and its failing node; family modules read it
to generate repair candidates, so they never need Keras themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.graph.layer_kinds import PASS_THROUGH, SHAPE_KEEPING, keeps_any_shape  # noqa: F401 - re-exported
from shapedoctor.graph.model import Graph, LayerSpec, Node

RECURRENT = frozenset({"LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D", "ConvLSTM2D", "Bidirectional"})
# Layers whose query, value and key are sequences of one rank: a vector among them is the one at fault.
ATTENTION = frozenset({"MultiHeadAttention", "GroupedQueryAttention", "Attention", "AdditiveAttention"})
MERGE = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"})
FLATTENERS = frozenset({"Flatten", "GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling2D",
                        "GlobalMaxPooling2D", "GlobalAveragePooling3D", "GlobalMaxPooling3D"})
# Config keys that decide the size of a layer's last output axis.
WIDTH_KEYS = ("units", "filters", "output_dim", "n")


@dataclass
class Context:
    graph: Graph
    consumer: Node
    family: str
    message: str  # Keras's message, first meaningful line
    received: list[tuple | None] = field(default_factory=list)  # shapes of the consumer's inputs
    expected_ndim: int | None = None
    expected_min_ndim: int | None = None
    expected_max_ndim: int | None = None
    expected_axis: tuple[int, int] | None = None  # (axis, value)
    expected_shape: tuple | None = None  # the whole shape Keras asked for, when its message gives it
    culprit: Node | None = None
    bad_input: int = 0  # index of the consumer input that is wrong
    expected_output: tuple | None = None  # original model output shape, when known
    data_shape: tuple | None = None  # shape of the data the model was called with (data cases)
    declared_shape: tuple | None = None  # Input(shape=...) the model was built with (data cases)
    extra: dict[str, Any] = field(default_factory=dict)

    # -- helpers for fix generators ------------------------------------------------------
    @property
    def spec(self) -> LayerSpec | None:
        return self.graph.spec(self.consumer)

    @property
    def consumer_cls(self) -> str:
        spec = self.spec
        return spec.cls if spec else self.consumer.label

    def shape_in(self, index: int | None = None) -> tuple | None:
        index = self.bad_input if index is None else index
        return self.received[index] if index < len(self.received) else None

    def producer(self, index: int | None = None) -> Node | None:
        index = self.bad_input if index is None else index
        ids = self.consumer.input_ids()
        return self.graph.producer(ids[index]) if index < len(ids) else None

    def shaping_producer(self, node: Node | None) -> Node | None:
        """*node*, or the nearest node above it that is not a pass-through: a layer that never changes
        a shape (Dropout, BatchNormalization...), a preprocessing or augmentation layer that keeps it
        (Rescaling, RandomFlip, a Sequential of them), or an operation whose output has its first
        input's shape (``x / 127.5 - 1``: it scales values, it makes no size)."""
        while node is not None and self.passes_through(node):
            ids = node.input_ids()
            node = self.graph.producer(ids[0]) if ids else None
        return node

    def passes_through(self, node: Node) -> bool:
        """*node* makes no size (see :meth:`shaping_producer`)."""
        if node.kind == "layer" and self.cls_of(node) in PASS_THROUGH:
            return True
        if node.kind not in ("layer", "op") or not node.input_ids() or not node.outputs:
            return False
        out = self.shape_of(node)
        if out is None or self.graph.tensors[node.input_ids()[0]].shape != out:
            return False
        if node.kind == "op":
            return True
        cls = self.cls_of(node)
        if cls in SHAPE_KEEPING:
            return True
        spec = self.graph.spec(node)
        inner = getattr(spec.live, "layers", None) if spec is not None and cls == "Sequential" else None
        return keeps_any_shape([type(layer).__name__ for layer in inner or []])

    def cls_of(self, node: Node | None) -> str:
        if node is None:
            return ""
        spec = self.graph.spec(node)
        return spec.cls if spec else node.label

    def config_of(self, node: Node | None) -> dict:
        spec = self.graph.spec(node) if node is not None else None
        return spec.config if spec else {}

    def shape_of(self, node: Node | None) -> tuple | None:
        if node is None or not node.outputs:
            return None
        return self.graph.tensors[node.outputs[0]].shape

    def upstream_layers(self) -> list[Node]:
        return [n for n in self.graph.upstream(self.consumer) if n.kind == "layer"]


def parse_expectations(ctx: Context, live_layer: Any) -> None:
    """Fill the expected rank/axis from Keras's own InputSpec, else from its message."""
    spec = getattr(live_layer, "input_spec", None)
    if isinstance(spec, (list, tuple)):
        spec = spec[ctx.bad_input] if ctx.bad_input < len(spec) else (spec[0] if spec else None)
    if spec is not None:
        ctx.expected_ndim = getattr(spec, "ndim", None)
        ctx.expected_min_ndim = getattr(spec, "min_ndim", None)
        ctx.expected_max_ndim = getattr(spec, "max_ndim", None)
        axes = getattr(spec, "axes", None) or {}
        if axes:
            axis, value = next(iter(axes.items()))
            ctx.expected_axis = (int(axis), int(value))
    msg = ctx.message
    if ctx.expected_ndim is None and (m := re.search(r"expected ndim=(\d+)", msg)):
        ctx.expected_ndim = int(m.group(1))
    if ctx.expected_min_ndim is None and (m := re.search(r"expected min_ndim=(\d+)", msg)):
        ctx.expected_min_ndim = int(m.group(1))
    if ctx.expected_max_ndim is None and (m := re.search(r"expected max_ndim=(\d+)", msg)):
        ctx.expected_max_ndim = int(m.group(1))
    if (m := re.search(r"expected axis (-?\d+) of input shape to have value (\d+)", msg)):
        ctx.expected_axis = (int(m.group(1)), int(m.group(2)))
    if ctx.family == "SD101" and ctx.expected_ndim is None:
        # A message of its own, e.g. TimeDistributed's, or a convolution's "Kernel shape must have the
        # same length as input" (its InputSpec only says min_ndim=4, which a 5-D input passes).
        from shapedoctor.messages import parse

        facts = parse(msg)
        need = facts.details.get("expected_ndim") if facts is not None else None
        if need:
            check = facts.details.get("ndim_check", "exact")
            name = {"min": "expected_min_ndim", "max": "expected_max_ndim"}.get(check, "expected_ndim")
            if name == "expected_ndim" or getattr(ctx, name) is None:
                setattr(ctx, name, int(need))
    if ctx.expected_axis is None:
        _width_from_op(ctx)
    from shapedoctor.diagnosis.classify import expected_found_shapes

    shapes = expected_found_shapes(msg)
    if shapes is not None:
        expected, found = shapes
        ctx.expected_shape = tuple(expected)
        if len(expected) != len(found):
            ctx.expected_ndim = len(expected)
        else:
            for axis in range(len(expected) - 1, 0, -1):
                if expected[axis] is not None and expected[axis] != found[axis]:
                    ctx.expected_axis = (axis - len(expected), expected[axis])
                    break


def _width_from_op(ctx: Context) -> None:
    """The width a backend op inside the layer's ``call()`` wanted, read from its own message
    (``tf.matmul(x, self.w)`` on a custom layer's weight: "Dimensions must be equal, but are 32 and 16
    ... with input shapes: [?,10,32], [16,16]"): taken only when the operand that did not fit is the
    layer's input (its last axis is the size the op received), so an op on some inner tensor of the
    layer is never read as what the layer wanted of its input."""
    from shapedoctor.messages import parse

    facts = parse(ctx.message)
    details = facts.details if facts is not None else {}
    want, got_size = details.get("expected_size"), details.get("received_size")
    got = ctx.shape_in()
    if want is None or got_size is None or got is None or not got or got[-1] is None:
        return
    if int(got_size) == int(got[-1]) and int(want) != int(got_size) and details.get("axis", -1) == -1:
        ctx.expected_axis = (-1, int(want))


def needed_rank(ctx: Context) -> int | None:
    """The rank the consumer wants, given what it received."""
    got = ctx.shape_in()
    rank = len(got) if got is not None else None
    if ctx.expected_ndim is not None:
        return ctx.expected_ndim
    if ctx.expected_min_ndim is not None and rank is not None and rank < ctx.expected_min_ndim:
        return ctx.expected_min_ndim
    if ctx.expected_max_ndim is not None and rank is not None and rank > ctx.expected_max_ndim:
        return ctx.expected_max_ndim
    return None
