"""A Reshape refused a map that one 'valid' convolution above it had shrunk.

A Reshape's target is often computed from the input size and the downsampling the design does
(``((img_width // 4), (img_height // 4) * 64)`` after two poolings of 2, as in a CRNN): it holds
exactly the values the map would have if every convolution kept its size. When one convolution on
the path lacks ``padding="same"``, it trims ``kernel - 1`` pixels per axis, the poolings round the
rest down, and the Reshape (which Keras names) refuses a map a few rows short. The target is then
right and the convolution is the root cause.

Evidence read, not guessed: the single-input chain from the Reshape back to the model's input;
every convolution on it with ``padding="valid"``, stride 1 and a kernel larger than 1. Each is tried
by Keras (the graph replayed with that one layer set to ``padding="same"``, every invariant of
``repair/verify.py`` checked). Only when exactly one such change makes the whole model build is
that convolution named, and the change is its fix; none or several give nothing (the Reshape stays
the culprit, as ``culprit.find_culprit`` says for SD103).
"""

from __future__ import annotations

from shapedoctor.diagnosis.context import Context
from shapedoctor.graph.model import Node

_CONVS = frozenset({"Conv1D", "Conv2D", "Conv3D", "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D",
                    "DepthwiseConv2D"})


def _trims(ctx: Context, node: Node) -> bool:
    cfg = ctx.config_of(node)
    kernel, strides = cfg.get("kernel_size"), cfg.get("strides", 1)
    kernel = tuple(kernel) if isinstance(kernel, (list, tuple)) else (kernel,)
    strides = tuple(strides) if isinstance(strides, (list, tuple)) else (strides,)
    return (ctx.cls_of(node) in _CONVS and cfg.get("padding") == "valid" and all(s == 1 for s in strides)
            and all(isinstance(k, int) for k in kernel) and any(k > 1 for k in kernel))


def padding_origin(ctx: Context):
    """(the convolution, its verified ``padding="same"`` candidate) when exactly one valid convolution
    above the refused Reshape explains the missing values; else None."""
    if ctx.family != "SD103" or ctx.cls_of(ctx.consumer) != "Reshape":
        return None
    cached = ctx.extra.get("padding_origin", False)
    if cached is not False:
        return cached
    from shapedoctor.infer.propagate import propagate
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig
    from shapedoctor.repair.generators import name
    from shapedoctor.repair.verify import verify

    found, node, base = [], ctx.producer(), None
    while node is not None and node.kind == "layer":
        ids = node.input_ids()
        if len(ids) != 1:
            break
        if _trims(ctx, node):
            base = base or propagate(ctx.graph)
            cand = Candidate(f"keep the map's size: padding=\"same\" on {name(ctx, node)} (the Reshape's target "
                             "counts the values of an unshrunk map)",
                             [SetConfig(node.layer, {"padding": "same"})], cost=1)
            if verify(ctx.graph, cand, ctx.expected_output, base).verified:
                found.append((node, cand))
        node = ctx.graph.producer(ids[0])
    result = found[0] if len(found) == 1 else None
    ctx.extra["padding_origin"] = result
    return result


def units_written_for_target(ctx: Context) -> Node | None:
    """The Dense right before the refused Reshape when its units are written with exactly the names the
    Reshape's target is written with (``Dense(grid_size * grid_size * num_labels + 5)`` before
    ``Reshape((grid_size, grid_size, num_labels + 5))``): the user meant the two to hold the same
    values and the units' expression is the slip (a missing parenthesis, a factor left out); the
    target is the design the rest of the model and its labels follow. Also the Dense whose units add a
    small offset to an expression that alone holds the target's values (``Dense(seed_units * 2 + 1)``
    before ``Reshape((7, 7, 2))`` with ``seed_units * 2`` = 98). Else None."""
    import ast
    import linecache

    if ctx.family != "SD103" or ctx.cls_of(ctx.consumer) != "Reshape":
        return None
    dense = ctx.shaping_producer(ctx.producer())
    if dense is None or ctx.cls_of(dense) != "Dense":
        return None
    names = []
    for node, cls in ((dense, "Dense"), (ctx.consumer, "Reshape")):
        spec = ctx.graph.spec(node)
        site = getattr(spec, "created", None) if spec is not None else None
        if site is None or not site.file:
            return None
        try:
            tree = ast.parse(linecache.getline(site.file, site.line).strip())
        except SyntaxError:
            return None
        calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and _called(c.func) == cls and c.args]
        if len(calls) != 1:
            return None
        argument = calls[0].args[0]
        if isinstance(argument, ast.Constant):
            return None  # a literal: nothing says which of the two the user computed
        if cls == "Dense" and _offset_off_target(argument, ctx.config_of(dense).get("units"),
                                                 ctx.config_of(ctx.consumer).get("target_shape")):
            return dense
        names.append({n.id for n in ast.walk(argument) if isinstance(n, ast.Name)})
    return dense if names[0] and names[0] == names[1] else None


def _offset_off_target(argument, units, target) -> bool:
    """The units are written ``E + c`` (or ``E - c``), c a small literal, and ``E`` alone holds exactly the
    values the Reshape's target needs: ``Dense(seed_units * 2 + 1)`` before ``Reshape((7, 7, 2))`` with
    ``seed_units * 2`` = 98 (FelixMohr/Deep-learning-with-Python#7, r713)."""
    import ast
    import math

    if not (isinstance(argument, ast.BinOp) and isinstance(argument.op, (ast.Add, ast.Sub))
            and isinstance(argument.right, ast.Constant) and type(argument.right.value) is int
            and not isinstance(argument.left, ast.Constant)):
        return False
    offset = argument.right.value if isinstance(argument.op, ast.Add) else -argument.right.value
    if not isinstance(units, int) or not target or not all(isinstance(d, int) and d > 0 for d in target):
        return False
    return 0 < abs(offset) <= 2 and units - offset == math.prod(target)


def _called(func) -> str | None:
    from shapedoctor.trace.sites import called_name

    return called_name(func)
