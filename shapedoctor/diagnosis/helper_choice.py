"""The caller picked the wrong block helper: name the call site and call the projecting sibling.

Residual networks written with helper functions usually define two blocks side by side: one whose
shortcut is the block's input unchanged (``shortcut = x``), valid only where the block keeps the
width, and one that projects the shortcut (a 1x1 convolution on the input). When the identity block
fails at its merge because the branch changed the width, and the same file defines a sibling
helper taking the same leading parameters whose shortcut is made by a layer, the helper is fine:
the line that called it is the root cause, and calling the sibling there is the fix.

The sibling is checked on the real helper before it is offered: it is called (with the failing
call's own arguments) on a fresh input of the failing block's input shape, and must return what the
identity block would have returned (the branch's shape). When its defaults change that shape, one
integer keyword that defaults above 1 and that the call does not set (a stride) set to 1 is tried.
The fix is then proven by running the patched script (``needs_proof``).
"""

from __future__ import annotations

import ast
import linecache
import os
import traceback
from dataclasses import dataclass

from shapedoctor.report.model import FixReport, Place
from shapedoctor.trace.sites import source_tree


@dataclass
class HelperChoice:
    culprit: Place
    fix: FixReport


def _params(func: ast.FunctionDef) -> list[str]:
    return [a.arg for a in func.args.args]


def _projects_its_shortcut(func: ast.FunctionDef) -> bool:
    """A merge of a list of names, none of them an alias of a parameter (``s = x``)."""
    params = set(_params(func))
    assigned = {t.id for n in ast.walk(func) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    aliases = {n.targets[0].id for n in ast.walk(func) if isinstance(n, ast.Assign) and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Name) and n.value.id in params}
    params -= assigned  # a parameter replaced by a layer's output is no longer the block's input
    merges = [n for n in ast.walk(func) if isinstance(n, ast.Call) and n.args and isinstance(n.args[0], (ast.List, ast.Tuple))
              and len(n.args[0].elts) >= 2 and all(isinstance(e, ast.Name) for e in n.args[0].elts)]
    return bool(merges) and all(e.id not in aliases | params for m in merges for e in m.args[0].elts)


def sibling_helper(ctx, failure, shortcut: Place | None) -> HelperChoice | None:
    """The call site and the sibling helper to call there, or None when any step does not hold."""
    site = ctx.consumer.called
    if shortcut is None or site is None or shortcut.file != site.file:
        return None
    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return None
    top = [f for f in tree.body if isinstance(f, ast.FunctionDef)]
    helper = next((f for f in top if f.lineno <= site.line <= (f.end_lineno or f.lineno)), None)
    frames = _helper_frames(helper, site.file, failure.exception) if helper is not None else None
    if frames is None:
        return None
    helper_frame, caller_line = frames
    call = _single_call(tree, helper.name, caller_line)
    if call is None:
        return None
    params = _params(helper)
    used = params[: len(call.args)]
    keywords = [k.arg for k in call.keywords if k.arg in params]
    if len(keywords) != len(call.keywords) or not used:
        return None
    branch = _branch_shape(helper, site.line, shortcut.layer, ctx.received)
    if branch is None:
        return None
    for sibling in top:
        if sibling is helper or _params(sibling)[: len(used)] != used or not _projects_its_shortcut(sibling):
            continue
        if any(k not in _params(sibling) for k in keywords):
            continue
        extra = _checked_variant(sibling, helper_frame, used, keywords, branch)
        if extra is not None:
            return _choice(site.file, call, helper.name, sibling.name, extra, caller_line)
    return None


def _helper_frames(helper: ast.FunctionDef, file: str, exc: BaseException) -> tuple | None:
    """The failing helper's frame and the line of the same file that called it."""
    path = os.path.realpath(file)
    frames = list(traceback.walk_tb(exc.__traceback__))
    at = next((i for i, (frame, _line) in enumerate(frames) if frame.f_code.co_name == helper.name
               and os.path.realpath(frame.f_code.co_filename) == path), None)
    if not at:
        return None
    caller_frame, caller_line = frames[at - 1]
    if os.path.realpath(caller_frame.f_code.co_filename) != path:
        return None
    return frames[at][0], caller_line


def _single_call(tree: ast.Module, name: str, line: int) -> ast.Call | None:
    """The one call of *name* written on *line* (alone on that line), else None."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == name and n.lineno == line == n.end_lineno]
    return calls[0] if len(calls) == 1 else None


def _branch_shape(helper: ast.FunctionDef, line: int, shortcut: str, received: list) -> tuple | None:
    """The shape of the merge's other input (the branch), when the merge on *line* takes two names
    and one of them is the shortcut."""
    merges = [m for m in ast.walk(helper) if isinstance(m, ast.Call) and m.lineno <= line <= (m.end_lineno or m.lineno)
              and m.args and isinstance(m.args[0], (ast.List, ast.Tuple))]
    if not merges:
        return None
    names = [e.id if isinstance(e, ast.Name) else None for e in merges[-1].args[0].elts]
    if shortcut not in names or len(names) != len(received) or len(names) != 2:
        return None
    return received[1 - names.index(shortcut)]


def _checked_variant(sibling: ast.FunctionDef, frame, used: list[str], keywords: list[str], branch: tuple) -> dict | None:
    """The keyword changes (none, or one int default set to 1) under which the real sibling,
    called like the failing helper, returns the branch's shape; None when none does."""
    import keras

    function = frame.f_globals.get(sibling.name)
    tensor = frame.f_locals.get(used[0])
    if not callable(function) or tensor is None or getattr(tensor, "shape", None) is None:
        return None
    defaults = sibling.args.defaults
    defaulted = _params(sibling)[len(_params(sibling)) - len(defaults):]
    variants: list[dict] = [{}]
    for name, value in zip(defaulted, defaults):
        if name not in keywords and name not in used and isinstance(value, ast.Constant) \
                and isinstance(value.value, int) and not isinstance(value.value, bool) and value.value > 1:
            variants.append({name: 1})
    for extra in variants:
        try:
            fresh = keras.Input(shape=tuple(tensor.shape[1:]))
            args = [fresh] + [frame.f_locals[name] for name in used[1:]]
            kwargs = {name: frame.f_locals[name] for name in keywords}
            out = function(*args, **kwargs, **extra)
        except Exception:  # noqa: BLE001 - the sibling does not fit here: not offered
            continue
        if tuple(getattr(out, "shape", ())[1:]) == tuple(branch[1:]):
            return extra
    return None


def _choice(file: str, call: ast.Call, old: str, new: str, extra: dict, line: int) -> HelperChoice:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    raw = linecache.getline(file, line)
    edits = [TextEdit(file, line, call.func.col_offset, line, call.func.end_col_offset, new)]
    added = "".join(f", {k}={v}" for k, v in extra.items())
    if added:
        edits.append(TextEdit(file, line, call.end_col_offset - 1, line, call.end_col_offset - 1, added))
    text = raw[: call.func.col_offset] + new + raw[call.func.end_col_offset: call.end_col_offset - 1] + added \
        + raw[call.end_col_offset - 1:]
    code = text.strip()
    culprit = Place("layer", old, "call", file, line, raw.strip())
    title = f"call {new} here instead of {old}: its shortcut is projected to the width the block makes"
    return HelperChoice(culprit, script_checked_fix(title, code, file, line, edits))
