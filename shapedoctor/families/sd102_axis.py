"""SD102 wrong-axis-size: a layer expected a fixed size on one axis and got another.

Example of the bug::

    inputs = keras.Input(shape=(64,))
    model = ...                # built for 64 features
    model.predict(x)           # x has shape (N, 1)
"""

from shapedoctor.families.base import Family, register


def fixes(ctx):
    """Candidates for a wrong size on a fixed axis."""
    from shapedoctor.repair import generators as g

    got = ctx.shape_in()
    if ctx.data_shape is not None and ctx.declared_shape is not None:
        inp = ctx.extra.get("input_node")
        yield from g.data_transforms(ctx, ctx.data_shape, ctx.declared_shape)
        yield from g.declare_input(ctx, inp, (None,) + tuple(ctx.data_shape[1:]), cost=2,
                                   why=" (build the model for the data you have)")
        return
    if ctx.expected_axis is None or got is None:
        return
    _axis, value = ctx.expected_axis
    prod = ctx.shaping_producer(ctx.producer())
    yield from flatten_if_product(ctx, got, value)
    yield from g.set_width(ctx, prod, value)
    if prod is not None and prod.kind == "input":
        whole = ctx.expected_shape
        if whole is not None and len(whole) == len(got) and None not in whole[1:]:
            # Keras named the whole shape (a nested model built for 224x224 images): declare that
            yield from g.declare_input(ctx, prod, (None,) + tuple(whole[1:]))
        else:
            yield from g.declare_input(ctx, prod, tuple(got[:-1]) + (value,))
    if prod is not None and prod.kind == "data" and got[-1] is not None and got[-1] > value:
        from shapedoctor.repair.candidate import Candidate
        from shapedoctor.repair.edits import DataTransform

        how = ("{x}[:, :" if len(got) == 2 else "{x}[..., :") + str(value) + "]"
        yield Candidate(f"keep the {value} features the model was built on: {how.format(x='x')}",
                        [DataTransform(how, tuple(got[:-1]) + (value,), ctx.extra.get("data_site"), prod.id)],
                        cost=2, tags=["data"],
                        note="only right if the extra columns are new ones at the end; otherwise retrain on the new width")
    if len(got) >= 2:
        yield g.insert(ctx, "Dense", value, why=f"project to {value} features", cost=3)


def flatten_if_product(ctx, got, value):
    """(None, 28, 28) where 784 was built: 28 x 28 = 784, an unflattened sample; Flatten first."""
    from shapedoctor.repair import generators as g

    feat = tuple(got[1:])
    if len(feat) >= 2 and None not in feat and all(d > 0 for d in feat):
        product = 1
        for d in feat:
            product *= d
        if product == value:
            shown = " x ".join(str(d) for d in feat)
            yield g.insert(ctx, "Flatten", cost=0, why=f"flatten the sample: {shown} = {value} values")


FAMILY = register(
    Family(
        id="SD102",
        slug="wrong-axis-size",
        title="A layer expected a fixed size on one axis and received another",
        what=(
            "Once a layer is built, its weights fix the size of the axis it reads (the last axis "
            "for Dense, the channel axis for convolutions). A later input with a different size on "
            "that axis is refused."
        ),
        why=(
            "A Dense layer with a (64, units) kernel can only multiply inputs whose last axis is 64. "
            "Before it is built it accepts any width, which is why `Dense(1)` followed by `Dense(64)` "
            "is valid; the mismatch appears when a built model or a reused layer meets data or a "
            "tensor of another width, e.g. (None, 1) where (None, 64) was built."
        ),
        example="model = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(10)])\nmodel.predict(np.zeros((8, 1)))",
        use_instead="model = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(10)])\nmodel.predict(np.zeros((8, 1)))",
        suggestions=(
            "make the producer emit the expected width (e.g. `units=64` on the Dense before)",
            "if the data is wrong, reshape or select the right features so the last axis matches",
            "if the model is wrong, change `Input(shape=...)` to the data's width",
        ),
        fixes=fixes,
    )
)
