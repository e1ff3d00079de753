"""SD104: which branch of a merge changed shape, when the two inputs are maps of different sizes or
one is a broadcast vector, and the fixes that belong on that branch.

Reads the recorded graph only (layer classes, configs, tensor shapes, who consumes what):

* a transposed convolution with ``padding="valid"`` and a window wider than its stride (``(n-1)*s + k``
  pixels, more than ``n*s``) on the larger branch, not shared with the other one: it made the extra
  pixels (a U-Net decoder whose up-convolution kept the default padding); fix ``padding="same"``;
* a shortcut whose own last layer is an unstrided 1x1 convolution (a projection, which exists only to
  adapt the shortcut to the other branch), merged with a branch that resampled on its own: the
  projection is where the resampling is missing (ResNet/Xception shortcuts ``Conv(n, 1, strides=2)``;
  keras-io's decoder residual ``UpSampling2D(2)`` before its 1x1 convolution);
* a downsampling layer is *private* to a branch when everything it produces flows only into this
  merge; one whose output also feeds the rest of the network (a U-Net encoder's pooling that the
  gating signal comes from) is the backbone's scale, which the rest of the network expects, so the
  other branch's own convolution is the layer that should have strided (an attention gate's
  ``theta_x``); such a pooling is never offered for removal;
* a broadcast vector (every inner axis 1, e.g. a time or class embedding reshaped to ``(1, 1, C)``)
  merged with a full map: the map's channels are the network's width, so the layer that set the
  vector's width (walking back through layers that keep the last axis) is the culprit.
"""

from __future__ import annotations

from shapedoctor.diagnosis.context import PASS_THROUGH
from shapedoctor.trace.sites import source_tree


def _cfg_tuple(value) -> tuple:
    if isinstance(value, int):
        return (value,)
    return tuple(value) if isinstance(value, (tuple, list)) else ()


def own_nodes(ctx, index):
    """Layer nodes above merge input *index* (first inputs, nearest first) that the other branch does not go through."""
    from shapedoctor.families.sd104_merge import _branch

    other = {n.id for n in _branch(ctx, 1 - index)}
    return [n for n in _branch(ctx, index) if n.id not in other and n.kind == "layer"]


def private(ctx, node) -> bool:
    """Everything *node* produces flows only into the merge, along a single chain of consumers."""
    current, steps = node, 0
    while steps < 200:
        consumers = [c for out in current.outputs for c in ctx.graph.consumers(out)]
        if len(consumers) != 1:
            return False
        if consumers[0].id == ctx.consumer.id:
            return True
        current, steps = consumers[0], steps + 1
    return False


def _downsamples(ctx, node) -> bool:
    from shapedoctor.families.sd104_merge import _downsamples as down

    return down(ctx, node)


def _upsamples(ctx, node) -> bool:
    cls = ctx.cls_of(node)
    if cls.startswith("UpSampling"):
        return True
    return "Transpose" in cls and any(s > 1 for s in _cfg_tuple(ctx.config_of(node).get("strides")))


def growers(ctx, big):
    """Transposed convolutions with padding="valid" and a window wider than the stride on the larger
    branch only: each adds ``k - s`` pixels beyond the exact upsampling."""
    found = []
    for node in own_nodes(ctx, big):
        cfg = ctx.config_of(node)
        if "Transpose" not in ctx.cls_of(node) or cfg.get("padding") != "valid":
            continue
        kernel, strides = _cfg_tuple(cfg.get("kernel_size")), _cfg_tuple(cfg.get("strides"))
        if kernel and strides and len(kernel) == len(strides) and any(k > s for k, s in zip(kernel, strides)):
            found.append(node)
    return found


def projection(ctx, index):
    """:func:`own_conv` when it is a 1x1 convolution: a shortcut projection."""
    node = own_conv(ctx, index)
    return node if node is not None and set(_cfg_tuple(ctx.config_of(node).get("kernel_size"))) == {1} else None


def own_conv(ctx, index):
    """The branch's own last layer (past pass-through layers) when it is an unstrided, undilated
    convolution used only by this merge."""
    node = ctx.shaping_producer(ctx.producer(index))
    if node is None or node.kind != "layer" or node.id not in {n.id for n in own_nodes(ctx, index)}:
        return None
    cls, cfg = ctx.cls_of(node), ctx.config_of(node)
    if not cls.startswith("Conv") or "Transpose" in cls or "LSTM" in cls:
        return None
    if any(s > 1 for s in _cfg_tuple(cfg.get("strides"))) or any(d > 1 for d in _cfg_tuple(cfg.get("dilation_rate"))):
        return None
    return node if private(ctx, node) else None


def resampled_alone(ctx, small):
    """(kind, node): how the branches' sizes came apart, from the layers only one branch has.

    ``grower`` a valid transposed convolution on the larger branch; ``projection`` an unstrided 1x1
    projection on the branch that missed a resampling the other branch did privately; ``private`` a
    pooling/strided layer only the smaller branch has and only this merge uses; ``backbone`` the
    smaller branch's downsampling is shared with the rest of the network, the larger branch's own
    convolution should stride. None when the layers tell nothing."""
    big = 1 - small
    grow = growers(ctx, big)
    if grow:
        return "grower", grow[0]
    down = [n for n in own_nodes(ctx, small) if _downsamples(ctx, n)]
    up = [n for n in own_nodes(ctx, big) if _upsamples(ctx, n)]
    down_private = [n for n in down if private(ctx, n)]
    if down_private and not any(_downsamples(ctx, n) for n in own_nodes(ctx, big)):
        proj = projection(ctx, big)
        if proj is not None:
            return "projection", proj
    if up and all(private(ctx, n) for n in up) and not any(_upsamples(ctx, n) for n in own_nodes(ctx, small)):
        proj = projection(ctx, small)
        if proj is not None:
            return "projection", proj
    if down and backbone_scale(ctx, small):
        conv = own_conv(ctx, big)
        if conv is not None and not any(_downsamples(ctx, n) for n in own_nodes(ctx, big)):
            return "backbone", conv
    if down_private:
        return "private", down_private[0]
    return None


def backbone_scale(ctx, small) -> bool:
    """The smaller branch's own downsampling belongs to the rest of the network: some of it feeds
    other layers too (not private), or the merge sits in a helper function that was handed the two
    maps and every downsampling of the smaller one happened in the caller (the helper's parameters
    come at two scales by design, as an attention gate's skip map and gating signal do)."""
    down = [n for n in own_nodes(ctx, small) if _downsamples(ctx, n)]
    if not down:
        return False
    if any(not private(ctx, n) for n in down):
        return True
    site = ctx.consumer.called
    span = _function_span(site.file, site.line) if site is not None and site.file else None
    if span is None:
        return False
    for node in down:
        spec = ctx.graph.spec(node)
        made = spec.created if spec is not None else None
        if made is None or (made.file == site.file and span[0] <= made.line <= span[1]):
            return False
    return True


def _function_span(file: str, line: int) -> tuple[int, int] | None:
    """(first, last line) of the innermost function of *file* around *line*."""
    import ast

    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    spans = [(f.lineno, f.end_lineno or f.lineno) for f in ast.walk(tree)
             if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.lineno <= line <= (f.end_lineno or f.lineno)]
    return max(spans) if spans else None


def grower_fixes(ctx, node):
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    yield Candidate(f'upsample by the stride exactly: padding="same" on {g.name(ctx, node)}',
                    [SetConfig(node.layer, {"padding": "same"})], cost=1)


def upsample_shortcut(ctx, shapes, small, cost=1):
    """The larger branch upsampled on its own: upsample the smaller one (the shortcut) the same way."""
    from shapedoctor.repair import generators as g

    big = 1 - small
    ratios = {b // s if s and b % s == 0 else 0 for b, s in zip(shapes[big][1:-1], shapes[small][1:-1])}
    if len(ratios) != 1 or min(ratios) < 2:
        return
    ratio = ratios.pop()
    yield g.insert(ctx, f"UpSampling{len(shapes[big]) - 2}D", ratio, why=f"upsample input {small} like the other branch",
                   cost=cost, input_index=small)


def causal_elsewhere(ctx, nodes) -> bool:
    """The shrinking layers are 1-D convolutions in a model whose other 1-D convolutions are causal:
    the sequence model must not see the future, so "same" padding would be wrong."""
    if not nodes or any(ctx.cls_of(n) != "Conv1D" for n in nodes):
        return False
    return any(n.kind == "layer" and ctx.cls_of(n) == "Conv1D" and ctx.config_of(n).get("padding") == "causal"
               for n in ctx.graph.nodes)


def broadcast_width_source(ctx):
    """(node, width, reshapes) when one input of a same-rank merge is a broadcast vector (every inner
    axis 1) and the other a full map with another width: the layer that set the vector's width,
    walking back through layers that keep the last axis (reshapes, activations, ops), the map's
    width it should give, and the Reshape layers on the way (their target names the old width)."""
    from shapedoctor.repair.generators import width_key

    shapes = ctx.received
    if len(shapes) != 2 or any(s is None for s in shapes) or len(shapes[0]) != len(shapes[1]) or len(shapes[0]) < 3:
        return None
    for i in (0, 1):
        vec, full = shapes[i], shapes[1 - i]
        if any(d != 1 for d in vec[1:-1]) or all(d == 1 for d in full[1:-1]) or None in (vec[-1], full[-1]):
            continue
        if vec[-1] == full[-1]:
            return None
        node, reshapes = ctx.producer(i), []
        while node is not None and node.kind in ("layer", "op"):
            if node.kind == "layer" and width_key(ctx, node):
                return node, full[-1], reshapes
            ids = node.input_ids()
            cls = ctx.cls_of(node)
            if len(ids) != 1 or (node.kind == "layer" and cls not in PASS_THROUGH and cls != "Reshape"):
                return None
            before = ctx.graph.tensors[ids[0]].shape
            if before is None or before[-1] != vec[-1]:
                return None
            if cls == "Reshape":
                reshapes.append(node)
            node = ctx.graph.producer(ids[0])
    return None


def broadcast_fixes(ctx, found):
    """The vector's width-setting layer gives the map's width; a Reshape on the way that spells the
    old width (``Reshape((1, 1, 12))``) follows. No projection is inserted: a Dense after a gate's
    sigmoid would no longer gate."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    node, width, reshapes = found
    for cand in g.set_width(ctx, node, width):
        extra = []
        for reshape in reshapes:
            target = tuple(ctx.config_of(reshape).get("target_shape") or ())
            if target and target[-1] not in (-1, width):
                extra.append(SetConfig(reshape.layer, {"target_shape": target[:-1] + (width,)}))
        title = cand.title + (f" (and the Reshape after it: target_shape={extra[0].changes['target_shape']})"
                              if len(extra) == 1 else "")
        yield Candidate(title, list(cand.edits) + extra, cost=cand.cost)
