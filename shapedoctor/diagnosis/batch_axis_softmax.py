"""A softmax the user's code took over the batch axis (SD208, silent).

keras-io's knowledge distillation example (r633): ``ops.softmax(teacher_pred / self.temperature,
axis=1)`` softens each sample's logits over its classes. With ``axis=0`` the shapes stay (batch,
classes) and training runs, but each class is normalised over the samples of the batch. The softmax
watch (trace/softmax_calls.py) notes every such call in the user's code; all the lines noted in one
file become one warning, the first line the culprit, and one fix that writes ``axis=-1`` in each of
them (a softmax in two places, teacher and student, is one slip made twice: fixing one alone would
leave the warning). The fix is proven by running the patched script, which must then finish without
the warning.

A softmax over an axis of size 1 (every value 1.0: keras-io's attention MIL example, r661, normalising
(instances, batch, 1) scores over the last axis) is SD207 at its line, with the one other axis of
known size above 1 as the fix, proven the same way.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.report.model import Finding
from shapedoctor.trace.sites import source_tree


def batch_softmax_findings(recorder: Any) -> list[Finding]:
    by_file: dict[tuple, list] = {}
    for event in getattr(recorder, "batch_softmaxes", []):
        by_file.setdefault((event.kind, event.path), []).append(event)
    out = []
    for (kind, path), events in by_file.items():
        try:
            out.append(_finding(path, events) if kind == "batch" else _single_finding(path, events[0]))
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
    return [f for f in out if f is not None]


def _single_finding(path: str, event: Any) -> Finding | None:
    """A softmax over an axis of size 1 (SD207): every value it returns is 1.0. The fix takes it over the
    one other axis of known size above 1 (the instances of a bag, the steps of a sequence)."""
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place

    fam = get("SD207")
    shape = tuple(event.shape)
    axis = event.axis % len(shape)
    others = [i for i, size in enumerate(shape) if i != axis and isinstance(size, int) and size > 1]
    where = event.training_site or event.site
    consumer = Place("layer", event.function, event.function, where.file, where.line, where.code)
    culprit = Place("layer", event.function, event.function, event.site.file, event.site.line, event.site.code)
    finding = Finding(
        fam.id, fam.slug, fam.severity,
        f"{event.function} over axis {event.axis} of a {format_shape(shape)} tensor, an axis of size 1: every value "
        "it returns is 1.0", consumer=consumer, culprit=culprit, expected="an axis of several values",
        received=f"axis {event.axis} of {format_shape(shape)}",
        explanation=(f"`{event.site.code}` normalises along axis {event.axis}, which holds one value. A softmax makes "
                     "the values along its axis sum to 1: with one value, that value is always 1.0, whatever the "
                     "scores, so the weights carry no information and nothing raises."
                     + (f" The tensor's axis {others[0]} holds {shape[others[0]]} values: that is the axis to "
                        "normalise over." if len(others) == 1 else "")),
        fixes=[])
    if len(others) == 1:
        edit = _axis_edit(path, event, str(others[0]))
        if edit is not None:
            finding.fixes.append(script_checked_fix(f"take the softmax over axis {others[0]} ({shape[others[0]]} "
                                                    "values)", edit.shown(), event.site.file, event.site.line, [edit]))
    return finding


def _axis_edit(path: str, event: Any, new: str, add_missing: bool = True, tree: ast.Module | None = None):
    """The edit writing *new* as the axis of the softmax call on the event's line: its literal axis
    argument replaced, or, with *add_missing*, ``axis=`` added to a one-line call that leaves it at its
    default (then the call must be on one line whatever it holds). None when neither can be written.
    *tree*: the file already parsed, when several lines of it are edited."""
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import called_name

    tree = tree or _parsed(path)
    if tree is None:
        return None
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == event.site.line
             and called_name(c.func) == event.function]
    if len(calls) != 1 or (add_missing and calls[0].end_lineno != calls[0].lineno):
        return None
    call = calls[0]
    axis = next((k.value for k in call.keywords if k.arg == "axis"), call.args[1] if len(call.args) > 1 else None)
    if axis is not None:
        literal = _is_literal_axis(axis) and axis.lineno == axis.end_lineno
        return TextEdit.replacing(path, axis, new) if literal else None
    if not add_missing:
        return None
    end = call.end_col_offset - 1
    return TextEdit(path, call.lineno, end, call.lineno, end, f", axis={new}")


def _finding(path: str, events: list) -> Finding:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.report.model import Place

    fam = get("SD208")
    first = events[0]
    where = first.training_site or first.site
    shape = format_shape(first.shape)
    consumer = Place("loss" if first.training_site else "layer", None, first.function, where.file, where.line,
                     where.code)
    culprit = Place("layer", first.function, first.function, first.site.file, first.site.line, first.site.code)
    lines = ", ".join(str(e.site.line) for e in events)
    explanation = (
        f"`{first.site.code}` takes a {first.function} over axis 0 of a {shape} tensor. Axis 0 is the batch "
        "axis (`None` when the model is built, the batch size when it runs): it holds the samples, not one "
        "sample's classes. Along it, each class is normalised over the samples that share the batch, so no "
        "sample's values sum to 1 and each depends on its neighbours in the batch. The shape does not "
        "change, so nothing raises. Take it over the class axis, the last one.")
    finding = Finding(fam.id, fam.slug, fam.severity,
                      f"{first.function} over the batch axis of a {shape} tensor (line{'s' if len(events) > 1 else ''} "
                      f"{lines}): each class is normalised across the samples", consumer=consumer, culprit=culprit,
                      expected="the class axis (axis=-1)", received=f"axis 0 of {shape}", explanation=explanation,
                      fixes=[])
    edits = _axis_edits(path, events)
    if edits:
        title = "take the softmax over the class axis (axis=-1)"
        finding.fixes.append(script_checked_fix(title, "\n".join(e.shown() for e in edits), first.site.file,
                                                first.site.line, edits))
    return finding


def _axis_edits(path: str, events: list) -> list:
    """One edit per noted line writing ``-1`` for its batch axis (``axis=0``, keyword or second argument)."""
    tree = _parsed(path)
    edits = [_axis_edit(path, event, "-1", add_missing=False, tree=tree) for event in events] if tree else [None]
    return [] if None in edits else edits


def _parsed(path: str) -> ast.Module | None:

    try:
        return source_tree(path)
    except (SyntaxError, ValueError):
        return None


def _is_literal_axis(node: ast.expr | None) -> bool:
    """An axis written as an int literal (``0``, ``-2``): the watch saw it name the batch axis."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int
