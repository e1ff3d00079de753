"""SD104 skip merges that miss by a rounding: the input size is not a multiple of the downsampling.

An encoder/decoder (U-Net) halves the map on the way down and doubles it on the way up, so both
inputs of each skip merge sit at the same scale of the input. When a spatial size of the input is
not a multiple of the total downsampling, a pooling floors (or a 'same' strided convolution
ceils) an odd size, the decoder doubles the rounded size, and the merge gets maps one pixel apart.
No layer is wrong: the root cause is the input size, and the fix is a size that is a multiple of
the downsampling (the data resized to it). Cropping the pixel away only hides it.

The rule is stated in shapes and data flow: the two merged maps come from the same input along
chains whose strides and upsampling factors give them the same scale of that input, no window
shrank them (padding='valid' convolutions are another cause, see ``spatial_shrinkers``), and the
input's size on every axis where the maps differ is not a multiple of the largest downsampling
either chain went through.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class RoundedSkip:
    """The input whose size the downsampling does not divide, and the sizes that would fit."""

    input_node: object  # the graph's input node both merged maps come from
    shape: tuple  # the input's declared shape, batch axis first
    factor: tuple  # per spatial axis: the largest downsampling on the way to the merge
    smaller: tuple  # the declared shape with each undivided axis rounded down to a multiple
    larger: tuple  # ... rounded up


def _per_axis(value, rank: int) -> tuple:
    if isinstance(value, (list, tuple)):
        return tuple(int(v) for v in value) if len(value) == rank else (int(value[0]),) * rank
    return (int(value),) * rank


def _scaling(ctx, node, rank: int) -> tuple[tuple, tuple] | None:
    """(downsampling, upsampling) factors of one layer per spatial axis; None for a layer that
    shrinks the map by its window (a padding='valid' convolution wider than 1). A nested Sequential
    block (pix2pix's ``downsample()``) scales as its layers do, one after the other."""
    spec = ctx.graph.spec(node)
    inner = getattr(spec.live, "layers", None) if spec is not None and type(spec.live).__name__ == "Sequential" \
        else None
    if inner:
        down, up = [1] * rank, [1] * rank
        for layer in inner:
            try:
                config = layer.get_config()
            except Exception:  # noqa: BLE001 - a custom layer that cannot give its config: scale unknown
                return None
            factors = _layer_scaling(type(layer).__name__, config, rank)
            if factors is None:
                return None
            down = [d * f for d, f in zip(down, factors[0])]
            up = [u * f for u, f in zip(up, factors[1])]
        return tuple(down), tuple(up)
    return _layer_scaling(ctx.cls_of(node), ctx.config_of(node), rank)


def _layer_scaling(cls: str, cfg: dict, rank: int) -> tuple[tuple, tuple] | None:
    one = (1,) * rank
    if cls.startswith("UpSampling"):
        return one, _per_axis(cfg.get("size", 2), rank)
    if "Transpose" in cls:
        return one, _per_axis(cfg.get("strides") or 1, rank)
    if "Pooling" in cls and "Global" not in cls:
        return _per_axis(cfg.get("strides") or cfg.get("pool_size") or 2, rank), one
    window = cfg.get("kernel_size")
    if cfg.get("padding") == "valid" and window is not None and any(k > 1 for k in _per_axis(window, rank)):
        return None
    if cfg.get("strides") is not None:
        return _per_axis(cfg.get("strides"), rank), one
    return one, one


def input_chain(ctx, index: int):
    """The layers from merge input *index* back to the graph input (first inputs; the inputs of an
    earlier merge that built had equal sizes), nearest first, and that input node."""
    ids = ctx.consumer.input_ids()
    node = ctx.graph.producer(ids[index]) if index < len(ids) else None
    layers = []
    while node is not None and node.kind == "layer":
        layers.append(node)
        up = node.input_ids()
        node = ctx.graph.producer(up[0]) if up else None
    return layers, node


def _scales(ctx, layers, rank: int):
    """Walking from the input to the merge: the net scale per axis (a fraction of the input) and the
    largest downsampling reached on the way. None when a layer shrinks by its window."""
    scale = [Fraction(1)] * rank
    deepest = [Fraction(1)] * rank
    for node in reversed(layers):
        factors = _scaling(ctx, node, rank)
        if factors is None:
            return None
        down, up = factors
        scale = [s * u / d for s, d, u in zip(scale, down, up)]
        deepest = [max(b, 1 / s) for b, s in zip(deepest, scale)]
    return tuple(scale), tuple(deepest)


def rounded_skip(ctx) -> RoundedSkip | None:
    """The input size is the cause of this merge mismatch (see the module docstring), or None."""
    shapes = ctx.received
    if ctx.family != "SD104" or len(shapes) != 2 or any(s is None for s in shapes):
        return None
    a, b = shapes
    if len(a) != len(b) or not 3 <= len(a) <= 5 or a[1:-1] == b[1:-1] or None in a[1:-1] + b[1:-1]:
        return None
    rank = len(a) - 2
    (chain_a, top_a), (chain_b, top_b) = input_chain(ctx, 0), input_chain(ctx, 1)
    if top_a is None or top_a is not top_b or top_a.kind != "input":
        return None
    declared = ctx.shape_of(top_a)
    if declared is None or len(declared) != len(a) or None in declared[1:-1]:
        return None
    scaled_a, scaled_b = _scales(ctx, chain_a, rank), _scales(ctx, chain_b, rank)
    if scaled_a is None or scaled_b is None or scaled_a[0] != scaled_b[0]:
        return None  # a branch changed the scale on its own (a stray pooling): another rule
    factor = tuple(int(max(x, y)) for x, y in zip(scaled_a[1], scaled_b[1]))
    sizes = declared[1:-1]
    differing = [k for k in range(rank) if a[1 + k] != b[1 + k]]
    if any(f < 2 or sizes[k] % f == 0 or abs(a[1 + k] - b[1 + k]) >= f for k, f in
           ((k, factor[k]) for k in differing)):
        return None
    down = tuple((s // f) * f if s % f else s for s, f in zip(sizes, factor))
    up = tuple(-(-s // f) * f for s, f in zip(sizes, factor))
    if any(d < f for d, f in zip(down, factor)):
        down = up
    whole = lambda spatial: (declared[0],) + spatial + (declared[-1],)  # noqa: E731
    return RoundedSkip(top_a, tuple(declared), factor, whole(down), whole(up))


def input_size_fixes(ctx, found: RoundedSkip):
    """Declare an input size that the downsampling divides: the size below, then the size above;
    written at the line that binds the size when the Input names it (see ``size_binding``)."""
    from shapedoctor.graph.model import format_shape
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetShape
    from shapedoctor.repair.size_origin import size_binding

    factor = found.factor[0] if len(set(found.factor)) == 1 else found.factor
    for shape in dict.fromkeys((found.smaller, found.larger)):
        rebind = size_binding(ctx, found.input_node, shape)  # where the size is chosen
        where = (f" where the size is set ({rebind.shown}; data made with it follows)" if rebind is not None
                 else " (resize the data to it)")
        yield Candidate(f"give the input a size the downsampling by {factor} divides: shape="
                        f"{format_shape(tuple(shape[1:]))}{where}",
                        [SetShape(found.input_node.id, shape, rebind=rebind)], cost=1)
