"""A residual sum inside a user's layer whose branch changed width through code the graph cannot follow.

keras-io's SSVEPFormer applies its channel MLP one electrode at a time: ``h[:, c, :]`` goes through
``self.dense``, each result gets its axis back with ``keras.ops.expand_dims``, the rows are joined
with ``keras.ops.concatenate``, and the block ends ``return self.drop(self.act(h)) + x``. Made
``Dense(n_freq_bins)`` where the spectrum holds ``2 * n_freq_bins`` values per electrode, the sum
fails (33 against 66) inside the layer's ``call`` (r725). The walk back from the sum follows layer
outputs only: the branch breaks at the backend ops, the shortcut ``x`` leads to the block before, and
that block is named, which is wrong: it made the stream's width; the branch is the one that changed it.

Evidence, recorded, not guessed: the refused merge (an ``Add``/``Subtract`` layer, or the one a failed
``x + y`` stands for) runs inside a layer's ``call`` and one of its two operands *is* that call's own
input (the identity shortcut); the operands differ only on the last axis; among the layer calls that ran
inside the enclosing call after its input was made, exactly one layer (called once or once per slice)
took the shortcut's width on its last axis and gave the branch's, and its ``units``/``filters`` is the
branch's width; and the usual walk found no repair (it could not follow the branch). That layer, at the
line that created it, is the root cause. The fix scales its size
argument by the ratio of the two widths (``n_freq_bins * 2``), or writes the width when the ratio is no
whole number (or the user's name for it, ``filters``), proven by running the patched script. When a later layer
of the branch writes the branch's width again (a bottleneck: 1x1 down, 3x3, 1x1 up, PixelCNN's residual block,
r1171), that last layer is the one to widen: widening the first would leave the rest of the branch narrow.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_MERGES = {"Add", "Subtract", "Average", "Maximum", "Minimum", "Multiply"}
_SIZES = ("units", "filters")
_SUMS = {"AddV2", "Add", "Sub", "add", "subtract"}


def inner_branch_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the layer inside a user layer's ``call`` that changed its residual branch's
    width (see the module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or finding.id != "SD104":
        return finding
    if any(f.verified or f.needs_proof for f in finding.fixes):
        return finding  # the walk followed the branch and found a repair: its verdict stands
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.trace.recorder import shape_of
    from shapedoctor.trace.scope import sizes_at_error

    failure = getattr(recorder, "failure", None)
    if failure is None:
        return None
    sides = _merge_inside(failure) or _own_sum(failure)
    if sides is None:
        return None
    owner_call, own_input, wide, odd = sides
    if not wide or not odd or len(wide) != len(odd) or wide[:-1] != odd[:-1] \
            or not isinstance(wide[-1], int) or not isinstance(odd[-1], int) or wide[-1] == odd[-1]:
        return None
    earlier = list(failure.earlier)
    producer = recorder.producer_of(own_input)
    made_at = [i for i, r in enumerate(earlier) if producer is not None and r is producer]
    inside = earlier[made_at[-1] + 1:] if made_at else earlier
    changers, last = {}, None
    for record in inside:
        if record.depth != owner_call.depth + 1 or not record.args:
            continue
        before, after = shape_of(record.args[0]), shape_of(record.outputs)
        config = _config(record.layer)
        size = next((k for k in _SIZES if config.get(k) == odd[-1]), None)
        if before and after and after[-1] == odd[-1] and size is not None:
            last = (record.layer, size)  # the latest layer that wrote the branch's width
        if not before or not after or before[-1] != wide[-1] or after[-1] != odd[-1]:
            continue
        if size is not None:
            changers[id(record.layer)] = (record.layer, size)
    if len(changers) != 1:
        return None
    layer, size = next(iter(changers.values()))
    bottleneck = last is not None and last[0] is not layer
    if bottleneck:
        # A bottleneck: the first layer narrows the branch on purpose and a later one writes its width again
        # (1x1 conv down, 3x3 conv, 1x1 conv up): the layer that ends the branch restores the stream's width.
        layer, size = last
    site = recorder.creation_site(layer)
    if site is None or not site.file or not site.line:
        return None
    argument = size_argument(site.file, site.line, type(layer).__name__, size)
    if argument is None:
        return None
    return site, layer, size, argument, wide[-1], odd[-1], type(owner_call.layer).__name__, sizes_at_error(failure.exception), bottleneck


def _merge_inside(failure: Any):
    """(enclosing call, its input, shortcut shape, branch shape) when the refused call is a merge layer
    run inside a layer's ``call`` on that call's own input and one other tensor; else None."""
    from shapedoctor.trace.recorder import shape_of

    if not failure.stack or type(failure.call.layer).__name__ not in _MERGES or not failure.call.args:
        return None
    operands, enclosing = failure.call.args[0], failure.stack[-1]
    if not isinstance(operands, (list, tuple)) or len(operands) != 2 or not enclosing.args:
        return None
    own_input = enclosing.args[0]
    kept = [i for i, t in enumerate(operands) if t is own_input]
    if len(kept) != 1:
        return None
    return enclosing, own_input, shape_of(operands[kept[0]]), shape_of(operands[1 - kept[0]])


def _own_sum(failure: Any):
    """(the refused call, its input, shortcut shape, branch shape) when a layer of the user's own refused
    its input with an elementwise sum or difference of two tensors, one of its input's shape, raised by
    the backend inside its ``call`` (``ops.stack(steps) + x``); else None."""
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.trace.recorder import shape_of

    layer = failure.call.layer
    if type(layer).__module__.startswith("keras") or not failure.call.args:
        return None
    facts = parse(str(failure.exception))
    details = (facts.details or {}) if facts is not None else {}
    if facts is None or details.get("operation") not in _SUMS or len(facts.shapes) != 2:
        return None
    shapes = [tuple(parse_shape(s) or ()) for s in facts.shapes]
    own_input = failure.call.args[0]
    wide = shape_of(own_input)
    kept = [i for i, s in enumerate(shapes) if wide is not None and s[1:] == tuple(wide[1:])]
    if len(kept) != 1:
        return None
    return failure.call, own_input, wide, shapes[1 - kept[0]]


def _config(layer: Any) -> dict:
    try:
        return layer.get_config()
    except Exception:  # noqa: BLE001 - a layer whose config cannot be read holds no evidence
        return {}


def size_argument(path: str, line: int, cls: str, size: str) -> ast.expr | None:
    """The one-line expression giving *size* in the ``cls(...)`` call that starts on *line* of *path*."""
    from shapedoctor.trace.sites import called_name, source_tree

    calls = [c for c in ast.walk(source_tree(path)) if isinstance(c, ast.Call) and c.lineno == line
             and called_name(c.func) == cls]
    if len(calls) != 1:
        return None
    call = calls[0]
    argument = next((k.value for k in call.keywords if k.arg == size), None) or (call.args[0] if call.args else None)
    if argument is None or argument.lineno != argument.end_lineno or not linecache.getline(path, line).isascii():
        return None
    return argument


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    from shapedoctor.repair.user_names import size_expression

    site, layer, size, argument, wide, odd, owner, sizes, bottleneck = found
    text = linecache.getline(site.file, argument.lineno)[argument.col_offset:argument.end_col_offset]
    named = size_expression(wide, site.file, argument.lineno, sizes)
    if named is not None:  # `filters`, the size the block was built with (not `(filters // 2) * 2`)
        new = named
    elif isinstance(argument, ast.Constant) or wide % odd:
        new = str(wide)
    else:
        simple = isinstance(argument, (ast.Name, ast.Attribute, ast.Subscript, ast.Call))
        new = f"{text if simple else f'({text})'} * {wide // odd}"
    edit = TextEdit.replacing(site.file, argument, new)
    cls = type(layer).__name__
    fix = script_checked_fix(f"give the branch's {cls} the stream's width: {size}={new}", edit.shown(),
                             display_path(site.file), argument.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", layer.name, cls, display_path(site.file), site.line,
                            linecache.getline(site.file, site.line).strip())
    finding.explanation = (
        f"`{owner}` adds its own input (last axis {wide}) to a branch its `call` computes from it; a residual "
        f"sum needs both of the same shape, so the branch must keep the stream's {wide} values. " + (
            f"The branch narrows to {odd} and its last {cls} (`{size}={text}`) leaves it at {odd}: a bottleneck "
            f"must end as wide as it started. " if bottleneck else
            f"Its `{cls}` (`{size}={text}`) turns {wide} into {odd}. ")
        + f"The block before `{owner}` only made the stream; the branch's {cls} changed its width. Give it "
        f"{size}={new}.")
    finding.fixes = [fix]
    return finding
