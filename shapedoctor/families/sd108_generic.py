"""SD108 shape-error: a shape error raised by Keras code that no specific family recognises.

Any exception raised inside a Keras layer call whose message speaks of shapes, ranks,
dimensions or axes gets a diagnosis: the shape path, the consumer, the nearest producer
that made the shape as the culprit, and fixes found by a *search* over a small vocabulary of
edits around the consumer and its producers (insert Flatten / global pooling / Reshape /
RepeatVector / Permute, an axis of size 1, return_sequences, padding, the input shape).
Every candidate is replayed through Keras and must keep the invariants of
:mod:`shapedoctor.repair.invariants` before it is called verified.

Example of the bug::

    x = layers.Dense(16)(inputs)                     # (None, 16)
    layers.TimeDistributed(layers.Dense(8))(x)       # needs (None, steps, features)
"""

import re

from shapedoctor.families.base import Family, register

# Keras messages about shapes: "at least 3 dimensions", "ndim", "rank", "shape", "axis".
SHAPE_WORDS = re.compile(r"\bshape|\bndim|\brank\b|dimension|\baxis\b|\baxes\b|incompatible|multiples argument to be a vector of length|input has only \d+ dims", re.I)
_AT_LEAST = re.compile(r"at least (\d+) dim", re.I)


def wanted_rank(message: str) -> int | None:
    """The rank a message asks for ("should be passed an input_shape with at least 3 dimensions")."""
    m = _AT_LEAST.search(message)
    return int(m.group(1)) if m else None


def fixes(ctx):
    """Search a small vocabulary of edits around the consumer and its producers."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    got = ctx.shape_in()
    if got is None:
        return
    rank, feat = len(got), tuple(got[1:])
    known = None not in feat
    yield from _loss_inside(ctx)
    yield from _groups(ctx)
    want = wanted_rank(ctx.message)
    prod = ctx.shaping_producer(ctx.producer())
    raise_rank = want is not None and rank < want
    # Producers first: the layer that made the shape is where an expert edits.
    yield from g.return_sequences(ctx, prod, True if (raise_rank or want is None) else False)
    if not raise_rank:
        yield from g.return_sequences(ctx, prod, False)
        yield from g.remove_flattener(ctx, prod)
    if prod is not None and prod.kind == "input" and known:
        yield from g.declare_input(ctx, prod, tuple(got) + (1,), cost=2, why=" (add an axis)")
        if rank == 2 and want is None:
            # One value per sample for a function that works on maps (a diffusion model's noise variance,
            # sin/cos joined on axis 3, then UpSampling2D): a 1x1 map, (None, 1, 1, 1). Verified through the
            # whole model, so only the rank the layers after really need passes.
            yield from g.declare_input(ctx, prod, tuple(got) + (1, 1), cost=3, why=" (a 1x1 map)")
    # Then layers inserted before the consumer.
    if known and (raise_rank or want is None):
        yield g.insert(ctx, "Reshape", feat + (1,), why="add an axis of size 1", cost=2)
        if rank == 2:
            steps = ctx.config_of(prod).get("units") if prod is not None else None
            yield g.insert(ctx, "RepeatVector", 10, why="repeat the vector as a sequence", cost=3,
                           note="choose the number of steps you need" if steps is None else None)
    if not raise_rank and rank >= 3:
        yield g.insert(ctx, "Flatten", why="flatten the extra axes", cost=2)
        if rank <= 5:
            yield g.insert(ctx, f"GlobalAveragePooling{rank - 2}D", why="pool the extra axes away", cost=2)
        if rank == 3:
            yield g.insert(ctx, "Permute", (2, 1), why="swap the time and feature axes", cost=3)
    cfg = ctx.config_of(ctx.consumer)
    if cfg.get("padding") == "valid":
        yield Candidate(f'keep the size: padding="same" on {g.name(ctx, ctx.consumer)}',
                        [SetConfig(ctx.consumer.layer, {"padding": "same"})], cost=3)


_GROUPS = re.compile(r"Received groups=(\d+), but the input has (\d+) channels")


def groups_refused(message: str) -> tuple[int, int] | None:
    """(groups, input channels) of a grouped convolution refusing its input's channel count, or None."""
    match = _GROUPS.search(message or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _groups(ctx):
    """A grouped convolution whose input channels its ``groups`` do not divide (``groups=4`` on an RGB stem,
    r1228: "The number of input channels must be evenly divisible by the number of groups"): the largest
    number of groups that divides both the input channels and the filters, ``groups=1`` for 3 channels."""
    import math

    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    refused = groups_refused(ctx.message)
    filters = ctx.config_of(ctx.consumer).get("filters")
    if refused is None or not isinstance(filters, int):
        return
    groups, channels = refused
    best = math.gcd(channels, filters)
    if best != groups:
        yield Candidate(f"split the {channels} input channels into groups they divide: groups={best} on "
                        f"{g.name(ctx, ctx.consumer)}", [SetConfig(ctx.consumer.layer, {"groups": best})], cost=1)


def _loss_inside(ctx):
    """A Keras loss called inside the refusing layer's ``call`` on two of its inputs ("Arguments `target` and
    `output` must have the same shape. Received: target.shape=(None, 6), output.shape=(None, 1)": an endpoint
    layer computing its own loss, r1156): the input of the output's shape whose producer sets that width is
    made as wide as the target (verified through the whole model)."""
    from shapedoctor.diagnosis.reaim import loss_shapes
    from shapedoctor.repair import generators as g

    shapes = loss_shapes(ctx.message)
    if shapes is None:
        return
    target, output = shapes
    if len(target) != len(output) or target[:-1] != output[:-1] or not isinstance(target[-1], int):
        return
    for index, shape in enumerate(ctx.received):
        if shape is not None and tuple(shape[1:]) == tuple(output[1:]):
            prod = ctx.shaping_producer(ctx.producer(index))
            yield from g.set_width(ctx, prod, target[-1], cost=1)


FAMILY = register(
    Family(
        id="SD108",
        slug="shape-error",
        title="Keras refused a shape (a check no specific family covers)",
        what=(
            "A Keras layer raised an error about the shape, rank or an axis of its input that is not one "
            "of the common families (for example a TimeDistributed wrapper given a 2-D tensor)."
        ),
        why=(
            "Every layer has its own rules about the axes it accepts. The tensor that reached it was made "
            "by the layers above: the nearest one that changed the shape is usually where the fix goes."
        ),
        example="x = layers.Dense(16)(inputs)\nlayers.TimeDistributed(layers.Dense(8))(x)",
        use_instead="x = layers.LSTM(16, return_sequences=True)(inputs)\nlayers.TimeDistributed(layers.Dense(8))(x)",
        suggestions=(
            "print the shape that reached the layer (the path shapedoctor shows) and compare it with the layer's docs",
            "keep or add the axis the layer needs (return_sequences=True, Reshape, RepeatVector), or drop extra axes",
        ),
        fixes=fixes,
    )
)
