"""From a caught failure to a :class:`~shapedoctor.report.model.Finding`.

The steps, in order: classify the exception into a family; build the graph (from the
failing call, or from the whole model when the data did not fit a built model); read
what the consumer expected from its InputSpec; walk back to the culprit; explain; let the
family propose candidates and keep only those Keras verifies; render them as code.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.classify import _ANSI, classify, keras_message
from shapedoctor.diagnosis.context import Context, parse_expectations
from shapedoctor.diagnosis.culprit import (
    declared_data_read,
    find_culprit,
    identity_shortcut,
    loop_iterable,
    merged_argument_line,
    place_of,
)
from shapedoctor.diagnosis.snapshot import fix_view, view_of
from shapedoctor.diagnosis.explain import expected_text, explanation, received_text
from shapedoctor.diagnosis.layer_own_code import explanation as own_code_explanation
from shapedoctor.diagnosis.layer_own_code import own_code_place
from shapedoctor.diagnosis.reaim import loss_shapes
from shapedoctor.families import get as get_family
from shapedoctor.families.sd103_tokens import token_count_line
from shapedoctor.families.sd108_generic import groups_refused
from shapedoctor.graph.from_trace import graph_from_failure, graph_from_model
from shapedoctor.graph.model import Graph, Node, format_shape
from shapedoctor.infer.propagate import propagate
from shapedoctor.patch.apply import attach
from shapedoctor.repair.codegen import CodeWriter
from shapedoctor.repair.ranking import annotate
from shapedoctor.repair.verify import verify_all
from shapedoctor.report.model import Finding, FixReport, PathStep
from shapedoctor.trace.recorder import Failure, Recorder, is_symbolic, shape_of


def diagnose_failure(recorder: Recorder, failure: Failure) -> Finding | None:
    """The finding for *failure*, or None when it is not a shape problem we know."""
    layer = failure.call.layer
    from shapedoctor.diagnosis.rnn_state import state_finding

    stated = state_finding(recorder, failure)  # a recurrent layer started from a state of another width
    if stated is not None:
        return stated
    said = message = keras_message(failure.exception)
    from shapedoctor.diagnosis.axis_read import rank_message

    read = rank_message(failure)  # a custom layer's build read input_shape[2] of a 2-D input
    if read is not None:
        message, said = read, f"{type(failure.exception).__name__}: {said}"
    family_id = classify(message, type(layer).__name__) or _merge_of_ranks(failure)
    if family_id is None:
        return None
    ctx = _context(recorder, failure, family_id, message)
    if ctx is None:
        return None
    ctx.graph.named_sizes = _scope_sizes(failure.stands_for or failure.exception)
    family = get_family(ctx.family)
    culprit = find_culprit(ctx)
    own = own_code_place(ctx, failure) if ctx.family in ("SD101", "SD102") else None
    if own is not None:  # an op inside a custom layer's call() refused a tensor the layer made itself
        culprit = ctx.consumer
    ctx.culprit = culprit
    replay = propagate(ctx.graph)
    candidates = list(family.fixes(ctx)) if family.fixes and own is None else []
    from shapedoctor.repair.data_follows import with_data_moved

    candidates = [with_data_moved(ctx, cand) for cand in candidates]  # a new declaration moves the old data
    from shapedoctor.diagnosis.size_choice import pending_rebinding, with_size_choices

    candidates = with_size_choices(ctx, candidates)  # a size an Input declares, edited where it is chosen
    rejected: list = []
    verified = verify_all(ctx.graph, candidates, ctx.expected_output, rejected=rejected)
    if not verified and own is None and ctx.data_shape is None and (culprit is None or culprit.kind == "layer"):
        verified, culprit = _searched(ctx, culprit)
        ctx.culprit = culprit
    elif verified and ctx.family == "SD108" and (loss_shapes(ctx.message) is not None
                                                 or groups_refused(ctx.message) is not None):
        from shapedoctor.repair.edit_search import edited_node

        # a loss inside a layer compared two of its inputs: the one the verified fix resizes made the odd shape;
        # a grouped convolution's groups do not divide its input channels: that layer's setting
        culprit = ctx.culprit = edited_node(ctx, verified[0]) or culprit
    writer = CodeWriter(ctx.graph)
    fixes = []
    rendered = [(cand, writer.render(cand)) for cand in verified]
    kept = [(c, code) for c, code in rendered if _code_invariants_kept(c, code)]
    if not kept:
        # Nothing keeps every invariant: show the cheapest candidate Keras accepted, marked
        # "not verified: <invariant>".
        pool = [c for c, _code in rendered] + rejected
        if pool:
            best = min(pool, key=lambda c: c.cost)
            kept = [(best, next((code for c, code in rendered if c is best), None) or writer.render(best))]
    for cand, code in kept:
        title = cand.title if cand.verified else f"{cand.title} (not verified: {cand.checks.failure_text()})"
        fix = attach(FixReport(title, code.code, code.file, code.line, cand.verified,
                               format_shape(cand.result_shape) if cand.result_shape else None, cand.note,
                               checks=dict(cand.checks.results), cost=cand.cost),
                     code.edits, code.why_not)
        fix.graph = fix_view(ctx.graph, cand)
        fix.replay_only = cand.verified
        fix.chooses_size = code.chooses_size  # written where the value is chosen: proven by the script
        fixes.append(fix)
    pending = pending_rebinding(ctx, candidates, verified, fixes)
    consumer_place = place_of(ctx, ctx.consumer, as_consumer=True)
    received = received_text(ctx)
    expected = expected_text(ctx)
    what = f"{consumer_place.cls} `{consumer_place.layer}` refused its input"
    if expected and received:
        what += f": expected {expected}, received {received}"
    merged = merged_argument_line(ctx, culprit)  # a merge in the user's call(): the line that made its odd input
    finding = Finding(
        id=family.id,
        family=family.slug,
        severity=family.severity,
        message=what,
        consumer=consumer_place,
        culprit=own or identity_shortcut(ctx) or token_count_line(ctx) or loop_iterable(ctx)
        or merged or declared_data_read(ctx, culprit)
        or (place_of(ctx, culprit) if culprit is not None else None),
        expected=expected,
        received=received,
        path=_path(ctx, culprit, replay.shapes),
        explanation=own_code_explanation(own, received) if own is not None else _named_odd_input(
            explanation(ctx, culprit), merged),
        fixes=fixes,
        keras_message=said,
        graph=view_of(ctx.graph, replay.shapes, culprit=culprit, consumer=ctx.consumer),
    )
    inner = _wrapped_model_layer(ctx, kept, culprit)
    if inner is not None:  # TimeDistributed(encoder): the encoder's own layer is the root cause
        finding.culprit = inner
        finding.clear_culprit_marks()
        finding.explanation = finding.explanation.rstrip() + (f" `{place_of(ctx, culprit).layer}` applies a whole model to every step; that model "
                                f"ends in {inner.cls} `{inner.layer}`, which returns its own sequence for each step "
                                "instead of one vector.")
    if ctx.family == "SD104":
        from shapedoctor.diagnosis.trailing_axis import misplaced_axis, missing_trailing_axis

        trailing = missing_trailing_axis(failure) or misplaced_axis(failure)
        if trailing is not None:  # weights (batch, steps) times states (batch, steps, features) in call()
            finding.culprit, fix, finding.explanation = trailing
            finding.fixes.insert(0, fix)
            for step in finding.path:  # the layer's own code is the root cause, not a layer before it
                step.role = "" if step.role == "culprit" else step.role
    if own is None and ctx.family in ("SD101", "SD102"):
        from shapedoctor.diagnosis.kernel_layout import batch_axis_join, swapped_kernel

        joined = batch_axis_join(ctx, failure)
        swapped = swapped_kernel(ctx, failure) if joined is None else None
        if joined is not None:  # relu(x) and relu(-x) joined on axis 0 before a (2 * dim, dim) kernel
            finding.culprit, fix = joined
            finding.fixes.insert(0, fix)
            finding.explanation = (f"`{finding.culprit.layer}` joins its tensors along axis 0, the batch axis, so "
                                   "the product gets more rows of the same width; its kernel was made for them "
                                   f"joined side by side ({ctx.shape_in()[-1]} values each). The input is right.")
            for step in finding.path:
                step.role = "" if step.role == "culprit" else step.role
        if swapped is not None:  # a layer written from scratch made its kernel (units, input width)
            finding.culprit, fix = swapped
            finding.fixes.insert(0, fix)
            finding.explanation = (f"`{finding.culprit.layer}` multiplies its input by a weight it created itself; "
                                   f"the weight's second axis has the input's width ({ctx.shape_in()[-1]}), where the "
                                   "product needs it first: the weight is created with its two sizes swapped. The "
                                   "input is right.")
            for step in finding.path:  # the data is not the root cause the path marked
                step.role = "" if step.role == "culprit" else step.role
    if pending is not None and finding.culprit is not None and finding.culprit.kind == "input":
        finding.culprit = pending  # the Input's size is chosen elsewhere: the line that chooses it
    from shapedoctor.diagnosis.helper_choice import sibling_helper

    choice = sibling_helper(ctx, failure, finding.culprit if finding.culprit and finding.culprit.cls == "shortcut" else None)
    if choice is not None:  # the caller picked the identity block where the projecting one was needed
        finding.culprit = choice.culprit
        finding.fixes.insert(0, choice.fix)
    if ctx.family == "SD105":  # a keras.applications model built on a too-small input tensor
        from shapedoctor.diagnosis.application_input import resize_into_application

        finding = resize_into_application(ctx, finding)
    if failure.stands_for is not None:  # a failed `x + y` diagnosed as its merge: quote what really raised
        finding.keras_message = keras_message(failure.stands_for)
    annotate(finding)
    if ctx.family in ("SD101", "SD102", "SD106"):  # SD101: a model's input check squeezed an axis of size 1
        from shapedoctor.diagnosis.upstream_model import upstream_finding

        finding = upstream_finding(recorder, failure, finding)  # D(G(z)): G's layers made the wrong size
    return finding


def _wrapped_model_layer(ctx: Context, kept: list, culprit: Node | None):
    """The place of the layer that the first verified fix edits inside a model a wrapper applies
    (``TimeDistributed(sentence_encoder)`` whose encoder ends in a recurrent layer that keeps its steps,
    r1183): that layer's line, where the fix is written, is the root cause; or None."""
    from shapedoctor.repair.edits import SetConfig
    from shapedoctor.report.model import Place

    if not kept or culprit is None or culprit.kind != "layer":
        return None
    cand, code = kept[0]
    if not cand.verified or len(cand.edits) != 1 or not isinstance(cand.edits[0], SetConfig):
        return None
    edit = cand.edits[0]
    nested = edit.changes.get("layer")
    if edit.layer != culprit.layer or not isinstance(nested, dict) \
            or not isinstance((nested.get("config") or {}).get("layers"), list) or not code.file or not code.line:
        return None
    before = {(e.get("config") or {}).get("name"): e for e in
              (ctx.config_of(culprit).get("layer") or {}).get("config", {}).get("layers", [])}
    changed = [e for e in nested["config"]["layers"] if before.get((e.get("config") or {}).get("name")) != e]
    if len(changed) != 1:
        return None
    return Place.at_line("layer", changed[0]["config"].get("name"), changed[0].get("class_name"), code.file, code.line)


def _merge_of_ranks(failure: Failure) -> str | None:
    """A merge layer given tensors of different ranks may fail with any message (Concatenate's
    ``compute_output_shape`` indexes the shorter shape: "list index out of range"); the ranks
    are the evidence that it is a merge mismatch."""
    from shapedoctor.diagnosis.context import MERGE

    if type(failure.call.layer).__name__ not in MERGE or not failure.call.args:
        return None
    from keras import tree

    ranks = {len(s) for s in (shape_of(t) for t in tree.flatten(failure.call.args[0])) if s is not None}
    return "SD104" if len(ranks) > 1 else None


def _searched(ctx: Context, culprit: Node | None) -> tuple[list, Node | None]:
    """No family candidate was verified: single edits found by search (repair/edit_search.py). An edit
    on the culprit the rules named comes first; when there is none, the layer of the best edit is the
    root cause (the one place where one change lets the model run)."""
    from shapedoctor.repair.edit_search import edited_node, search

    found = search(ctx, verify_all)
    on_culprit = [c for c in found if culprit is not None and edited_node(ctx, c) is culprit]
    if found and not on_culprit:
        culprit = edited_node(ctx, found[0]) or culprit
    return on_culprit + [c for c in found if c not in on_culprit], culprit


def _code_invariants_kept(cand, code) -> bool:
    """Invariants ``keeps_meaning`` (no layer with weights written where the code runs every step)
    and ``changes_code`` (the code written for the edit changes the source)."""
    from shapedoctor.repair.edits import InsertLayer
    from shapedoctor.repair.invariants import code_changes, meaning_kept

    if code.edits:
        ok, why = code_changes(code.edits)
        if not ok:
            cand.checks.record("changes_code", False, why)
            cand.verified = False
            return False
    for edit in cand.edits:
        if isinstance(edit, InsertLayer):
            ok, why = meaning_kept(edit.cls, code.file, code.line)
            cand.checks.record("keeps_meaning", ok, why)
            if not ok:
                cand.verified = False
                return False
    return True


def _context(recorder: Recorder, failure: Failure, family_id: str, message: str) -> Context | None:
    layer = failure.call.layer
    model = _enclosing_built_model(failure)
    if model is not None and _fed_by_data(recorder, failure):
        graph = graph_from_model(recorder, model, data_site=(failure.stack[0].site if failure.stack else None))
        consumer = next((n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).live is layer), None)
        if consumer is None:
            return None
        top = failure.stack[0]
        from keras import tree

        data = [shape_of(t) for t in tree.flatten(top.args) if shape_of(t) is not None]
        data_shape = data[0] if data else None
        declared = _declared(graph)
        ctx = Context(graph, consumer, family_id, message, received=[data_shape],
                      data_shape=data_shape, declared_shape=declared,
                      expected_output=shape_of(model.outputs[0]) if model.outputs else None)
        ctx.extra["data_site"] = top.site
        ctx.extra["input_node"] = next((n for n in graph.nodes if n.kind == "input"), None)
        ctx.extra["labels_count"] = _labels_count(recorder, top.site)
        ctx.extra["data_whole"] = _data_whole(recorder, top.site)
        parse_expectations(ctx, layer)
        if family_id == "SD101" and data_shape is not None and declared is not None:
            ctx.expected_ndim = len(declared)
        return ctx
    graph, consumer_id = graph_from_failure(recorder, failure)
    consumer = graph.node(consumer_id)
    received = [graph.tensors[t].shape for t in consumer.input_ids()]
    ctx = Context(graph, consumer, family_id, message, received=received,
                  expected_output=_labels_shape_at_the_end(recorder, failure))
    ctx.extra["data_site"] = failure.stack[0].site if failure.stack else failure.call.site
    ctx.extra["labels_count"] = _labels_count(recorder, ctx.extra["data_site"])
    ctx.extra["data_whole"] = _data_whole(recorder, ctx.extra["data_site"])
    ctx.extra["scope_data"] = scope_data(failure.stands_for or failure.exception)
    ctx.extra["scope_site"] = _scope_site(failure.stands_for or failure.exception)
    parse_expectations(ctx, layer)
    ctx.bad_input = _bad_input(ctx)
    if family_id == "SD102" and _called_before(layer, failure):
        ctx.family = "SD106"
    return ctx


def _labels_shape_at_the_end(recorder: Recorder, failure: Failure) -> tuple | None:
    """The labels' shape when the refusing layer is the model's last (its output is the model's) and
    ``fit`` is building the model on labels an element-wise or categorical loss compares as they are:
    a fix must then make the output that shape (a fix that only removes the refusing Reshape leaves
    an output the labels do not fit)."""
    from shapedoctor.diagnosis.training_base import BINARY, CATEGORICAL, ELEMENTWISE, is_shape, loss_name

    call = recorder.training_calls[-1] if recorder.training_calls else None
    if call is None or call.method not in ("fit", "evaluate", "train_on_batch", "test_on_batch") \
            or not failure.stack or failure.stack[0].layer is not call.model \
            or loss_name(call.loss) not in ELEMENTWISE | CATEGORICAL | BINARY or not is_shape(call.y_shapes):
        return None
    chain = [r.layer for r in failure.stack] + [failure.call.layer]
    for outer, inner in zip(chain, chain[1:]):
        layers = getattr(outer, "layers", None)
        if not layers or layers[-1] is not inner:
            return None
    labels = tuple(call.y_shapes[1:])
    try:
        config = failure.call.layer.get_config()
    except Exception:  # noqa: BLE001 - a custom layer that cannot give its config
        return None
    # Only when the refusing layer was written to give the labels' shape (a Reshape to it, a head of
    # that width): the labels are then the evidence of the output the model was designed for.
    if type(failure.call.layer).__name__ == "Reshape" and tuple(config.get("target_shape") or ()) != labels:
        return None
    if type(failure.call.layer).__name__ != "Reshape" and (
            not labels or (config.get("units") or config.get("filters")) != labels[-1]):
        return None
    return (None,) + labels


def _data_whole(recorder: Recorder, site) -> tuple | None:
    """The shape of the whole array the training call at *site* was given as its one input (not a
    batch of it, not a dataset): a model built from its first batch sees only that batch, and a data
    fix must keep the samples of the whole array."""
    call = recorder.training_calls[-1] if recorder.training_calls else None
    if call is None or site is None or call.site is None or call.batched \
            or (call.site.file, call.site.line) != (site.file, site.line):
        return None
    from shapedoctor.diagnosis.training_base import is_shape

    return tuple(call.x_shapes) if is_shape(call.x_shapes) and call.x_shapes else None


def _labels_count(recorder: Recorder, site) -> int | None:
    """How many labels the training call at *site* pairs its data with (fit/evaluate with array labels,
    not a dataset or generator): a data fix must keep that many samples."""
    call = recorder.training_calls[-1] if recorder.training_calls else None
    if call is None or site is None or call.site is None or call.batched or call.y_shapes is None \
            or call.method in ("predict", "predict_on_batch") \
            or (call.site.file, call.site.line) != (site.file, site.line):
        return None
    from shapedoctor.diagnosis.training_base import flat_items, is_shape

    shapes = [s for s in flat_items(call.y_shapes) if is_shape(s) and s]
    counts = {s[0] for s in shapes}
    return counts.pop() if len(counts) == 1 and None not in counts else None


def _declared(graph: Graph) -> tuple | None:
    for node in graph.nodes:
        if node.kind == "input":
            return graph.tensors[node.outputs[0]].shape
    return None


def _enclosing_built_model(failure: Failure) -> Any:
    for record in failure.stack:
        layer = record.layer
        if hasattr(layer, "layers") and getattr(layer, "built", False):
            try:
                if layer.outputs:
                    return layer
            except (AttributeError, ValueError):
                continue
    return None


def _fed_by_data(recorder: Recorder, failure: Failure) -> bool:
    """The failing layer's input came straight from the data, not from another layer."""
    from keras import tree

    for t in tree.flatten((failure.call.args, failure.call.kwargs)):
        if shape_of(t) is None:
            continue
        if is_symbolic(t) or recorder.producer_of(t) is not None:
            return False
    return True


def _called_before(layer: Any, failure: Failure) -> bool:
    """The failing layer instance was already applied: it has a Keras node (functional use), or
    it returned an output earlier in the same forward pass (eager calls inside a subclassed
    model's ``call``, which leave no nodes)."""
    if hasattr(layer, "layers"):
        return False
    if len(getattr(layer, "_inbound_nodes", [])) > 0 and getattr(layer, "built", False):
        return True
    return any(record.layer is layer and record.error is None for record in failure.earlier)


def _bad_input(ctx: Context) -> int:
    if ctx.family == "SD104" and ctx.received:
        from shapedoctor.families.sd104_merge import odd_map

        odd = odd_map(ctx)  # of three or more maps, the one whose size differs from all the others
        if odd is not None:
            return odd
        ref = ctx.received[0]
        return next((i for i, s in enumerate(ctx.received) if s != ref), 0)
    shapes = ctx.received or []
    from shapedoctor.diagnosis.context import ATTENTION

    if ctx.consumer_cls in ATTENTION and len(shapes) >= 2 and all(s is not None for s in shapes):
        ranks = [len(s) for s in shapes]
        if len(set(ranks)) == 2 and ranks[0] == max(ranks) and ranks.count(min(ranks)) == 1:
            return ranks.index(min(ranks))  # a vector (an RNN's last state) where a sequence was needed
    return 0


def _path(ctx: Context, culprit: Node | None, shapes: dict) -> list[PathStep]:
    graph = ctx.graph
    nodes = graph.path_to(ctx.consumer)
    if ctx.family == "SD104":
        branches = [graph.path_to(p) for p in map(graph.producer, ctx.consumer.input_ids()) if p is not None]
        with_culprit = [b for b in branches if culprit is not None and culprit in b]
        if with_culprit:  # the branch of the root cause
            nodes = with_culprit[0] + [ctx.consumer]
        elif ctx.bad_input:
            bad = graph.producer(ctx.consumer.input_ids()[ctx.bad_input])
            if bad is not None:
                nodes = graph.path_to(bad) + [ctx.consumer]
    elif ctx.bad_input and ctx.bad_input < len(ctx.consumer.input_ids()):
        bad = graph.producer(ctx.consumer.input_ids()[ctx.bad_input])  # the input at fault, not the first one
        if bad is not None:
            nodes = graph.path_to(bad) + [ctx.consumer]
    steps = []
    for node in nodes:
        spec = graph.spec(node)
        place = place_of(ctx, node, as_consumer=node is ctx.consumer)
        if node is ctx.consumer:
            shape = "✗ refused"
        elif node.kind == "input" and ctx.data_shape is not None:
            shape = format_shape(ctx.data_shape) + " (data)"
        else:
            tid = node.outputs[0] if node.outputs else None
            value = shapes.get(tid) if tid else None
            shape = format_shape(value if value is not None else graph.tensors[tid].shape if tid else None)
        role = "consumer" if node is ctx.consumer else ("culprit" if node is culprit else "")
        steps.append(PathStep(place.layer or node.label, spec.cls if spec else (node.label or node.kind),
                              shape, place.file, place.line, role))
    if culprit is not None and culprit.kind == "data" and all(s.role != "culprit" for s in steps):
        place = place_of(ctx, culprit)
        steps.insert(0, PathStep("data", "data", received_text(ctx) or "?", place.file, place.line, "culprit"))
    return steps


def diagnose_exception(recorder: Recorder, exc: BaseException) -> Finding | None:
    """The finding for an exception that escaped the user's program, if it is a shape error."""
    failure = recorder.failure
    if failure is None:
        from shapedoctor.diagnosis.applications import diagnose_application
        from shapedoctor.diagnosis.input_declaration import diagnose_declaration

        # raised by keras.applications, or by Keras reading the declared input, before any layer ran
        from shapedoctor.diagnosis.size_argument import diagnose_size_argument

        return diagnose_application(exc) or diagnose_declaration(exc) or diagnose_size_argument(exc)
    raised = _ANSI.sub("", str(exc))
    if failure.exception is not exc and keras_message(failure.exception) not in raised and not (
            failure.stands_for is not None
            and (failure.stands_for is exc or keras_message(failure.stands_for) in raised)):
        return None
    return diagnose_failure(recorder, failure)


def _scope_sizes(exc: BaseException) -> dict[str, int]:
    """The sizes the user's module names where the error was raised (``{"num_classes": 10}``):
    a fix may spell a new size with the user's name for it (repair/user_names.py)."""
    from shapedoctor.trace.scope import sizes_at_error

    return sizes_at_error(exc)


def _scope_site(exc: BaseException):
    """The script's own statement that led to the error (its outermost frame): arrays it holds were
    assigned above that line."""
    from shapedoctor.trace.sites import outermost_user_site

    try:
        return outermost_user_site(exc.__traceback__)
    except Exception:  # noqa: BLE001 - evidence only
        return None


def scope_data(exc: BaseException) -> dict[str, tuple]:
    """Shapes of the arrays the user's code could name where the model was built ({name: shape}).

    A model that fails while it is built has not met its data yet, but the script usually loaded
    the data first (``X = np.load(...)`` above ``model.add(LSTM(32, input_shape=(4,)))``): that
    array is the evidence for the input shape the model should declare."""
    from shapedoctor.trace.sites import user_frame_of_traceback
    from shapedoctor.trace.training import arrays_in_frame

    try:
        arrays = arrays_in_frame(user_frame_of_traceback(exc.__traceback__))
    except Exception:  # noqa: BLE001 - evidence only: a strange frame gives none
        return {}
    return {name: tuple(shape) for name, value in arrays.items() if (shape := shape_of(value))}


def _named_odd_input(text: str, merged: Any) -> str:
    """The explanation of a merge whose odd input the user's code made (culprit.merged_argument_line): that
    input named where the recording only saw data handed in."""
    if merged is None:
        return text
    return text.replace("The odd input comes from the data passed in.",
                        f"The odd input is `{merged.layer}`, made on line {merged.line} of the layer's own code.")
