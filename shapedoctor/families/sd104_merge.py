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
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import InsertLayer

    twice = _embedded_twice(ctx)
    if twice is not None:
        # A layer that embeds its token ids itself, given vectors an Embedding already made from the ids
        # (Transformer4keras #4): the extra Embedding goes; resizing anything would embed twice still.
        from shapedoctor.repair.edits import RemoveNode

        yield Candidate(f"{g.name(ctx, ctx.consumer)} embeds the token ids itself: remove {g.name(ctx, twice)} and "
                        "give it the ids", [RemoveNode(twice.id)], cost=1)
        return
    shapes = ctx.received
    if len(shapes) < 2 or any(s is None for s in shapes):
        return
    cls = ctx.consumer_cls
    ref = shapes[0]
    scalars = scalar_inputs(ctx)
    if scalars is not None:
        # Every one-value-per-sample branch starts at an Input(shape=()) made on one line (a loop over
        # a table's columns): declaring them with a feature axis there fixes all of them at once.
        from shapedoctor.repair.edits import SetShape

        yield Candidate("declare the inputs made at that line with a feature axis: shape=(1,)",
                        [SetShape(node.id, (None, 1)) for node in scalars], cost=1)
    units = declared_unit_axes(ctx)
    if units is not None:
        # Several ids per sample declared with a length-1 axis on one line (a loop over a table's categorical
        # columns), each then embedded: declaring one value per sample there fixes every embedding at once.
        from shapedoctor.repair.edits import SetShape

        yield Candidate("declare the ids made at that line as one value per sample: shape=() (each embedding is "
                        "then a vector)", [SetShape(node.id, (None,)) for node in units], cost=1)
    if joins_off_the_last_axis(ctx):
        # The branches agree everywhere but on their channels: the merge axis is the mistake. Making
        # the branches' channels equal would "build" too, but stack the maps along a spatial (or time)
        # axis, a valid-looking model that mixes positions: that fix is not offered.
        from shapedoctor.repair.candidate import Candidate
        from shapedoctor.repair.edits import SetConfig, SetShape

        join = SetConfig(ctx.consumer.layer, {"axis": -1})
        declared = declared_channels_first(ctx)
        if declared is not None:
            # The whole model was written for channels-first images: its channels-last convolutions
            # slide over the colour axis as if it were image rows. Joining along the last axis alone
            # would build that model; the declaration must move its channels last too.
            node, shape = declared
            yield Candidate(f"declare the input channels-last, shape={tuple(shape[1:])}, and join along the last "
                            f"axis: axis=-1 on {g.name(ctx, ctx.consumer)}", [SetShape(node.id, shape), join], cost=1)
            return
        yield Candidate(f"join along the last (feature) axis: axis=-1 on {g.name(ctx, ctx.consumer)}", [join], cost=1)
        return
    from shapedoctor.families.sd104_sequence import repeat_fixes, vector_to_repeat

    low = vector_to_repeat(ctx)
    if low is not None:
        # The merged tensor is read as a sequence next: reducing the sequence would pass the merge and
        # break that reader, so only the repeat of the vector is offered.
        yield from repeat_fixes(ctx, low)
        return
    yield from permuted_width(ctx, shapes)
    gate = channels_first_gate(ctx)
    if gate is not None:
        # A (1, 1, C) gate (squeeze-and-excitation) on a channels-first (C, H, W) map: its channels must
        # come first. Resizing the gate to the map's last axis would also "build" and scale the columns.
        rank = len(shapes[gate]) - 1
        order = (rank,) + tuple(range(1, rank))
        yield g.insert(ctx, "Permute", order, why=f"put input {gate}'s channels first, like the channels-first map",
                       cost=1, input_index=gate)
        return
    from shapedoctor.families.sd104_branches import broadcast_fixes, broadcast_width_source

    # (a Concatenate never broadcasts: a (1, 1, C) vector joined to a map needs the map's size, not its width)
    vector = broadcast_width_source(ctx) if cls != "Concatenate" else None
    if vector is not None:
        # A (1, 1, C) vector (time/class embedding, gate) added to a map: the map has the network's width.
        yield from broadcast_fixes(ctx, vector)
        return
    yield from _pooled_kernel_branches(ctx, shapes)
    odd = odd_map(ctx)
    shrunk = spatial_shrinkers(ctx, odd) if odd is not None else []
    if shrunk:
        # One branch of several (an Inception block's pooling path) shrank its map alone: keep its size.
        from shapedoctor.repair.edits import SetConfig as SetPadding

        yield Candidate('keep the spatial size like the other branches: padding="same" on '
                        + ", ".join(g.name(ctx, n) for n in shrunk), [SetPadding(n.layer, {"padding": "same"})
                                                                        for n in shrunk], cost=1)
        return
    yield from _spatial(ctx, shapes)
    for i, shape in enumerate(shapes[1:], start=1):
        if shape == ref:
            continue
        prod = ctx.shaping_producer(ctx.producer(i))
        ref_prod = ctx.shaping_producer(ctx.producer(0))
        if len(shape) == len(ref):
            if shape[-1] != ref[-1] and (cls != "Concatenate" or ref[1:-1] == shape[1:-1]):
                yield from g.set_width(ctx, prod, ref[-1])
                if cls != "Concatenate" and 3 <= len(shape) <= 5 and shape[1:-1] == ref[1:-1]:
                    yield _projection_shortcut(ctx, (ref, shape), i)
                yield from g.set_width(ctx, ref_prod, shape[-1], cost=2)
                if cls != "Concatenate" and not 3 <= len(shape) <= 5:
                    yield g.insert(ctx, "Dense", ref[-1], why=f"project input {i} to {ref[-1]} features",
                                   cost=3, input_index=i)
        if len(shape) != len(ref) and min(len(shape), len(ref)) == 1 and max(len(shape), len(ref)) == 2:
            # One value per sample (only the batch axis) joined with feature vectors: give it its
            # feature axis; reducing the other input would throw its features away.
            low = i if len(shape) == 1 else 0
            yield g.insert(ctx, "Reshape", (1,), why=f"give input {low} a feature axis", cost=1, input_index=low)
            yield from g.declare_input(ctx, ctx.shaping_producer(ctx.producer(low)), (None, 1), cost=2)
            continue
        if len(shape) != len(ref):
            higher = i if len(shape) > len(ref) else 0
            unit = declared_unit_axis(ctx, higher)
            if unit is not None:
                # An id per sample declared with a length-1 axis, then embedded: declare one value per
                # sample, or flatten the (1, d) embedding (nothing to pool over one step).
                yield from g.declare_input(ctx, unit, (None,), cost=1,
                                           why=" (one value per sample: the embedding is then a vector)")
                yield g.insert(ctx, "Flatten", why=f"flatten input {higher} (its length-1 axis)", cost=2,
                               input_index=higher)
                continue
            yield from g.return_sequences(ctx, ctx.shaping_producer(ctx.producer(higher)), False)
            low = min(len(shape), len(ref))
            hi_shape = shape if higher == i else ref
            if len(hi_shape) == low + 1 and 3 <= len(hi_shape) <= 5:
                yield g.insert(ctx, f"GlobalAveragePooling{len(hi_shape) - 2}D", why=f"pool input {higher}",
                               cost=2, input_index=higher)
            first = first_dense_on_map(ctx, higher)
            if first is not None and len(hi_shape) > low:
                # Dense layers applied per position since the feature map: flatten/pool where the
                # map meets its first Dense, not at the merge (that would leave them per pixel).
                for what, layer in (("flatten", "Flatten"), ("pool", f"GlobalAveragePooling{len(hi_shape) - 2}D")):
                    if layer == "Flatten" or 3 <= len(hi_shape) <= 5:
                        yield Candidate(f"{what} the feature map before its first Dense: insert {layer}() before "
                                        f"{g.name(ctx, first)}", [InsertLayer(first.id, layer, (), {}, 0)], cost=2)
        if cls == "Concatenate":
            if len(shape) > 2:
                yield g.insert(ctx, "Flatten", why=f"flatten input {i}", cost=3, input_index=i)
            if len(ref) > 2:
                yield g.insert(ctx, "Flatten", why="flatten input 0", cost=3, input_index=0)


def permuted_width(ctx, shapes):
    """The fix of :func:`permuted_source`: that layer gives the other input's size."""
    from shapedoctor.repair import generators as g

    source = permuted_source(ctx, shapes)
    if source is not None:
        yield from g.set_width(ctx, *source)


def permuted_source(ctx, shapes=None):
    """(layer, size) when two inputs differ on one inner axis and one branch ends in a ``Permute``
    that brought that axis from its input's last (feature) axis: the layer that made those
    features (a token-mixing MLP's last ``Dense``) should give the other input's size there."""
    shapes = ctx.received if shapes is None else shapes
    if len(shapes) != 2 or any(s is None for s in shapes) or len(shapes[0]) != len(shapes[1]):
        return None
    for i in (0, 1):
        shape, other = shapes[i], shapes[1 - i]
        axes = [a for a in range(1, len(shape)) if shape[a] != other[a]]
        if len(axes) != 1 or axes[0] == len(shape) - 1 or shape[axes[0]] is None or other[axes[0]] is None:
            continue
        node = ctx.shaping_producer(ctx.producer(i))
        dims = tuple(ctx.config_of(node).get("dims") or ()) if ctx.cls_of(node) == "Permute" else ()
        if len(dims) != len(shape) - 1 or dims[axes[0] - 1] != len(shape) - 1 or not node.input_ids():
            continue
        features = ctx.shaping_producer(ctx.graph.producer(node.input_ids()[0]))
        if features is not None and features.kind == "layer":
            return features, other[axes[0]]
    return None


def joins_off_the_last_axis(ctx) -> bool:
    """A Concatenate told to join along an axis other than the last, of inputs (rank >= 3, all the
    same rank) that agree on every axis except the last: joined along the last axis they fit, so the
    `axis` argument is the mistake (a channels-first habit, `axis=1`, on channels-last maps)."""
    shapes = ctx.received
    if ctx.consumer_cls != "Concatenate" or len(shapes) < 2 or any(s is None for s in shapes):
        return False
    rank = len(shapes[0])
    if rank < 3 or any(len(s) != rank for s in shapes):
        return False
    axis = ctx.config_of(ctx.consumer).get("axis", -1)
    if not isinstance(axis, int) or axis % rank == rank - 1:
        return False
    inner = {tuple(s[1:-1]) for s in shapes}
    return len(inner) == 1 and None not in next(iter(inner)) and len({s[-1] for s in shapes}) > 1


def declared_channels_first(ctx):
    """(input node, channels-last shape) when the model's one input is declared channels-first,
    ``(3, H, W)``, while every convolution and pooling of the graph reads channels-last maps: a model
    ported from channels-first code (Theano, PyTorch) that moved neither its input nor its merge axis."""
    from shapedoctor.families.sd105_shrink import channels_first_input

    if len([n for n in ctx.graph.nodes if n.kind == "input"]) != 1:
        return None
    declared = channels_first_input(ctx)
    if declared is None or len(declared[1]) != 4:
        return None
    formats = [spec.config.get("data_format") for spec in ctx.graph.layers.values()
               if "Conv" in spec.cls or "Pooling" in spec.cls]
    if not formats or any(f != "channels_last" for f in formats):
        return None
    node, shape = declared
    return node, (shape[0],) + tuple(shape[2:]) + (shape[1],)


def first_dense_on_map(ctx, index):
    """Walking back from merge input *index* through Dense and pass-through layers: the first Dense
    of that chain when it was applied to a tensor of more than two axes (a feature map or a
    sequence: Dense then works per position). None when the chain has no such Dense."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    node, first = ctx.producer(index), None
    while node is not None and node.kind == "layer":
        cls = ctx.cls_of(node)
        if cls == "Dense":
            first = node
        elif cls not in PASS_THROUGH:
            break
        ids = node.input_ids()
        shape = ctx.graph.tensors[ids[0]].shape if ids else None
        if shape is None or len(shape) <= 2:
            return None
        node = ctx.graph.producer(ids[0])
    return first


def channels_first_gate(ctx) -> int | None:
    """The input index of a channels-last (1, 1, C) gate merged with a channels-first map, or None."""
    return _channels_first_gate(ctx.received) if _channels_first(ctx) and ctx.received else None


def _channels_first(ctx) -> bool:
    """Some layer of the graph reads its maps channels-first (``data_format="channels_first"``)."""
    return any(spec.config.get("data_format") == "channels_first" for spec in ctx.graph.layers.values())


def _channels_first_gate(shapes) -> int | None:
    """The input shaped (1, ..., 1, C) merged with a (C, H, W) map whose last axis is not C: a gate
    made channels-last for a channels-first map (the channels are on the map's first axis)."""
    for i, gate in enumerate(shapes):
        inner = tuple(gate[1:])
        if len(inner) < 2 or any(d != 1 for d in inner[:-1]) or inner[-1] in (None, 1):
            continue
        maps = [tuple(s[1:]) for j, s in enumerate(shapes) if j != i]
        if maps and all(len(m) == len(inner) and m[0] == inner[-1] and m[-1] != inner[-1] for m in maps):
            return i
    return None


def _projection_shortcut(ctx, shapes, i):
    """A residual over feature maps whose widths differ: the expert projects the shortcut (the
    input made earlier, which skipped the branch's layers) with a 1x1 convolution to the width of
    the branch (ResNet's projection shortcut), rather than changing the width the branch was
    designed with."""
    from shapedoctor.repair import generators as g

    order = {n.id: k for k, n in enumerate(ctx.graph.nodes)}
    made = [order.get(getattr(ctx.producer(j), "id", None), -1) for j in (0, i)]
    short = 0 if made[0] < made[1] else i  # the input produced first is the shortcut
    width = shapes[1][-1] if short == 0 else shapes[0][-1]
    rank = len(shapes[0]) - 2
    return g.insert(ctx, f"Conv{rank}D", width, 1, why=f"project the shortcut (input {short}) to {width} channels",
                    cost=2, input_index=short)


def _embedded_twice(ctx):
    """The Embedding node that turned integer ids into the vectors a layer of the user's own refused, when that
    layer holds an Embedding of its own (it embeds ids itself); else None."""
    import keras

    spec = ctx.graph.spec(ctx.consumer)
    live = spec.live if spec is not None else None
    if live is None or type(live).__module__.startswith("keras") or len(ctx.consumer.input_ids()) != 1:
        return None
    if not any(isinstance(v, keras.layers.Embedding) for v in vars(live).values()):
        return None
    made = ctx.shaping_producer(ctx.producer(0))
    if made is None or ctx.cls_of(made) != "Embedding" or not made.input_ids():
        return None
    ids = ctx.graph.tensors.get(made.input_ids()[0])
    return made if ids is not None and "int" in str(ids.dtype) else None


def _pooled_kernel_branches(ctx, shapes):
    """A Kim-style text CNN: parallel Conv1D branches of different kernel sizes over one sequence, joined
    on the feature axis while their valid outputs still have different lengths. Each branch is meant to be
    max-pooled over time into one vector first (the branches' lengths differ by design, so "same" padding
    would keep per-step maps the classifier does not read): GlobalMaxPooling1D on each input."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import InsertLayer

    if ctx.consumer_cls != "Concatenate" or len(shapes) < 2 or any(len(s) != 3 for s in shapes) \
            or len({s[1] for s in shapes}) < 2 or ctx.config_of(ctx.consumer).get("axis") not in (-1, 2):
        return
    convs = [ctx.shaping_producer(ctx.producer(i)) for i in range(len(shapes))]
    if any(n is None or ctx.cls_of(n) != "Conv1D" for n in convs):
        return
    sources = {tuple(n.input_ids()) for n in convs}
    kernels = [tuple(ctx.config_of(n).get("kernel_size") or ()) for n in convs]
    if len(sources) != 1 or len(set(kernels)) != len(kernels):
        return
    from shapedoctor.repair import generators as g

    yield Candidate("pool each branch over time before joining them: insert GlobalMaxPooling1D() on each input of "
                    f"{g.name(ctx, ctx.consumer)}", [InsertLayer(ctx.consumer.id, "GlobalMaxPooling1D", (), {}, i)
                                              for i in range(len(shapes))], cost=1)


def _spatial(ctx, shapes):
    """Feature maps of different spatial sizes (e.g. U-Net skips after valid convolutions)."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    if len(shapes) != 2 or len(shapes[0]) not in (3, 4, 5) or len(shapes[0]) != len(shapes[1]):
        return
    a, b = shapes
    if a[1:-1] == b[1:-1] or None in a[1:-1] or None in b[1:-1]:
        return
    from shapedoctor.families.sd104_rounding import input_size_fixes, rounded_skip

    rounded = rounded_skip(ctx)
    if rounded is not None:
        # Both maps sit at one scale of the input; a pooling rounded an odd size. The input size is
        # the cause: no branch pooled on its own, so only a crop of the pixel is offered after it.
        yield from input_size_fixes(ctx, rounded)
        yield from _crop_larger(ctx, shapes, 0 if a[1:-1] < b[1:-1] else 1)
        return
    small = 0 if a[1] < b[1] else 1
    flattened = flattened_after(ctx)
    if flattened is not None and ctx.consumer_cls == "Concatenate":
        # The joined maps are flattened right after the join: the heads meant to join vectors (the
        # multi-headed model of two views, each head with its own kernel size). Flattening each map
        # before the join keeps every value and lets the two sizes differ; a crop would throw the
        # border of the larger view away, and "same" padding would change both heads.
        from shapedoctor.repair.edits import InsertLayer

        yield Candidate(f"join vectors, not feature maps: insert {flattened}() on each input of "
                        f"{g.name(ctx, ctx.consumer)} (the {flattened} after it then has nothing left to do)",
                        [InsertLayer(ctx.consumer.id, flattened, (), {}, i) for i in range(len(shapes))], cost=1)
    shrinkers = spatial_shrinkers(ctx, small)
    from shapedoctor.families import sd104_branches as branches

    if shrinkers:
        # A model whose other 1-D convolutions are causal stays causal: "same" would let a step see the future.
        pad = "causal" if branches.causal_elsewhere(ctx, shrinkers) else "same"
        yield Candidate(f'keep the spatial size: padding="{pad}" on ' + ", ".join(g.name(ctx, n) for n in shrinkers),
                        [SetConfig(n.layer, {"padding": pad}) for n in shrinkers], cost=1)
    how = None if shrinkers else branches.resampled_alone(ctx, small)
    if how is not None and how[0] == "grower":
        yield from branches.grower_fixes(ctx, how[1])
    if how is not None and how[0] == "projection" and how[1].id in {n.id for n in branches.own_nodes(ctx, small)}:
        # The larger branch upsampled on its own; its shortcut's projection missed that: upsample the
        # shortcut. Pooling the larger branch would undo the decoder's upsampling, so it is not offered.
        yield from branches.upsample_shortcut(ctx, shapes, small)
        return
    found = list(_stray_downsampling(ctx, shapes, small))
    yield from found
    big, sm = shapes[1 - small], shapes[small]
    ratios = {b // s if s and b % s == 0 else 0 for b, s in zip(big[1:-1], sm[1:-1])}
    if not found and len(ratios) == 1 and min(ratios) >= 2:
        # The larger map is a whole multiple of the smaller one: one branch was pooled or strided
        # and the other was not (a residual shortcut). Pool the larger one the same way.
        ratio = next(iter(ratios))  # (not pop: the upsampling below reads the same ratios)
        yield g.insert(ctx, f"MaxPooling{len(big) - 2}D", ratio, why=f"downsample input {1 - small} by {ratio} like the other branch",
                       cost=2, input_index=1 - small)
    if len(ratios) == 1 and min(ratios) >= 2:
        # Or the smaller map is a deeper scale meant to be brought up to the larger one (FCN and U-Net
        # skip fusions upsample the coarse scores): a model whose output must keep the input's size
        # tells the two apart when the patched script is run.
        yield from branches.upsample_shortcut(ctx, shapes, small, cost=3)
    yield from _crop_larger(ctx, shapes, small)


_FLATTENERS = ("Flatten", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
               "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D")


def flattened_after(ctx) -> str | None:
    """The layer (``Flatten`` or a global pooling) the script applies to the merge's result next, read from
    the source after the merge's line (``flat = layers.Flatten()(merge)``: the build stopped at the merge,
    so the recorded graph ends there), or None."""
    import ast

    from shapedoctor.trace.sites import called_name, source_tree

    site = ctx.consumer.called
    if site is None or not site.file or not site.line:
        return None
    try:
        tree = source_tree(site.file)
    except Exception:  # noqa: BLE001 - no source to read (a notebook cell, a missing file)
        return None
    if tree is None:
        return None
    made = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno <= site.line <= s.end_lineno
                 and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)), None)
    if made is None:
        return None
    name = made.targets[0].id
    uses = sorted((c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno > made.end_lineno
                   and len(c.args) == 1 and isinstance(c.args[0], ast.Name) and c.args[0].id == name),
                  key=lambda c: (c.lineno, c.col_offset))
    if not uses or not isinstance(uses[0].func, ast.Call):
        return None
    cls = called_name(uses[0].func.func)
    return cls if cls in _FLATTENERS else None


def _crop_larger(ctx, shapes, small):
    """Crop the larger map to the smaller one (`keeps_data` rejects crops that throw data away)."""
    from shapedoctor.repair import generators as g

    big, sm = shapes[1 - small], shapes[small]
    rank = len(big) - 2
    crop = tuple((d // 2, d - d // 2) for d in (x - y for x, y in zip(big[1:-1], sm[1:-1])))
    if all(c[0] >= 0 and c[1] >= 0 for c in crop):
        yield g.insert(ctx, f"Cropping{rank}D", crop, why="crop the larger feature map to the smaller one",
                       cost=2, input_index=1 - small)


def _branch(ctx, index):
    """The nodes above input *index* of the consumer, nearest first (first inputs only)."""
    ids = ctx.consumer.input_ids()
    node = ctx.graph.producer(ids[index]) if index < len(ids) else None
    return ([node] + list(ctx.graph.upstream(node))) if node is not None else []


def _downsamples(ctx, node):
    cls, cfg = ctx.cls_of(node), ctx.config_of(node)
    if "Pooling" in cls and "Global" not in cls:
        return True
    strides = cfg.get("strides")
    return "Transpose" not in cls and isinstance(strides, (tuple, list)) and any(s > 1 for s in strides)


def stray_downsamplers(ctx, small):
    """Pooling / strided layers on the smaller branch only (not shared with the other branch):
    the branch that changed the spatial size, where the cause of the mismatch is."""
    other = {n.id for n in _branch(ctx, 1 - small)}
    return [n for n in _branch(ctx, small) if n.id not in other and n.kind == "layer" and _downsamples(ctx, n)]


def _stray_downsampling(ctx, shapes, small):
    """A pooled branch merged with an unpooled shortcut: pool/stride the shortcut, or drop the pooling."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import RemoveNode, SetConfig

    stray = stray_downsamplers(ctx, small)
    if not stray:
        return
    big = 1 - small
    ratios = {round(b / s) for b, s in zip(shapes[big][1:-1], shapes[small][1:-1]) if s}
    if len(ratios) != 1:
        return
    ratio = ratios.pop()
    same = any(ctx.config_of(n).get("padding") == "same" for n in stray)
    own = {n.id for n in _branch(ctx, small)}
    shortcut = [n for n in _branch(ctx, big) if n.id not in own and n.kind == "layer"]
    # The convolution nearest the branch point: a block downsamples with its first convolution, as
    # the shortcut's 1x1 projection does at its start (ResNet's residual units).
    projection = next((n for n in reversed(shortcut) if ctx.cls_of(n).startswith("Conv")
                       and "Transpose" not in ctx.cls_of(n)), None)
    if len(stray) > 1 and any(_downsamples(ctx, n) for n in shortcut):
        # The shortcut downsamples once, the main branch more than once: one stride too many there.
        for node in stray:
            strides = ctx.config_of(node).get("strides") or ()
            if "Pooling" not in ctx.cls_of(node) and set(strides) == {ratio}:
                yield Candidate(f"downsample the main branch once, like the shortcut: strides=1 on {g.name(ctx, node)}",
                                [SetConfig(node.layer, {"strides": 1})], cost=1)
    if projection is not None:
        cfg = ctx.config_of(projection)
        strides = cfg.get("strides") or (1,)
        new = tuple(s * ratio for s in strides)
        value = new[0] if len(set(new)) == 1 else new  # written as the user writes it: strides=2
        # A 1x1 projection gives ceil(n / s) steps with either padding: "same" only matters for a wider window.
        wide = any(k > 1 for k in cfg.get("kernel_size") or ()) and cfg.get("padding") != "same"
        yield Candidate(f"downsample the shortcut like the main branch: strides={value} on {g.name(ctx, projection)}",
                        [SetConfig(projection.layer, {"strides": value, **({"padding": "same"} if same and wide else {})})],
                        cost=1)
    pool = stray[0]
    cls = ctx.cls_of(pool) if "Pooling" in ctx.cls_of(pool) else f"MaxPooling{len(shapes[big]) - 2}D"
    kwargs = {"padding": "same"} if same else {}
    inserted = g.insert(ctx, cls, ratio, why="pool the shortcut like the main branch", cost=1, input_index=big, **kwargs)
    cfg = ctx.config_of(pool)
    if len(stray) == 1 and cls == ctx.cls_of(pool) and set(cfg.get("pool_size") or ()) == {ratio} \
            and set(cfg.get("strides") or (ratio,)) == {ratio} and (cfg.get("padding") == "same") == same:
        inserted.edits[0].like = pool.layer  # the same pooling: written as the user wrote that one
    yield inserted
    from shapedoctor.families.sd104_branches import backbone_scale

    if not backbone_scale(ctx, small):  # a pooling of the rest of the network sets the backbone's scale: kept
        yield Candidate(f"remove the pooling that only one branch has ({g.name(ctx, pool)})", [RemoveNode(pool.id)], cost=2)


def odd_map(ctx) -> int | None:
    """The one input of three or more feature maps whose spatial size differs from all the others, which agree
    (an Inception block's four paths, one of them pooled with ``padding="valid"``); else None."""
    shapes = ctx.received
    if len(shapes) < 3 or not all(shapes) or len({len(s) for s in shapes}) != 1 or len(shapes[0]) not in (3, 4, 5):
        return None
    sizes = [tuple(s[1:-1]) for s in shapes]
    odd = [i for i, size in enumerate(sizes) if sizes.count(size) == 1]
    return odd[0] if len(odd) == 1 and len(set(sizes)) == 2 and None not in sizes[odd[0]] else None


def spatial_shrinkers(ctx, index):
    """Convolutions with padding="valid" and a window > 1 above input *index* of the consumer, and poolings
    whose window overlaps (``pool_size`` other than ``strides``: mini Xception's ``MaxPooling2D(3, strides=2)``
    beside a shortcut strided with ``padding="same"``). A pooling of window = stride halves the scale on
    purpose (a U-Net's or a helper's other scale) and is not one."""
    ids = ctx.consumer.input_ids()
    node = ctx.graph.producer(ids[index]) if index < len(ids) else None
    # layers another branch goes through too changed it as well
    shared = {n.id for j in range(len(ids)) if j != index for n in _branch(ctx, j)}
    found = []
    while node is not None and node.kind == "layer" and node.id not in shared:
        cfg = ctx.config_of(node)
        window = cfg.get("kernel_size") or ()
        pool = tuple(cfg.get("pool_size") or ())
        if pool and pool != tuple(cfg.get("strides") or pool):
            window = pool  # an overlapping pooling (3 wide, stride 2) loses a pixel a same-padded stride keeps
        if cfg.get("padding") == "valid" and any(k > 1 for k in window) and "Transpose" not in ctx.cls_of(node):
            found.append(node)
        nxt = node.input_ids()
        node = ctx.graph.producer(nxt[0]) if nxt else None
    return found


def declared_unit_axis(ctx, index: int):
    """The ``Input`` that declared the length-1 axis of merge input *index*, else None.

    ``Input(shape=[1])`` for one category id or string per sample, then an ``Embedding``: the ids keep
    their length-1 axis and each sample becomes a (1, d) matrix, which a Concatenate with flat feature
    vectors refuses. The axis was declared, not made by a layer: the input is one value per sample,
    ``shape=()`` (Hands-On ML 3, chapter 13), or the embedding is flattened where the two meet. Read from
    the graph: input *index* is (batch, 1, d) beside inputs of rank 2, and every node on its one-input
    path back to an Input keeps that axis of length 1, the Input itself being (batch, 1)."""
    shapes = ctx.received
    shape = shapes[index] if index < len(shapes) else None
    if shape is None or len(shape) != 3 or shape[1] != 1 or any(s is None or len(s) != 2 for j, s in enumerate(shapes)
                                                             if j != index):
        return None
    node = ctx.producer(index)
    while node is not None:
        node_shape = ctx.shape_of(node)
        if node_shape is None or len(node_shape) < 2 or node_shape[1] != 1:
            return None
        if node.kind == "input":
            return node if tuple(node_shape[1:]) == (1,) else None
        ids = node.input_ids()
        if len(ids) != 1:
            return None
        node = ctx.graph.producer(ids[0])
    return None


def declared_unit_axes(ctx) -> list | None:
    """The ``Input`` nodes made on one line (all of them) when two or more merge inputs are (batch, 1, d)
    embeddings of ids declared with a length-1 axis (:func:`declared_unit_axis`, each beside the others and
    flat feature vectors) and every Input that line made leads to one of them: keras-io's deep & cross
    network declares each categorical feature in a loop (r1095). Else None."""
    shapes = ctx.received
    if len(shapes) < 3 or not all(shapes) or sorted({len(s) for s in shapes}) != [2, 3]:
        return None
    found = []
    for index, shape in enumerate(shapes):
        if len(shape) != 3:
            continue
        others = [s if j == index or len(s) == 2 else (None, 1) for j, s in enumerate(shapes)]
        found.append(declared_unit_axis(_Received(ctx, others), index))
    if len(found) < 2 or any(node is None for node in found):
        return None
    sites = {(spec.created.file, spec.created.line) for node in found
             if (spec := ctx.graph.spec(node)) is not None and spec.created is not None}
    if len(sites) != 1:
        return None
    site = sites.pop()
    made = [node for node in ctx.graph.nodes if node.kind == "input" and (spec := ctx.graph.spec(node)) is not None
            and spec.created is not None and (spec.created.file, spec.created.line) == site]
    return found if {n.id for n in made} == {n.id for n in found} else None


class _Received:
    """*ctx* seen with other received shapes (the other embeddings read as flat vectors)."""

    def __init__(self, ctx, received: list) -> None:
        self._ctx, self.received = ctx, received

    def __getattr__(self, name: str):
        return getattr(self._ctx, name)


def scalar_inputs(ctx) -> list | None:
    """The ``Input(shape=())`` nodes made on one line (all of them) when every merge input that holds one
    value per sample, among inputs that hold feature vectors, comes from such Inputs (through layers
    that keep one value per sample: a cast, a Normalization, a Concatenate of scalars); else None."""
    shapes = ctx.received
    if len(shapes) < 3 or not all(shapes) or sorted({len(s) for s in shapes}) != [1, 2]:
        return None
    leaves, seen = [], set()
    for i, shape in enumerate(shapes):
        if len(shape) != 1:
            continue
        stack = [ctx.producer(i)]
        while stack:
            node = stack.pop()
            if node is None:
                return None
            if node.id in seen:
                continue
            seen.add(node.id)
            node_shape = ctx.shape_of(node)
            if node_shape is None or len(node_shape) != 1:
                return None
            if node.kind == "input":
                leaves.append(node)
                continue
            producers = [ctx.graph.producer(t) for t in node.input_ids()]
            if not producers:
                return None
            stack.extend(producers)
    sites = set()
    for node in leaves:
        spec = ctx.graph.spec(node)
        created = spec.created if spec is not None else None
        if created is None or not created.file:
            return None
        sites.add((created.file, created.line))
    if len(sites) != 1:
        return None
    site = sites.pop()
    made = []
    for node in ctx.graph.nodes:
        spec = ctx.graph.spec(node)
        created = spec.created if spec is not None else None
        shape = ctx.shape_of(node)
        if node.kind == "input" and created is not None and (created.file, created.line) == site \
                and shape is not None and len(shape) == 1:
            made.append(node)
    return made or None


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
