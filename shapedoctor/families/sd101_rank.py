"""SD101 wrong-rank: a layer received a tensor with the wrong number of axes.

Example of the bug::

    layers.Dense(1),        # (None, 1): rank 2
    layers.LSTM(64),        # needs (None, steps, features): rank 3
"""

from shapedoctor.families.base import Family, register


def short_permute(ctx) -> tuple | None:
    """The full ``dims`` of a Permute given fewer axes than its input has, ``(2, 1)`` on a 4-D map:
    the given order, then the axes it leaves out in place, ``(2, 1, 3)`` (keras-team/keras #3507)."""
    got = ctx.shape_in()
    if ctx.consumer_cls != "Permute" or got is None:
        return None
    dims = tuple(ctx.config_of(ctx.consumer).get("dims") or ())
    axes = len(got) - 1
    if not dims or len(dims) >= axes or sorted(dims) != list(range(1, len(dims) + 1)):
        return None
    return dims + tuple(range(len(dims) + 1, axes + 1))


def fixes(ctx):
    """Candidates for a rank mismatch: add or remove axes where they went missing."""
    from shapedoctor.diagnosis.context import RECURRENT, needed_rank
    from shapedoctor.repair import generators as g

    need, got = needed_rank(ctx), ctx.shape_in()
    if need is None or got is None:
        return
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.loop_head import head_out_of_loop

    head = head_out_of_loop(ctx.graph, ctx.consumer)
    if head is not None:
        # The previous pass of the loop changed the rank in the body's last lines: a head indented
        # into the loop. Run it once, after the loop.
        yield Candidate(f"move lines {head.first_line}-{head.last_line} out of the loop: they run on every pass, "
                        f"and the next pass's {ctx.consumer_cls} gets their output", [head], cost=1)
    rank, feat = len(got), tuple(got[1:])
    dims = short_permute(ctx)
    if dims is not None:
        # Permute's dims name every non-batch axis: (2, 1) swaps the first two of a 3-axis input only.
        from shapedoctor.repair.edits import SetConfig

        yield Candidate(f"name every axis in Permute: dims={dims} (the axes it leaves in place too)",
                        [SetConfig(ctx.consumer.layer, {"dims": dims})], cost=1)
        return
    prod = ctx.shaping_producer(ctx.producer())
    if ctx.consumer_cls == "TimeDistributed" and rank == need:
        # The wrapped layer got one axis too few because the wrapper took the first axis as time:
        # the tensor lacks its time axis (right after the batch axis), not a trailing one.
        yield from g.declare_from_scope_data(ctx, prod, got, need + 1)
        if prod is not None and prod.kind == "input":
            yield from g.declare_input(ctx, prod, (got[0], None) + feat, cost=2,
                                       why=" (add the time axis TimeDistributed steps over)")
        return
    known = None not in feat
    if rank < need:
        missing = need - rank
        variant = lower_variant(ctx)
        if variant is not None:
            yield variant
        from shapedoctor.diagnosis.rank_origin import origin_fixes, rank_origin

        origin = rank_origin(ctx)
        if origin is not None and origin is not prod:
            yield from origin_fixes(ctx, origin, need)  # where the axis was lost, above rank-keeping layers
        if missing == 1:
            yield from g.return_sequences(ctx, prod, True)
            yield from g.return_sequences_chain(ctx, prod)
        yield from g.remove_flattener(ctx, prod)
        yield from _image_from_flat_input(ctx, prod, got, need)
        yield from g.declare_from_scope_data(ctx, prod, got, need)
        yield from _axis_on_declared_data(ctx, prod, got, missing)
        pointwise = _pointwise_convolution(ctx)
        if prod is not None and prod.kind == "input" and not pointwise:
            yield from g.declare_input(ctx, prod, tuple(got) + (1,) * missing, why=" (add the missing axis)")
            if missing == 1 and ctx.consumer_cls in RECURRENT and rank >= 3:
                # A recurrent convolution (or RNN) steps over axis 1: each sample is one step of the
                # grid it was declared as (a Conv2D model switched to ConvLSTM2D).
                yield from g.declare_input(ctx, prod, (got[0], 1) + feat, cost=2,
                                           why=" (a time axis of one step before the declared grid)")
        if prod is not None and prod.kind == "data":
            yield from _data_axis(ctx, prod, got, missing)
            if missing == 1 and _one_declared_sample(ctx, got):
                return  # one sample without its batch axis: a layer inserted would read its features as samples
        if missing == 1 and rank == 2 and need == 3:
            cfg = ctx.config_of(ctx.consumer)
            steps = _upstream_steps(ctx) or next((cfg[k] for k in ("units", "filters") if isinstance(cfg.get(k), int)),
                                                 ctx.extra.get("default_steps", 10))
            recurrent = ctx.consumer_cls in RECURRENT
            yield g.insert(ctx, "RepeatVector", steps, why="repeat the vector as a sequence", cost=2 if recurrent else 3,
                           note=f"RepeatVector({steps}) makes {steps} time steps of the same vector; pick the number of steps you need")
        if known and pointwise:
            # A kernel of size 1 on one channel only scales one number per position: the last axis
            # (xyz, features) is what it mixes, so the axis of size 1 is a spatial one, in front (r926).
            yield g.insert(ctx, "Reshape", (1,) * missing + feat,
                           why=f"add a spatial axis of size 1 in front: the {ctx.consumer_cls}'s 1-wide kernel mixes "
                               f"the last axis ({feat[-1]} values) at each position")
        elif known:
            what = "channel" if need >= 4 else "feature"
            yield g.insert(ctx, "Reshape", feat + (1,) * missing, why=f"add a {what} axis of size 1")
            if missing == 1 and rank == 2 and need == 3:
                yield g.insert(ctx, "Reshape", (1,) + feat, why="make the vector a sequence of one step", cost=3)
    else:
        if _declares_whole_array(ctx, prod, got):
            # `input_shape=X.shape`: the sample count became an axis of each sample. Reshaping or
            # pooling that axis away would train on batches of whole arrays; only one sample's
            # shape is right.
            yield from g.declare_from_scope_data(ctx, prod, got, need)
            return
        extra = rank - need
        if extra == 1 and got[-1] == 1 and prod is not None and prod.kind == "data":
            yield from _axis_added_twice(ctx, prod, got)
        wider = _wider_global_pooling(ctx, got, need)
        if wider is not None:
            yield wider
        wrap = per_frame_candidate(ctx)
        if wrap is not None:
            yield wrap
        if extra == 1:
            yield from g.return_sequences(ctx, prod, False)
        if need == 2:
            yield g.insert(ctx, "Flatten", why="flatten the extra axes")
            if 3 <= rank <= 5:
                yield g.insert(ctx, f"GlobalAveragePooling{rank - 2}D", why="pool the extra axes away")
        elif known:
            tail = 1
            for d in feat[need - 2 :]:
                tail *= d
            yield g.insert(ctx, "Reshape", feat[: need - 2] + (tail,), why="merge the trailing axes into features")
            merged = 1
            for d in feat[: extra + 1]:
                merged *= d
            yield g.insert(ctx, "Reshape", (merged,) + feat[extra + 1 :], why="merge the leading axes")
        yield from g.declare_from_scope_data(ctx, prod, got, need)
        if prod is not None and prod.kind == "input":
            squeezed = tuple(got[:-1]) if got[-1] == 1 else None
            if squeezed:
                yield from g.declare_input(ctx, prod, squeezed)


WRAPPERS = ("TimeDistributed", "Bidirectional")


def _pointwise_convolution(ctx) -> bool:
    """The refusing layer is a convolution whose kernel is 1 wide on every axis (a per-position mix of
    the channels, PointNet's shared MLP)."""
    if not ctx.consumer_cls.startswith("Conv") or "Transpose" in ctx.consumer_cls:
        return False
    size = ctx.config_of(ctx.consumer).get("kernel_size")
    return isinstance(size, (tuple, list)) and bool(size) and all(k == 1 for k in size)


def frames_upstream(ctx) -> bool:
    """The consumer got one axis more than it takes, and the program already runs layers per step
    of that axis: a ``TimeDistributed`` layer above it (data flow). Then the extra axis is the
    time axis the user meant to keep, and this layer was left unwrapped (a ``Conv2D`` between
    ``TimeDistributed(Conv2D)`` and ``TimeDistributed(MaxPooling2D)``)."""
    from shapedoctor.diagnosis.context import needed_rank

    got, need = ctx.shape_in(), needed_rank(ctx)
    if got is None or need is None or len(got) != need + 1 or need < 3 or ctx.consumer_cls in WRAPPERS:
        return False
    return any(ctx.cls_of(n) == "TimeDistributed" for n in ctx.graph.upstream(ctx.consumer) if n.kind == "layer")


def per_frame_candidate(ctx):
    """Run the consumer once per step of the extra leading axis: ``TimeDistributed(<the user's layer>)``.

    Offered when the input has exactly one axis too many (right after the batch axis: frames of a
    clip, steps of a sequence); first-ranked when a TimeDistributed layer above already steps over
    that axis (:func:`frames_upstream`). Returns the candidate, or None."""
    from shapedoctor.diagnosis.context import needed_rank
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import ReplaceLayer

    got, need = ctx.shape_in(), needed_rank(ctx)
    if got is None or need is None or len(got) != need + 1 or need < 3 or ctx.consumer_cls in WRAPPERS:
        return None
    if ctx.consumer is None or ctx.consumer.kind != "layer" or not ctx.consumer.layer:
        return None
    name = ctx.graph.spec(ctx.consumer).name
    return Candidate(f"run {name} once per step of axis 1 (size {got[1]}): wrap it in TimeDistributed",
                     [ReplaceLayer(ctx.consumer.id, "TimeDistributed", wrap=True)], cost=1 if frames_upstream(ctx) else 3)


def _wider_global_pooling(ctx, got, need):
    """A global pooling given one axis more than it pools (``GlobalAveragePooling2D`` after a
    ``TimeDistributed`` image model: (None, frames, h, w, c)): the same pooling one dimension higher pools
    the frames too (``GlobalAveragePooling3D``, as the TensorFlow video tutorial writes it). First when a
    TimeDistributed layer above made that axis; else an alternative. Returns the candidate, or None."""
    import re

    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import ReplaceLayer

    match = re.fullmatch(r"Global(Average|Max)Pooling([12])D", ctx.consumer_cls or "")
    if match is None or got is None or need is None or len(got) != need + 1:
        return None
    new_cls = f"Global{match.group(1)}Pooling{int(match.group(2)) + 1}D"
    config = {k: v for k, v in ctx.config_of(ctx.consumer).items() if k != "name"}
    return Candidate(f"pool the extra axis too: use {new_cls} instead of {ctx.consumer_cls} (same arguments)",
                     [ReplaceLayer(ctx.consumer.id, new_cls, (), config, renamed=True)],
                     cost=1 if frames_upstream(ctx) else 2)


_SPATIAL_KEYS = ("kernel_size", "strides", "dilation_rate", "pool_size", "size", "cropping", "padding")


def lower_variant(ctx):
    """The consumer written for one spatial axis too many: ``Conv2D`` on ``(None, 500, 1)``.

    The input lacks one axis, but adding it would make an "image" with an axis of size 1, where a
    2-D window slides along one axis only: a 1-D layer in disguise. Sequence data,
    ``(steps, channels)``, is convolved or pooled by the 1-D variant of the same layer, with the
    same arguments (the rule follows from the shapes: a received axis of size 1 among the axes
    that would become spatial). Returns the candidate, or None."""
    import re

    from shapedoctor.diagnosis.context import needed_rank
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import ReplaceLayer, layer_class

    got, need, cls = ctx.shape_in(), needed_rank(ctx), ctx.consumer_cls
    if ctx.data_shape is not None or (got and got[0] is not None):
        return None  # data fed to a model built from it: (28, 28, 1) is one image short of its batch axis
    match = re.fullmatch(r"(\w*?)([123])D(\w*)", cls or "")
    if got is None or need is None or match is None or need - len(got) != 1 or len(got) < 3:
        return None
    dims, new_dims = int(match.group(2)), len(got) - 2
    if dims != need - 2 or 1 not in tuple(got[1:]):
        return None
    new_cls = f"{match.group(1)}{new_dims}D{match.group(3)}"
    try:
        layer_class(new_cls)
    except Exception:  # noqa: BLE001 - no such layer in keras.layers
        return None
    config = dict(ctx.config_of(ctx.consumer))
    for key in _SPATIAL_KEYS:
        value = config.get(key)
        if isinstance(value, (list, tuple)):
            if len(value) != dims or len(set(map(repr, value))) != 1:
                return None  # an anisotropic window has no 1-D equivalent
            config[key] = tuple(value[:1]) * new_dims
    config.pop("name", None)
    return Candidate(f"{ctx.graph.spec(ctx.consumer).name} works on {new_dims}-D data {got}: use {new_cls} "
                     f"instead of {cls} (same arguments)",
                     [ReplaceLayer(ctx.consumer.id, new_cls, (), config, renamed=True)], cost=1)


def _declares_whole_array(ctx, node, got) -> bool:
    """The Input declares, per sample, the full shape (sample axis included) of an array in scope."""
    if node is None or node.kind != "input":
        return False
    shapes = {tuple(shape) for shape in ctx.extra.get("scope_data", {}).values()}
    return tuple(got[1:]) in shapes


def declared_data(ctx, node, got):
    """The array an ``Input`` declaration was read from (``input_shape=X.shape[1:]``), when that
    array is in the script's scope with exactly the declared sample shape (it lacks the axis the
    layer needs; the declaration only copied it). None otherwise."""
    from shapedoctor.repair.declared_from_data import read_from

    if node is None or node.kind != "input":
        return None
    spec = ctx.graph.spec(node)
    site = spec.created if spec else node.called
    found = read_from(site.file, site.line) if site else None
    if found is None:
        return None
    shape = ctx.extra.get("scope_data", {}).get(found.var)
    if shape is None or len(shape) != len(got) or tuple(shape[1:]) != tuple(got[1:]):
        return None
    return found


def flat_image_layout(size: int) -> tuple[int, int, int] | None:
    """The square image (side, side, channels) whose pixels a flat row of *size* values holds, with
    one (grayscale) or three (RGB) channels: 784 -> (28, 28, 1), 3072 -> (32, 32, 3). None when
    *size* is no such square (then the layout is not evident from the size alone)."""
    import math

    for channels in (1, 3):
        if size % channels:
            continue
        side = math.isqrt(size // channels)
        if side >= 4 and side * side * channels == size:
            return side, side, channels
    return None


def _image_from_flat_input(ctx, node, got, need):
    """A model input declared as one flat row (``input_shape=(784,)``) that a 2-D convolution reads:
    images stored as rows of pixels (MNIST/CIFAR read from CSV). The expert lays each row out as the
    image it was, with ``Reshape((28, 28, 1))`` as the model's first layer: every value kept, no
    sample changes, and the rest of the model untouched. Offered only for a declared input whose
    width is a square number of pixels times 1 or 3 channels; Keras verifies the rest of the stack
    on that image (a ``Reshape((784, 1, 1))`` strip is what a 3x3 window cannot slide over). When the
    script already holds arrays of that image shape, the declaration is what flattened them: it is
    declared as one of their samples instead (``input_shape=x.shape[1:]``)."""
    if node is None or node.kind != "input" or need != 4 or len(got) != 2 or not isinstance(got[1], int):
        return
    layout = flat_image_layout(got[1])
    if layout is None:
        return
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetShape

    side, _, channels = layout
    images = sorted(name for name, shape in ctx.extra.get("scope_data", {}).items() if tuple(shape[1:]) == layout)
    if images:
        # The script already holds the images in that layout: the declaration alone flattened them.
        yield Candidate(f"declare the input as shape={layout}, the shape of one image of `{images[0]}`",
                        [SetShape(node.id, (None,) + layout, written_as=f"{images[0]}.shape[1:]")], cost=1)
        return
    yield g.insert(ctx, "Reshape", layout, cost=1, why=f"lay each row of {got[1]} values out as the {side}x{side} "
                                                        f"{'grayscale' if channels == 1 else 'RGB'} image it holds")


def _axis_on_declared_data(ctx, node, got, missing):
    """``X = np.expand_dims(X, -1)`` before the line that reads ``X.shape[1:]`` into the declaration:
    the data gets the axis the layer needs and the declaration follows by itself."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import DataTransform

    found = declared_data(ctx, node, got)
    if found is None:
        return
    how = "np.expand_dims({x}, -1)" if missing == 1 else "{x}.reshape({x}.shape + " + str((1,) * missing) + ")"
    shape = tuple(got) + (1,) * missing
    yield Candidate(f"add the missing axis to `{found.var}`, which `{found.expr}` declares: {how.format(x=found.var)}",
                    [DataTransform(how, shape, None, node.id, before=tuple(got),
                                   read_at=(found.file, found.line, found.var))], cost=1, tags=["data"])


def _axis_added_twice(ctx, node, got):
    """The line that made the data gives an array a trailing axis of size 1 (``X[..., np.newaxis]``,
    ``np.expand_dims(X, -1)``) that the array already ends with: ``X`` holds (N, 28, 28, 1) and the data
    reaches the model as (N, 28, 28, 1, 1). Evidence: the script's own array has exactly the sample
    shape the data has without that axis. The fix writes the array without the added axis on that line
    (for a tf.data pipeline, inside its ``from_tensor_slices``), every value and sample kept."""
    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import DataTransform

    site = ctx.extra.get("data_site")
    var = argument_name(site, 0, "x") if site is not None else None
    line = assignment_line(site, var) if var else None
    found = data_origin.added_axis_edit(site.file, line) if line else None
    if found is None:
        return
    inner, edit = found
    shape = ctx.extra.get("scope_data", {}).get(inner)
    if shape is None or tuple(shape[1:]) != tuple(got[1:-1]):
        return
    yield Candidate(f"do not add an axis of size 1 to `{inner}`, which already ends with one: {edit[4]}",
                    [DataTransform("np.squeeze({x}, -1)", tuple(got[:-1]), site, node.id, before=tuple(got),
                                   labels=ctx.extra.get("labels_count"), line_edit=(site.file,) + edit)],
                    cost=1, tags=["data"])


def _one_declared_sample(ctx, got) -> bool:
    """*got* is exactly one sample of the shape Keras's message asked for, without its batch axis
    (``Expected shape (None, 4)``, received ``(4,)``)."""
    declared = ctx.expected_shape
    return declared is not None and len(declared) == len(got) + 1 and tuple(got) == tuple(declared[1:])


def _data_axis(ctx, node, got, missing):
    """The data given the axes it lacks: a batch axis for one sample, or a trailing feature/channel axis.

    A model built from the first batch fit gave it sees that batch (*got*); the samples and pairing
    invariants are judged on the whole array the call was given (``data_whole``). A vector of
    scalars (one value per sample) gets its feature axis as ``x.reshape(-1, 1)``, the idiom numpy and
    scikit-learn users write for it."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import DataTransform

    site = ctx.extra.get("data_site")
    whole = ctx.extra.get("data_whole")
    if not whole or len(whole) != len(got) or tuple(whole[1:]) != tuple(got[1:]):
        whole = None
    options = []
    if missing == 1:
        # A single sample passed without its batch axis looks like (h, w, channels).
        batch_first = len(got) >= 3 and got[-1] in (1, 3, 4)
        # A vector given where nothing pairs it with labels or declares a width (a layer called by hand
        # before any model was built): one sample is as likely as many samples of one value; a batch of
        # one keeps its length as the width.
        batch_first = batch_first or (len(got) == 1 and ctx.extra.get("labels_count") is None
                                      and ctx.declared_shape is None and ctx.expected_shape is None)
        options.append(("np.expand_dims({x}, 0)", lambda s: (1,) + tuple(s), "add the missing batch axis (one sample)",
                        1 if batch_first else 2))
        last = "{x}.reshape(-1, 1)" if len(got) == 1 else "np.expand_dims({x}, -1)"
        if not _one_declared_sample(ctx, got):  # exactly one declared sample: a last axis would read its features as samples
            options.append((last, lambda s: tuple(s) + (1,), "add the missing last axis to the data",
                            2 if batch_first else 1))
    else:
        options.append(("{x}.reshape({x}.shape + " + str((1,) * missing) + ")", lambda s: tuple(s) + (1,) * missing,
                        "add the missing axes to the data", 1))
    labels = ctx.extra.get("labels_count")
    for how, grown, why, cost in options:
        edit = DataTransform(how, grown(got), site, node.id, before=tuple(whole or got), labels=labels,
                             whole=grown(whole) if whole else None)
        yield Candidate(f"{why}: {how.format(x='x')}", [edit], cost=cost, tags=["data"])


FAMILY = register(
    Family(
        id="SD101",
        slug="wrong-rank",
        title="A layer received a tensor with the wrong number of axes (rank)",
        what=(
            "The layer checks how many axes its input has (its InputSpec `ndim` or `min_ndim`) "
            "and the incoming tensor has more or fewer."
        ),
        why=(
            "The rank is the number of axes of a tensor, counting the batch axis, which Keras "
            "prints as `None` because the batch size is only known at run time. Dense works on "
            "the last axis whatever the rank, but recurrent layers (LSTM, GRU, SimpleRNN) and "
            "Conv1D need three axes (batch, steps, features), Conv2D and the 2D pooling layers "
            "need four (batch, height, width, channels). A Dense or a Flatten before them "
            "leaves only two; grayscale images loaded as (N, 28, 28) lack the channel axis."
        ),
        example="layers.Dense(1),\nlayers.LSTM(64),",
        use_instead="layers.Dense(1),\nlayers.RepeatVector(64),   # (None, 64, 1): 64 steps of 1 feature\nlayers.LSTM(64),",
        suggestions=(
            "give the sequence layer a time axis: `RepeatVector(n)` or `Reshape((steps, features))` before it",
            "keep the time axis upstream: `return_sequences=True` on the previous recurrent layer",
            "add the missing channel axis to images: `Reshape((h, w, 1))` or `np.expand_dims(x, -1)`",
            "drop the axes a Dense head does not need: `Flatten()` or `GlobalAveragePooling1D/2D()`",
        ),
        fixes=fixes,
    )
)


def _upstream_steps(ctx) -> int | None:
    """The number of steps of the nearest sequence upstream of the vector: an encoder-decoder repeats
    its encoding once per step of the sequence it encoded (``Input((timesteps, f))`` -> LSTM ->
    ``RepeatVector(timesteps)``), not once per unit of the layer that comes next."""
    graph = ctx.graph
    seen: set[str] = set()
    todo = list(ctx.consumer.input_ids())
    while todo:
        tensor = todo.pop(0)
        if tensor in seen:
            continue
        seen.add(tensor)
        shape = graph.tensors[tensor].shape if tensor in graph.tensors else None
        if shape is not None and len(shape) == 3 and isinstance(shape[1], int) and shape[1] > 1:
            return shape[1]
        node = graph.producer(tensor)
        if node is not None:
            todo.extend(node.input_ids())
    return None

