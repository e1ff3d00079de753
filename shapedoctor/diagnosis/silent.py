"""Silent merge broadcasting (SD205): Add/Multiply/... accepted inputs of different shapes.

The recorder notes every element-wise merge whose inputs differed; here each becomes a
warning whose fixes are verified by replaying the graph and checking that the merge now
receives equal shapes.
"""

from __future__ import annotations

import dataclasses
import linecache
from typing import Any

from shapedoctor.diagnosis.context import Context
from shapedoctor.diagnosis.culprit import place_of
from shapedoctor.families import get
from shapedoctor.graph.model import format_shape
from shapedoctor.infer.propagate import propagate
from shapedoctor.patch.apply import attach
from shapedoctor.repair.codegen import CodeWriter
from shapedoctor.report.model import Finding, FixReport, PathStep
from shapedoctor.trace.failed_sum import one_channel_over_many


def merge_broadcast_findings(recorder: Any) -> list[Finding]:
    return findings_from(recorder, recorder.merge_broadcasts, _finding)


def findings_from(recorder: Any, records: list, make) -> list[Finding]:
    """The silent findings *make* builds for each recorded call; one it cannot build is skipped."""
    out = []
    for record in records:
        try:
            finding = make(recorder, record)
        except Exception:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            finding = None
        if finding is not None:
            out.append(finding)
    return out


def call_graph(recorder: Any, record: Any):
    """(the graph up to a recorded call that raised nothing, its node, its output tensor's id)."""
    from shapedoctor.graph.from_trace import GraphBuilder

    builder = GraphBuilder(recorder, record.site)
    if _is_operation(record.layer):  # `x + y` on functional tensors: Keras recorded an operation
        out_t = builder.tensor(record.outputs)
        graph = builder.graph
        node = graph.producer(out_t)
        node.called = record.site
    else:
        node_id = builder.add_call(record)
        graph = builder.graph
        node = graph.node(node_id)
        out_t = graph.new_tensor_id()
        from shapedoctor.graph.model import TensorInfo

        graph.tensors[out_t] = TensorInfo(out_t, None, "float32", node_id)
        node.outputs.append(out_t)
    graph.outputs = [out_t]
    return graph, node, out_t


def _finding(recorder: Any, record: Any) -> Finding | None:
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate

    graph, node, out_t = call_graph(recorder, record)
    node_id = node.id
    shapes = [graph.tensors[t].shape for t in node.input_ids()]
    if len(shapes) < 2 or any(s is None for s in shapes):
        return None
    # Only a per-sample scalar, e.g. (None, 1) or (None, 1, 1, 1), stretched over features is
    # suspicious in general; per-position weights such as (None, 20, 1) in attention pooling or a
    # spatial mask (None, H, W, 1) multiplying (None, H, W, C) are intended. A sum is different: a
    # residual adds a block's output to its input, channel for channel, so one channel added to C
    # (None, T, 1) + (None, T, C) is a producer sized wrong.
    is_sum = type(record.layer).__name__ in _SUMS
    if not any(all(d == 1 for d in s[1:]) for s in shapes) and not (is_sum and one_channel_over_many(shapes)):
        return None
    small = min(range(len(shapes)), key=lambda i: shapes[i][-1] or 0)
    big = max(range(len(shapes)), key=lambda i: shapes[i][-1] or 0)
    fam = get("SD205")
    ctx = Context(graph, node, "SD205", "", received=shapes, bad_input=small)
    prod = ctx.shaping_producer(ctx.producer(small))
    while prod is not None and prod.kind == "layer" and ctx.cls_of(prod) in ("Reshape", "Flatten"):
        prod = ctx.shaping_producer(ctx.graph.producer(prod.input_ids()[0]))  # they move values, not make them
    candidates: list[Candidate] = list(g.set_width(ctx, prod, shapes[big][-1]))
    flipped = projected = False
    if not candidates and is_sum and prod is not None and prod.kind in ("input", "data") and one_channel_over_many(shapes):
        # A residual around a block: the shortcut is the model's own input (its channels are the
        # data's). The expert projects the shortcut to the block's channels with a 1x1 convolution
        # (ResNet's projection shortcut, Deep Learning with Python's residual blocks); giving the
        # block's last layer the input's few channels back comes second.
        big_prod = ctx.shaping_producer(ctx.producer(big))
        rank = len(shapes[small]) - 2
        projected = 1 <= rank <= 3
        if projected:
            candidates.append(g.insert(ctx, f"Conv{rank}D", shapes[big][-1], 1, cost=1, input_index=small,
                                       why=f"project the shortcut to {shapes[big][-1]} channels"))
        flips = [dataclasses.replace(c, cost=2) for c in g.set_width(ctx, big_prod, shapes[small][-1])]
        candidates += flips
        if flips:
            prod, small, big, flipped = big_prod, big, small, True
    if not candidates:
        # The scalar is not a layer's `units`/`filters` set to 1 but computed (a slice of a
        # softmax over instances, a keepdims reduction, a custom layer's weights): the
        # stretching is the program's own arithmetic, not a producer sized wrong.
        return None
    hint = None
    if len(shapes[small]) == 2 and shapes[small][-1] == 1 and not projected:
        hint = g.insert(ctx, "RepeatVector", shapes[big][-1], why="make the repetition explicit", cost=3)
        candidates.append(hint)
    writer = CodeWriter(graph)
    fixes = []
    for cand in candidates:
        trial = graph.copy()
        for e in cand.edits:
            e.apply(trial)
        if cand is hint and len(candidates) > 1:
            continue  # RepeatVector changes rank: only a hint, not a verified like-for-like fix
        result = propagate(trial)
        merged = trial.node(node_id)
        in_shapes = [result.shapes.get(t) for t in merged.input_ids()]
        lasts = {sh[-1] for sh in in_shapes if sh}
        if result.ok and len(lasts) == 1 and None not in in_shapes:  # no more stretching of the feature axis
            code = writer.render(cand)
            fixes.append(attach(FixReport(cand.title, code.code, code.file, code.line, True,
                                          format_shape(result.shapes.get(out_t)), cand.note,
                                          checks={"reaches_end": True}, cost=cand.cost), code.edits, code.why_not))
    projection_first = projected and bool(fixes) and fixes[0].title == candidates[0].title
    if projection_first and len(candidates) > 1 and len(fixes) > 1 and fixes[1].title == candidates[1].title \
            and _where_chosen(graph, candidates[1]) is not None:
        # The block's widths are chosen where it is made (ResnetIdentityBlock(1, [1, 2, 3])): an identity
        # block whose last width is that choice, written there, comes first.
        fixes[0], fixes[1] = fixes[1], fixes[0]
        candidates[0], candidates[1] = candidates[1], candidates[0]
        projection_first = False
    chosen = _where_chosen(graph, candidates[0]) if fixes and fixes[0].title == candidates[0].title else None
    if chosen is not None:  # the size is chosen elsewhere (a constructor's argument): fixed there first
        fixes.insert(0, chosen)
    if projection_first and fixes[0].patch is None:
        helper = _projection_in_helper(ctx, node, small if not flipped else big, prod, fixes[0].title)
        if helper is not None:  # a block helper called with several widths: project only when they differ
            fixes.insert(0, helper)
    shown = " and ".join(format_shape(s) for s in shapes)
    consumer = place_of(ctx, node, as_consumer=True)
    if projection_first:
        prod = None  # the shortcut is projected where the two meet: the merge's line is where it belongs
    culprit = place_of(ctx, prod) if prod is not None else consumer
    path = [PathStep(p.layer or "?", p.cls or "?", format_shape(graph.tensors[n.outputs[0]].shape), p.file, p.line,
                     "culprit" if n is prod else "")
            for n in [graph.producer(t) for t in node.input_ids()] if n is not None for p in [place_of(ctx, n)]]
    path.append(PathStep(consumer.layer or "?", consumer.cls or "?", format_shape(record_output(record)),
                         consumer.file, consumer.line, "consumer"))
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"{consumer.cls} `{consumer.layer}` silently broadcast {shown}",
        consumer=consumer, culprit=culprit, expected="equal shapes", received=shown, path=path,
        explanation=(f"{consumer.cls} combines its inputs value by value. It received {shown}: the axis of size 1 "
                     "was stretched to match the other input, so one value is reused for every position. No error "
                     "is raised; if the repetition is not intended, the smaller input comes from a producer with "
                     "the wrong number of units.") if not flipped else (
            f"{consumer.cls} combines its inputs value by value. It received {shown}: the input of one channel "
            "was stretched over the other's channels. A residual adds a block's output to the block's own input, "
            "channel for channel, so the block's last layer must give back as many channels as the input has "
            f"({shapes[big][-1]}); no error is raised, the shortcut is just not an identity.") if not projection_first
        else (f"{consumer.cls} combines its inputs value by value. It received {shown}: the shortcut's one channel "
              "was stretched over the block's channels. When a block changes the number of channels, its shortcut "
              "needs a 1x1 convolution to that number (a projection shortcut); no error is raised, the sum is "
              "just not a residual."),
        fixes=fixes,
    )


_SUMS = frozenset({"Add", "Subtract"})


def _projection_in_helper(ctx, merge, short: int, branch, title: str) -> FixReport | None:
    """The projection shortcut written in a block helper called with several widths, as Deep Learning
    with Python writes it: ``if residual.shape[-1] != filters: residual = layers.Conv2D(filters, 1)(residual)``
    before the merge, *filters* spelled as the branch's last layer spells its width, proven by running
    the patched script. None when the merge's line does not name the shortcut or the branch's width is
    not written as an expression."""
    import ast

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    site = merge.called
    spec = ctx.graph.spec(branch) if branch is not None else None
    if site is None or not site.file or spec is None or spec.created is None or spec.created.file != site.file:
        return None
    text = linecache.getline(site.file, site.line)
    made = linecache.getline(site.file, spec.created.line)
    try:
        merged = [n for n in ast.walk(ast.parse(text.strip())) if isinstance(n, ast.Call) and n.args
                  and isinstance(n.args[0], (ast.List, ast.Tuple))]
        conv = next(n for n in ast.walk(ast.parse(made.strip())) if isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Attribute) and n.func.attr.startswith("Conv") and n.args)
    except (SyntaxError, StopIteration):
        return None
    if len(merged) != 1 or short >= len(merged[0].args[0].elts) or not isinstance(merged[0].args[0].elts[short], ast.Name):
        return None
    residual = merged[0].args[0].elts[short].id
    width = ast.get_source_segment(made.strip(), conv.args[0])
    layer = ast.get_source_segment(made.strip(), conv.func)
    if not width or not layer or isinstance(conv.args[0], ast.Constant):
        return None
    indent = text[:len(text) - len(text.lstrip())]
    lines = (f"{indent}if {residual}.shape[-1] != {width}:\n"
             f"{indent}    {residual} = {layer}({width}, 1)({residual})\n")
    edit = TextEdit(site.file, site.line, 0, site.line, 0, lines)
    code = lines.strip("\n").replace(indent, "", 1).replace("\n" + indent, "\n")
    return script_checked_fix(f"{title}, only where the widths differ: {residual} = {layer}({width}, 1)({residual})",
                              code, display_path(site.file), site.line, [edit], cost=1)


def _where_chosen(graph, cand) -> FixReport | None:
    """For a fix that sets one size of one layer, written on that layer's line from a name chosen
    elsewhere (``Conv2D(filters3, ...)`` in ``__init__``, ``ResnetIdentityBlock(1, [1, 2, 3])``): the
    same size written where it is chosen, to be proven by running the patched script. Not when the
    value is a literal other layers of the graph share (they would change with it)."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.repair.edits import SetConfig
    from shapedoctor.repair.size_origin import argument_rebinding

    edit = cand.edits[0] if len(cand.edits) == 1 else None
    if not isinstance(edit, SetConfig) or len(edit.changes) != 1:
        return None
    spec = graph.layers[edit.layer]
    (key, new), = edit.changes.items()
    old = spec.config.get(key)
    if spec.klass is None or spec.created is None:
        return None
    if _argument_shared(spec.created, spec.klass.__name__):
        return None  # the name sizes other layers too (an output layer): they would change with it
    bound = argument_rebinding(spec.created, spec.klass, key, old, new)
    if bound is None:
        return None
    literal = all(e.text.strip().lstrip("-").isdigit() for e in bound.text_edits)
    if literal and sum(other.config.get(key) == old for other in graph.layers.values()) > 1:
        return None
    fix = script_checked_fix(f"{cand.title}, where the size is chosen: {bound.shown}", bound.shown, bound.file,
                             bound.line, list(bound.text_edits), cost=cand.cost)
    fix.chooses_size = True
    return fix


def _argument_shared(site, cls_name: str) -> bool:
    """Whether a plain name given to the layer call at *site* (``Dense(output_dim)``) is also given to
    another call in the same function (``self.out = Dense(output_dim)``)."""
    import ast

    from shapedoctor.repair.size_origin import enclosing_scope
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    tree, around = source_tree_and_calls_at(site)
    calls = [n for n in around if called_name(n.func) == cls_name]
    if tree is None or len(calls) != 1:
        return False
    names = {a.id for a in [*calls[0].args, *(k.value for k in calls[0].keywords)] if isinstance(a, ast.Name)}
    scope = enclosing_scope(tree, site.line)
    others = [c for c in ast.walk(scope) if isinstance(c, ast.Call) and c is not calls[0]]
    return any(isinstance(a, ast.Name) and a.id in names for c in others
               for a in [*c.args, *(k.value for k in c.keywords)])


def _is_operation(obj: Any) -> bool:
    """A keras.ops operation (``x + y`` on functional tensors), not a Layer."""
    from keras.layers import Layer

    return obj is not None and not isinstance(obj, Layer)


def record_output(record: Any):
    from shapedoctor.trace.recorder import shape_of

    return shape_of(record.outputs)
