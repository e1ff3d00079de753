"""A size the ``Input`` declares is fixed where the user chose it.

When a family proposes another declaration for an ``Input`` (``shape=(96, 96, 1)``) and the
declaration takes those sizes from an expression written elsewhere (``IMG_SIZE = 100``, a
parameter's default, ``build_model(input_dim=fft_length // 2)``: ``repair/size_origin.py``), the
fix an expert writes is that expression: the data, an ``UpSampling2D(size=image_size)`` or a
``Reshape((-1, input_dim, 1))`` made with the same value follow it. :func:`with_size_choices`
adds that variant before the plain declaration.

The replay of the graph changes only the ``Input``; it cannot see the other uses of the value, so
a variant the replay refuses is not dropped: :func:`pending_rebinding` offers the cheapest one as
a fix that only the patched script can verify (``needs_proof``: ``run`` proves it by running the
script, ``app/patching.py``). When that fix comes first, the root cause is the line that chooses the
size, not the ``Input`` line.
"""

from __future__ import annotations

import re

import linecache

from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import SetShape
from shapedoctor.repair.size_origin import size_binding

TAG = "size_choice"


def with_size_choices(ctx, candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* with, before each plain re-declaration of an Input, its variant written where the
    sizes are chosen (when they are chosen elsewhere)."""
    out: list[Candidate] = []
    for cand in candidates:
        edit = cand.edits[0] if len(cand.edits) == 1 else None
        if isinstance(edit, SetShape) and edit.rebind is None and not edit.how and not edit.written_as \
                and ctx.graph.node(edit.node).kind == "input":
            bound = size_binding(ctx, ctx.graph.node(edit.node), tuple(edit.shape))
            if bound is not None:
                out.append(Candidate(f"{cand.title}, where the size is chosen: {bound.shown}",
                                     [SetShape(edit.node, tuple(edit.shape), rebind=bound)], cost=cand.cost,
                                     note=cand.note, tags=[*cand.tags, TAG]))
        out.append(cand)
    return out


def _rebinding(cand: Candidate) -> SetShape | None:
    """The candidate's one edit when it re-declares an Input where its size is chosen."""
    edit = cand.edits[0] if len(cand.edits) == 1 else None
    return edit if isinstance(edit, SetShape) and edit.rebind is not None else None


def pending_rebinding(ctx, candidates: list[Candidate], verified: list[Candidate], fixes: list):
    """Offer the cheapest size-choice variant the replay refused as a fix the patched script verifies
    (put first in *fixes* when no fix is cheaper); the root-cause place at the line it edits when that
    fix or a verified variant comes first, else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place

    def place(bound, node_id) -> Place:
        spec = ctx.graph.spec(ctx.graph.node(node_id))
        return Place("input", spec.name if spec else node_id, "InputLayer", bound.file, bound.line,
                     linecache.getline(bound.file, bound.line).strip())

    first = next((c for c in verified if _rebinding(c)), None)
    if first is not None and verified[0] is first:
        edit = first.edits[0]
        return place(edit.rebind, edit.node)
    refused = [c for c in candidates if _rebinding(c) and not c.verified and c not in verified
               and not c.checks.results.get("reaches_end")]
    if not refused or first is not None:
        return None
    cand = min(refused, key=lambda c: c.cost)
    edit = cand.edits[0]
    bound = edit.rebind
    fix = script_checked_fix(cand.title, bound.shown, bound.file, bound.line, list(bound.text_edits), cost=cand.cost)
    fix.chooses_size = True
    if fixes and min(f.cost for f in fixes) < cand.cost:
        fixes.append(fix)
        return None
    fixes.insert(0, fix)
    return place(bound, edit.node)


def plain_input_fix(model, prob, index: int):
    """(the fix of *prob* that re-declares input *index* of *model* and nothing else, where that
    Input was created) while a recording is current; None otherwise."""
    from shapedoctor.trace import recorder as rec

    plain = next((f for f in prob.fixes if f.kind == "model" and len(f.edits) == 1
                  and f.edits[0][0] == "input" and f.edits[0][1] == index), None)
    if plain is None or rec.CURRENT is None:
        return None
    try:
        layer = model.inputs[index]._keras_history.operation
    except (AttributeError, IndexError, TypeError, ValueError):
        return None
    return plain, rec.CURRENT.creation_site(layer)


def with_training_size_choice(model, prob, index: int) -> None:
    """At fit/evaluate/predict time: before the fix that re-declares input *index* of *model*, its
    variant written where the size is chosen, checked by running the patched script only (a clone
    of the model would change the Input alone)."""
    from shapedoctor.repair.size_origin import rebinding_at

    found = plain_input_fix(model, prob, index)
    if found is None:
        return
    plain, site = found
    shape = tuple(plain.edits[0][2])
    old = tuple(model.inputs[index].shape)
    bound = rebinding_at(site, old, shape)
    if bound is None:
        return
    from dataclasses import replace

    variant = replace(plain, title=f"{plain.title}, where the size is chosen: {bound.shown}",
                      edits=[("input_rebind", index, (shape, bound))],
                      proof_only=f"line {bound.line} chooses the size and other code may read it too")
    prob.fixes.insert(prob.fixes.index(plain), variant)


def follow_size_choice(finding, fix) -> None:
    """*fix*, just proven, edits where a size an Input or a layer reads is chosen: when it is the first
    fix, that line is the root cause (the one edit that makes the program run), whatever the rules
    blamed before (the data, the loss, the layer that reads the size)."""
    culprit = finding.culprit
    if not fix.chooses_size or not fix.proven or not finding.fixes or finding.fixes[0] is not fix \
            or culprit is None or not fix.file or not fix.line:
        return
    from shapedoctor.report.model import Place

    kind = "input" if culprit.kind in ("data", "input") else "layer"
    finding.culprit = Place(kind, culprit.layer if culprit.kind in ("input", "layer") else None,
                            "InputLayer" if kind == "input" else culprit.cls if culprit.kind == "layer" else None,
                            fix.file, fix.line,
                            linecache.getline(fix.file, fix.line).strip() or fix.code, culprit.cell)
    for step in finding.path:  # the data is no longer the root cause the path marks
        if step.role == "culprit":
            step.role = ""
    for node in (finding.graph.nodes if finding.graph is not None else []):
        if node.role == "culprit":
            node.role = ""
    finding.explanation = (finding.explanation.rstrip() + " " if finding.explanation else "") + (
        f"The size is chosen at line {fix.line}; setting it there runs clean.")


_SIZE_KEYS = ("units", "filters", "input_dim", "output_dim")


def _layers_sized(model, value: int) -> int:
    """How many layers of *model* (nested models included) have a size argument equal to *value*."""
    count, stack = 0, list(getattr(model, "layers", []) or [])
    while stack:
        layer = stack.pop()
        stack.extend(getattr(layer, "layers", []) or [])
        try:
            config = layer.get_config()
        except Exception:  # noqa: BLE001
            continue
        count += any(config.get(k) == value for k in _SIZE_KEYS)
    return count


def _another_name_holds(site, bound, new: int) -> bool:
    """The script's top level binds *new* to a name other than the one *bound* would rebind: the layer read
    the wrong name, and the fix written at the layer spells the right one (the rebinding would change what
    the other name's readers get)."""
    from shapedoctor.trace.sites import module_ints, source_tree

    if site is None or not site.file:
        return False
    try:
        ints = module_ints(source_tree(site.file))
    except (SyntaxError, ValueError):
        return False
    rebound = {e.start_line for e in bound.text_edits}
    written = " ".join(linecache.getline(site.file, line) for line in rebound)
    return any(value == new and not re.search(rf"\b{re.escape(name)}\s*=", written) for name, value in ints.items())


def with_training_config_choices(prob, model=None) -> None:
    """Before each fix that sets one size of one layer (``input_dim=21``), its variant written where that
    size is chosen when the layer reads it from elsewhere (``vocab_size = len(vocab) + 1``): the other
    layers sized by the same value follow. Checked by running the patched script only.

    A literal shared by other layers of the same size (``units = 64`` for the hidden layers and the
    output) is not edited: the hidden layers would change with it. A computed size (``len(vocab)``)
    is a count the layers that read it share on purpose. A value the model's input is also declared
    with (``maxlen`` for the time steps and, by mistake, the output's units) is not edited either: the
    data made with it would change too."""
    from dataclasses import replace

    from shapedoctor.diagnosis.training_base import model_inputs
    from shapedoctor.repair.size_origin import argument_rebinding
    from shapedoctor.trace import recorder as rec

    if rec.CURRENT is None:
        return
    for plain in list(prob.fixes):
        if plain.kind != "model" or len(plain.edits) != 1 or plain.edits[0][0] != "config" or plain.proof_only:
            continue
        _kind, layer, changes = plain.edits[0]
        if not isinstance(changes, dict) or len(changes) != 1:
            continue
        (key, new), = changes.items()
        try:
            old = layer.get_config().get(key)
        except Exception:  # noqa: BLE001 - a layer that cannot say: no variant
            continue
        bound = argument_rebinding(rec.CURRENT.creation_site(layer), type(layer), key, old, new)
        if bound is None:
            continue
        literal = all(e.text.strip().lstrip("-").isdigit() for e in bound.text_edits)
        if literal and model is not None and _layers_sized(model, old) > 1:
            continue
        if model is not None and any(old in tuple(shape)[1:] for shape in model_inputs(model)):
            continue  # the value also sizes the input (a sequence length): the data would change with it
        if _another_name_holds(rec.CURRENT.creation_site(layer), bound, new):
            continue  # `Embedding(sequence_length, ...)` beside `max_features = 400`: the layer read the wrong name
        variant = replace(plain, title=f"{plain.title}, where the size is chosen: {bound.shown}",
                          edits=[("rebind", layer, bound)],
                          proof_only=f"line {bound.line} chooses the size and other code may read it too")
        prob.fixes.insert(prob.fixes.index(plain), variant)
