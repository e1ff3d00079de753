"""New data prepared like the training data, minus the reshape: the line that left it out.

Scripts prepare each split with twin lines: ``x_train = x_train.reshape(-1, 784).astype("float32") / 255``
and ``x_test = x_test.astype("float32") / 255``. When the second leaves out the reshape its twin has,
``evaluate``/``predict`` meets images where the model was trained on rows (the keras-io distributed
training guide, where the test split only exists inside a dataset helper; the MNIST MLP whose test
images were left unflattened). Keras names the input layer; the cause is the line that prepared the new
data.

Evidence, read: the data holds as many values per sample as the declared input (only the layout
differs, so a reshape can fix it); the script has exactly one pair of one-line assignments where one
is the other with its variable renamed (``x_train`` -> ``x_test``) and one shaping call removed
(``.reshape(...)``, ``np.reshape(...)``, ``np.expand_dims(...)``). That line is the root cause and the fix
writes it as its twin, proven by running the patched script.

The same holds for new data *made* like the training data with another size: ``new_tags =
rng.integers(2, size=(5, num_departments))`` beside ``tags_data = rng.integers(2, size=(256, num_tags))``
(the Keras functional-API guide's ticket model, two of its constants mixed up). The data's last axis
differs from the declared input; the line that made it is the twin of another line except for the
sample count and the one size at that axis. The fix writes the twin's size there (proven).
"""

from __future__ import annotations

import ast
import linecache
import math
import re
from typing import Any

from shapedoctor.diagnosis.data_origin import name_assignments
from shapedoctor.trace.sites import source_tree


def prepared_unlike_training(call: Any, prob: Any):
    """(culprit Place, fix, why) when the new data's line is its training twin without the reshape (see
    the module), else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD201" or prob.data_shapes is None or call.site is None or not call.site.file:
        return None
    if call.method not in ("predict", "evaluate", "predict_on_batch", "test_on_batch"):
        return None
    want, got = prob.data_shapes
    if None in tuple(want[1:]) or None in tuple(got[1:]) or math.prod(want[1:]) != math.prod(got[1:]) \
            or tuple(want[1:]) == tuple(got[1:]):
        return None
    file = call.site.file
    twins = _twins(file)
    if len(twins) != 1:
        return None
    stmt, text, new_text, other, other_line = twins[0]
    new_text = _any_count(new_text, math.prod(want[1:]))
    indent = len(text) - len(text.lstrip())
    edit = TextEdit(file, stmt.lineno, indent, stmt.lineno, indent + len(text.strip()), new_text)
    target = stmt.targets[0].id
    fix = script_checked_fix(f"prepare `{target}` like `{other}` (line {other_line}): "
                             f"{new_text}", new_text, display_path(file), stmt.lineno, [edit], cost=1)
    place = Place("data", target, "data", display_path(file), stmt.lineno, text.strip())
    why = (f"`{target}` is prepared on line {stmt.lineno} like `{other}`, but without the reshape its twin line "
           f"has: the model was built for {tuple(want[1:])} per sample and gets {tuple(got[1:])}, the same values "
           "laid out otherwise. Prepare the new data the way the training data was prepared.")
    return place, fix, why


def sized_unlike_training(call: Any, prob: Any):
    """(culprit Place, fix, why) when the new data's line is a twin of another line but for its sample
    count and the size at the axis that does not fit (see the module), else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD201" or prob.data_shapes is None or call.site is None or not call.site.file:
        return None
    if call.method not in ("predict", "evaluate", "predict_on_batch", "test_on_batch"):
        return None
    want, got = (tuple(s) for s in prob.data_shapes)
    if len(want) != len(got) or None in want[1:] or None in got[1:]:
        return None
    axes = [j for j in range(1, len(want)) if want[j] != got[j]]
    file = call.site.file
    used = linecache.getline(file, call.site.line)
    found = [t for t in _sized_twins(file, len(want), axes) if re.search(rf"\b{t[0].targets[0].id}\b", used)
             and _holds(call, t[0].targets[0].id, got) and _names_size(call, t[3], want[axes[0]])]
    if len(found) != 1 or len(axes) != 1:
        return None
    stmt, node, other, size_text = found[0]
    text = linecache.getline(file, stmt.lineno).rstrip("\n")
    new_text = text[:node.col_offset] + size_text + text[node.end_col_offset:]
    edit = TextEdit(file, stmt.lineno, node.col_offset, stmt.lineno, node.end_col_offset, size_text)
    target = stmt.targets[0].id
    fix = script_checked_fix(f"make `{target}` with the size `{other.targets[0].id}` has (line {other.lineno}): "
                             f"{size_text}", new_text.strip(), display_path(file), stmt.lineno, [edit], cost=1)
    place = Place("data", target, "data", display_path(file), stmt.lineno, text.strip())
    why = (f"`{target}` is made on line {stmt.lineno} like `{other.targets[0].id}` on line {other.lineno}, but with "
           f"`{text[node.col_offset:node.end_col_offset]}` where that line has `{size_text}`: the model was built for "
           f"{tuple(want[1:])} per sample and gets {tuple(got[1:])}.")
    return place, fix, why


def _holds(call: Any, name: str, shape: tuple) -> bool:
    """The caller's array *name* is the data that did not fit (its shape is *shape* but for the count)."""
    value = (call.names or {}).get(name)
    return tuple(getattr(value, "shape", ())[1:]) == tuple(shape[1:])


def _names_size(call: Any, text: str, size: int) -> bool:
    """*text* (a literal or a name of the caller's module) is *size*."""
    try:
        return ast.literal_eval(text) == size
    except (ValueError, SyntaxError):
        return (call.sizes or {}).get(text) == size


def _sized_twins(file: str, rank: int, axes: list) -> list:
    """Every (statement, its differing size node, the twin statement, the twin's size text): two one-line
    assignments whose values are the same code but for a *rank*-long size tuple, where they differ at the
    sample count (position 0) and at exactly the one axis in *axes*."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return []
    if len(axes) != 1:
        return []
    axis = axes[0]
    assigns = name_assignments(tree)
    found = []
    for stmt in assigns:
        for other in assigns:
            if other is stmt or other.targets[0].id == stmt.targets[0].id:
                continue
            pair = _one_size_apart(stmt.value, other.value, rank, axis)
            if pair is not None:
                text = linecache.getline(file, other.lineno)
                if text.isascii() and linecache.getline(file, stmt.lineno).isascii():
                    found.append((stmt, pair[0], other, text[pair[1].col_offset:pair[1].end_col_offset]))
    return [f for f in found if f[3]]


def _one_size_apart(mine: ast.expr, theirs: ast.expr, rank: int, axis: int):
    """(my size node, their size node) when *mine* and *theirs* are the same code except inside one tuple
    of *rank* sizes, at position 0 and at *axis* (which differ); else None."""
    tuples = [(a, b) for a, b in zip(ast.walk(mine), ast.walk(theirs))
              if isinstance(a, ast.Tuple) and isinstance(b, ast.Tuple) and len(a.elts) == len(b.elts) == rank]
    for a, b in tuples:
        if ast.dump(a.elts[axis]) == ast.dump(b.elts[axis]):
            continue
        if any(ast.dump(x) != ast.dump(y) for j, (x, y) in enumerate(zip(a.elts, b.elts)) if j not in (0, axis)):
            continue
        if ast.dump(mine).replace(ast.dump(a), "_size_", 1) == ast.dump(theirs).replace(ast.dump(b), "_size_", 1):
            return a.elts[axis], b.elts[axis]
    return None


def _any_count(text: str, per_sample: int) -> str:
    """*text* with a reshape's literal sample count (``reshape(600, 784)``: the training split's) written
    as ``-1``, so the twin fits a split of any size."""
    try:
        value = ast.parse(text).body[0].value
    except (SyntaxError, IndexError, AttributeError):
        return text
    for call in _shaping_calls(value):
        if not (isinstance(call.func, ast.Attribute) and call.func.attr == "reshape"):
            continue
        sizes = call.args[0].elts if len(call.args) == 1 and isinstance(call.args[0], ast.Tuple) else call.args
        if len(sizes) < 2 or not all(isinstance(n, ast.Constant) and type(n.value) is int for n in sizes):
            continue
        if sizes[0].value > 1 and math.prod(n.value for n in sizes[1:]) == per_sample:
            return text[:sizes[0].col_offset] + "-1" + text[sizes[0].end_col_offset:]
    return text


def _twins(file: str) -> list:
    """Every (statement, its text, the twin's text renamed, the twin's variable, the twin's line) where the
    statement is its twin with one shaping call removed."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return []
    assigns = name_assignments(tree)
    found = []
    for stmt in assigns:
        text = linecache.getline(file, stmt.lineno).rstrip("\n")
        if not text.isascii():
            continue
        mine = ast.dump(stmt.value)
        for other in assigns:
            o, t = other.targets[0].id, stmt.targets[0].id
            if other is stmt or o == t or not _shaping_calls(other.value):
                continue
            renamed = re.sub(rf"\b{re.escape(o)}\b", t, linecache.getline(file, other.lineno).strip())
            try:
                value = ast.parse(renamed).body[0].value
            except (SyntaxError, IndexError, AttributeError):
                continue
            if any(ast.dump(v) == mine for v in _without_one_shaping_call(renamed, value)):
                found.append((stmt, text, renamed, o, other.lineno))
    return found


_SHAPING = {"reshape", "expand_dims"}


def _shaping_calls(value: ast.expr) -> list[ast.Call]:
    from shapedoctor.trace.sites import called_name

    return [n for n in ast.walk(value) if isinstance(n, ast.Call) and called_name(n.func) in _SHAPING]


def _without_one_shaping_call(text: str, value: ast.expr) -> list[ast.expr]:
    """*value* (parsed from the statement *text*) with each of its shaping calls removed in turn:
    ``a.reshape(...)`` -> ``a``; ``np.reshape(a, ...)`` / ``np.expand_dims(a, ...)`` -> ``a``."""
    out = []
    for call in _shaping_calls(value):
        if isinstance(call.func, ast.Attribute) and call.func.attr == "reshape" and not _is_module(call.func.value):
            kept = call.func.value
        elif call.args:
            kept = call.args[0]
        else:
            continue
        start = ast.get_source_segment(text, call)
        inner = ast.get_source_segment(text, kept)
        if not start or not inner:
            continue
        try:
            out.append(ast.parse(text.replace(start, inner, 1)).body[0].value)
        except (SyntaxError, IndexError, AttributeError):
            continue
    return out


def _is_module(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in ("np", "numpy", "tf", "ops", "keras")
