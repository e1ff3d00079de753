"""A new input shape written where the helper that builds the model is called, not inside the helper.

keras-io's speaker recognition example builds its model with ``build_model((SAMPLING_RATE // 2, 1),
num_classes)``: the helper's ``Input(shape=input_shape)`` takes the shape from its caller. A fix that writes
``Input(shape=(800, 1))`` in the helper would work, but it hard-codes the size and leaves the parameter
unused; the size belongs in the call (r636), spelled with the caller's names where the new size is a whole
ratio of the old one (``SAMPLING_RATE // 2`` for 800 where ``SAMPLING_RATE`` is 1600).

Evidence, read: a verified fix of the finding sets the shape of an ``Input`` whose ``shape=`` is a
parameter of the function around it; that function is called exactly once in the file, with a tuple for
that parameter whose entries evaluate (module integer constants) to the old shape. The call's tuple is the
root cause; the fix writes the new shape there, proven by running the patched script, and goes first.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_SHAPE = re.compile(r"shape=\(([^()]*)\)")


def helper_input_argument(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* whose first fix declares an ``Input`` shape, re-written at the helper's call, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    declared = [f for f in (finding.fixes if finding is not None else []) if f.verified and f.file
                and "Input(" in (f.code or "")]
    if not declared:
        return finding
    return reaimed(finding, _found, _aim, declared[0], recorder)


def _found(fix: Any, recorder: Any):
    from shapedoctor.trace.sites import called_name, int_value, module_ints, source_tree

    match = _SHAPE.search(fix.code or "")
    if match is None or "Input(" not in fix.code:
        return None
    try:
        new = tuple(int(p) for p in match.group(1).split(",") if p.strip())
    except ValueError:
        return None
    path = next((f for f in (getattr(e, "file", None) for e in fix.edits) if f), None) or fix.file
    tree = source_tree(path)
    line = fix.line
    inputs = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) in ("Input", "InputLayer")
              and c.lineno <= line <= c.end_lineno]
    if len(inputs) != 1:
        return None
    shape = next((k.value for k in inputs[0].keywords if k.arg == "shape"), None)
    function = max((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.lineno < line <= f.end_lineno),
                   key=lambda f: f.lineno, default=None)
    if not isinstance(shape, ast.Name) or function is None:
        return None
    params = [a.arg for a in function.args.args]
    if shape.id not in params:
        return None
    position = params.index(shape.id)
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and called_name(c.func) == function.name
             and isinstance(c.func, ast.Name)]
    if len(calls) != 1:
        return None
    call = calls[0]
    given = next((k.value for k in call.keywords if k.arg == shape.id), None)
    if given is None and position < len(call.args):
        given = call.args[position]
    if not isinstance(given, ast.Tuple) or len(given.elts) != len(new) or given.lineno != given.end_lineno:
        return None
    ints = module_ints(tree)
    old = [int_value(e, ints) for e in given.elts]
    if None in old:
        return None
    texts = []
    for element, was, want in zip(given.elts, old, new):
        text = linecache.getline(path, element.lineno)[element.col_offset:element.end_col_offset]
        if was == want:
            texts.append(text)
        elif isinstance(element, ast.Name) and was % want == 0:
            texts.append(f"{text} // {was // want}")
        elif isinstance(element, ast.Name) and want % was == 0:
            texts.append(f"{text} * {want // was}")
        else:
            texts.append(str(want))
    written = f"({texts[0]},)" if len(texts) == 1 else f"({', '.join(texts)})"
    return path, call, given, written


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, given, written = found
    edit = TextEdit.replacing(path, given, written)
    fix = script_checked_fix(f"build the model for the data it is given: {written} where the helper is called",
                             edit.shown(), display_path(path), given.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "Input", path, call.lineno)
    finding.fixes = [fix] + finding.fixes
    return finding
