"""Walk back from the layer that noticed a problem to the one that caused it.

Rules, per family (documented in the README and followed by the test corpus):

* rank (SD101) and width (SD102): (a missing axis seen through layers that keep any rank, Dense,
  Dropout...: the layer that dropped it or the Input the data contradicts, diagnosis/rank_origin.py;
  a rank error on a later pass of a loop whose body's last lines
  changed the rank: the first of them, a head indented into the loop, repair/loop_head.py) the nearest producer that is not a pass-through layer
  (Dropout, Activation, normalisation...): the layer whose config made the shape, or the
  ``Input``, or the data the model was called with; but the layer itself when it is a 2-D layer
  on (steps, channels) data, or when it got one axis too many below a TimeDistributed layer
  (it was left unwrapped);
* Reshape (SD103): the Reshape itself (its target shape), the producer is named in the text; but
  the one 'valid' convolution above it whose padding="same" makes the model build, when exactly one
  does, and the Dense right before it when its units are written with the same names as the target
  (a slip in the units' expression) (diagnosis/reshape_origin.py);
* merge (SD104): a Concatenate whose inputs differ only in their last axis while it joins another
  one: the Concatenate itself (its ``axis``); else the producer of the input whose shape differs from the first input's; for
  feature maps of different sizes, the valid convolution or the pooling/strided layer that only
  the smaller branch has (the branch that changed), never the untouched shortcut; but a 'valid'
  transposed convolution wider than its stride on the larger branch, a shortcut's unstrided 1x1
  projection that missed the resampling the other branch did alone, or, when the smaller branch's
  pooling is the backbone's (it feeds other layers, or a helper handed two scales was given it by
  its caller), the larger branch's own convolution (families/sd104_branches.py); a broadcast
  (1, 1, C) vector of another width than the map: the layer that set the vector's width; for an
  identity shortcut in a helper (``s = x`` on the helper's parameter, merged after the branch
  changed the width), the line that takes the shortcut (where the 1x1 projection belongs), or,
  when the file defines a sibling helper that projects its shortcut, the line that called the
  identity helper (diagnosis/helper_choice.py); for skip maps at the same scale of one input that
  differ by a rounding (an input size the downsampling does not divide), the input declaration
  (families/sd104_rounding.py); a vector concatenated with a sequence that the next layer reads as a
  sequence: the vector's producer, where RepeatVector belongs (families/sd104_sequence.py); a (1, d)
  embedding of an id declared ``Input(shape=[1])`` beside feature vectors: that Input
  (``sd104_merge.declared_unit_axis``, or ``declared_unit_axes`` for several made on one line);
* shrinking (SD105): the layer whose window no longer fits; but when the input was declared
  channels-first (``(3, 32, 32)``) in a channels-last model, the Input declaration; and when the
  layer is built in a loop over a literal and failed on a later pass, the loop's iterable
  (repair/loop_passes.py);
* reused layer (SD106): the second call of the shared layer (in a subclassed ``call``, the line
  applying the attribute again); but for a recurrent cell stepped again on a narrower input (a
  prediction fed back), or a frozen layer re-added after a new one, the layer that made that input
  (``sd106_reuse.stepped_cell_input``, ``frozen_input_width``); and the
  line that built ``[Layer(...)] * n`` when the layer is shared through a multiplied list
  (repair/multiplied_list.py);
* undefined axis (SD107): the Flatten that produced it, else the Input that declared `None`.
"""

from __future__ import annotations

import re

from shapedoctor.diagnosis.context import Context
from shapedoctor.graph.model import Node
from shapedoctor.report.model import Place
from shapedoctor.trace.sites import source_tree


def find_culprit(ctx: Context) -> Node | None:
    fam = ctx.family
    if fam in ("SD102",) and ctx.data_shape is not None:
        return ctx.extra.get("input_node")
    if fam == "SD101":
        from shapedoctor.families.sd101_rank import lower_variant, short_permute

        if short_permute(ctx) is not None:
            return ctx.consumer  # Permute((2, 1)) on a 4-D map: its dims, not its input

        if lower_variant(ctx) is not None:
            return ctx.consumer  # a 2-D layer on (steps, channels) data: the layer, not its input
        from shapedoctor.families.sd101_rank import frames_upstream

        if frames_upstream(ctx):
            return ctx.consumer  # one layer left out of TimeDistributed among wrapped ones: the layer
        from shapedoctor.diagnosis.rank_origin import rank_origin

        origin = rank_origin(ctx)
        if origin is not None:
            return origin  # past layers that keep any rank: the one that dropped the axis, or the Input
    if fam in ("SD101", "SD102"):
        return ctx.shaping_producer(ctx.producer())
    if fam == "SD104":
        from shapedoctor.families.sd104_merge import joins_off_the_last_axis, spatial_shrinkers

        if joins_off_the_last_axis(ctx):
            return ctx.consumer  # the branches fit along the channels: the merge's axis is the cause
        shapes = ctx.received
        from shapedoctor.families.sd104_merge import declared_unit_axes, scalar_inputs

        scalars = scalar_inputs(ctx)
        if scalars is not None:
            return scalars[0]  # Input(shape=()) made on one line feeds every one-value branch
        units = declared_unit_axes(ctx)
        if units is not None:
            return units[0]  # Input(shape=(1,)) of ids made on one line, each embedded: the declared axis
        from shapedoctor.families.sd104_merge import odd_map

        odd = odd_map(ctx)
        shrunk = spatial_shrinkers(ctx, odd) if odd is not None else []
        if shrunk:
            return shrunk[0]  # one path of several shrank its map alone (an Inception pool path, padding="valid")
        if len(shapes) == 2 and all(shapes) and len(shapes[0]) != len(shapes[1]):
            from shapedoctor.families.sd104_sequence import vector_to_repeat

            low = vector_to_repeat(ctx)
            if low is not None:
                return ctx.shaping_producer(ctx.producer(low))  # the merge is read as a sequence: repeat the vector
            from shapedoctor.families.sd104_merge import declared_unit_axis

            unit = declared_unit_axis(ctx, 0 if len(shapes[0]) > len(shapes[1]) else 1)
            if unit is not None:
                return unit  # Input(shape=[1]) then Embedding: the declared length-1 axis
            if sorted(len(s) for s in shapes) == [1, 2]:  # one value per sample beside feature vectors
                return ctx.shaping_producer(ctx.producer(0 if len(shapes[0]) == 1 else 1))
            higher = 0 if len(shapes[0]) > len(shapes[1]) else 1
            from shapedoctor.families.sd104_merge import first_dense_on_map

            first = first_dense_on_map(ctx, higher)  # Dense per position since the map: where Flatten is missing
            return first if first is not None else ctx.shaping_producer(ctx.producer(higher))
        from shapedoctor.families.sd104_merge import channels_first_gate

        if channels_first_gate(ctx) is not None:
            return ctx.consumer  # a (1, 1, C) gate on a (C, H, W) map: permuted where the two meet
        from shapedoctor.families.sd104_merge import permuted_source

        permuted = permuted_source(ctx)
        if permuted is not None:
            return permuted[0]  # the features a Permute turned into the axis that differs
        if len(shapes) == 2 and all(shapes) and len(shapes[0]) == len(shapes[1]) > 2 and shapes[0][1:-1] != shapes[1][1:-1]:
            from shapedoctor.families.sd104_rounding import rounded_skip

            rounded = rounded_skip(ctx)
            if rounded is not None:
                return rounded.input_node  # the maps meet at one scale but a pooling rounded: the input size
            from shapedoctor.families.sd104_merge import flattened_after

            if ctx.consumer_cls == "Concatenate" and flattened_after(ctx) is not None:
                return ctx.consumer  # maps joined, then flattened: the join belongs after each map's Flatten
            small = 0 if (shapes[0][1] or 0) < (shapes[1][1] or 0) else 1
            shrinkers = spatial_shrinkers(ctx, small)
            if shrinkers:
                return shrinkers[0]
            from shapedoctor.families.sd104_branches import resampled_alone

            how = resampled_alone(ctx, small)
            if how is not None:
                return how[1]  # the layer on the branch that resampled alone, or the shortcut that missed it
            from shapedoctor.families.sd104_merge import stray_downsamplers

            stray = stray_downsamplers(ctx, small)
            if stray:
                return stray[0]  # the pooling on the branch that changed, not the shortcut
        from shapedoctor.families.sd104_branches import broadcast_width_source

        vector = broadcast_width_source(ctx)
        if vector is not None:
            return vector[0]  # the layer that set a broadcast vector's width, not the map's
        derived = residual_branch(ctx)
        if derived is not None:
            return ctx.shaping_producer(ctx.producer(derived))  # the branch computed from the shortcut changed width
        return ctx.shaping_producer(ctx.producer())
    if fam == "SD105":
        from shapedoctor.families.sd105_shrink import channels_first_input

        declared = channels_first_input(ctx)
        if declared is not None:
            return declared[0]  # channels declared first: the Input
        from shapedoctor.families.sd105_shrink import channels_first_reshape

        reshaped = channels_first_reshape(ctx)
        if reshaped is not None:
            return reshaped[0]  # a Reshape wrote the channel axis first: the Reshape
        from shapedoctor.families.sd105_shrink import strided_input_size

        strided = strided_input_size(ctx)
        if strided is not None:
            return strided[0]  # a stack of strides only whole multiples of their product fit: the input size
        from shapedoctor.diagnosis.application_input import application_on_input

        app = application_on_input(ctx)
        return app.input_node if app is not None else ctx.consumer  # an application on a too-small Input
    if fam == "SD106":
        from shapedoctor.families.sd106_reuse import frozen_input_width, stepped_cell_input

        stepped = stepped_cell_input(ctx) or frozen_input_width(ctx)
        if stepped is not None:
            # a recurrent cell stepped again on a narrower input, or a frozen layer re-added after a new one: the
            # layer that made that input
            return stepped[0]
    if fam in ("SD103", "SD106"):
        from shapedoctor.families.sd103_blocks import block_divisor

        if fam == "SD103" and block_divisor(ctx.message) is not None:
            return ctx.shaping_producer(ctx.producer())  # the channels made before a depth_to_space
        if fam == "SD103":
            from shapedoctor.diagnosis.reshape_origin import padding_origin

            trimmed = padding_origin(ctx)
            if trimmed is not None:
                return trimmed[0]  # one valid convolution shrank the map the target was computed for
            from shapedoctor.diagnosis.reshape_origin import units_written_for_target

            slipped = units_written_for_target(ctx)
            if slipped is not None:
                return slipped  # Dense(a * b * c + 5) before Reshape((a, b, c + 5)): the units' expression
        return ctx.consumer
    if fam == "SD107":
        for node in ctx.graph.upstream(ctx.consumer):
            if ctx.cls_of(node) == "Flatten" or node.kind in ("input", "data"):
                return node
    return ctx.shaping_producer(ctx.producer())


def identity_shortcut(ctx: Context) -> Place | None:
    """The line ``s = x`` of a residual helper whose shortcut is its parameter, unprojected.

    The merge (``add([x, s])`` or ``x + s``) sits in a function; one of its inputs is a name last
    assigned from the function's parameter (``s = x``), or from layers of the function that keep the
    width (``s = ReLU()(BatchNormalization()(x))``), so the tensor it holds was made outside the
    function. When the widths then differ, the shortcut needs the projection: that assignment is the
    root cause, not the layer of the caller that made the tensor."""
    import ast
    import linecache

    site = ctx.consumer.called
    if ctx.family != "SD104" or site is None or len(ctx.received) != 2 or not all(ctx.received):
        return None
    a, b = ctx.received
    if len(a) != len(b) or a[1:-1] != b[1:-1] or a[-1] == b[-1]:
        return None
    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return None
    funcs = [f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
             and f.lineno <= site.line <= (f.end_lineno or f.lineno)]
    if not funcs:
        return None
    func = max(funcs, key=lambda f: f.lineno)
    params = {arg.arg for arg in func.args.args}
    names = _merged_names(func, site.line)
    if names is None:
        return None
    found = []
    for index, var in enumerate(names):
        aliases = [n for n in ast.walk(func) if isinstance(n, ast.Assign) and n.lineno < site.line
                   and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == var]
        last = max(aliases, key=lambda n: n.lineno) if aliases else None
        made = _made_at(ctx, index)
        ran = [n for n in aliases if made is not None and n.lineno <= made <= (n.end_lineno or n.lineno)]
        if ran and isinstance(ran[-1].value, ast.Call):
            last = ran[-1]  # the assignment that ran (the other branch of an `if` assigns it too)
        if last is None:
            continue
        if isinstance(last.value, ast.Name) and last.value.id in params:
            source = last.value.id
            if any(isinstance(n, ast.Assign) and n.lineno < last.lineno and any(
                    isinstance(t, ast.Name) and t.id == source for t in n.targets) for n in ast.walk(func)):
                continue  # the parameter was replaced before: the shortcut is not the helper's input
            found.append(last)
        elif isinstance(last.value, ast.Call) and _kept_from_outside(ctx, index, func):
            found.append(last)
    if len(found) != 1:
        return None
    line = found[0].lineno
    code = linecache.getline(site.file, line).strip()
    return Place("layer", found[0].targets[0].id, "shortcut", site.file, line, code)


def _made_at(ctx: Context, index: int) -> int | None:
    """The source line that created the layer producing merge input *index*."""
    node = ctx.producer(index)
    spec = ctx.graph.spec(node) if node is not None else None
    return spec.created.line if spec is not None and spec.created is not None else None


def _merged_names(func, line: int) -> list[str | None] | None:
    """The two names a merge on *line* of *func* joins, in input order: ``add([x, s])`` or ``x + s``."""
    import ast

    calls = [n for n in ast.walk(func) if isinstance(n, ast.Call) and n.lineno <= line <= (n.end_lineno or n.lineno)
             and n.args and isinstance(n.args[0], (ast.List, ast.Tuple))]
    if calls:
        names = [e.id if isinstance(e, ast.Name) else None for e in calls[-1].args[0].elts]
        return names if len(names) == 2 else None
    sums = [n for n in ast.walk(func) if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub))
            and n.lineno <= line <= (n.end_lineno or n.lineno)
            and isinstance(n.left, ast.Name) and isinstance(n.right, ast.Name)]
    return [sums[-1].left.id, sums[-1].right.id] if len(sums) == 1 else None


def _kept_from_outside(ctx: Context, index: int, func) -> bool:
    """Merge input *index* was made, inside *func*, only by layers that keep the width (activation,
    normalisation, dropout) from a tensor made outside *func*: the helper's input, unprojected."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    end = func.end_lineno or func.lineno
    node, steps = ctx.producer(index), 0
    while node is not None and node.kind == "layer":
        spec = ctx.graph.spec(node)
        made = spec.created if spec is not None else None
        if made is None:
            return False  # an operation of the user's code (`a + b`): where it ran is not known here
        if not func.lineno <= made.line <= end:
            return steps > 0
        if ctx.cls_of(node) not in PASS_THROUGH:
            return False
        ids = node.input_ids()
        node = ctx.graph.producer(ids[0]) if ids else None
        steps += 1
    return steps > 0 and node is not None and node.kind == "input"  # not an operation of the helper (`a + b`)


def loop_iterable(ctx: Context) -> Place | None:
    """A layer built in a loop that failed on a later pass because of the loop itself: for a window
    that shrank the map away (SD105), the line of the loop's iterable (the list, tuple or range
    count), which sets the passes; for a rank error (SD101) after the body's last lines changed the
    rank on the pass before, the first of those lines (a head indented into the loop)."""
    import linecache

    from shapedoctor.repair.loop_passes import fewer_passes

    from shapedoctor.repair.loop_head import head_out_of_loop

    if ctx.family == "SD105":
        found = fewer_passes(ctx.graph, ctx.consumer)
    elif ctx.family == "SD101":
        found = head_out_of_loop(ctx.graph, ctx.consumer)
    else:
        return None
    if found is None:
        return None
    named = ctx.graph.node(found.nodes[0]) if ctx.family == "SD101" else ctx.consumer  # the head's first layer
    spec = ctx.graph.spec(named)
    return Place("layer", spec.name if spec else named.label, "loop", found.file, found.line,
                 linecache.getline(found.file, found.line).strip())


def merged_argument_line(ctx: Context, node: Node | None) -> Place | None:
    """A merge inside the user's own code (a custom layer's ``call``) whose odd input the recording shows
    only as data handed in: the name the merge call lists at that position, where the user's code last
    assigned it (``embedding_features = self.embedding(...)`` above ``concatenate([..., embedding_features])``)."""
    import ast
    import linecache

    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.trace.sites import source_tree

    site = ctx.consumer.called
    if ctx.family != "SD104" or node is None or node.kind != "data" or site is None or not site.file:
        return None
    try:
        tree = source_tree(site.file)
    except (OSError, SyntaxError, ValueError):
        return None
    merges = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == site.line and c.args
              and isinstance(c.args[0], (ast.List, ast.Tuple))]
    ranks = [len(shape) if shape is not None else None for shape in ctx.received]
    odd = [i for i, rank in enumerate(ranks) if rank is not None and ranks.count(rank) == 1]
    index = odd[0] if len(odd) == 1 and len(ranks) > 2 else ctx.bad_input  # the one of another rank
    if len(merges) != 1 or index >= len(merges[0].args[0].elts):
        return None
    named = merges[0].args[0].elts[index]
    if not isinstance(named, ast.Name):
        return None
    made = last_assignment(enclosing_scope(tree, site.line), named.id, site.line)
    if made is None:
        return None
    return Place("layer", named.id, "data", site.file, made.lineno, linecache.getline(site.file, made.lineno).strip())


def declared_data_read(ctx: Context, node: Node | None) -> Place | None:
    """A rank error whose ``Input`` was declared as the shape of the user's array
    (``input_shape=X.shape[1:]``): the array lacks the axis, so the root cause is the line that
    reads its shape into the declaration, not the layer the declaration is written on."""
    import linecache

    from shapedoctor.families.sd101_rank import declared_data

    got = ctx.shape_in()
    if ctx.family != "SD101" or node is None or got is None:
        return None
    found = declared_data(ctx, node, got)
    if found is None:
        return None
    return Place("data", found.var, "data", found.file, found.line, linecache.getline(found.file, found.line).strip())


def place_of(ctx: Context, node: Node, as_consumer: bool = False) -> Place:
    graph = ctx.graph
    spec = graph.spec(node)
    if node.kind == "data" or (node.kind == "input" and ctx.data_shape is not None and not as_consumer):
        site = ctx.extra.get("data_site") if ctx.data_shape is not None or node.kind == "data" else node.called
        kind = "data"
        if node.kind == "input":
            site = ctx.extra.get("data_site")
        return Place(kind, spec.name if spec else "data", spec.cls if spec and node.kind != "data" else "data",
                     site.file if site else None, site.line if site else None, site.code if site else None)
    if node.kind == "input":
        site = spec.created if spec else node.called
        return Place("input", spec.name if spec else node.id, "InputLayer",
                     site.file if site else None, site.line if site else None, site.code if site else None)
    site = spec.created if spec else node.called
    if as_consumer and node.called is not None and stored_in_variable(site):
        site = node.called  # a layer kept in a variable is "where" it is applied
    elif ctx.family == "SD106" and node is ctx.consumer and node.called is not None:
        from shapedoctor.repair.multiplied_list import multiplied_layer_list

        # `[Layer(...)] * n` shares one layer among the list's items: the culprit is the line that
        # multiplied the list; the call that refused its input stays the consumer.
        site = site if not as_consumer and multiplied_layer_list(site) is not None else node.called
    elif not as_consumer and spec is not None and spec.live is not None:
        inner = _inner_producer(spec.live)
        if inner is not None:
            return inner
    return Place("layer", spec.name if spec else node.label, spec.cls if spec else node.label,
                 site.file if site else None, site.line if site else None, site.code if site else None)


_STORED = re.compile(r"^(self\.)?\w+\s*=\s*[\w.]+\(.*\)\s*(#.*)?$")


def stored_in_variable(site) -> bool:
    """``name = layers.X(...)`` or ``self.x = ...``: created here, applied elsewhere."""
    if site is None or not site.code:
        return False
    code = site.code
    return bool(_STORED.match(code) or re.match(r"^(self\.)?\w+\s*=\s*[\w.]+\(\[?\s*$", code)) and ")(" not in code


def _inner_producer(model) -> Place | None:
    """For a nested functional/Sequential model: the layer inside that made its output."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    try:
        outputs = model.outputs
    except (AttributeError, ValueError):
        return None
    if not outputs:
        return None
    history = getattr(outputs[0], "_keras_history", None)
    layer = history.operation if history is not None else None
    while layer is not None and type(layer).__name__ in PASS_THROUGH:
        node = layer._inbound_nodes[0]
        tensors = node.arguments.keras_tensors
        layer = tensors[0]._keras_history.operation if tensors else None
    if layer is None:
        return None
    from shapedoctor.trace import recorder as _rec

    site = _rec.CURRENT.creation_site(layer) if _rec.CURRENT is not None else None
    if site is None:
        return None
    return Place("layer", layer.name, type(layer).__name__, site.file, site.line, site.code)


def residual_branch(ctx: Context) -> int | None:
    """The input of a two-input merge that is computed from the other one (a residual block's branch,
    ``Add()([mlp(x2), x2])``), when their shapes differ only in the last axis: the shortcut carries the
    stream's width, so the branch is the one whose width changed. None when neither (or each) is
    computed from the other."""
    shapes = ctx.received or []
    ids = ctx.consumer.input_ids()
    if len(ids) != 2 or len(shapes) != 2 or not all(shapes) or len(shapes[0]) != len(shapes[1]) \
            or shapes[0][:-1] != shapes[1][:-1] or shapes[0][-1] == shapes[1][-1]:
        return None

    def computed_from(tensor: str, source: str) -> bool:
        seen, todo = set(), [tensor]
        while todo:
            current = todo.pop()
            if current == source:
                return True
            if current in seen:
                continue
            seen.add(current)
            node = ctx.graph.producer(current)
            todo.extend(node.input_ids() if node is not None else [])
        return False

    first, second = computed_from(ids[0], ids[1]), computed_from(ids[1], ids[0])
    return 0 if first and not second else 1 if second and not first else None
