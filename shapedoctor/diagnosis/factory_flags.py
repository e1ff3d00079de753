"""A model built by a helper whose on/off switches were left at the wrong setting.

A TCN helper (r645) builds either a softmax classifier or a linear regressor, and keeps every step's
output or only the last one, from two switches: ``compiled_tcn(..., return_sequences=False,
regression=False)``. Called with ``return_sequences=True`` and without ``regression=True`` for one real
value per recording, it compiles ``sparse_categorical_crossentropy`` on real targets. The lines Keras
and the diagnosis point at (the loss in the helper's classifier branch) are right, but the helper is
not what the user got wrong: its call is, and the fix is the call with the switches set for the task.

Evidence, read: the culprit line lies inside a function of the script, in the body of an ``if`` on one
of its boolean parameters (a parameter whose default is ``True`` or ``False``); that function is called
once, at the module's top level. The candidates flip that switch at the call, alone and together with
each other boolean switch the function tests. Nothing is guessed: each candidate is proven by running
the patched script, whose run must end without a shape problem (a regressor that still keeps every
step broadcasts its loss, a silent problem the proof run sees), so only a setting that really fits the
data is shown verified.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_MAX_OTHERS = 2  # switches flipped together with the one that chose the culprit's branch


def factory_flags(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* with the helper call's switch settings as fixes (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    from shapedoctor.trace.sites import display_path

    if finding is None or finding.culprit is None or not finding.culprit.line \
            or any(f.verified for f in finding.fixes):
        return None
    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.site is not None and c.site.file]
    if not calls:
        return None
    path = calls[-1].site.file
    if display_path(path) != finding.culprit.file:
        return None
    tree = source_tree(path)
    line = finding.culprit.line
    helper = next((d for d in tree.body if isinstance(d, ast.FunctionDef) and d.lineno < line <= d.end_lineno),
                  None)
    if helper is None:
        return None
    switches = _switches(helper)
    tested = [n for n in ast.walk(helper) if isinstance(n, ast.If) and n.body[0].lineno <= line <= n.end_lineno]
    chosen = [name for node in tested for name in _names(node.test) if name in switches]
    uses = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
            and c.func.id == helper.name]
    top = [s.value for s in tree.body if isinstance(s, (ast.Assign, ast.Expr)) and isinstance(s.value, ast.Call)
           and isinstance(s.value.func, ast.Name) and s.value.func.id == helper.name]
    if len(uses) != 1 or len(top) != 1 or not chosen:
        return None
    call = top[0]
    lines = linecache.getlines(path)[call.lineno - 1:call.end_lineno]
    if not all(text.isascii() for text in lines) or any(k.arg is None for k in call.keywords):
        return None
    current = dict(switches)
    for keyword in call.keywords:
        if keyword.arg in switches:
            if not (isinstance(keyword.value, ast.Constant) and type(keyword.value.value) is bool):
                return None
            current[keyword.arg] = keyword.value.value
    positional = [a.arg for a in helper.args.args][:len(call.args)]
    if any(name in switches for name in positional):
        return None
    first = chosen[0]
    others = [n for n in _tested_switches(helper, switches) if n != first][:_MAX_OTHERS]
    settings = [{first: not current[first]}] + [{first: not current[first], o: not current[o]} for o in others]
    return path, helper, call, settings, first


def _switches(helper: ast.FunctionDef) -> dict[str, bool]:
    """The helper's parameters with a ``True``/``False`` default, and that default."""
    args = helper.args
    plain = args.args[len(args.args) - len(args.defaults):]
    pairs = list(zip(plain, args.defaults)) + [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d]
    return {a.arg: d.value for a, d in pairs if isinstance(d, ast.Constant) and type(d.value) is bool}


def _names(test: ast.expr) -> list[str]:
    return [n.id for n in ast.walk(test) if isinstance(n, ast.Name)]


def _tested_switches(helper: ast.FunctionDef, switches: dict[str, bool]) -> list[str]:
    """The switches an ``if`` of the helper tests, in the order the helper first tests them."""
    seen: list[str] = []
    for node in sorted((n for n in ast.walk(helper) if isinstance(n, ast.If)), key=lambda n: n.lineno):
        seen += [name for name in _names(node.test) if name in switches and name not in seen]
    return seen


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, helper, call, settings, first = found
    source = "".join(linecache.getlines(path))
    fixes = []
    for cost, setting in enumerate(settings, start=1):
        edits = []
        for name, value in setting.items():
            keyword = next((k for k in call.keywords if k.arg == name), None)
            if keyword is not None:
                edits.append(TextEdit.replacing(path, keyword.value, str(value)))
            else:
                end = call.end_col_offset - 1
                edits.append(TextEdit(path, call.end_lineno, end, call.end_lineno, end, f", {name}={value}"))
        patched = apply_edits(source, edits).splitlines()
        shown = " ".join(text.strip() for text in patched[call.lineno - 1:call.end_lineno])
        said = " and ".join(f"{name}={value}" for name, value in setting.items())
        fixes.append(script_checked_fix(f"call {helper.name} with {said}", shown, display_path(path),
                                        call.lineno, edits, cost=cost))
    text = linecache.getline(path, call.lineno).strip()
    where = finding.culprit.line
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", helper.name, helper.name, display_path(path), call.lineno, text)
    finding.fixes = fixes + list(finding.fixes)
    finding.explanation = (
        f"{finding.explanation or ''} The line at fault, {where}, is code `{helper.name}` runs because of how it "
        f"was called: it sits under a test of its switch `{first}`. The helper itself is fine; the call on "
        f"line {call.lineno} chose the branch that does not fit this data, so the fix sets the switches there "
        "(each setting is checked by running the patched script).")
    return finding
