"""When no family's own candidate is verified: a search over single edits of the layers that made the shape.

Each family writes the fixes an expert writes for the pattern it recognises. A model it does not
recognise (a merge of branches that differ in several ways, a stack whose shape changed far above
the layer that refused it) ends with "no fix could be verified". Before that, this module tries a
small vocabulary of *single* edits on the layers that could have made the refused shape, and
Keras decides (every candidate is replayed by :func:`shapedoctor.repair.verify.verify_all`, with the
invariants of :mod:`shapedoctor.repair.invariants`: reaches the end, no blow-up, nothing cropped
away):

* the layers searched: for a merge, the layers private to each branch (``sd104_branches.own_nodes``:
  what the other branch does not also go through); otherwise the chain above the consumer along its
  first input, nearest first, at most :data:`DEPTH` layers;
* the edits, each one value on one layer: the width the consumer wanted (``units``/``filters``:
  from its input spec or message, or for a merge the other input's last axis); ``return_sequences``
  flipped on a recurrent layer; ``padding="same"`` on a windowed layer with ``"valid"`` (and
  ``"valid"`` on a strided transposed convolution with ``"same"``, which then grows more); ``strides=1``
  on a strided one; removing a one-input layer that only resamples or re-lays out (pooling,
  upsampling, Flatten, global pooling, Reshape, RepeatVector).

The verified edits are ranked by their cost (a value before a removal), then by how near the edited
layer is to the consumer. At most :data:`LIMIT` are kept, each with a note saying it was found by
search (one edit that makes the model run end to end, not a pattern recognised), so a user reads
it as a lead to check, the cheapest first. Nothing here runs when a family's own candidate was
verified.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shapedoctor.diagnosis.context import FLATTENERS, MERGE, RECURRENT
from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import RemoveNode, SetConfig

DEPTH = 8  # layers searched above the consumer
LIMIT = 3  # verified edits kept

NOTE = ("found by search: the one edit on this layer that lets Keras run the model to its end; no known "
        "pattern names it, so check that it keeps what the model was designed to do")

_RESHAPERS = FLATTENERS | {"Reshape", "RepeatVector", "Permute"}


def is_resampler(cls: str) -> bool:
    """A one-input layer that only resamples or re-lays out: pooling, upsampling, Flatten, global
    pooling, Reshape, RepeatVector, Permute (the search's removal candidates)."""
    return cls.startswith(("MaxPooling", "AveragePooling", "UpSampling")) or cls in _RESHAPERS


def _searched(ctx: Any) -> list:
    """(node, distance) of the layers that could have made the refused shape, nearest first."""
    if ctx.consumer_cls in MERGE and len(ctx.received) == 2:
        from shapedoctor.families.sd104_branches import own_nodes

        found = []
        for index in (0, 1):
            found += [(node, distance) for distance, node in enumerate(own_nodes(ctx, index)[:DEPTH])]
        return found
    chain = [n for n in ctx.graph.upstream(ctx.consumer)][:DEPTH]
    return [(node, distance) for distance, node in enumerate(chain) if node.kind == "layer"]


def _wanted_width(ctx: Any, node: Any) -> int | None:
    if ctx.consumer_cls in MERGE and len(ctx.received) == 2 and all(ctx.received):
        from shapedoctor.families.sd104_branches import own_nodes

        index = 0 if any(n.id == node.id for n in own_nodes(ctx, 0)) else 1
        other = ctx.received[1 - index]
        return other[-1] if other and isinstance(other[-1], int) else None
    return ctx.expected_axis[1] if ctx.expected_axis and ctx.expected_axis[0] == -1 else None


def _edits_on(ctx: Any, node: Any) -> Iterator[Candidate]:
    from shapedoctor.repair import generators as g

    cls, cfg = ctx.cls_of(node), ctx.config_of(node)
    label = g.name(ctx, node)
    width = _wanted_width(ctx, node)
    if width is not None:
        yield from g.set_width(ctx, node, width, cost=1)
    if cls in RECURRENT and "return_sequences" in cfg:
        yield from g.return_sequences(ctx, node, not cfg.get("return_sequences"))
    if cfg.get("padding") == "valid" and window(cfg) > 1:
        yield Candidate(f'keep the size: padding="same" on {label}', [SetConfig(node.layer, {"padding": "same"})], cost=2)
    if cls.endswith("Transpose") and cfg.get("padding") == "same" and window(cfg) > 1 \
            and largest(cfg.get("strides") or 1) > 1:
        # A strided transposed convolution with "valid" padding grows the map by the kernel's overhang
        # (3 -> 7 with kernel 3, strides 2): the decoder of a 28x28 autoencoder starts from 3x3 that way.
        yield Candidate(f'grow by the kernel too: padding="valid" on {label}',
                        [SetConfig(node.layer, {"padding": "valid"})], cost=2)
    strides = cfg.get("strides")
    if strides is not None and largest(strides) > 1 and not cls.startswith(("MaxPooling", "AveragePooling")):
        one = 1 if isinstance(strides, int) else tuple(1 for _ in strides)
        yield Candidate(f"do not stride: strides={one} on {label}", [SetConfig(node.layer, {"strides": one})], cost=2)
    if is_resampler(cls) and len(node.input_ids()) == 1 and node.outputs:
        yield Candidate(f"remove {label}, which changes the shape here", [RemoveNode(node.id)], cost=2)


def largest(value: Any) -> int:
    """The largest of a layer's per-axis ints (``strides=(1, 2)`` -> 2; an int stays; anything else 1)."""
    if isinstance(value, int):
        return value
    return max((v for v in value if isinstance(v, int)), default=1) if isinstance(value, (list, tuple)) else 1


def window(cfg: dict) -> int:
    """The largest window a layer slides (kernel or pool size): above 1, ``padding=\"valid\"`` shrinks."""
    return max(largest(cfg.get("kernel_size", 1)), largest(cfg.get("pool_size", 1)))


def search(ctx: Any, verify_all: Any) -> list[Candidate]:
    """Verified single edits on the layers that made the refused shape, best first, each with the
    search note; [] when none makes the model run."""
    ranked: list[tuple[int, int, Candidate]] = []
    seen: set[str] = set()
    for node, distance in _searched(ctx):
        for cand in _edits_on(ctx, node):
            key = repr([(type(e).__name__, vars(e)) for e in cand.edits])
            if key not in seen:
                seen.add(key)
                ranked.append((cand.cost, distance, cand))
    ranked.sort(key=lambda item: (item[0], item[1]))
    candidates = []
    for position, (_cost, _distance, cand) in enumerate(ranked):
        cand.cost = cand.cost * 100 + position  # verify_all sorts by cost: keep the distance order too
        cand.note = NOTE
        cand.tags = [*cand.tags, "search"]
        candidates.append(cand)
    verified = verify_all(ctx.graph, candidates, ctx.expected_output, limit=LIMIT)
    for cand in verified:
        cand.cost //= 100
    return verified


def edited_node(ctx: Any, cand: Candidate) -> Any:
    """The graph node the candidate's one edit is on (the root cause it points to)."""
    edit = cand.edits[0]
    if isinstance(edit, RemoveNode):
        return ctx.graph.node(edit.node)
    return next((n for n in ctx.graph.nodes if n.layer == getattr(edit, "layer", None)), None)
