"""A model fed the output of another model of the wrong size: the producing model's layers are the culprit.

A GAN trains its discriminator ``D`` on real images and on ``D(G(z))``; an encoder-decoder pair
chains two models the same way. Called eagerly (a ``train_step`` of the user's own, a
``GradientTape`` loop), Keras does not check a model's declared input shape: the generated
tensor runs through ``D`` until a layer whose weights fix a size (its ``Dense`` after
``Flatten``) refuses it. Read alone, that looks like a layer reused on a wider input (SD106).

The rule, stated in shapes and data flow: a layer of a built model ``D`` refuses its input while
``D`` is called on a tensor whose shape is not ``D``'s declared input shape (same rank, other
sizes), and that tensor has exactly the output shape of another model ``G`` that ran just before.
When ``D`` also ran on a tensor of its declared shape (the real data), ``D`` is right and ``G``'s
output must become ``D``'s declared input: the culprit is the layer of ``G`` whose edit gives
``G``'s output that shape, and the fixes are those edits, verified by replaying ``G``'s graph.

Channels that differ with the spatial sizes equal (RGB images made for a grayscale discriminator,
r660) are the producing model's last layer that sets them (``Conv2DTranspose(1, ...)``).

Spatial sizes off by an integer factor are the upsampling stack: a factor too large removes one
upsampling stage (``strides=1`` on a strided transposed convolution, removing an ``UpSampling``),
the first stage after the seed first; a factor too small adds one (an ``UpSampling`` layer after
the last stage that upsamples; not a larger step on an existing stage, which the answers do not give).

The same reading for an op that raised inside a ``train_step`` (``data - reconstruction``): one
operand is the batch of the data ``fit`` was given, the other the output of a model ``G`` that
ran in the step, and another model of the step took that data as its declared input (an
autoencoder's encoder: the data are the decoder's labels by construction). ``G``'s output must
then take the data's sample shape (SD202, labels vs output, with the data right).
"""

from __future__ import annotations

import math
import re
from typing import Any

from shapedoctor.trace.recorder import Failure, Recorder, shape_of

_UPSAMPLING_PREFIX = "UpSampling"


def upstream_finding(recorder: Recorder, failure: Failure, finding: Any) -> Any:
    """*finding* re-aimed at the producing model's layer stack when the rule holds, else *finding*."""
    try:
        found = _find_pair(recorder, failure)
    except Exception:  # noqa: BLE001 - evidence only: any surprise keeps the original reading
        return finding
    if found is None:
        return finding
    producer, declared, got, target = found
    try:
        refocused = _refocused(recorder, finding, producer, declared, got, target=target)
    except Exception:  # noqa: BLE001 - same: a failed re-reading keeps the original finding
        return finding
    if refocused is None:
        return finding
    refused, site = failure.call.layer, failure.call.site
    if getattr(refused, "layers", None) is not None and site is not None:  # D's input check refused it:
        from shapedoctor.report.model import Place  # the consumer is where D was called

        refocused.consumer = Place("layer", refused.name, type(refused).__name__, site.file, site.line, site.code)
        refocused.message = (f"{type(refused).__name__} `{refused.name}` refused its input: expected "
                             f"{refocused.expected}, received {refocused.received}")
    return refocused


def _find_pair(recorder: Recorder, failure: Failure) -> tuple[Any, tuple, tuple, str] | None:
    """(G, D's declared input shape, the shape D got, the evidence that D is right in words: "" for the
    default) when the failing call is D(G(...))."""
    from keras import tree

    consumer_model, call = None, None
    for record in [failure.call, *failure.stack]:  # D itself when its input check refused the tensor
        if _one_declared_input(record.layer) is not None:
            consumer_model, call = record.layer, record
            break
    if consumer_model is None:
        return None
    declared = tuple(consumer_model.inputs[0].shape)
    got_tensors = [t for t in tree.flatten((call.args, call.kwargs)) if shape_of(t) is not None]
    if len(got_tensors) != 1:
        return None
    got = tuple(shape_of(got_tensors[0]))
    if len(got) != len(declared) or _same(got[1:], declared[1:]):
        return None
    right_before = any(run.model is consumer_model and run.input_shape is not None
                       and _same(run.input_shape[1:], declared[1:]) for run in recorder.runs)
    if not right_before:
        # D never took a tensor of its declared shape: nothing says D is right, unless the models are
        # stacked before anything ran (``Sequential([g_model, d_model])``) and the script holds data of D's
        # declared shape (the real images), G's symbolic output being the tensor D refused.
        return _stacked_pair(failure, got_tensors[0], declared, got)
    for run in reversed(recorder.runs):
        if run.model is None or run.model is consumer_model or run.output_shape is None:
            continue
        if _same(run.output_shape, got) and _built_graph_model(run.model):
            return run.model, declared, got, ""
    return None


def _stacked_pair(failure: Failure, tensor: Any, declared: tuple, got: tuple) -> tuple[Any, tuple, tuple, str] | None:
    """(G, D's declared input, the shape D got, the evidence) for ``D(G.output)`` refused while the models
    were stacked, when an array the user's code can name has D's declared sample shape (the data D is made for)."""
    from shapedoctor.diagnosis.engine import scope_data
    from shapedoctor.trace.recorder import is_symbolic

    history = getattr(tensor, "_keras_history", None) if is_symbolic(tensor) else None
    producer = history.operation if history is not None else None
    if producer is None or not _built_graph_model(producer) or not _same(tuple(producer.outputs[0].shape), got):
        return None
    named = [name for name, shape in scope_data(failure.exception).items()
             if len(shape) == len(declared) and _same(shape[1:], declared[1:])]
    if not named:
        return None
    return producer, declared, got, (f"that tensor was given to a model declared for {format_shape_of(declared)}, "
                                     f"the shape of the samples in `{named[0]}` (the real data)")


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(x is None or y is None or x == y for x, y in zip(a, b))


def _built_graph_model(model: Any) -> bool:
    try:
        return bool(model.inputs) and bool(model.outputs) and len(model.outputs) == 1
    except (AttributeError, ValueError):
        return False


def _factor(got: tuple, declared: tuple) -> tuple[str, int] | None:
    """("down", f) when every spatial axis is f times too large, ("up", f) when f times too small."""
    spatial = list(zip(got[1:-1], declared[1:-1]))
    if not spatial or got[-1] != declared[-1] or any(g is None or d is None for g, d in spatial):
        return None
    if all(g > d and g % d == 0 for g, d in spatial):
        ratios = {g // d for g, d in spatial}
        return ("down", ratios.pop()) if len(ratios) == 1 else None
    if all(d > g and d % g == 0 for g, d in spatial):
        ratios = {d // g for g, d in spatial}
        return ("up", ratios.pop()) if len(ratios) == 1 else None
    return None


def _smaller_by_a_few(got: tuple, declared: tuple) -> bool:
    """Every spatial axis smaller than declared by the same few pixels (a valid window's loss),
    the channels equal."""
    spatial = list(zip(got[1:-1], declared[1:-1]))
    if not spatial or got[-1] != declared[-1] or any(g is None or d is None for g, d in spatial):
        return False
    losses = {d - g for g, d in spatial}
    return len(losses) == 1 and 0 < losses.pop() < min(d for _, d in spatial) // 2


def _step(spec: Any) -> tuple[int, ...] | None:
    """How much a layer upsamples each spatial axis (None: it does not upsample)."""
    cfg = spec.config
    if spec.cls.startswith(_UPSAMPLING_PREFIX):
        size = cfg.get("size")
        size = tuple(size) if isinstance(size, (list, tuple)) else (size,)
    elif "Transpose" in spec.cls:
        size = tuple(cfg.get("strides") or ())
    else:
        return None
    size = tuple(int(s) for s in size)
    return size if any(s > 1 for s in size) else None


def _candidates(graph: Any, direction: str, factor: int) -> list:
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import InsertLayer, RemoveNode, SetConfig

    stages = [(n, graph.spec(n)) for n in graph.nodes if n.kind == "layer" and graph.spec(n) is not None
              and _step(graph.spec(n)) is not None]
    out: list = []
    if direction == "down":
        for node, spec in stages:  # the first stage after the seed first
            step = _step(spec)
            if any(s % factor for s in step):
                continue
            smaller = tuple(s // factor for s in step)
            if spec.cls.startswith(_UPSAMPLING_PREFIX):
                if all(s == 1 for s in smaller):
                    out.append(Candidate(f"upsample once less: remove {spec.name}", [RemoveNode(node.id)], cost=3))
                else:
                    size = smaller[0] if isinstance(spec.config.get("size"), int) else smaller  # UpSampling1D(4)
                    out.append(Candidate(f"upsample once less: size={size} on {spec.name}",
                                         [SetConfig(spec.key, {"size": size})], cost=1))
            else:
                out.append(Candidate(f"upsample once less: strides={smaller} on {spec.name}",
                                     [SetConfig(spec.key, {"strides": smaller})], cost=1))
    else:
        out += _unstrided_transposed(graph, factor)
    if direction == "up" and stages:
        node, spec = stages[-1]  # one more stage after the last one that upsamples
        rank = len(_step(spec))
        consumers = graph.consumers(node.outputs[0])
        if len(consumers) == 1:
            size = factor if rank == 1 else (factor,) * rank
            out.append(Candidate(f"upsample once more: insert UpSampling{rank}D({size}) after {spec.name}",
                                 [InsertLayer(consumers[0].id, f"UpSampling{rank}D", (size,))], cost=2))
    return out


def _seed_reshapes(graph: Any):
    """(node, spec, target) of each Reshape that makes a grid from a vector (a generator's or decoder's
    seed), in graph order: its input has one axis per sample and its target only whole sizes."""
    for node in graph.nodes:
        spec = graph.spec(node) if node.kind == "layer" else None
        if spec is None or spec.cls != "Reshape" or not node.input_ids():
            continue
        before = graph.tensors[node.input_ids()[0]].shape
        target = tuple(spec.config.get("target_shape") or ())
        if before is None or len(before) != 2 or len(target) < 2 or any(not isinstance(t, int) or t < 1 for t in target):
            continue
        yield node, spec, target


def _seed_grid(graph: Any, direction: str, factor: int) -> list:
    """The Reshape that makes the first grid from a vector (a generator's or decoder's seed) given
    a grid *factor* times smaller ("down") or larger ("up") with as many values (channels times
    factor**axes or divided by it): the stages after it are kept."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    for _node, spec, target in _seed_reshapes(graph):
        *grid, channels = target
        spread = factor ** len(grid)
        if direction == "down" and all(g % factor == 0 for g in grid):
            new = tuple(g // factor for g in grid) + (channels * spread,)
        elif direction == "up" and channels % spread == 0:
            new = tuple(g * factor for g in grid) + (channels // spread,)
        else:
            continue
        return [Candidate(f"seed grid {new} on {spec.name}", [SetConfig(spec.key, {"target_shape": new})], cost=0)]
    return []  # the first grid only


def _downsampling_stages(model: Any) -> int:
    """How many layers of *model* (nested models included) shrink the map by a stride or a pool."""
    count = 0
    for layer in getattr(model, "layers", []) or []:
        if getattr(layer, "layers", None) is not None:
            count += _downsampling_stages(layer)
            continue
        cfg = layer.get_config() if hasattr(layer, "get_config") else {}
        if "Transpose" in type(layer).__name__ or type(layer).__name__.startswith(_UPSAMPLING_PREFIX):
            continue
        steps = cfg.get("strides") or ()
        steps = steps if isinstance(steps, (list, tuple)) else (steps,)
        if any(isinstance(v, int) and v > 1 for v in steps):
            count += 1
    return count


def _upsampling_stages(model: Any) -> int:
    from shapedoctor.graph.model import LayerSpec

    count = 0
    for layer in getattr(model, "layers", []) or []:
        if getattr(layer, "layers", None) is not None:
            count += _upsampling_stages(layer)
        elif _step(LayerSpec(layer.name, type(layer).__name__, layer.get_config())) is not None:
            count += 1
    return count


def _unstrided_transposed(graph: Any, factor: int) -> list:
    """A transposed convolution that keeps the size (strides 1) made an upsampling stage by
    ``strides=factor``, the one nearest the output first (where a stage's stride is left out)."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    out = []
    for node in reversed(graph.nodes):
        spec = graph.spec(node) if node.kind == "layer" else None
        if spec is None or "Transpose" not in spec.cls or _step(spec) is not None:
            continue
        rank = len(tuple(spec.config.get("strides") or ()))
        if rank:
            strides = (factor,) * rank
            out.append(Candidate(f"upsample once more: strides={strides} on {spec.name}",
                                 [SetConfig(spec.key, {"strides": strides})], cost=1))
    return out


def _output_channels(graph: Any, channels: int) -> list:
    """The producing model's last layer that sets the channels (past layers that keep them: batch norm,
    activations) made with *channels*: ``Conv2DTranspose(1, ...)`` for a grayscale discriminator."""
    from shapedoctor.diagnosis.context import PASS_THROUGH
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    node = graph.producer(graph.outputs[0]) if len(graph.outputs) == 1 else None
    for _ in range(8):
        spec = graph.spec(node) if node is not None and node.kind == "layer" else None
        if spec is None:
            return []
        key = next((k for k in ("filters", "units") if isinstance(spec.config.get(k), int)), None)
        if key is not None:
            return [Candidate(f"make the output {channels} channels: {key}={channels} on {spec.name}",
                              [SetConfig(spec.key, {key: channels})], cost=1)]
        if spec.cls not in PASS_THROUGH or not node.input_ids():
            return []
        node = graph.producer(node.input_ids()[0])
    return []


def _shrinking_convolutions(graph: Any) -> list:
    """Each 'valid' convolution or pooling of window > 1 and stride 1 given ``padding="same"``:
    the candidates when the output is smaller than wanted by a few pixels, not by a factor."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    out = []
    for node in reversed(graph.nodes):
        spec = graph.spec(node) if node.kind == "layer" else None
        if spec is None or spec.config.get("padding") != "valid":
            continue
        window = spec.config.get("kernel_size") or spec.config.get("pool_size") or ()
        strides = spec.config.get("strides") or ()
        window = window if isinstance(window, (list, tuple)) else (window,)
        strides = strides if isinstance(strides, (list, tuple)) else (strides,)
        if any(int(w) > 1 for w in window) and all(int(s) == 1 for s in strides):
            out.append(Candidate(f'keep the size: padding="same" on {spec.name}',
                                 [SetConfig(spec.key, {"padding": "same"})], cost=1))
    return out


_KEEPS_WIDTH = ("BatchNormalization", "LayerNormalization", "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU",
                "Dropout")


def _rescaled_seed(graph: Any, got: tuple, declared: tuple) -> list:
    """The seed grid (the first Reshape of a vector into a grid) resized so that the stages after it
    give *declared* instead of *got*: each grid size times declared/got, when that is whole, with the
    Dense that makes the vector given as many units (``Dense(128 * 8 * 8)`` + ``Reshape((8, 8, 128))``
    for 32x32 images where the seed was written for 28x28)."""
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    spatial = list(zip(got[1:-1], declared[1:-1]))
    if not spatial or got[-1] != declared[-1] or any(not isinstance(g, int) or not isinstance(d, int)
                                                     for g, d in spatial):
        return []
    for node, spec, target in _seed_reshapes(graph):  # the first grid only
        before = graph.tensors[node.input_ids()[0]].shape
        if len(target) != len(spatial) + 1:
            return []
        *grid, channels = target
        if any((t * d) % g for t, (g, d) in zip(grid, spatial)):
            return []
        new_grid = tuple(t * d // g for t, (g, d) in zip(grid, spatial))
        width = channels * math.prod(new_grid)
        dense = graph.producer(node.input_ids()[0])
        while dense is not None and graph.spec(dense) is not None and graph.spec(dense).cls in _KEEPS_WIDTH:
            dense = graph.producer(dense.input_ids()[0]) if dense.input_ids() else None
        dspec = graph.spec(dense) if dense is not None else None
        if dspec is None or dspec.cls != "Dense" or dspec.config.get("units") != before[1]:
            return []
        new = tuple(new_grid) + (channels,)
        return [Candidate(f"seed the grid at {new[:-1]}: Reshape({new}) on {spec.name} and units={width} on "
                          f"{dspec.name}", [SetConfig(spec.key, {"target_shape": new}),
                                            SetConfig(dspec.key, {"units": width})], cost=1)]
    return []


def _refocused(recorder: Recorder, finding: Any, producer: Any, declared: tuple, got: tuple,
               family: tuple[str, str] = ("SD102", "wrong-axis-size"), target: str = "",
               not_this: str = "the model that refused it", stages_mirrored: bool = False) -> Any:
    from shapedoctor.graph.from_trace import graph_from_model
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import attach
    from shapedoctor.repair.codegen import CodeWriter
    from shapedoctor.repair.ranking import annotate
    from shapedoctor.repair.verify import verify_all
    from shapedoctor.report.model import FixReport, Place

    found = _factor(got, declared)
    graph = graph_from_model(recorder, producer)
    if found is not None:
        direction, factor = found
        candidates = _candidates(graph, direction, factor)
        if stages_mirrored:  # as many upsampling stages as the data's model downsamples: the seed is wrong
            # A grid too small is seeded larger with its channels kept (Dense(8 * 8 * 128) and
            # Reshape((8, 8, 128))), before a seed that keeps its values by giving up channels.
            larger = _rescaled_seed(graph, got, declared) if direction == "up" else []
            for cand in larger:
                cand.cost = 0  # as small an edit as the seed that gives up channels, and keeps them
            candidates = larger + _seed_grid(graph, direction, factor) + candidates
    elif _smaller_by_a_few(got, declared) and _shrinking_convolutions(graph):
        direction, factor = "shrink", 0
        candidates = _shrinking_convolutions(graph)
    elif _same(got[:-1], declared[:-1]) and got[-1] != declared[-1] and _output_channels(graph, declared[-1]):
        direction, factor = "channels", 0  # RGB images made for a grayscale discriminator (r660)
        candidates = _output_channels(graph, declared[-1])
    else:
        direction, factor = "seed", 0
        candidates = _rescaled_seed(graph, got, declared)
    if not candidates:
        return None
    verified = [c for c in verify_all(graph, candidates, expected_output=declared)
                if c.result_shape is not None and _same(tuple(c.result_shape)[1:], declared[1:])]
    if not verified:
        return None
    writer = CodeWriter(graph)
    fixes = []
    for cand in verified:
        code = writer.render(cand)
        fix = attach(FixReport(cand.title, code.code, code.file, code.line, True, format_shape(cand.result_shape),
                               cand.note, checks=dict(cand.checks.results), cost=cand.cost), code.edits, code.why_not)
        fix.replay_only = True
        fixes.append(fix)
    first = verified[0].edits[0]
    node = next((n for n in graph.nodes if getattr(first, "node", None) == n.id or getattr(first, "layer", None) == n.layer
                 or getattr(first, "before", None) == n.id), None)
    if node is not None and getattr(first, "before", None) == node.id:  # an inserted stage: name the last stage
        node = graph.producer(node.input_ids()[0])
    spec = graph.spec(node) if node is not None else None
    site = spec.created if spec is not None else None
    if site is None:
        return None
    finding.id, finding.family = family
    finding.culprit = Place("layer", spec.name, spec.cls, site.file, site.line, site.code)
    finding.clear_culprit_marks()  # the path shows the refusing model's input, not the producing model's layer
    finding.expected, finding.received = format_shape(declared), format_shape(got)
    target = target or (f"that tensor was given to a model declared for {format_shape(declared)}, which already "
                        f"ran on tensors of its declared shape (the real data)")
    if stages_mirrored and verified[0].title.startswith("seed"):
        direction = "seed"
    if direction == "channels":
        how = None
    elif direction == "shrink":
        how = "a few pixels too small: a 'valid' window of its own shrinks the map"
    elif direction == "seed":
        how = ("set by the grid it starts from: its upsampling stages are right, the first grid (the Reshape of "
               "the seed vector) was written for another image size")
    else:
        how = (f"{factor} times too {'large' if direction == 'down' else 'small'}: it upsamples "
               f"{'one stage too many' if direction == 'down' else 'one stage too few'}")
    finding.explanation = (
        f"`{producer.name}` produced {format_shape(got)}, and {target}: the producing model's layers are "
        f"wrong, not {not_this}. " + (f"Its spatial size is {how}." if how else
                                      f"Its last layer makes {got[-1]} channels where {declared[-1]} are taken.")
    )
    finding.fixes = fixes
    finding.why_first = None
    annotate(finding)
    return finding


_OPERAND_SHAPES = re.compile(r"(?:input shapes|Incompatible shapes)[^\[]*(\[[\d, ?]+\])[^\[]*(\[[\d, ?]+\])")


def upstream_op_finding(recorder: Recorder, exc: BaseException, finding: Any) -> Any:
    """*finding* (read from the text of an op's error inside a training step) re-aimed at the model
    whose output met the data it should reproduce, when the rule holds; else *finding*."""
    try:
        found = _find_op_pair(recorder, str(exc))
        if found is None:
            return finding
        producer, declared, got, call, taker = found
        mirrored = taker is not None and _downsampling_stages(taker) == _upsampling_stages(producer) > 0
        given = f"given to `{call.method}`" if call is not None else "of the training step"
        target = (f"it was compared with the data {format_shape_of(declared)} {given}, which "
                  f"a model of the step took as its declared input (so the data are right by construction)")
        refocused = _refocused(recorder, finding, producer, declared, got, ("SD202", "labels-vs-loss"), target,
                               "the data", stages_mirrored=mirrored)
    except Exception:  # noqa: BLE001 - evidence only: any surprise keeps the text's reading
        return finding
    if refocused is None:
        return finding
    if call is not None:
        from shapedoctor.diagnosis.training_fixes import call_place

        refocused.consumer = call_place(call)
    else:  # a loop of the user's own: the line where the op raised
        from shapedoctor.report.model import Place

        site = _user_site(exc)
        if site is not None:
            refocused.consumer = Place("consumer", "op", "op", site.file, site.line, site.code)
    return refocused


def _user_site(exc: BaseException) -> Any:
    """The user's line where *exc* was raised; inside a ``tf.function`` the traceback's innermost
    user frame is AutoGraph's rewrite, and the message names the user's own line."""
    import linecache

    from shapedoctor.trace.sites import Site, display_path, is_user_file, site_from_traceback

    site = site_from_traceback(exc.__traceback__)
    if site is None or _AUTOGRAPH not in site.file:
        return site
    named = [(f, int(n)) for f, n in re.findall(r'File "([^"]+)", line (\d+)', str(exc))
             if _AUTOGRAPH not in f and is_user_file(f)]
    if not named:
        return site
    file, line = named[-1]
    return Site(display_path(file), line, linecache.getline(file, line).strip())


_AUTOGRAPH = "__autograph_generated"


def format_shape_of(shape: tuple) -> str:
    from shapedoctor.graph.model import format_shape

    return format_shape(shape)


def _operand_shapes(message: str) -> list[tuple[int, ...]] | None:
    """The two operand shapes an op's error names (``input shapes: [8,16,16,3], [8,14,14,3]``,
    ``received ((8, 56, 56, 1) vs (8, 28, 28, 1))``)."""
    for pattern in _OPERAND_PATTERNS:
        match = pattern.search(message)
        if match is not None:
            return [tuple(None if v == "?" else int(v) for v in re.findall(r"\d+|\?", m)) for m in match.groups()]
    return None


_OPERAND_PATTERNS = (_OPERAND_SHAPES, re.compile(r"\(\(([\d, ]+)\) vs \(([\d, ]+)\)\)"),
                     # a loss called on them: "target.shape=(64, 32, 32, 1), output.shape=(64, 28, 28, 1)"
                     re.compile(r"target\.shape=\(([\d, ]+)\), output\.shape=\(([\d, ]+)\)"))


def _declared_for(call: Any, declared: tuple) -> list:
    """The models held by the trained model (a GAN's discriminator) whose one declared input has the
    data's sample shape: evidence, like a model that ran on the data, that the data are right."""
    model = getattr(call, "model", None) if call is not None else None
    return [layer for layer in getattr(model, "layers", None) or []
            if (shape := _one_declared_input(layer)) is not None and _same(shape[1:], declared[1:])]


def _one_declared_input(layer: Any) -> tuple | None:
    """The declared input shape of a built model with exactly one input, else None."""
    if getattr(layer, "layers", None) is None or not getattr(layer, "built", False):
        return None
    try:
        inputs = layer.inputs
    except (AttributeError, ValueError):
        return None
    return tuple(inputs[0].shape) if inputs and len(inputs) == 1 else None


def _find_op_pair(recorder: Recorder, message: str) -> tuple[Any, tuple, tuple, Any, Any] | None:
    """(G, the data's shape with a free batch axis, G's output shape, the training call or None,
    another model that took the data as its declared input or None).

    The data side is the operand of the sample shape of the data ``fit`` was given or, in a loop
    of the user's own, of a tensor a model of the step took as its declared input.
    """
    shapes = _operand_shapes(message)
    if shapes is None or len(shapes) != 2 or len(shapes[0]) != len(shapes[1]):
        return None
    call = recorder.training_calls[-1] if recorder.training_calls else None
    taken = [tuple(s) for run in recorder.runs if run.model is not None
             for s in (run.input_shapes or [run.input_shape]) if s is not None]
    if call is not None:
        data = call.x_shapes
        if not (isinstance(data, tuple) and data and all(isinstance(d, (int, type(None))) for d in data)):
            return None
        candidates = [(None,) + tuple(data[1:])]
    else:
        candidates = [(None,) + s[1:] for s in shapes if any(_same(t[1:], s[1:]) for t in taken)]
    if len(candidates) != 1:
        return None
    declared = candidates[0]
    data_side = [s for s in shapes if _same(s[1:], declared[1:])]
    other = [s for s in shapes if not _same(s[1:], declared[1:])]
    if len(data_side) != 1 or len(other) != 1 or len(other[0]) != len(declared):
        return None
    got = other[0]
    takes_data = {id(run.model) for run in recorder.runs if run.model is not None
                  and any(s is not None and _same(s[1:], declared[1:]) for s in (run.input_shapes or [run.input_shape]))}
    declaring = _declared_for(call, declared)
    takes_data |= {id(m) for m in declaring}
    if not takes_data:
        return None  # nothing in the step took the data as its input: the data may be what is wrong
    # Another model than the one that took the data first (the decoder of an autoencoder), else the
    # same one (an image-to-image network: its output must keep its input's size).
    for others_only in (True, False):
        for run in reversed(recorder.runs):
            if (run.model is None or (others_only and id(run.model) in takes_data) or run.output_shape is None
                    or not _same(run.output_shape[1:], got[1:]) or not _built_graph_model(run.model)):
                continue
            taker = next((r.model for r in recorder.runs if id(r.model) in takes_data and r.model is not run.model),
                         None) or next((m for m in declaring if m is not run.model), None)
            return run.model, declared, got, call, taker
    return None
