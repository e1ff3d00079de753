"""SD106 reused-layer: one layer instance called on inputs of different widths.

Example of the bug::

    shared = layers.Dense(8)
    a = shared(x10)    # builds a (10, 8) kernel
    b = shared(x20)    # (None, 20) cannot use it
"""

from shapedoctor.families.base import Family, register


def stepped_cell_input(ctx):
    """(producer node, width) when the reused layer is a recurrent cell (LSTMCell, GRUCell...) and the
    layer that made its new input sets that input's width; else None.

    A cell is made to be called step after step with the same weights: its reuse is the point (the
    TensorFlow time-series tutorial feeds each prediction back into the same LSTMCell). When a later
    step's input is narrower than the first, the layer that made it has the wrong width
    (``Dense(1)`` where the cell reads ``num_features``), not the sharing."""
    from shapedoctor.repair.generators import width_key

    spec = ctx.spec
    if spec is None or not spec.cls.endswith("Cell"):
        return None
    width = ctx.expected_axis[1] if ctx.expected_axis else (
        ctx.expected_shape[-1] if ctx.expected_shape else None)
    prod = ctx.shaping_producer(ctx.producer())
    if not isinstance(width, int) or prod is None or prod.kind != "layer" or not width_key(ctx, prod):
        return None
    return prod, width


def frozen_input_width(ctx):
    """(producer node, width) when the reused layer is frozen (``trainable = False``: trained weights kept on
    purpose) and the layer that made its new input sets that input's width; else None."""
    from shapedoctor.repair.generators import width_key

    spec = ctx.spec
    if spec is None or getattr(spec.live, "trainable", True) is not False:
        return None
    width = ctx.expected_axis[1] if ctx.expected_axis else None
    prod = ctx.shaping_producer(ctx.producer())
    if not isinstance(width, int) or prod is None or prod.kind != "layer" or not width_key(ctx, prod):
        return None
    return prod, width


def fixes(ctx):
    """Candidates for a layer instance reused on another width."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import ReplaceLayer

    spec = ctx.spec
    if spec is None:
        return
    stepped = stepped_cell_input(ctx)
    if stepped is not None:
        yield from g.set_width(ctx, stepped[0], stepped[1], cost=1)
        return
    frozen = frozen_input_width(ctx)
    if frozen is not None:
        # A frozen layer re-added after a new one (greedy layer-wise training keeps the trained output layer,
        # r1230): its weights are the point; the new layer before it must give the width they were made for
        yield from g.set_width(ctx, frozen[0], frozen[1], cost=1)
        return
    got = ctx.shape_in()
    if ctx.expected_axis is not None and got is not None:
        from shapedoctor.families.sd102_axis import flatten_if_product

        yield from flatten_if_product(ctx, got, ctx.expected_axis[1])
    cfg = {k: v for k, v in spec.config.items() if k in ("units", "filters", "kernel_size", "activation", "output_dim")}
    args = ()
    if "units" in cfg:
        args = (cfg.pop("units"),)
    elif "filters" in cfg:
        args = (cfg.pop("filters"), cfg.pop("kernel_size", 1))
    if cfg.get("activation") in ("linear", None):
        cfg.pop("activation", None)
    from shapedoctor.repair.multiplied_list import multiplied_layer_list

    title = f"use a separate {spec.cls} for this input (weights are then not shared)"
    if multiplied_layer_list(spec.created) is not None:
        title = (f"create one {spec.cls} per list item: multiplying a one-layer list repeats the same "
                 f"{spec.cls} (its weights are shared)")
    yield Candidate(title, [ReplaceLayer(ctx.consumer.id, spec.cls, args, cfg, copy_of_original=True)], cost=1)
    if ctx.expected_axis is not None and got is not None and len(got) == 2:
        # Rows only: on a sequence or a feature map a Dense would project every step / pixel apart.
        yield g.insert(ctx, "Dense", ctx.expected_axis[1], why="project this input to the shared layer's width", cost=3)


FAMILY = register(
    Family(
        id="SD106",
        slug="reused-layer",
        title="One layer instance was reused on inputs of a different width",
        what="A layer object was called a second time on a tensor whose size differs from the first call.",
        why=(
            "Calling a layer object again reuses (shares) its weights; the first call fixed their "
            "shape. Sharing is only possible between inputs of the same width. Creating the layer "
            "inside a loop or a helper function creates a fresh one each time."
        ),
        example="shared = layers.Dense(8)\na = shared(x10)\nb = shared(x20)",
        use_instead="a = layers.Dense(8)(x10)\nb = layers.Dense(8)(x20)   # two layers, two kernels",
        suggestions=(
            "create a separate layer for each input if the weights need not be shared",
            "bring the inputs to the same width before the shared layer",
        ),
        fixes=fixes,
    )
)
