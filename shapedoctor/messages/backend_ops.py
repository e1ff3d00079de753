"""Recognisers for JAX, PyTorch and NumPy op errors seen under Keras 3.

With the JAX or PyTorch backend, a shape problem that Keras does not check itself reaches
the backend's own op: JAX says ``dot_general requires contracting dimensions to have the
same shape, got (1,) and (64,)``, ``sub got incompatible shapes for broadcasting: (32, 3),
(32, 10)``, ``cannot reshape array of shape (32, 10) (size 320) into shape (32, 64)``;
PyTorch says ``mat1 and mat2 shapes cannot be multiplied (32x1 and 64x10)``, ``The size of
tensor a (3) must match the size of tensor b (10) at non-singleton dimension 1``, ``shape
'[32, 64]' is invalid for input of size 320``; NumPy says ``cannot reshape array of size
78400 into shape (100,28,28,3)`` and ``operands could not be broadcast together``.
"""

from __future__ import annotations

from shapedoctor.messages import shapes as sh
from shapedoctor.messages._common import SHAPE, lazy, line_at, with_wrapper
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer
from shapedoctor.messages.tf_ops import broadcast_facts, matmul_facts

_DOT_GENERAL = lazy(
    r"dot_general requires contracting dimensions to have the same shape, got (" + SHAPE + r") and (" + SHAPE + r")"
)


@recognizer("dot_general requires contracting dimensions")
def jax_dot_general(block: Block):
    m = _DOT_GENERAL.search(block.text)
    if not m:
        return None
    got, want = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2))
    g = ", ".join(str(d) for d in got or ())
    w = ", ".join(str(d) for d in want or ())
    facts = ErrorFacts(
        family="SD102",
        key_line=line_at(block.text, m.start()),
        expected=f"(..., {w})",
        received=f"(..., {g})",
        backend="jax",
        details={"message_from": "jax", "operation": "matmul", "axis": -1, "expected_size": (want or [None])[-1], "received_size": (got or [None])[-1]},
    )
    return with_wrapper(facts, block)


_JAX_BROADCAST = lazy(r"(\w{1,40}) got incompatible shapes for broadcasting: (" + SHAPE + r"), (" + SHAPE + r")")
_JAX_BROADCAST_LIST = lazy(r"Incompatible shapes for broadcasting: shapes=\[(" + SHAPE + r"), (" + SHAPE + r")\]")


@recognizer("incompatible shapes for broadcasting")
def jax_broadcast(block: Block):
    m = _JAX_BROADCAST.search(block.text)
    if m:
        a, b = sh.parse_shape(m.group(2)), sh.parse_shape(m.group(3))
    else:
        m = _JAX_BROADCAST_LIST.search(block.text)
        if not m:
            return None
        a, b = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2))
    facts = broadcast_facts(block, line_at(block.text, m.start()), a, b, "jax")
    facts.backend = "jax"
    return facts


_JAX_RESHAPE = lazy(
    r"cannot reshape array of shape (" + SHAPE + r") \(size (\d{1,15})\) into shape (" + SHAPE + r")(?: \(size (\d{1,15})\))?"
)
_NP_RESHAPE = lazy(r"cannot reshape array of size (\d{1,15}) into shape (" + SHAPE + r")")


@recognizer("cannot reshape array of")
def reshape_array(block: Block):
    m = _JAX_RESHAPE.search(block.text)
    if m:
        src, dst = sh.parse_shape(m.group(1)), sh.parse_shape(m.group(3))
        return ErrorFacts(
            family="SD103",
            key_line=line_at(block.text, m.start()),
            expected=sh.fmt(dst),
            received=sh.fmt(src),
            backend="jax",
            details={"message_from": "jax", "input_size": int(m.group(2)), "target_size": sh.size(dst), "target_shape": sh.fmt(dst)},
        )
    m = _NP_RESHAPE.search(block.text)
    if m:
        n, dst = int(m.group(1)), sh.parse_shape(m.group(2))
        return ErrorFacts(
            family="SD103",
            key_line=line_at(block.text, m.start()),
            expected=sh.fmt(dst),
            received=f"size {n}",
            details={"message_from": "numpy", "input_size": n, "target_size": sh.size(dst), "target_shape": sh.fmt(dst)},
        )
    return None


_JAX_CONV_RANK = lazy(
    r"conv_general_dilated lhs and rhs must have the same number of dimensions, but got (" + SHAPE
    + r") and (" + SHAPE + r")"
)


@recognizer("conv_general_dilated lhs and rhs must have the same number of dimensions")
def jax_conv_rank(block: Block):
    """JAX's convolution: input (lhs) and kernel (rhs) ranks differ, as Keras's "Kernel shape" message."""
    from shapedoctor.messages.keras3_layers import kernel_rank_facts

    m = _JAX_CONV_RANK.search(block.text)
    if not m:
        return None
    facts = kernel_rank_facts(block, line_at(block.text, m.start()), m.group(2), m.group(1), "jax")
    if facts is not None:
        facts.backend = "jax"
    return facts


_TORCH_MM = lazy(r"mat1 and mat2 shapes cannot be multiplied \((\d{1,12})x(\d{1,12}) and (\d{1,12})x(\d{1,12})\)")


@recognizer("mat1 and mat2 shapes cannot be multiplied")
def torch_matmul(block: Block):
    m = _TORCH_MM.search(block.text)
    if not m:
        return None
    a = (int(m.group(1)), int(m.group(2)))
    b = (int(m.group(3)), int(m.group(4)))
    facts = matmul_facts(block, line_at(block.text, m.start()), a, b, "torch")
    facts.backend = "torch"
    return facts


_TORCH_SIZE = lazy(
    r"The size of tensor a \((\d{1,12})\) must match the size of tensor b \((\d{1,12})\) at non-singleton dimension (-?\d{1,2})"
)


@recognizer("must match the size of tensor b")
def torch_broadcast(block: Block):
    m = _TORCH_SIZE.search(block.text)
    if not m:
        return None
    a, b, axis = int(m.group(1)), int(m.group(2)), int(m.group(3))
    key = line_at(block.text, m.start())
    facts = broadcast_facts(block, key, None, None, "torch")
    facts.backend = "torch"
    facts.details.update({"axis": axis, "size_a": a, "size_b": b})
    if facts.family == "SD202":
        # a and b follow the expression, y_true - y_pred in Keras's losses.
        facts.received = f"size {a} on axis {axis}"
        facts.expected = f"size {b} on axis {axis}"
    else:
        facts.received = f"size {a} and size {b} on axis {axis}"
    return facts


_TORCH_VIEW = lazy(r"shape '(\[[^\]\n]{0,200}\])' is invalid for input of size (\d{1,15})")


@recognizer("is invalid for input of size")
def torch_reshape(block: Block):
    m = _TORCH_VIEW.search(block.text)
    if not m:
        return None
    dst, n = sh.parse_shape(m.group(1)), int(m.group(2))
    return ErrorFacts(
        family="SD103",
        key_line=line_at(block.text, m.start()),
        expected=sh.fmt(dst),
        received=f"size {n}",
        backend="torch",
        details={"message_from": "torch", "input_size": n, "target_size": sh.size(dst), "target_shape": sh.fmt(dst)},
    )


_NP_BROADCAST = lazy(
    r"operands could not be broadcast together with (?:remapped )?shapes(?: \[original->remapped\])?:? (" + SHAPE + r") ?(" + SHAPE + r")"
)


@recognizer("operands could not be broadcast together")
def numpy_broadcast(block: Block):
    m = _NP_BROADCAST.search(block.text)
    if not m:
        return None
    return broadcast_facts(
        block, line_at(block.text, m.start()), sh.parse_shape(m.group(1)), sh.parse_shape(m.group(2)), "numpy"
    )
