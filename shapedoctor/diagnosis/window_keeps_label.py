"""A context cut from a window that keeps the very element the labels take from it.

A continuous-bag-of-words model (Deep Learning with Python, chapter 14) predicts the middle word
of each 9-token window from the 4 words on each side: the dataset's ``.map`` function returns
``(tf.concat((window[:4], window[5:]), axis=0), window[4])``. Writing the right side as
``window[4:]`` keeps the middle word, the label itself, in the bag: the two slices tile the whole
window, every bag is one token wider than ``Input(shape=(8,))``, and ``fit`` fails with
"expected shape=(None, 8), found shape=(None, 9)" on the line that passes the dataset (r703); a
Sequential whose first layer is an Embedding takes the wider samples and raises nothing (a warning).
Enlarging the input would make the model train, on a bag that contains its answer.

Evidence, recorded and read: a data-shape finding; the data a training call got from a dataset is one column wider than the
model's only input; a function of the script, used as ``.map(fn)``, returns ``(bag, label)`` where
the bag joins ``w[:a]`` and ``w[b:]`` of one window ``w`` and the label is ``w[j]``, with the
label's index where one slice begins or ends (``j == b``: the right slice starts at the label;
``j == a - 1``: the left one ends after it). That slice's line is the root cause; the fix leaves
the label out of it (``w[b + 1:]``, or ``w[:a - 1]``), proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

_JOINS = {"concat", "concatenate", "hstack"}


def window_keeps_label(finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the slice that keeps the label in the model's inputs (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.diagnosis.reaim import mapped_functions
    from shapedoctor.trace.sites import module_ints, source_tree

    if finding.id != "SD201":
        return None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if _one_wider(c)]
    if not calls:
        return None
    call = calls[-1]
    declared = tuple(call.model.inputs[0].shape)
    tree = source_tree(call.site.file)
    mapped = mapped_functions(tree)
    ints = module_ints(tree)
    found = [hit for f in tree.body if isinstance(f, ast.FunctionDef) and f.name in mapped
             for hit in [_kept_label(f, ints)] if hit is not None]
    return (call.site.file, *found[0], declared) if len(found) == 1 else None


def _one_wider(call: Any) -> bool:
    """*call* got a dataset whose samples are one value wider than its model's only input."""
    if call.source != "dataset" or call.site is None or not call.site.file:
        return False
    inputs = list(getattr(call.model, "inputs", None) or [])
    if len(inputs) != 1 or not isinstance(call.x_shapes, tuple) or len(call.x_shapes) != 2:
        return False
    declared = tuple(inputs[0].shape)
    return len(declared) == 2 and isinstance(declared[1], int) and call.x_shapes[1] == declared[1] + 1


def _kept_label(function: ast.FunctionDef, ints: dict):
    """(function name, slice node, its new text) when *function* returns a bag holding its label."""
    from shapedoctor.diagnosis.reaim import last_value
    from shapedoctor.trace.sites import called_name, int_value

    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
    if len(returns) != 1 or not isinstance(returns[0].value, ast.Tuple) or len(returns[0].value.elts) != 2:
        return None
    bag, label = (last_value(function, e) for e in returns[0].value.elts)
    if not (isinstance(bag, ast.Call) and called_name(bag.func) in _JOINS and bag.args
            and isinstance(bag.args[0], (ast.Tuple, ast.List)) and len(bag.args[0].elts) == 2):
        return None
    left, right = (last_value(function, e) for e in bag.args[0].elts)
    if not (isinstance(label, ast.Subscript) and isinstance(label.value, ast.Name)
            and not isinstance(label.slice, (ast.Slice, ast.Tuple))):
        return None
    window = label.value.id
    if not (_slice_of(left, window) and _slice_of(right, window)):
        return None
    upper, lower = left.slice, right.slice
    if upper.lower is not None or upper.upper is None or lower.upper is not None or lower.lower is None:
        return None
    local = {k: v for k, v in ints.items() if not _assigned_in(function, k)}
    a, b, j = (int_value(n, local) for n in (upper.upper, lower.lower, label.slice))
    if None in (a, b, j) or a != b:
        return None  # the slices must tile the window: the bag is then the whole window, label included
    if j == b:
        return function.name, right, f"{window}[{_shifted(lower.lower, 1)} :]"
    if j == a - 1:
        return function.name, left, f"{window}[: {_shifted(upper.upper, -1)}]"
    return None


def _shifted(bound: ast.expr, by: int) -> str:
    """The text of *bound* moved by *by*: ``k`` becomes ``k + 1``, ``k + 1`` becomes ``k`` (not ``k + 1 - 1``)."""
    if isinstance(bound, ast.Constant) and type(bound.value) is int:
        return str(bound.value + by)
    if (isinstance(bound, ast.BinOp) and isinstance(bound.right, ast.Constant) and type(bound.right.value) is int
            and isinstance(bound.op, (ast.Add, ast.Sub))):
        step = bound.right.value if isinstance(bound.op, ast.Add) else -bound.right.value
        if step + by == 0:
            return ast.unparse(bound.left)
    return f"{ast.unparse(bound)} {'+' if by > 0 else '-'} {abs(by)}"


def _slice_of(node: Any, window: str) -> bool:
    return (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == window
            and isinstance(node.slice, ast.Slice) and node.slice.step is None and node.lineno == node.end_lineno)


def _assigned_in(function: ast.FunctionDef, name: str) -> bool:
    return any(isinstance(t, ast.Name) and t.id == name for n in ast.walk(function) if isinstance(n, ast.Assign)
               for t in n.targets) or any(a.arg == name for a in function.args.args)


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, function, node, new, declared = found
    if not linecache.getline(path, node.lineno).isascii():
        return finding
    old = ast.unparse(node)
    edit = TextEdit(path, node.lineno, node.col_offset, node.lineno, node.end_col_offset, new)
    fix = script_checked_fix(f"leave the label out of the inputs: {new} in {function}", edit.shown(),
                             display_path(path), node.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", None, "data", path, node.lineno)
    finding.message = (f"`{function}` keeps the label in the model's inputs: `{old}` makes each sample one value "
                       f"wider than the declared {format_shape(declared)}")
    finding.explanation = (
        f"`{function}` joins two slices of one window into the model's inputs and returns one element of the same "
        f"window as the label. The slices tile the whole window, so `{old}` also holds the label: every sample is "
        f"one value wider than the model's input {format_shape(declared)}, and were the input widened instead, "
        f"the model would learn from inputs that contain their own answer. Leave the label out: `{new}`.")
    finding.fixes = [fix] + [f for f in finding.fixes if "Input(" not in (f.code or "")]
    return finding
