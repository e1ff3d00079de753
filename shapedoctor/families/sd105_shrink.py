"""SD105 spatial-shrink: convolutions/pooling shrink a spatial axis below one.

Example of the bug::

    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(16, 5), layers.MaxPooling2D(2),   # 8 -> 4 -> 2
    layers.Conv2D(32, 5),                           # 2 - 5 + 1 < 1
"""

from shapedoctor.families.base import Family, register


def fixes(ctx):
    """Candidates for a window larger than the feature map."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import RemoveNode, SetConfig, SetShape

    got = ctx.shape_in()
    cfg = ctx.config_of(ctx.consumer)
    declared = channels_first_input(ctx)
    if declared is not None:
        # The channel axis was declared first: the stack shrinks the 3 "rows", not the image. Moving
        # the channels last is the fix; padding="same" would hide it and keep a wrong model.
        node, shape = declared
        moved = (shape[0],) + tuple(shape[2:]) + (shape[1],)
        # The data made for the old declaration moves along (repair/data_follows.py).
        if len(shape) == 3:
            title = (f"declare the input as shape={tuple(moved[1:])}: the {shape[2]} values of each sample are its "
                     f"steps (one feature each), not {shape[2]} features of a single step")
        else:
            title = f"declare the input channels-last: shape={tuple(moved[1:])}"
        yield Candidate(title, [SetShape(node.id, moved)], cost=1)
        return
    if channels_first_steps(ctx):
        # (channels, steps) given to a channels-last layer that can read either layout (stereo audio (2, 16000)
        # to an STFTSpectrogram, r1119): the window slides over the 2 channels. Telling the layer the layout is
        # the fix; padding="same" would "fit" it by sliding over 2 positions with 16000 features each.
        yield Candidate(f'read the input as (channels, steps): data_format="channels_first" on '
                        f'{g.name(ctx, ctx.consumer)}', [SetConfig(ctx.consumer.layer, {"data_format": "channels_first"})],
                        cost=1)
        return
    reshaped = channels_first_reshape(ctx)
    if reshaped is not None:
        # A Reshape wrote the channel axis first, (1, h, w), for a channels-last convolution: the window
        # slides over the single "row". Moving the 1 last is the fix; padding="same" would hide it.
        node, target = reshaped
        moved = tuple(target[1:]) + (target[0],)
        yield Candidate(f"put the channel axis last in the Reshape: {moved} (channels-last)",
                        [SetConfig(node.layer, {"target_shape": moved})], cost=1)
        return
    from shapedoctor.repair.loop_passes import fewer_passes

    shorter = fewer_passes(ctx.graph, ctx.consumer)
    if shorter is not None:
        # Built in a loop over a literal, it failed on a later pass: the image allows only the
        # passes before it (the loop's data is the cause, not the layer).
        yield Candidate(f"loop {shorter.kept} times: each pass of the loop shrinks the map, and "
                        f"{g.name(ctx, ctx.consumer)} gets no room on pass {shorter.kept + 1}",
                        [shorter], cost=1)
    sized = _input_size_for_strides(ctx)
    if sized is not None:
        yield sized  # a stack of strided layers that only whole multiples of their product fit
    chain = [ctx.consumer] + ctx.upstream_layers()
    windowed = [n for n in chain if ctx.config_of(n).get("padding") == "valid"]
    meant_global = _meant_global(ctx, got, cfg)
    if meant_global is not None:
        yield meant_global
    if cfg.get("padding") == "valid":
        yield Candidate(f'keep the size: padding="same" on {g.name(ctx, ctx.consumer)}',
                        [SetConfig(ctx.consumer.layer, {"padding": "same"})], cost=1)
    if len(windowed) > 1:
        yield Candidate('keep the size everywhere: padding="same" on ' + ", ".join(g.name(ctx, n) for n in windowed),
                        [SetConfig(n.layer, {"padding": "same"}) for n in windowed], cost=2)
    if got is not None and None not in got[1:-1]:
        spatial = tuple(got[1:-1])
        for key in ("kernel_size", "pool_size"):
            if key in cfg and cfg[key] is not None:
                new = tuple(min(k, s) for k, s in zip(cfg[key], spatial))
                if new != tuple(cfg[key]):
                    new = new[0] if len(set(new)) == 1 else new
                    changes = {key: new}
                    if key == "pool_size":
                        changes["strides"] = new
                    yield Candidate(f"use a smaller window: {key}={new}", [SetConfig(ctx.consumer.layer, changes)], cost=2)
    cls = ctx.consumer_cls
    if "Pooling" in cls and "Global" not in cls and got is not None and 3 <= len(got) <= 5 and meant_global is None:
        from shapedoctor.repair.edits import ReplaceLayer

        kind = "Max" if "Max" in cls else "Average"
        yield Candidate(f"pool over whatever size is left: Global{kind}Pooling{len(got) - 2}D",
                        [ReplaceLayer(ctx.consumer.id, f"Global{kind}Pooling{len(got) - 2}D", (), {"keepdims": True})], cost=2)
    for n in ctx.upstream_layers():
        if "Pooling" in ctx.cls_of(n) and "Global" not in ctx.cls_of(n):
            yield Candidate(f"remove the pooling layer {g.name(ctx, n)}", [RemoveNode(n.id)], cost=3)
            break


def _meant_global(ctx, got, cfg):
    """The pooling a fixed window was meant to make global, as its first fix, or None.

    A pooling whose window is at least the whole map on every axis, and larger than every other
    pooling window before it (``MaxPooling1D(35)`` after ``MaxPooling1D(5)``s, commented "global max
    pooling" in the old Keras example, keras-team/keras#5157), was sized to reduce the whole map to
    one position for the inputs it was designed on. The idiom is the global pooling, which does that
    for any input length: it replaces the pooling, and a recorded Flatten right after it, which then
    has nothing to flatten, goes too."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import RemoveNode, ReplaceLayer

    cls = ctx.consumer_cls
    window = cfg.get("pool_size")
    if "Pooling" not in cls or "Global" in cls or got is None or not 3 <= len(got) <= 5 or not window:
        return None
    window = tuple(window) if isinstance(window, (list, tuple)) else (window,) * (len(got) - 2)
    spatial = tuple(got[1:-1])
    if None in spatial or any(w < s for w, s in zip(window, spatial)):
        return None
    others = [ctx.config_of(n).get("pool_size") for n in ctx.upstream_layers() if "Pooling" in ctx.cls_of(n)]
    others = [max(o) if isinstance(o, (list, tuple)) else o for o in others if o]
    if not others or max(window) <= max(others):
        return None
    kind = "Max" if "Max" in cls else "Average"
    new = f"Global{kind}Pooling{len(got) - 2}D"
    after = ctx.graph.consumers(ctx.consumer.outputs[0]) if ctx.consumer.outputs else []
    if len(after) == 1 and ctx.cls_of(after[0]) == "Flatten":
        return Candidate(f"the window {window} covers the whole map: {new} in place of the pooling and the Flatten "
                         "after it, for any input length", [ReplaceLayer(ctx.consumer.id, new, (), {}),
                                                            RemoveNode(after[0].id)], cost=1)
    # Nothing recorded after it (the build stopped here, so a Flatten written after it never ran): the
    # pooled (batch, channels) is what a Flatten or Dense there takes; a recorded layer that needs the
    # map's rank keeps it.
    return Candidate(f"the window {window} covers the whole map: {new}, for any input length",
                     [ReplaceLayer(ctx.consumer.id, new, (), {"keepdims": True} if after else {})], cost=1)


def channels_first_input(ctx):
    """(input node, shape) when the model input is declared channels-first, e.g. ``(3, 32, 32)``,
    in a channels-last model: a small first axis (1, 3 or 4) before two larger ones.

    The 1-D form is a sequence of ONE step, ``(1, 200)``: rows reshaped to (samples, 1, features) for a
    Conv1D/pooling stack, whose window then has a single step to slide over. The values are the
    steps (``(200, 1)``), as for a univariate series; moving the axis keeps every value (the data
    made for the old declaration moves along, repair/data_follows.py)."""
    node = next((n for n in ctx.graph.upstream(ctx.consumer) if n.kind == "input"), None)
    shape = ctx.shape_of(node)
    if node is None or shape is None or None in shape[1:]:
        return None
    if ctx.config_of(ctx.consumer).get("data_format", "channels_last") != "channels_last":
        return None
    if len(shape) == 3:
        return (node, tuple(shape)) if shape[1] == 1 and shape[2] > 1 else None
    if len(shape) != 4:
        return None
    c, h, w = shape[1:]
    if c in (1, 3, 4) and h >= 8 and w >= 8 and shape[3] not in (1, 3, 4):
        return node, tuple(shape)
    return None


def channels_first_steps(ctx) -> bool:
    """The refusing layer is a channels-last 1-D window (a convolution, a pooling, an ``STFTSpectrogram``: it has a
    ``data_format``) given (batch, c, t) with a few values on the axis it slides over (c <= 8, less than the window)
    and many on the channel axis (t at least 16 c, room for the window): a (channels, steps) layout."""
    cfg = ctx.config_of(ctx.consumer)
    got = ctx.shape_in()
    if cfg.get("data_format") != "channels_last" or got is None or len(got) != 3 or None in got[1:]:
        return False
    window = cfg.get("kernel_size") or cfg.get("pool_size") or cfg.get("frame_length")
    window = window[0] if isinstance(window, (list, tuple)) and len(window) == 1 else window
    if not isinstance(window, int):
        return False
    channels, steps = got[1], got[2]
    return channels <= 8 and channels < window <= steps and steps >= 16 * channels


def channels_first_reshape(ctx):
    """(Reshape node, target) when the refusing channels-last convolution or pooling gets its input straight
    from a ``Reshape`` whose target puts an axis of 1 first, ``(1, h, w)`` (a channels-first layout), and
    that 1 is the spatial axis the window no longer fits."""
    if ctx.config_of(ctx.consumer).get("data_format", "channels_last") != "channels_last":
        return None
    node = ctx.producer()
    if node is None or ctx.cls_of(node) != "Reshape":
        return None
    target = ctx.config_of(node).get("target_shape")
    got = ctx.shape_in()
    if not target or got is None or len(target) != len(got) - 1 or len(target) < 2:
        return None
    target = tuple(target)
    if target[0] != 1 or any(t is None or t == -1 or t <= 1 for t in target[1:]) or got[1] != 1:
        return None
    return node, target


FAMILY = register(
    Family(
        id="SD105",
        slug="spatial-shrink",
        title="Convolutions and pooling shrank a spatial axis below one",
        what="A convolution or pooling window is larger than the spatial size it slides over.",
        why=(
            "With `padding=\"valid\"` (the default) each convolution removes `kernel_size - 1` "
            "positions and each pooling divides the size by its stride. A stack designed for "
            "large images runs out of pixels on small ones and the computed size becomes 0 or negative."
        ),
        example="layers.Conv2D(32, 5)   # on a 2x2 feature map",
        use_instead="layers.Conv2D(32, 5, padding=\"same\")",
        suggestions=(
            "use `padding=\"same\"` so convolutions keep the spatial size",
            "use a smaller `kernel_size` / `pool_size`, or remove a pooling layer",
            "feed larger inputs (`Input(shape=...)`) if the data allows",
        ),
        fixes=fixes,
    )
)


def strided_input_size(ctx):
    """(input node, the shape to declare, the stride product) when every layer from the input to the one
    that failed only downsamples (strides, poolings, windows no wider than their stride) and the failing
    layer's window is its stride: a 19-slice volume through a stride-4 stem and three stride-2 stages
    reaches 1 slice where a 2x2x2 window needs 2; 32 slices (4 * 2 * 2 * 2) fit every stage
    (ZFTurbo/classification_models_3D#20, r720). The input size is then the root cause. None otherwise.
    Read once per finding (the culprit, the explanation and the fixes all ask)."""
    if "strided_input_size" not in ctx.extra:
        ctx.extra["strided_input_size"] = _strided_input_size(ctx)
    return ctx.extra["strided_input_size"]


def _strided_input_size(ctx):
    from fractions import Fraction

    got, cfg = ctx.shape_in(), ctx.config_of(ctx.consumer)
    if got is None or len(got) < 3 or None in got[1:-1]:
        return None
    rank = len(got) - 2
    kernel = cfg.get("kernel_size") or cfg.get("pool_size")
    strides = cfg.get("strides") or kernel
    kernel = tuple(kernel) if isinstance(kernel, (list, tuple)) else (kernel,) * rank
    strides = tuple(strides) if isinstance(strides, (list, tuple)) else (strides,) * rank
    if len(kernel) != rank or kernel != strides or not all(isinstance(k, int) for k in kernel):
        return None  # (a layer with no kernel_size/pool_size, STFTSpectrogram: not a window this rule knows)
    from shapedoctor.families.sd104_rounding import input_chain

    layers, node = input_chain(ctx, 0)
    if node is None or node.kind != "input":
        return None
    declared = ctx.shape_of(node)
    if declared is None or len(declared) != len(got) or None in declared[1:-1]:
        return None
    factor = [Fraction(s) for s in strides]
    for layer in layers:
        down = _downsampling(ctx, layer, rank, len(got))
        if down is None:
            return None  # a window wider than its stride, an upsampling, a reshape: other rules
        factor = [f * d for f, d in zip(factor, down)]
    short = [k for k in range(rank) if got[1 + k] < kernel[k]]
    if not short or any(f.denominator != 1 for f in factor):
        return None
    sizes = list(declared[1:-1])
    for k in short:
        step = int(factor[k])
        sizes[k] = max(step, -(-sizes[k] // step) * step)
    return node, (declared[0],) + tuple(sizes) + (declared[-1],), int(factor[short[0]])


def _input_size_for_strides(ctx):
    """The candidate of :func:`strided_input_size`, written where the size is chosen (the data made with
    it following)."""
    from shapedoctor.graph.model import format_shape
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetShape
    from shapedoctor.repair.size_origin import size_binding

    found = strided_input_size(ctx)
    if found is None:
        return None
    node, shape, step = found
    rebind = size_binding(ctx, node, shape)
    where = (f" where the size is set ({rebind.shown}; data made with it follows)" if rebind is not None
             else " (resize the data to it)")
    return Candidate(f"give the input a size every stride divides ({step}): shape={format_shape(tuple(shape[1:]))}"
                     f"{where}", [SetShape(node.id, shape, rebind=rebind)], cost=1)


def _downsampling(ctx, layer, rank: int, ndim: int) -> tuple | None:
    """Per spatial axis, the factor *layer* divides the map by when it only downsamples (a pooling, a
    stride, a 'valid' window no wider than its stride, a layer that keeps the map); None otherwise."""
    cls, cfg = ctx.cls_of(layer), ctx.config_of(layer)
    shapes = [ctx.graph.tensors[t].shape for t in layer.outputs if t in ctx.graph.tensors]
    if not shapes or shapes[0] is None or len(shapes[0]) != ndim or "UpSampling" in cls or "Transpose" in cls:
        return None

    def per_axis(value):
        value = tuple(value) if isinstance(value, (list, tuple)) else (value,) * rank
        return value if len(value) == rank and all(isinstance(v, int) for v in value) else None

    if "Pooling" in cls and "Global" not in cls:
        return per_axis(cfg.get("strides") or cfg.get("pool_size") or 2)
    strides = per_axis(cfg.get("strides") or 1)
    window = per_axis(cfg.get("kernel_size") or 1)
    if strides is None or window is None:
        return None
    if cfg.get("padding", "valid") == "valid" and any(w > 1 and w != s for w, s in zip(window, strides)):
        return None
    return strides
