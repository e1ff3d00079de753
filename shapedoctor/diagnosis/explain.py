"""Plain-words explanations: what the consumer needs, what the producer made, and why.

The family's general text (``Family.why``) is specialised with the facts of this failure:
layer names, classes, config values, shapes, and the reminder that ``None`` is the batch axis.
"""

from __future__ import annotations

import math

from shapedoctor.diagnosis.context import Context, needed_rank
from shapedoctor.graph.model import Node, format_shape

BATCH = "(`None` is the batch axis: Keras fills it in with the number of samples at run time.)"

_RANK_MEANING = {
    2: "(batch, features)",
    3: "(batch, steps, features)",
    4: "(batch, height, width, channels)",
    5: "(batch, depth, height, width, channels)",
}


def describe_node(ctx: Context, node: Node | None) -> str:
    if node is None:
        return "an unknown source"
    if node.kind == "data":
        return "the data passed in"
    spec = ctx.graph.spec(node)
    if spec is None:
        return node.label or node.id
    cfg = spec.config
    if node.kind == "input":
        shape = cfg.get("batch_shape")
        return f"`{spec.name}` (Input(shape={format_shape(tuple(shape[1:])) if shape else '?'}))"
    key = next((k for k in ("units", "filters", "output_dim", "n", "target_shape") if k in cfg), None)
    detail = f"{key}={format_shape(tuple(cfg[key])) if isinstance(cfg[key], (list, tuple)) else cfg[key]}" if key else ""
    return f"`{spec.name}` ({spec.cls}({detail}))"


def expected_text(ctx: Context) -> str | None:
    fam = ctx.family
    got = ctx.shape_in()
    if fam == "SD101":
        need = needed_rank(ctx)
        if need is None:
            return None
        return _RANK_MEANING.get(need, f"rank {need}").replace("batch", "None")
    if fam in ("SD102", "SD106") and ctx.declared_shape is not None:
        return format_shape(ctx.declared_shape)
    if fam in ("SD102", "SD106") and ctx.expected_shape is not None and got is not None \
            and len(ctx.expected_shape) == len(got):
        return format_shape((None,) + tuple(ctx.expected_shape[1:]))
    if fam in ("SD102", "SD106") and ctx.expected_axis and got is not None:
        axis, value = ctx.expected_axis
        shape = list(got)
        shape[axis] = value
        shape[0] = None
        return format_shape(tuple(shape))
    if fam == "SD103":
        target = ctx.config_of(ctx.consumer).get("target_shape")
        return format_shape((None,) + tuple(target)) if target else None
    if fam == "SD104":
        return "matching shapes except the joined axis" if ctx.consumer_cls == "Concatenate" else "equal shapes"
    if fam == "SD105":
        cfg = ctx.config_of(ctx.consumer)
        window = cfg.get("kernel_size") or cfg.get("pool_size")
        return f"spatial size of at least {format_shape(tuple(window))}" if window else None
    if fam == "SD107":
        return "a defined last axis"
    return None


def received_text(ctx: Context) -> str | None:
    if ctx.family == "SD104":
        return " and ".join(format_shape(s) for s in ctx.received)
    return format_shape(ctx.data_shape) if ctx.data_shape is not None else format_shape(ctx.shape_in())


def explanation(ctx: Context, culprit: Node | None) -> str:
    fam, got = ctx.family, ctx.shape_in()
    cons = describe_node(ctx, ctx.consumer)
    made = describe_node(ctx, culprit)
    if fam == "SD101":
        need = needed_rank(ctx)
        meaning = _RANK_MEANING.get(need or 0, "(batch,)" if need == 1 else None)
        axes = "1 axis" if need == 1 else f"{need} axes"
        had = "an unknown number of axes" if got is None else ("no axes at all (a single value)" if not got
                                       else "1 axis" if len(got) == 1 else f"{len(got)} axes")
        lines = [
            f"{cons} needs input with {axes}{', ' + meaning if meaning else ''}; it received "
            f"{format_shape(got)}, which has {had}. {BATCH}",
        ]
        if ctx.consumer_cls == "TimeDistributed" and got is not None and len(got) == need:
            lines = [f"{cons} applies its layer to every step of axis 1, so that layer, which needs {need} axes "
                     f"{meaning}, received {format_shape((got[0],) + tuple(got[2:]))} per step: the input "
                     f"{format_shape(got)} has no time axis. {BATCH}"]
        from shapedoctor.families.sd101_rank import frames_upstream, short_permute

        dims = short_permute(ctx) if culprit is not None and culprit is ctx.consumer else None
        if dims is not None:
            given = tuple(ctx.config_of(ctx.consumer).get("dims") or ())
            lines = [f"{cons} was given dims={given}, the order of {len(given)} axes, and received "
                     f"{format_shape(got)}, which has {len(got) - 1} besides the batch axis. Permute's dims name every "
                     f"axis but the batch one, the ones it leaves in place too: {dims} swaps as {given} meant. {BATCH}"]
        elif culprit is not None and culprit is ctx.consumer and frames_upstream(ctx):
            lines.append(f"Axis 1 of size {got[1]} is the time axis the TimeDistributed layers above step over; "
                         f"{cons} is not wrapped, so it gets the whole stack of steps at once.")
        elif culprit is not None and culprit is ctx.consumer:
            lines.append(f"The received tensor is {len(got) - 2}-D data with an axis of size 1 where {cons} "
                         "would need a spatial axis: the layer is the variant for one more axis than the data has.")
        elif culprit is not None and culprit is not ctx.shaping_producer(ctx.producer()) \
                and culprit.kind in ("layer", "input"):
            keep = describe_node(ctx, ctx.producer())  # rank_origin: the culprit is above layers that keep any rank
            if culprit.kind == "layer":
                lines.append(f"That tensor was made by {keep}, which keeps the number of axes it is given; the axis "
                             f"was lost above it, at {made}. {_why_rank(ctx, culprit)}")
            else:
                lines.append(f"That tensor was made by {keep}, which keeps the number of axes it is given. The model "
                             f"input {made} declares only {len(got) - 1 if got else '?'} axes per sample, while one "
                             "sample of the data the script holds has more.")
        elif culprit is not None and culprit.kind == "layer":
            lines.append(f"That tensor was made by {made}. {_why_rank(ctx, culprit)}")
        elif culprit is not None and culprit.kind == "input":
            lines.append(f"The model input {made} declares only {len(got) - 1 if got else '?'} axes per sample.")
        elif culprit is not None and culprit.kind == "data":
            need = needed_rank(ctx)
            fewer = got is None or need is None or len(got) < need
            lines.append(f"The data itself has too {'few' if fewer else 'many'} axes: Keras built the model from the "
                         "first data it saw.")
        return " ".join(lines)
    if fam in ("SD102", "SD106"):
        if ctx.data_shape is not None and ctx.declared_shape is not None:
            return (
                f"The model was built for inputs of shape {format_shape(ctx.declared_shape)} but was called with data "
                f"of shape {format_shape(ctx.data_shape)}. {BATCH} A built layer's weights fix the width it accepts, "
                f"so {cons} cannot take {ctx.data_shape[-1]} features where it was built for {ctx.declared_shape[-1]}."
            )
        axis, value = ctx.expected_axis or (-1, "?")
        if fam == "SD106":
            return (
                f"{cons} was already called on inputs with {value} features, which fixed the shape of its weights; "
                f"calling the same layer object again on {format_shape(got)} would need different weights. "
                "Calling a layer object twice shares its weights."
            )
        return (
            f"{cons} was built for {value} values on axis {axis} and received {format_shape(got)}. {BATCH} "
            f"The size came from {made}."
        )
    if fam == "SD103":
        target = tuple(ctx.config_of(ctx.consumer).get("target_shape") or ())
        have = math.prod(got[1:]) if got and None not in got[1:] else "?"
        want = math.prod(target) if target and -1 not in target else "?"
        prod = describe_node(ctx, ctx.shaping_producer(ctx.producer()))
        text = (f"{cons} rearranges values but never creates or drops any. It receives {format_shape(got)} from "
                f"{prod}: {have} value(s) per sample. Its target shape {format_shape(target)} holds {want}. {BATCH} ")
        from shapedoctor.diagnosis.reshape_origin import padding_origin

        trimmed = padding_origin(ctx)
        if trimmed is not None and trimmed[0] is culprit:
            return text + (f"The target counts the values of a map no convolution trimmed: {describe_node(ctx, culprit)} "
                           "has padding=\"valid\", which removes kernel - 1 pixels per axis; with padding=\"same\" "
                           "the map keeps its size and the Reshape receives exactly the values its target holds "
                           "(checked by Keras).")
        return text + "To get more values, make the producer emit them (or repeat them with RepeatVector), not Reshape."
    if fam == "SD104":
        shapes = " and ".join(format_shape(s) for s in ctx.received)
        need = "equal on every axis except the one it joins" if ctx.consumer_cls == "Concatenate" else "exactly equal"
        from shapedoctor.families.sd104_merge import joins_off_the_last_axis

        if joins_off_the_last_axis(ctx):
            axis = ctx.config_of(ctx.consumer).get("axis")
            return (f"{cons} received {shapes}; their shapes must be {need}. They agree on every axis but the last "
                    f"(the channels or features), yet it joins them along axis {axis}, so every other axis, the "
                    "last one included, must match. Joined along the last axis (axis=-1, the default) they fit"
                    + (": channels-last maps keep their channels there, axis=1 is a channels-first habit. "
                       if axis == 1 else ". ") + BATCH)
        return f"{cons} received {shapes}; their shapes must be {need}. The odd input comes from {made}. {BATCH}"
    if fam == "SD105":
        cfg = ctx.config_of(ctx.consumer)
        window = cfg.get("kernel_size") or cfg.get("pool_size") or cfg.get("frame_length")
        window = tuple(window) if isinstance(window, (list, tuple)) else (window,) if window else None
        text = (
            f"{cons} slides a window of {format_shape(window) if window else '?'} over a feature map of "
            f"{format_shape(got)}: the window no longer fits. With padding=\"valid\" each convolution removes "
            "kernel_size - 1 positions and each pooling divides the size by its stride."
        )
        from shapedoctor.families.sd105_shrink import channels_first_steps, strided_input_size

        if channels_first_steps(ctx):
            text = (f"{cons} slides a window of {window[0]} along axis 1 of {format_shape(got)}, which holds "
                    f"{got[1]} values, and reads the {got[2]} values of axis 2 as channels: it is channels-last, "
                    f"(batch, steps, channels). These samples are laid out (channels, steps), {got[1]} channels of "
                    f"{got[2]} steps (stereo audio as (2, samples)): tell the layer, data_format=\"channels_first\", "
                    "or give it the data transposed.")

        strided = strided_input_size(ctx) if culprit is not None and culprit.kind == "input" else None
        if strided is not None:
            shape = ctx.shape_of(culprit)
            text += (f" Every layer from the input to {cons} divides the map by its stride, {strided[2]} in all: the "
                     f"input declared {format_shape(tuple(shape[1:]))} is not a whole multiple of that on the axis that "
                     f"ran out, so a stage rounds it down to nothing. Give the input a size the strides divide, "
                     f"{format_shape(tuple(strided[1][1:]))}, or a stride of 1 on that axis.")
        elif culprit is not None and culprit.kind == "input":
            shape = ctx.shape_of(culprit)
            text += (f" The input was declared {format_shape(tuple(shape[1:]))}: channels first, but the layers are "
                     "channels-last (height, width, channels), so they slide over the few channels as if they were "
                     "image rows. Declare (height, width, channels) and move the data's channel axis last.")
        return text
    if fam == "SD107":
        if got is not None and len(got) == 1:
            return (f"{cons} needs a feature axis to create its weights, but received {format_shape(got)}: only the "
                    f"batch axis. It came from {made}: an Input declared shape=() holds one value per sample with no "
                    "feature axis, so joining such inputs runs along the batch axis instead of side by side. Declare "
                    "each one shape=(1,): the features then join into one row per sample.")
        return (
            f"{cons} needs to know the size of the last axis to create its weights, but received {format_shape(got)}. "
            f"`None` outside the batch axis means 'any size'; it came from {made}, so Flatten cannot compute a fixed width."
        )
    if fam == "SD108":
        why = _why_rank(ctx, culprit) if culprit is not None and culprit.kind == "layer" else ""
        return (f"{cons} refused a tensor of shape {format_shape(got)} (Keras: \"{ctx.message.strip()}\"). "
                f"That shape was made by {made}. {why}".strip())
    return ""


def _why_rank(ctx: Context, node: Node) -> str:
    cls = ctx.cls_of(node)
    if cls == "Dense":
        return "Dense only changes the last axis and keeps the rank it was given, so it cannot create a time axis."
    if cls in ("Flatten",) or cls.startswith("Global"):
        return f"{cls} removes every axis except the batch and the features."
    if ctx.config_of(node).get("return_sequences") is False:
        return "A recurrent layer with return_sequences=False returns only its last step, dropping the time axis."
    if ctx.config_of(node).get("return_sequences") is True:
        return "With return_sequences=True it returns every time step, keeping the time axis."
    return ""
