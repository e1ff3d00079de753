"""``MultiHeadAttention`` given tensors of the wrong rank: a flat query, or a (batch, steps) mask.

``MultiHeadAttention`` attends over a sequence: its query and value are ``(batch, steps, features)``
and its ``attention_mask`` is ``(batch, query steps, value steps)`` (any axis of size 1 broadcasts).
Two slips from real threads fail deep inside it, where Keras names an inner layer or op:

* a flat ``Input(shape=(n,))`` as query and value (tensorflow/models#9710, r667): Keras builds the model,
  then the inner Softmax fails at ``fit`` with "tuple index out of range". The reply: declare the
  readings as a sequence of one feature each, ``Input(shape=[n, 1])``;
* the (batch, steps) padding mask passed as ``attention_mask`` (bayesflow#466, r673): "Dimensions must be
  equal, but are 12 and 16". The merged fix gives it a query axis, ``ops.expand_dims(mask, axis=1)``.

Evidence, recorded: the failing call is the attention layer's (or runs inside it) with a rank-2 query, or
with a rank-2 ``attention_mask`` of (batch, value steps) beside a rank-3 query. The first is aimed at the
model's ``Input`` when the query is that input, fixed with a trailing axis of 1 in its shape; the second
at the line that passes the mask, fixed with ``expand_dims(..., axis=1)`` in the spelling the script
imports. Both fixes are proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def attention_inputs(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (or a new one, when no rule read the error) aimed at the attention layer's input of the
    wrong rank, or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None:
        return finding
    base = finding if finding is not None else _blank(exc)
    aimed = reaimed(base, _found, _aim, exc, recorder)
    return aimed if finding is not None or aimed.culprit is not None else None


def _blank(exc: BaseException) -> Any:
    from shapedoctor.families import get
    from shapedoctor.report.model import Finding

    family = get("SD101")
    text = str(exc).strip()
    return Finding(family.id, family.slug, family.severity, "", keras_message=text.splitlines()[0] if text else None)


def _rank(value: Any) -> int | None:
    shape = getattr(value, "shape", None)
    try:
        return len(shape) if shape is not None else None
    except TypeError:
        return None


def _found(exc: BaseException, recorder: Any):
    import keras

    failure = getattr(recorder, "failure", None)
    if failure is None:
        return None
    attention = next((c for c in [failure.call, *reversed(failure.stack)]
                      if isinstance(c.layer, keras.layers.MultiHeadAttention)), None)
    if attention is None or not attention.args:
        return None
    query = attention.args[0]
    value = attention.args[1] if len(attention.args) > 1 else attention.kwargs.get("value", query)
    mask = attention.kwargs.get("attention_mask")
    if _rank(query) == 2:
        return "flat", attention, _flat_input(attention, recorder)
    if _rank(query) == 3 and _rank(mask) == 2 and _rank(value) == 3 \
            and tuple(mask.shape) == (value.shape[0], value.shape[1]):
        written = _mask_argument(exc, recorder)
        return ("mask", attention, written) if written is not None else None
    return None


def _flat_input(attention: Any, recorder: Any):
    """The ``keras.Input(shape=(n,))`` call whose tensor the attention layer took as its query, as
    (path, shape node, line), or None."""
    layer = attention.layer
    try:
        symbolic = layer.input
    except (AttributeError, ValueError):
        return None
    from shapedoctor.diagnosis.reaim import input_declaration

    query = symbolic[0] if isinstance(symbolic, (list, tuple)) else symbolic
    declared = input_declaration(recorder, query)
    if declared is None:
        return None
    site, _tree, _call, shape = declared
    if not isinstance(shape, (ast.Tuple, ast.List)) or len(shape.elts) != 1 or shape.lineno != shape.end_lineno:
        return None
    return site.file, shape, site.line


def _mask_argument(exc: BaseException, recorder: Any):
    """The ``attention_mask=`` argument written in the user's files, when exactly one call passes one:
    (path, value node, spelling of ``expand_dims``), or None."""
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.trace.sites import imported_names, source_tree

    found = []
    for path in user_files(exc):
        try:
            tree = source_tree(path)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found += [(path, tree, k.value) for k in node.keywords if k.arg == "attention_mask"]
    if len(found) != 1:
        return None
    path, tree, value = found[0]
    if value.lineno != value.end_lineno:
        return None
    names = imported_names(tree)
    spelling = next((f"{prefix}expand_dims" for name, prefix in (("ops", "ops."), ("keras", "keras.ops."),
                                                                   ("tf", "tf.")) if name in names), None)
    return (path, value, spelling) if spelling else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    kind, attention, written = found
    name = attention.layer.name
    query = tuple(attention.args[0].shape)
    finding.clear_culprit_marks()
    finding.fixes = []
    if finding.consumer is None and attention.site is not None:
        finding.consumer = Place("layer", name, "MultiHeadAttention", attention.site.file, attention.site.line,
                                 attention.site.code)
    if kind == "flat":
        family = get("SD101")
        finding.id, finding.family = family.id, family.slug
        finding.message = (f"MultiHeadAttention `{name}` was given a flat query {format_shape(query)}: it attends "
                           "over a sequence, (batch, steps, features)")
        finding.explanation = (
            f"`{name}` lets every step of a sequence attend to every other step, so it needs three axes: "
            f"the batch, the steps, and the features of each step. A {format_shape(query)} tensor has no step "
            "axis: Keras still builds the layer, and the scores it computes have too few axes for its softmax "
            "(\"tuple index out of range\"). To attend over the readings, make each reading a step with one "
            "feature.")
        if written is not None:
            path, shape, line = written
            element = shape.elts[0]
            text = linecache.getline(path, element.lineno)[element.col_offset:element.end_col_offset]
            new = f"[{text}, 1]" if isinstance(shape, ast.List) else f"({text}, 1)"
            edit = TextEdit.replacing(path, shape, new)
            finding.fixes = [script_checked_fix(f"declare a sequence of one feature per step: {new}", edit.shown(),
                                                display_path(path), shape.lineno, [edit], cost=1)]
            finding.culprit = Place.at_line("input", None, "Input", path, line)
        elif attention.site is not None:
            finding.culprit = Place("layer", name, "MultiHeadAttention", attention.site.file, attention.site.line,
                                    attention.site.code)
        return finding
    path, value, spelling = written
    mask = tuple(attention.kwargs["attention_mask"].shape)
    family = get("SD101")
    finding.id, finding.family = family.id, family.slug
    text = linecache.getline(path, value.lineno)[value.col_offset:value.end_col_offset]
    new = f"{spelling}({text}, axis=1)"
    edit = TextEdit.replacing(path, value, new)
    finding.message = (f"attention_mask {format_shape(mask)} of `{name}` has no query axis: it must be "
                       "(batch, query steps, value steps)")
    finding.explanation = (
        f"`attention_mask` says, for each query step, which value steps it may attend to: "
        f"(batch, query steps, value steps). A {format_shape(mask)} mask of valid steps is one row per sample; "
        f"Keras lines it up with the scores' last two axes, so the batch of {mask[0]} meets the {query[1]} "
        "query steps and the shapes disagree. Give the mask a query axis of 1, which broadcasts over the "
        f"query steps: `{new}`.")
    finding.fixes = [script_checked_fix("give the mask a query axis: (batch, 1, value steps)", edit.shown(),
                                        display_path(path), value.lineno, [edit], cost=1)]
    finding.culprit = Place.at_line("input", None, "attention_mask", path, value.lineno)
    return finding
