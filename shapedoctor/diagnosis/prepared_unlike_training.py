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
"""

from __future__ import annotations

import ast
import linecache
import math
import re
from typing import Any


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
        tree = ast.parse("".join(linecache.getlines(file)))
    except SyntaxError:
        return []
    assigns = [s for s in ast.walk(tree) if isinstance(s, ast.Assign) and len(s.targets) == 1
               and isinstance(s.targets[0], ast.Name) and s.lineno == s.end_lineno]
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
