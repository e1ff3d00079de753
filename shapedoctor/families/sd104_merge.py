"""SD104 merge-mismatch: Concatenate/Add/Multiply/Average/Dot on tensors whose shapes disagree.

Example of the bug::

    a = layers.Dense(32)(x)
    b = layers.Dense(64)(x)
    layers.Add()([a, b])
"""

from shapedoctor.families.base import Family, register


def fixes(ctx):
    """Candidates for merge inputs that do not line up."""
    from shapedoctor.repair import generators as g

    shapes = ctx.received
    if len(shapes) < 2 or any(s is None for s in shapes):
        return
    cls = ctx.consumer_cls
    ref = shapes[0]
    for i, shape in enumerate(shapes[1:], start=1):
        if shape == ref:
            continue
        prod = ctx.shaping_producer(ctx.producer(i))
        ref_prod = ctx.shaping_producer(ctx.producer(0))
        if len(shape) == len(ref):
            if cls != "Concatenate" or ref[1:-1] == shape[1:-1]:
                yield from g.set_width(ctx, prod, ref[-1])
                yield from g.set_width(ctx, ref_prod, shape[-1], cost=2)
                if cls != "Concatenate":
                    yield g.insert(ctx, "Dense", ref[-1], why=f"project input {i} to {ref[-1]} features",
                                   cost=3, input_index=i)
        if cls == "Concatenate":
            if len(shape) > 2:
                yield g.insert(ctx, "Flatten", why=f"flatten input {i}", cost=3, input_index=i)
            if len(ref) > 2:
                yield g.insert(ctx, "Flatten", why="flatten input 0", cost=3, input_index=0)


FAMILY = register(
    Family(
        id="SD104",
        slug="merge-mismatch",
        title="A merge layer received tensors whose shapes do not line up",
        what=(
            "Add, Subtract, Multiply, Average, Maximum and Minimum need equal shapes; Concatenate "
            "needs equal sizes on every axis except the one it joins; Dot needs equal sizes on the "
            "axes it contracts."
        ),
        why=(
            "Element-wise merges pair values one to one, so (None, 32) and (None, 64) have nothing "
            "to pair with half the values. Concatenate stacks along one axis (the last by default), "
            "so all other axes, e.g. the time steps, must agree."
        ),
        example="a = layers.Dense(32)(x)\nb = layers.Dense(64)(x)\nlayers.Add()([a, b])",
        use_instead="a = layers.Dense(64)(x)\nb = layers.Dense(64)(x)\nlayers.Add()([a, b])",
        suggestions=(
            "give both branches the same size on the mismatched axis (e.g. the same `units`)",
            "project one branch with a `Dense(n)` (or a 1x1 convolution) before merging",
            "for Concatenate, flatten or pool the branches so only the joined axis differs",
        ),
        fixes=fixes,
    )
)
