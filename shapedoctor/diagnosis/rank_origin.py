"""Where a missing axis was lost: the layer that dropped it, or the Input that never declared it.

A rank error (SD101, fewer axes than the consumer needs) is noticed by the first layer that needs
the axis. The layer right above it is often one that keeps whatever rank it is given (Keras 3
applies ``Dense`` to the last axis of a tensor of any rank; dropouts, normalisations and
activations keep the shape): such a layer cannot have made the rank wrong. This module walks the
shape path back from the consumer, reading the shapes Keras recorded on the graph, through
single-input layers whose output has the rank of their input, to the first place the rank changed:

* a layer whose input had the rank the consumer needs and whose output has the rank the consumer
  refused (an RNN without ``return_sequences``, a global pooling, a ``Flatten``): it dropped the
  axis, it is the root cause, and the fix belongs there (``return_sequences=True``, removing the
  flattener). The rank-keeping layers below it then run per step, as they would have;
* the model's ``Input``, when no layer changed the rank: the declaration set it. It is named only
  when an array the script holds says what one sample is (an array of the rank the consumer needs
  whose sample ends with the declared features: windows (50, 12, 6) for ``input_shape=(6,)``, the
  same evidence ``generators.declare_from_scope_data`` writes the fix from). Without it the
  declaration may be right and the architecture wrong (``Dense(1)`` before an ``LSTM`` on tabular
  rows), and nothing is claimed.

Only a walk through at least one rank-keeping layer that is not a pass-through layer answers: the
nearest producer that is not a pass-through is named by ``culprit.find_culprit`` already. A consumer
that is itself a recurrent layer returning sequences is a decoder unrolling a sequence from a vector
(an LSTM autoencoder's ``LSTM -> Dense(code) -> RepeatVector -> LSTM(return_sequences=True)`` with the
RepeatVector forgotten): the vector is then meant, and nothing is claimed.
"""

from __future__ import annotations

from shapedoctor.diagnosis.context import PASS_THROUGH, Context, needed_rank
from shapedoctor.graph.model import Node


def _shape(ctx: Context, tid) -> tuple | None:
    tensor = ctx.graph.tensors.get(tid) if tid is not None else None
    return tuple(tensor.shape) if tensor is not None and tensor.shape is not None else None


def _decoder(ctx: Context) -> bool:
    """The consumer is a recurrent layer that returns sequences (inside a Bidirectional too)."""
    from shapedoctor.diagnosis.context import RECURRENT

    if ctx.cls_of(ctx.consumer) not in RECURRENT:
        return False
    cfg = ctx.config_of(ctx.consumer)
    inner = cfg.get("layer") if isinstance(cfg.get("layer"), dict) else None
    return bool((inner.get("config") or {}).get("return_sequences") if inner else cfg.get("return_sequences"))


def rank_origin(ctx: Context) -> Node | None:
    """The layer that dropped the axis the consumer needs, or the Input whose declaration lacks it
    (with the script's data as evidence), above at least one rank-keeping layer; else None."""
    need, got = needed_rank(ctx), ctx.shape_in()
    if ctx.family != "SD101" or need is None or got is None or len(got) >= need or _decoder(ctx):
        return None
    node, kept = ctx.producer(), 0
    while node is not None and node.kind == "layer":
        ids = node.input_ids()
        if len(ids) != 1 or not node.outputs:
            return None
        before, after = _shape(ctx, ids[0]), _shape(ctx, node.outputs[0])
        if before is None or after is None:
            return None
        if len(before) == len(after):
            kept += ctx.cls_of(node) not in PASS_THROUGH
            node = ctx.graph.producer(ids[0])
            continue
        return node if kept and len(before) == need and len(after) == len(got) else None
    if node is None or node.kind != "input" or not kept or not node.outputs:
        return None
    from shapedoctor.repair.generators import declare_from_scope_data

    declared = _shape(ctx, node.outputs[0])
    if declared is None or len(declared) != len(got):
        return None
    return node if any(True for _ in declare_from_scope_data(ctx, node, declared, need)) else None


def origin_fixes(ctx: Context, origin: Node | None, need: int):
    """Candidates written where the axis was lost: keep the time axis on the RNN, drop the flattener,
    or declare the Input as one sample of the script's data."""
    from shapedoctor.repair import generators as g

    if origin is None:
        return
    if origin.kind == "input":
        yield from g.declare_from_scope_data(ctx, origin, _shape(ctx, origin.outputs[0]), need)
        return
    between, node = [], ctx.producer()
    while node is not None and node is not origin:  # the rank-keeping layers, which then run per step
        between.append(node.id)
        node = ctx.graph.producer(node.input_ids()[0])
    for cand in g.return_sequences(ctx, origin, True):
        cand.per_step = frozenset(between)  # an RNN's steps: the user's Dense between RNNs runs per step
        yield cand
    yield from g.remove_flattener(ctx, origin)  # a Dense made to run per pixel stays checked by the size invariant
