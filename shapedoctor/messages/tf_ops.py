"""Recognisers for TensorFlow op errors (eager ``InvalidArgumentError`` and graph ``ValueError``).

These messages come from TensorFlow itself, whichever Keras called it: ``Matrix
size-incompatible: In[0]: [32,1], In[1]: [64,10]``, ``Incompatible shapes: [16] vs.
[16,64]``, ``Dimensions must be equal, but are 3 and 10 for '{{node .../sub}}' ...``,
``Input to reshape is a tensor with 320 values, but the requested shape has 2048``,
``Negative dimension size caused by subtracting 3 from 2``, ``ConcatOp : Dimension 0 in
both shapes must be equal``, ``Shape must be rank 2 but is rank 1``. The op alone rarely
says which layer; the TF node name (``dense/MatMul``, ``compile_loss/mse/sub``,
``metrics/accuracy/Equal``) usually does, and decides between a layer problem and a
labels problem.
"""

from __future__ import annotations

import re
from typing import Optional

from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages._common import (
    SHAPE,
    lazy,
    line_at,
    rank_facts,
    split_origin,
    with_wrapper,
)
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.losses import labels_facts
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

# "{{node dense/MatMul}}", "'metrics/accuracy/Equal' (op: 'Equal')", "Node: 'Equal'", "[[node Equal ...".
_NODE = lazy(r"(?:\{\{node |node '|Node: '|\[\[node |for ')([\w./-]{1,300})")
_OP = lazy(r"\[Op:(\w{1,80})\]|\(op: '(\w{1,80})'\)|= (\w{1,80})\[")
# Node inputs "= Sub[T=DT_FLOAT](data_1, sequential_1/dense_1/BiasAdd)".
_NODE_INPUTS = lazy(r"\]\(([\w./:-]{1,300}), ([\w./:-]{1,300})\)")
_MODEL_OUTPUT = lazy(r"BiasAdd|Softmax|Sigmoid|Relu|Tanh|MatMul|sequential|functional|model|dense|conv", re.I)


def node_name(text: str) -> Optional[str]:
    m = _NODE.search(text)
    return m.group(1) if m else None


def op_name(text: str) -> Optional[str]:
    m = _OP.search(text)
    if not m:
        return None
    return next(g for g in m.groups() if g)


def layer_from_node(node: Optional[str]) -> Optional[str]:
    """``dense_1/MatMul`` -> ``dense_1``; ``sequential/dense/BiasAdd`` -> ``dense``."""
    if not node or "/" not in node:
        return None
    parts = [p for p in node.split("/") if p]
    candidates = [p for p in parts[:-1] if hints.guess_class(p)]
    candidates = [p for p in candidates if not hints.is_model_name(p)]
    return candidates[-1] if candidates else None


def _tf_dims(text: str):
    return sh.parse_shape(f"[{text}]")


_MATMUL = lazy(r"Matrix size-incompatible: In\[0\]: \[([\d,]{1,200})\], In\[1\]: \[([\d,]{1,200})\]")
_BATCH_MATMUL = lazy(r"In\[0\] mismatch In\[1\] shape: (\d{1,12}) vs\. (\d{1,12}): \[([\d,]{1,200})\] \[([\d,]{1,200})\]")


def matmul_facts(block: Block, key_line: str, a, b, dialect: str) -> ErrorFacts:
    """``a @ b`` with a's last axis != b's first (second-last) axis: a layer built for another width."""
    a_shape, b_shape = tuple(a), tuple(b)
    if not a_shape or not b_shape:  # a scalar operand: no inner axis to compare
        return None
    want = b_shape[-2] if len(b_shape) >= 2 else b_shape[0]
    expected = list(a_shape)
    expected[-1] = want
    if len(expected) >= 2:
        expected[0] = None
    node = node_name(block.text)
    dialect, origin = split_origin(dialect)
    facts = ErrorFacts(
        family="SD102",
        key_line=key_line,
        layer=layer_from_node(node),
        expected=sh.fmt(expected),
        received=sh.fmt(a_shape),
        shapes=[sh.fmt(a_shape), sh.fmt(b_shape)],
        dialect=dialect,
        details={**origin, "operation": "matmul", "kernel_shape": sh.fmt(b_shape), "axis": -1, "expected_size": want, "received_size": a_shape[-1]},
    )
    return with_wrapper(facts, block)


@recognizer("matrix size-incompatible", "mismatch in[1] shape")
def matmul(block: Block):
    m = _MATMUL.search(block.text)
    if m:
        return matmul_facts(block, line_at(block.text, m.start()), _tf_dims(m.group(1)), _tf_dims(m.group(2)), "tensorflow")
    m = _BATCH_MATMUL.search(block.text)
    if m:
        return matmul_facts(block, line_at(block.text, m.start()), _tf_dims(m.group(3)), _tf_dims(m.group(4)), "tensorflow")
    return None


_IN_LAYER_CALL = lazy(r"Exception encountered when calling \w{1,100}\.call\(\)")


def broadcast_facts(block: Block, key_line: str, a, b, dialect: str, node: Optional[str] = None) -> ErrorFacts:
    """Two operands that do not broadcast: labels vs output in a loss/metric, else a merge."""
    context = block.context
    # During fit/evaluate, merges were already checked when the model was built: two
    # operands that do not broadcast are almost always the labels against the output -
    # unless Keras says the op ran inside a layer's own call() (a subclassed layer is built
    # during fit: `out1 + ffn_output` in a custom block).
    in_call = bool(_IN_LAYER_CALL.search(block.text + "\n" + context)) and not hints.mentions_labels(node or "")
    if hints.mentions_labels((node or "") + "\n" + context) and not in_call or \
            hints.phase(context) in ("fit", "evaluate") and not in_call:
        target, output = a, b
        inputs = _NODE_INPUTS.search(block.text)
        if inputs:
            first, second = inputs.group(1), inputs.group(2)
            if _MODEL_OUTPUT.search(first) and not _MODEL_OUTPUT.search(second):
                target, output = b, a
        elif re.search(r"y_pred\s*[-+*/,]\s*y_true", context) and not re.search(r"y_true\s*[-+*/,]\s*y_pred", context):
            target, output = b, a
        metric = bool(node and re.search(r"metric|accuracy|Equal", node))
        facts = labels_facts(block, key_line, target, output, None, None, dialect, node=node, metric=metric)
        if facts.loss is None and not metric and target is not None and output is not None:
            facts.expected = sh.fmt(output)
        if metric and facts.loss is None:
            facts.expected = None
            facts.received = f"{sh.fmt(a)} and {sh.fmt(b)}"
        return facts
    fa, fb = sh.fmt(a), sh.fmt(b)
    dialect, origin = split_origin(dialect)
    facts = ErrorFacts(
        family="SD104",
        key_line=key_line,
        layer=layer_from_node(node),
        expected="shapes that broadcast (equal sizes, or 1, on each axis)",
        received=f"{fa} and {fb}",
        shapes=[s for s in (fa, fb) if s],
        dialect=dialect,
        details={**origin, "operation": op_name(block.text) or "elementwise", "node": node},
    )
    return with_wrapper(facts, block)


_INCOMPATIBLE = lazy(r"Incompatible shapes: \[([\d,?-]{0,200})\] vs\. \[([\d,?-]{0,200})\]")


@recognizer("incompatible shapes: [")
def incompatible_shapes(block: Block):
    m = _INCOMPATIBLE.search(block.text)
    if not m:
        return None
    return broadcast_facts(
        block, line_at(block.text, m.start()), _tf_dims(m.group(1)), _tf_dims(m.group(2)), "tensorflow", node_name(block.text)
    )


_DIMS_EQUAL = lazy(
    r"Dimensions must be equal, but are (\d{1,12}) and (\d{1,12}) for '(?:\{\{node )?([\w./-]{1,300})"
    r"[^\n]{0,2000}?with input shapes: (" + SHAPE + r"), (" + SHAPE + r")"
)


@recognizer("dimensions must be equal, but are")
def dimensions_equal(block: Block):
    m = _DIMS_EQUAL.search(block.text)
    if not m:
        return None
    key = line_at(block.text, m.start())
    node = m.group(3)
    a, b = sh.parse_shape(m.group(4)), sh.parse_shape(m.group(5))
    op = op_name(key) or ""
    if "MatMul" in op or node.endswith("MatMul") or "BatchMatMul" in node:
        facts = matmul_facts(block, key, a, b, "tensorflow")
        if facts is not None:
            facts.layer = facts.layer or layer_from_node(node)
        return facts
    return broadcast_facts(block, key, a, b, "tensorflow", node)


_RESHAPE = lazy(
    r"Input to reshape is a tensor with (\d{1,15}) values, but the requested shape (?:has|requires a multiple of) (\d{1,15})"
)


# Graph mode (a tf.function, a Keras layer traced by fit): "Cannot reshape a tensor with 32768 elements to
# shape [64,16] (1024 elements) for '{{node Reshape}} = ...' with input shapes: [32,1024], [2]".
_RESHAPE_GRAPH = lazy(
    r"Cannot reshape a tensor with (\d{1,15}) elements to shape \[([\d,?-]{0,200})\] \((\d{1,15}) elements\)"
    r"(?:[^\n]{0,2000}?with input shapes: \[([\d,?]{0,200})\])?"
)


@recognizer("input to reshape is a tensor with", "cannot reshape a tensor with")
def reshape(block: Block):
    m = _RESHAPE.search(block.text)
    details = {"message_from": "tensorflow"}
    if m:
        n, want = int(m.group(1)), int(m.group(2))
    else:
        m = _RESHAPE_GRAPH.search(block.text)
        if not m:
            return None
        n, want = int(m.group(1)), int(m.group(3))
        details["target_shape"] = sh.fmt(_tf_dims(m.group(2)))
        details["input_shape"] = sh.fmt(_tf_dims(m.group(4))) if m.group(4) is not None else None
    facts = ErrorFacts(
        family="SD103",
        key_line=line_at(block.text, m.start()),
        layer=layer_from_node(node_name(block.text)),
        expected=f"size {want}",
        received=f"size {n}",
        details={**details, "input_size": n, "target_size": want},
    )
    return with_wrapper(facts, block)


_NEGATIVE = lazy(
    r"Negative dimension size caused by subtracting (\d{1,9}) from (\d{1,9}) for '(?:\{\{node )?([\w./-]{1,300})"
    r"(?:[^\n]{0,2000}?with input shapes: (" + SHAPE + r"))?"
)


@recognizer("negative dimension size caused by subtracting")
def negative_dimension(block: Block):
    m = _NEGATIVE.search(block.text)
    if not m:
        return None
    window, size = int(m.group(1)), int(m.group(2))
    node = m.group(3)
    op = op_name(line_at(block.text, m.start())) or node.rsplit("/", 1)[-1]
    cls = None
    if "Pool" in op:
        cls = "MaxPooling2D" if "Max" in op else "AveragePooling2D"
    elif "Conv2D" in op:
        cls = "Conv2D"
    facts = ErrorFacts(
        family="SD105",
        key_line=line_at(block.text, m.start()),
        layer=layer_from_node(node),
        layer_class=cls,
        expected=f"size >= {window}",
        received=sh.norm(m.group(4)) if m.group(4) else f"size {size}",
        details={"message_from": "tensorflow", "window": [window], "size": size, "op": op, "node": node},
    )
    facts = with_wrapper(facts, block)
    return facts


_CONCAT = lazy(
    r"ConcatOp ?: Dimension (-?\d{1,2}) in both shapes must be equal: shape\[0\] = \[([\d,]{0,200})\] vs\. shape\[(\d{1,3})\] = \[([\d,]{0,200})\]"
)
_CONCAT_OLD = lazy(
    r"ConcatOp ?: Dimensions of inputs should match: shape\[0\] = \[([\d,]{0,200})\] vs\. shape\[(\d{1,3})\] = \[([\d,]{0,200})\]"
)


_CONCAT_RANKS = lazy(
    r"ConcatOp ?: Ranks of all input tensors should match: shape\[0\] = \[([\d,]{0,200})\] vs\. "
    r"shape\[(\d{1,3})\] = \[([\d,]{0,200})\]"
)


@recognizer("concatop")
def concat_op(block: Block):
    ranks = _CONCAT_RANKS.search(block.text)
    if ranks:  # eager tf.concat of tensors of different ranks: (32, 28, 28, 1) and (32, 28, 28)
        a, b = _tf_dims(ranks.group(1)), _tf_dims(ranks.group(3))
        fa, fb = sh.fmt(a), sh.fmt(b)
        return ErrorFacts(
            family="SD104",
            key_line=line_at(block.text, ranks.start()),
            layer_class="Concatenate" if "concatenate" in block.context.lower() else None,
            expected=f"inputs of one rank ({len(a)} axes, like {fa})",
            received=f"{fa} and {fb}",
            shapes=[fa, fb],
            details={"message_from": "tensorflow", "operation": "concatenate", "ranks": [len(a), len(b)],
                     "differing_axes": [], "indices": [0, int(ranks.group(2))]},
        )
    m = _CONCAT.search(block.text)
    if m:
        a, b = _tf_dims(m.group(2)), _tf_dims(m.group(4))
    else:
        m = _CONCAT_OLD.search(block.text)
        if not m:
            return None
        a, b = _tf_dims(m.group(1)), _tf_dims(m.group(3))
    differing = [i for i in range(len(a)) if a[i] != b[i]] if a and b and len(a) == len(b) else []
    fa, fb = sh.fmt(a), sh.fmt(b)
    return ErrorFacts(
        family="SD104",
        key_line=line_at(block.text, m.start()),
        layer_class="Concatenate" if "concatenate" in block.context.lower() else None,
        expected="equal sizes on every axis except the joined one",
        received=f"{fa} and {fb}",
        shapes=[fa, fb],
        details={"message_from": "tensorflow", "operation": "concatenate", "differing_axes": differing},
    )


# Graph-mode shape inference of an op that needs equal sizes (ConcatV2, Pack, Select, ...):
# "Dimension 0 in both shapes must be equal, but are 32 and 64. Shapes are [32,32,3] and
# [64,64,3]. for '{{node concat}} = ConcatV2[...]' with input shapes: [?,32,32,3], [?,64,64,3], []".
_MERGE_SHAPES = lazy(
    r"Dimension (-?\d{1,2}) in both shapes must be equal, but are (\d{1,12}) and (\d{1,12})\. "
    r"Shapes are \[([\d,?]{0,200})\] and \[([\d,?]{0,200})\]\.?"
    r"(?:[^\n]{0,300}?for '(?:\{\{node )?([\w./-]{1,300}))?"
    r"(?:[^\n]{0,2000}?with input shapes: (" + SHAPE + r"), (" + SHAPE + r"))?"
)


@recognizer("in both shapes must be equal, but are")
def merged_shapes(block: Block):
    m = _MERGE_SHAPES.search(block.text)
    if not m:
        return None
    key = line_at(block.text, m.start())
    node = m.group(6) or ""
    op = op_name(key) or node.rsplit("/", 1)[-1]
    if m.group(7) and m.group(8):
        a, b = sh.parse_shape(m.group(7)), sh.parse_shape(m.group(8))
    else:
        a, b = _tf_dims(m.group(4)), _tf_dims(m.group(5))
    fa, fb = sh.fmt(a), sh.fmt(b)
    joining = "concat" in op.lower() or "concat" in node.lower()
    differing = [i for i in range(len(a)) if a[i] != b[i]] if a and b and len(a) == len(b) else []
    facts = ErrorFacts(
        family="SD104",
        key_line=key,
        layer=layer_from_node(node),
        layer_class="Concatenate" if "concatenate" in node.lower() else None,
        expected="equal sizes on every axis except the joined one" if joining else "equal shapes",
        received=f"{fa} and {fb}",
        shapes=[fa, fb],
        details={
            "message_from": "tensorflow",
            "operation": "concatenate" if joining else (op or "merge"),
            "differing_axes": differing,
            "node": node or None,
        },
    )
    return with_wrapper(facts, block)


_RANK = lazy(
    r"Shape must be rank (\d{1,2}) but is rank (\d{1,2}) for '(?:\{\{node )?([\w./-]{1,300})"
    r"(?:[^\n]{0,2000}?with input shapes: ([^\n]{1,400}))?"
)


@recognizer("shape must be rank")
def shape_rank(block: Block):
    m = _RANK.search(block.text)
    if not m:
        return None
    found = sh.find_shapes(m.group(4) or "")
    want, got = int(m.group(1)), int(m.group(2))
    received = next((s for s in found if len(sh.parse_shape(s)) == got), None)
    facts = ErrorFacts(
        family="SD101",
        key_line=line_at(block.text, m.start()),
        layer=layer_from_node(m.group(3)),
        expected=f"ndim={want}",
        received=received or f"ndim={got}",
        shapes=found,
        details={"message_from": "tensorflow", "expected_ndim": want, "found_ndim": got, "ndim_check": "exact", "node": m.group(3)},
    )
    return with_wrapper(facts, block)


_SLICE_RANK = lazy(
    r"Index out of range using input dim (\d{1,2}); input has only (\d{1,2}) dims"
    r"(?:[^\n]{0,2000}?with input shapes: \[([\d,?]{0,200})\])?"
)


@recognizer("index out of range using input dim")
def slice_rank(block: Block):
    """A slice that reads an axis the tensor does not have (``labels[:, None, None, :]`` of (batch,) labels:
    "Index out of range using input dim 1; input has only 1 dims")."""
    m = _SLICE_RANK.search(block.text)
    if not m:
        return None
    dim, have = int(m.group(1)), int(m.group(2))
    shape = sh.fmt(_tf_dims(m.group(3))) if m.group(3) is not None else None
    facts = ErrorFacts(
        family="SD101",
        key_line=line_at(block.text, m.start()),
        expected=f"at least {dim + 1} axes (the slice reads axis {dim})",
        received=shape or f"ndim={have}",
        shapes=[shape] if shape else [],
        details={"message_from": "tensorflow", "operation": "slice", "expected_ndim": dim + 1, "found_ndim": have,
                 "ndim_check": "min"},
    )
    return with_wrapper(facts, block)


_DATA_FORMAT = lazy(
    r"""(?:Value for attr 'data_format' of "([NDHWC]{3,5})" is not in the list of allowed values"""
    r"""|Attr 'data_format' of '(\w{1,40})' Op passed string '([NDHWC]{3,5})' not in)"""
)
_OP_FORMATS = {"Conv1D": 3, "Conv2D": 4, "Conv3D": 5, "MaxPool": 4, "AvgPool": 4, "DepthwiseConv2dNative": 4}


@recognizer("of 'conv2d' op passed string", "value for attr 'data_format' of")
def conv_data_format(block: Block):
    """TensorFlow's convolution op named the layout of an input of the wrong rank: 'NWC' (3 axes)
    or 'NDHWC' (5 axes) given to Conv2D, which takes NHWC (4 axes)."""
    m = _DATA_FORMAT.search(block.text)
    if not m:
        return None
    fmt = m.group(1) or m.group(3)
    op = m.group(2) or (op_name(block.text) or "")
    op = next((k for k in _OP_FORMATS if k.lower() in op.lower()), "Conv2D")
    cls, _, shape = hints.wrapper(block.text)
    facts = rank_facts(block, line_at(block.text, m.start()), layer=None, expected_ndim=_OP_FORMATS[op],
                       found_ndim=len(fmt), kind="", received=shape if shape and len(sh.parse_shape(shape) or ()) == len(fmt) else None,
                       dialect="tensorflow")
    facts.layer_class = facts.layer_class or (cls if cls and cls not in hints.MODELS else None) or op
    facts.details["data_format"] = fmt
    return with_wrapper(facts, block)
