"""SD107 undefined-dim: Flatten/Dense on an axis whose size is unknown (None).

Example of the bug::

    keras.Input(shape=(None, None, 3)),
    layers.Conv2D(8, 3), layers.Flatten(),
    layers.Dense(10),     # last axis is None
"""

from shapedoctor.families.base import Family, register


def fixes(ctx):
    """Candidates for an undefined (None) axis that a layer needs."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import ReplaceLayer, SetShape

    for node in ctx.upstream_layers():
        if ctx.cls_of(node) == "Flatten":
            ids = node.input_ids()
            shape = ctx.graph.tensors[ids[0]].shape if ids else None
            if shape is not None and 3 <= len(shape) <= 5:
                cls = f"GlobalAveragePooling{len(shape) - 2}D"
                yield Candidate(f"pool instead of flattening: {cls}() works for any size",
                                [ReplaceLayer(node.id, cls)], cost=1)
            break
    got = ctx.shape_in()
    if got is not None and 3 <= len(got) <= 5:
        yield g.insert(ctx, f"GlobalAveragePooling{len(got) - 2}D", why="pool the variable-size axes", cost=2)
    if got is not None and len(got) == 1:
        # Inputs declared shape=(): one value per sample and no feature axis, so joining them runs along
        # the batch axis and the layer after sees (None,). Each gets a feature axis of one (Keras adds
        # it to the (batch,) data it is given), the keras-io structured-data idiom.
        scalars = [n for n in ctx.graph.nodes if n.kind == "input" and ctx.shape_of(n) is not None
                   and len(ctx.shape_of(n)) == 1]
        if scalars:
            yield Candidate("give each scalar input a feature axis of one: shape=(1,)",
                            [SetShape(n.id, (None, 1)) for n in scalars], cost=1)


FAMILY = register(
    Family(
        id="SD107",
        slug="undefined-dim",
        title="A layer needs an axis whose size is not defined",
        what="Dense (and anything that creates weights from the last axis) received `None` as that axis's size.",
        why=(
            "`None` outside the batch axis means \"any size\", e.g. images of any height and width. "
            "Flatten multiplies all sizes, so one unknown size makes the result unknown, and Dense "
            "cannot create a kernel without knowing how many inputs it has."
        ),
        example="keras.Input(shape=(None, None, 3)),\nlayers.Conv2D(8, 3), layers.Flatten(), layers.Dense(10),",
        use_instead="keras.Input(shape=(None, None, 3)),\nlayers.Conv2D(8, 3), layers.GlobalAveragePooling2D(), layers.Dense(10),",
        suggestions=(
            "replace Flatten with `GlobalAveragePooling2D()` (or 1D) which works for any size",
            "give `Input(shape=...)` concrete sizes if every input has the same size",
        ),
        fixes=fixes,
    )
)
